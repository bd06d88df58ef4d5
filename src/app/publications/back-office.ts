// Read models of the publications back office: the register (the list with its filters, names, the art. 26
// badge and what the actor may do), the draft form's choices, the item page (with the pre-publication
// checks as they stand, the art. 18 panel and what the actor may do), an attachment, editing a draft's
// attachments one by one, and the dashboard numbers.
import { displayNames } from '../users/display-names.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { holdsOver } from '../../domain/policies/actor.js';
import {
  canEditPublications,
  canManageCatalogue,
  canViewPublications,
} from '../../domain/policies/publication-policy.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import type { PublicationStatus } from '../../domain/publications/deadlines.js';
import { roleForLevel, type ReviewLevel } from '../../domain/publications/review-chain.js';
import type { CheckFinding } from '../../domain/publications/checks.js';
import { INTERPRETABLE_KINDS, type DraftInput } from '../../domain/publications/draft-fields.js';
import type { PublicationKind, PublicationState } from '../../domain/publications/publication.js';
import { localDate, type LocalDate } from '../../domain/core/local-date.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { catalogueRowChoices, type RowChoiceGroup } from '../standard-catalogue/link-row.js';
import { checkPublication } from './act-on-publication.js';
import { loadPublicationConfig } from './catalogue.js';
import { updateDraft, type AttachmentUpload, type DraftContext } from './drafts.js';
import {
  getPublication,
  listPublications,
  publicationClocks,
  type PublicationView,
  type ReadContext,
} from './publication-queries.js';
import { reassessmentPanel, type ReassessmentPanel } from './reassessment.js';
import type { Category, PublicationFilter, PublicationRecord, PublicationSummary } from './ports.js';

/** A list row: the summary, its organization and category names, and the art. 26 status (null for 不予公开). */
export type PublicationRow = PublicationSummary & {
  orgName: string;
  categoryName: string;
  clock: PublicationStatus | null;
};

/** States before publication (the art. 26 clock runs). */
const UNPUBLISHED = ['draft', 'submitted', 'in_review', 'signed_off', 'scheduled'] as const;
/** The register's `review` filter: items waiting for a reviewer. */
const AWAITING_REVIEW = ['submitted', 'in_review'] as const;

/** Rows per register page. */
export const REGISTER_PAGE_SIZE = 20;

/** Category names by id for the given organizations (retired ones included). */
async function categoryNames(ctx: ReadContext, orgIds: Iterable<string>): Promise<Map<string, string>> {
  const lists = await Promise.all(
    [...new Set(orgIds)].map((id) => ctx.repos.categories.list(id, { includeRetired: true })),
  );
  return new Map(lists.flat().map((c) => [c.id, c.name]));
}

/**
 * The back-office list with names and the art. 26 badge.
 * @param filter as listPublications (within what the actor may see)
 */
export async function listPublicationRows(
  ctx: ReadContext,
  actor: Actor,
  filter: Partial<PublicationFilter>,
  page: { limit: number; offset: number },
): Promise<{ items: PublicationRow[]; total: number }> {
  const { items, total } = await listPublications(ctx, actor, filter, page);
  const [orgs, names, cal] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    categoryNames(
      ctx,
      items.map((i) => i.orgId),
    ),
    loadHolidayCalendar(ctx.repos),
  ]);
  const clocks = await publicationClocks(ctx, items, cal);
  return {
    total,
    items: items.map((i) => ({
      ...i,
      orgName: orgs.find((o) => o.id === i.orgId)?.name ?? '',
      categoryName: names.get(i.categoryId) ?? '',
      clock: clocks.get(i.id)?.status ?? null,
    })),
  };
}

/** Organizations whose items the actor may see, and those where they may draft. */
export async function publicationOrgs(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor,
): Promise<{ visible: Organization[]; editable: Organization[] }> {
  const orgs = await ctx.repos.orgs.list();
  const visible = orgs.filter((o) => canViewPublications(actor, ancestry(orgs, o.id)));
  return { visible, editable: visible.filter((o) => canEditPublications(actor, ancestry(orgs, o.id))) };
}

/**
 * The categories an item may be filed under (active leaves), labelled with their path
 * (“法定主动公开内容 › 政策文件 › 规章”), in catalogue order.
 */
export async function categoryChoices(ctx: Pick<AppContext, 'repos'>, orgId: string): Promise<[string, string][]> {
  const cats = await ctx.repos.categories.list(orgId);
  const byId = new Map(cats.map((c) => [c.id, c]));
  const out: [string, string][] = [];
  const walk = (parentId: string | null, path: string[]) => {
    for (const c of cats.filter((x) => x.parentId === parentId)) {
      if (c.kind === 'category') out.push([c.id, [...path, c.name].join(' › ')]);
      else walk(c.id, [...path, c.name]);
    }
  };
  walk(null, []);
  // Leaves whose parent was retired still count as filed somewhere: list them last.
  for (const c of cats) {
    if (c.kind === 'category' && c.parentId !== null && !byId.has(c.parentId)) out.push([c.id, c.name]);
  }
  return out;
}

/** The register's filters as typed in its query string (each one optional). */
export type RegisterQuery = {
  q?: string;
  /** A state, or `review` for items waiting for a reviewer (submitted, in review). */
  state?: PublicationState | 'review';
  kind?: PublicationKind;
  category?: string;
  org?: string;
  page?: number;
};

/** The register page: one page of rows, the filters' choices, and what the actor may do. */
export type PublicationRegister = {
  rows: PublicationRow[];
  total: number;
  page: number;
  pageCount: number;
  /** [id, name] of the organizations whose items the actor sees (the organization filter). */
  orgs: [string, string][];
  /** The category filter's choices: the filtered organization's, else the actor's own. */
  categories: [string, string][];
  /** The organization whose catalogue and settings the actor may manage from here, if any. */
  catalogueOrgId: string | null;
  can: { draft: boolean };
};

/** The register: the items the actor may see, filtered, newest change first. */
export async function publicationRegister(
  ctx: ReadContext,
  actor: Actor,
  query: RegisterQuery,
): Promise<PublicationRegister> {
  const { visible, editable } = await publicationOrgs(ctx, actor);
  const orgId = visible.some((o) => o.id === query.org) ? query.org : undefined;
  const page = query.page ?? 1;
  const filter: Partial<PublicationFilter> = {
    ...(orgId ? { orgIds: [orgId] } : {}),
    states: query.state === 'review' ? AWAITING_REVIEW : query.state ? [query.state] : undefined,
    kind: query.kind,
    categoryId: query.category || undefined,
    query: query.q || undefined,
  };
  const catalogueOrg = orgId ?? (visible.some((o) => o.id === actor.homeOrgId) ? actor.homeOrgId : visible[0]?.id);
  const [{ items, total }, categories] = await Promise.all([
    listPublicationRows(ctx, actor, filter, { limit: REGISTER_PAGE_SIZE, offset: (page - 1) * REGISTER_PAGE_SIZE }),
    catalogueOrg ? categoryChoices(ctx, catalogueOrg) : Promise.resolve([]),
  ]);
  const manages = catalogueOrg !== undefined && canManageCatalogue(actor, ancestry(visible, catalogueOrg));
  return {
    rows: items,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE)),
    orgs: visible.map((o) => [o.id, o.name]),
    categories,
    catalogueOrgId: manages ? (catalogueOrg ?? null) : null,
    can: { draft: editable.length > 0 },
  };
}

/** What the draft form offers: the organization drafted for, the others the actor may draft for, and its lists. */
export type DraftChoices = {
  org: { id: string; name: string };
  /** [id, name] of the organizations the actor may draft for. */
  orgs: [string, string][];
  categories: [string, string][];
  /** The organization's key areas (重点领域). */
  keyAreas: string[];
  /** The organization's standard-catalogue rows by key area (the optional link). */
  catalogueRows: RowChoiceGroup[];
  /** The office's date (a new draft's 成文日期, and the latest allowed). */
  today: LocalDate;
};

/**
 * The draft form's choices for one organization the actor may draft for: the one asked for, else their own,
 * else the first.
 * @param catalogueRow the row the draft links to (a retired row stays offered to it)
 * @throws AppError 'forbidden' when the actor may draft for no organization
 */
export async function draftChoices(
  ctx: AppContext,
  actor: Actor,
  orgId: string | undefined,
  catalogueRow: string | null = null,
): Promise<DraftChoices> {
  const { editable } = await publicationOrgs(ctx, actor);
  const org = editable.find((o) => o.id === orgId) ?? editable.find((o) => o.id === actor.homeOrgId) ?? editable[0];
  if (!org) throw forbidden('您不是任何机构的“信息编辑”，不能起草信息');
  const [categories, areas, catalogueRows] = await Promise.all([
    categoryChoices(ctx, org.id),
    ctx.repos.standardCatalogue.areas(org.id),
    catalogueRowChoices(ctx, org.id, catalogueRow),
  ]);
  return {
    org: { id: org.id, name: org.name },
    orgs: editable.map((o) => [o.id, o.name]),
    categories,
    keyAreas: areas.map((a) => a.name),
    catalogueRows,
    today: localDate(ctx.clock.today()),
  };
}

/** The draft being edited: the stored item, the 索引号 it interprets, and the form's choices. */
export type DraftEditPage = { pub: PublicationRecord; interpretsIndexNo: string; choices: DraftChoices };

/**
 * A draft for its edit form.
 * @throws AppError 'not_found', 'forbidden' (not an editor of its organization), 'conflict' (not a draft)
 */
export async function draftEditPage(ctx: AppContext, actor: Actor, id: string): Promise<DraftEditPage> {
  const { pub } = await getPublication(ctx, actor, id);
  const { editable } = await publicationOrgs(ctx, actor);
  if (!editable.some((o) => o.id === pub.orgId)) throw forbidden('需要“信息编辑”角色才能修改信息');
  if (pub.state !== 'draft') throw conflict('只有草稿可以修改；已送审的信息请先退回');
  const target = pub.interpretsId ? await ctx.repos.publications.byId(pub.interpretsId) : undefined;
  return {
    pub,
    interpretsIndexNo: target?.indexNo ?? '',
    choices: await draftChoices(ctx, actor, pub.orgId, pub.catalogueRowId ?? null),
  };
}

/** The item page: the view, the checks as they stand, the names it shows, and what the actor may do. */
export type PublicationPage = PublicationView & {
  org: Organization | undefined;
  category: Category | undefined;
  levels: readonly ReviewLevel[];
  /** The pre-publication checks on the current fields (what a reviewer will be asked to confirm). */
  findings: CheckFinding[];
  /** The interpreted document, if any. */
  interprets: { id: string; indexNo: string; title: string } | null;
  /** The document's live interpretations (撤稿 offers to withdraw them with it). */
  interpretations: { id: string; indexNo: string; title: string }[];
  /** The body through the HTML allow-list again, for display. */
  bodyHtml: string;
  /** The art. 18 re-assessment section. */
  reassess: ReassessmentPanel;
  /** Who took each step of the review trail, by account id: display name and username. */
  people: Record<string, string>;
  today: LocalDate;
  /** edit: the draft's form; interpret: "为本文件起草解读". */
  can: { edit: boolean; interpret: boolean };
};

/**
 * One item as its page shows it.
 * @throws AppError 'not_found' (also for items the actor may not see)
 */
export async function publicationPage(
  ctx: Pick<AppContext, 'repos' | 'clock' | 'sanitizer' | 'htmlReader' | 'portalUrls'>,
  actor: Actor,
  id: string,
): Promise<PublicationPage> {
  const view = await getPublication(ctx, actor, id);
  const { pub } = view;
  const [orgs, category, config, findings, target, reassess, people, interpretations] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    ctx.repos.categories.byId(pub.categoryId),
    loadPublicationConfig(ctx.repos, pub.orgId),
    ['draft', 'submitted', 'in_review', 'signed_off'].includes(pub.state)
      ? checkPublication(ctx, pub)
      : Promise.resolve([]),
    pub.interpretsId ? ctx.repos.publications.byId(pub.interpretsId) : Promise.resolve(undefined),
    reassessmentPanel(ctx, actor, id),
    displayNames(
      ctx,
      pub.reviews.map((r) => r.actorId),
    ),
    ctx.repos.publications.interpretationsOf(id),
  ]);
  const editor = canEditPublications(actor, ancestry(orgs, pub.orgId));
  return {
    ...view,
    org: orgs.find((o) => o.id === pub.orgId),
    category,
    levels: config.levels,
    findings,
    interprets: target ? { id: target.id, indexNo: target.indexNo, title: target.title } : null,
    interpretations: interpretations.map((i) => ({
      id: i.id,
      indexNo: i.live.fields.indexNo,
      title: i.live.fields.title,
    })),
    bodyHtml: ctx.sanitizer.html(pub.bodyHtml),
    reassess,
    people,
    today: localDate(ctx.clock.today()),
    can: {
      edit: pub.state === 'draft' && editor,
      interpret: editor && pub.state !== 'withdrawn' && INTERPRETABLE_KINDS.includes(pub.kind),
    },
  };
}

/**
 * An attachment of an item the actor may see, for download.
 * @throws AppError 'not_found'
 */
export async function publicationAttachment(
  ctx: ReadContext,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const { pub } = await getPublication(ctx, actor, id);
  const att = pub.attachments.find((a) => a.fileId === fileId);
  const file = att ? await ctx.repos.files.get(att.fileId) : undefined;
  if (!att || !file) throw notFound('附件');
  return { name: att.name, mime: att.mime, bytes: file.content };
}

/**
 * Edits a draft keeping its attachments except those removed, and adding the uploads.
 * @param files.remove file ids to drop; files.added new uploads
 * @throws AppError as updateDraft
 */
export async function editDraft(
  ctx: DraftContext,
  actor: Actor,
  id: string,
  input: DraftInput,
  files: { remove: readonly string[]; added: readonly AttachmentUpload[] },
): Promise<void> {
  const pub = await ctx.repos.publications.byId(id);
  if (!pub) throw notFound('信息');
  if (files.remove.length === 0 && files.added.length === 0) return updateDraft(ctx, actor, id, input);
  const kept: AttachmentUpload[] = [];
  for (const a of pub.attachments.filter((x) => !files.remove.includes(x.fileId))) {
    const f = await ctx.repos.files.get(a.fileId);
    if (f) kept.push({ name: a.name, mime: a.mime, content: f.content });
  }
  const attachments = [...kept, ...files.added];
  return updateDraft(ctx, actor, id, { ...input, attachments, keepAttachments: attachments.length > 0 });
}

/** The dashboard card's numbers. */
export type PublicationDashboard = {
  /** Items waiting at a level whose role the actor holds (编审分离 is checked when they act). */
  awaitingMe: number;
  drafts: number;
  late: PublicationRow[];
  dueSoon: number;
};

/** How many unpublished items the dashboard examines for the art. 26 clock. */
const CLOCK_SCAN_LIMIT = 1000;

/** The dashboard's 主动公开 numbers for the actor's organizations. */
export async function loadPublicationDashboard(ctx: ReadContext, actor: Actor): Promise<PublicationDashboard> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const configs = new Map<string, readonly ReviewLevel[]>();
  const levelsOf = async (orgId: string) =>
    configs.get(orgId) ?? configs.set(orgId, (await loadPublicationConfig(ctx.repos, orgId)).levels).get(orgId) ?? [];
  let awaitingMe = 0;
  for (const level of [1, 2, 3]) {
    const { items } = await listPublications(
      ctx,
      actor,
      { reviewLevel: level },
      { limit: CLOCK_SCAN_LIMIT, offset: 0 },
    );
    for (const i of items) {
      if (holdsOver(actor, roleForLevel(await levelsOf(i.orgId), level, i.major), ancestry(orgs, i.orgId))) {
        awaitingMe += 1;
      }
    }
  }
  const [drafts, open] = await Promise.all([
    listPublications(ctx, actor, { states: ['draft'] }, { limit: 1, offset: 0 }),
    listPublicationRows(ctx, actor, { states: UNPUBLISHED }, { limit: CLOCK_SCAN_LIMIT, offset: 0 }),
  ]);
  // Every item on its way to the portal is timed: a first publication from 成文日期, a new version (修订, 撤稿后修订)
  // from the day of the change (art. 26 "形成或者变更之日起").
  const unpublished = open.items;
  return {
    awaitingMe,
    drafts: drafts.total,
    late: unpublished.filter((i) => i.clock === 'late').sort((a, b) => a.writtenOn.localeCompare(b.writtenOn)),
    dueSoon: unpublished.filter((i) => i.clock === 'due_soon').length,
  };
}

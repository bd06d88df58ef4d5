// Read models and helpers of the publications back office: list rows with category names and the
// art. 26 badge, the item page (with the pre-publication checks as they stand now), the category
// choices of a form, editing a draft's attachments one by one, and the dashboard counts.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { holdsOver } from '../../domain/policies/actor.js';
import { canEditPublications, canViewPublications } from '../../domain/policies/publication-policy.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { publicationStatus, type PublicationStatus } from '../../domain/publications/deadlines.js';
import { roleForLevel, type ReviewLevel } from '../../domain/publications/review-chain.js';
import type { CheckFinding } from '../../domain/publications/checks.js';
import type { DraftInput } from '../../domain/publications/draft-fields.js';
import { localDate } from '../../domain/core/local-date.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { notFound } from '../errors.js';
import { checkPublication } from './act-on-publication.js';
import { loadPublicationConfig } from './catalogue.js';
import { updateDraft, type AttachmentUpload } from './drafts.js';
import { getPublication, listPublications, type PublicationView } from './publication-queries.js';
import type { Category, PublicationFilter, PublicationSummary } from './ports.js';

/** A list row: the summary, its organization and category names, and the art. 26 status (null for 不予公开). */
export type PublicationRow = PublicationSummary & {
  orgName: string;
  categoryName: string;
  clock: PublicationStatus | null;
};

/** States before publication (the art. 26 clock runs). */
const UNPUBLISHED = ['draft', 'submitted', 'in_review', 'signed_off', 'scheduled'] as const;

/** Category names by id for the given organizations (retired ones included). */
async function categoryNames(ctx: AppContext, orgIds: Iterable<string>): Promise<Map<string, string>> {
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
  ctx: AppContext,
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
  const today = localDate(ctx.clock.today());
  return {
    total,
    items: items.map((i) => ({
      ...i,
      orgName: orgs.find((o) => o.id === i.orgId)?.name ?? '',
      categoryName: names.get(i.categoryId) ?? '',
      clock: i.disclosure === 'withheld' ? null : publicationStatus(i, today, cal),
    })),
  };
}

/** Organizations whose items the actor may see, and those where they may draft. */
export async function publicationOrgs(
  ctx: AppContext,
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
export async function categoryChoices(ctx: AppContext, orgId: string): Promise<[string, string][]> {
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

/** The item page: the view, the checks as they stand, and the names it shows. */
export type PublicationPage = PublicationView & {
  org: Organization | undefined;
  category: Category | undefined;
  levels: readonly ReviewLevel[];
  /** The pre-publication checks on the current fields (what a reviewer will be asked to confirm). */
  findings: CheckFinding[];
  /** The interpreted document, if any. */
  interprets: { id: string; indexNo: string; title: string } | null;
};

/**
 * One item as its page shows it.
 * @throws AppError 'not_found' (also for items the actor may not see)
 */
export async function publicationPage(ctx: AppContext, actor: Actor, id: string): Promise<PublicationPage> {
  const view = await getPublication(ctx, actor, id);
  const { pub } = view;
  const [org, category, config, findings, target] = await Promise.all([
    ctx.repos.orgs.byId(pub.orgId),
    ctx.repos.categories.byId(pub.categoryId),
    loadPublicationConfig(ctx.repos, pub.orgId),
    ['draft', 'submitted', 'in_review', 'signed_off'].includes(pub.state)
      ? checkPublication(ctx, pub)
      : Promise.resolve([]),
    pub.interpretsId ? ctx.repos.publications.byId(pub.interpretsId) : Promise.resolve(undefined),
  ]);
  return {
    ...view,
    org,
    category,
    levels: config.levels,
    findings,
    interprets: target ? { id: target.id, indexNo: target.indexNo, title: target.title } : null,
  };
}

/**
 * Edits a draft keeping its attachments except those removed, and adding the uploads.
 * @param files.remove file ids to drop; files.added new uploads
 * @throws AppError as updateDraft
 */
export async function editDraft(
  ctx: AppContext,
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
export async function loadPublicationDashboard(ctx: AppContext, actor: Actor): Promise<PublicationDashboard> {
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
  const unpublished = open.items.filter((i) => i.currentVersion === null);
  return {
    awaitingMe,
    drafts: drafts.total,
    late: unpublished.filter((i) => i.clock === 'late').sort((a, b) => a.writtenOn.localeCompare(b.writtenOn)),
    dueSoon: unpublished.filter((i) => i.clock === 'due_soon').length,
  };
}

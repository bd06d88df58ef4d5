// The 政府信息公开指南 and 政府信息公开制度 pages of each organization (《条例》第十二条: the guide lists the
// categories, the arrangement, how to obtain information and the office's contact details, and is kept current).
// Until an organization writes its own text, its pages show the default one filled from its current data
// (domain/guide), so every organization has a complete guide at once and it follows every change of its
// address or phone. Once an organization saves its own text (sanitised as publication bodies are), the portal
// shows that text with its 更新日期; resetting goes back to the default. Only an admin of the organization (or
// above it) edits them (policy 'org.edit_pages'); each change is audited. The text is stored like the other
// per-organization settings (告知书设置): a site setting `portal.guide.<orgId>` / `portal.rules.<orgId>`, in backups.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { isLocalDate, type LocalDate } from '../../domain/core/local-date.js';
import type { AuditInput } from '../../domain/audit/audit-entry.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { guideTemplateHtml, type GuideLinks } from '../../domain/guide/guide-template.js';
import { rulesTemplateHtml } from '../../domain/guide/rules-template.js';
import { DIRECTORIES } from '../../domain/publications/directories.js';
import { invalid } from '../errors.js';
import { authorizeOn } from '../orgs/manage-organizations.js';
import { auditBy } from '../actors.js';
import { noticeSettings } from '../applications/notice-settings.js';
import type { PortalUrls } from './ports.js';
import { directoryData, type DirectoryData } from './publications-public.js';
import { orgPage, type OrgPage } from './portal-pages.js';

/** The two pages an organization writes itself. Stored values; never rename. */
export const GUIDE_PAGE_KINDS = ['guide', 'rules'] as const;
/** One of them: the 指南 or the 制度 page (their portal directories have the same slugs). */
export type GuidePageKind = (typeof GUIDE_PAGE_KINDS)[number];

/** The pages' titles (the directories' labels). */
export const GUIDE_PAGE_LABELS: Record<GuidePageKind, string> = {
  guide: DIRECTORIES[0].label,
  rules: DIRECTORIES[1].label,
};

/** The longest text a page may hold, in characters (after sanitising). */
export const GUIDE_PAGE_MAX_CHARS = 200_000;

/** The organization's own text as stored. */
const storedSchema = z.object({
  html: z.string(),
  updatedOn: z.string().refine(isLocalDate),
  updatedAt: z.string(),
});
type StoredPage = z.infer<typeof storedSchema>;

const key = (kind: GuidePageKind, orgId: string) => `portal.${kind}.${orgId}`;

/** Whether a string names one of the pages. */
export const isGuidePageKind = (s: string): s is GuidePageKind => (GUIDE_PAGE_KINDS as readonly string[]).includes(s);

/** The text a page shows: the organization's own (with the date it was saved), or the default (no date). */
export type GuideText = { html: string; edited: true; updatedOn: LocalDate } | { html: string; edited: false };

type Ctx = Pick<AppContext, 'repos' | 'portalUrls'>;

async function stored(ctx: Pick<AppContext, 'repos'>, kind: GuidePageKind, orgId: string): Promise<StoredPage | null> {
  const parsed = storedSchema.safeParse(await ctx.repos.settings.get(key(kind, orgId)));
  return parsed.success ? parsed.data : null;
}

/** The portal addresses the default guide links to. */
function guideLinks(urls: PortalUrls, code: string): GuideLinks {
  return {
    column: urls.org(code),
    guide: urls.directory(code, 'guide'),
    rules: urls.directory(code, 'rules'),
    statutory: urls.directory(code, 'statutory'),
    annualReports: urls.directory(code, 'annual-reports'),
    standardCatalogue: urls.standardCatalogue(code),
    apply: urls.directory(code, 'apply'),
    track: urls.track(),
    search: urls.search(),
    feed: urls.orgFeed(code),
    info: urls.orgInfo(code),
  };
}

/**
 * The default text of a page, filled from the organization's current data: for the guide, its statutory
 * categories, its 行政复议机关 and court (as its notices name them) and its office's contact details.
 */
export async function templateHtml(ctx: Ctx, org: Organization, kind: GuidePageKind): Promise<string> {
  if (kind === 'rules') return rulesTemplateHtml(org);
  const [statutory, notices] = await Promise.all([
    directoryData(ctx, org, 'statutory'),
    noticeSettings(ctx.repos, org),
  ]);
  const categories = (statutory.node?.children ?? []).map((c) => ({
    name: c.name,
    href: ctx.portalUrls.category(org.creditCode, c.id),
  }));
  return guideTemplateHtml({
    org,
    links: guideLinks(ctx.portalUrls, org.creditCode),
    categories,
    reviewBody: notices.reviewBody.name,
    court: notices.court,
  });
}

/** The text a page of the organization shows: its own, or the default filled from its data. */
export async function guideText(ctx: Ctx, org: Organization, kind: GuidePageKind): Promise<GuideText> {
  const own = await stored(ctx, kind, org.id);
  if (own && isLocalDate(own.updatedOn)) return { html: own.html, edited: true, updatedOn: own.updatedOn };
  return { html: await templateHtml(ctx, org, kind), edited: false };
}

/** A portal 指南 or 制度 page: its text, and the items published under its directory. */
export type GuidePortalPage = OrgPage & DirectoryData & { kind: GuidePageKind; label: string; text: GuideText };

/**
 * The portal page of an organization's guide or rules.
 * @throws AppError 'not_found' for an organization that is not active
 */
export async function guidePortalPage(ctx: AppContext, code: string, kind: GuidePageKind): Promise<GuidePortalPage> {
  const { site, org } = await orgPage(ctx, code);
  const [text, dir] = await Promise.all([guideText(ctx, org, kind), directoryData(ctx, org, kind)]);
  return { site, org, kind, label: GUIDE_PAGE_LABELS[kind], text, ...dir };
}

/**
 * The organization, when the actor may edit its pages.
 * @throws AppError 'not_found', 'forbidden'
 */
async function authorize(ctx: Pick<AppContext, 'repos'>, actor: Actor, orgId: string): Promise<Organization> {
  const [, org] = await authorizeOn(ctx, actor, 'org.edit_pages', orgId);
  return org;
}

/** The back-office editor of a page: the text shown now, and the default for comparison. */
export type GuideEditor = {
  org: Organization;
  kind: GuidePageKind;
  label: string;
  text: GuideText;
  /** The default text filled from the organization's data now. */
  template: string;
};

/**
 * The editor of an organization's guide or rules (its admins only).
 * @throws AppError 'not_found', 'forbidden'
 */
export async function guideEditor(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  kind: GuidePageKind,
): Promise<GuideEditor> {
  const org = await authorize(ctx, actor, orgId);
  const [text, template] = await Promise.all([guideText(ctx, org, kind), templateHtml(ctx, org, kind)]);
  return { org, kind, label: GUIDE_PAGE_LABELS[kind], text, template };
}

/** What the audit trail records of a page's text: its date and length (the text itself stays in the page). */
const summary = (p: StoredPage | null) => (p ? { updatedOn: p.updatedOn, length: p.html.length } : null);

/** The audit entry of a change of an organization's page. */
const pageEntry = (
  actor: Actor,
  org: Organization,
  action: string,
  before: StoredPage | null,
  after: StoredPage | null,
): AuditInput =>
  auditBy(actor, {
    action,
    entityType: 'organization',
    entityId: org.id,
    orgId: org.id,
    before: summary(before),
    after: summary(after),
  });

/**
 * Saves an organization's own text of its guide or rules, sanitised (the HTML allow-list of publication bodies),
 * dated today (office time): the portal shows it from now on.
 * @throws AppError 'invalid' (empty or too long, with the field `body`), 'not_found', 'forbidden'
 */
export async function saveGuidePage(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  kind: GuidePageKind,
  body: string,
): Promise<void> {
  const org = await authorize(ctx, actor, orgId);
  const html = ctx.sanitizer.html(body).trim();
  const label = GUIDE_PAGE_LABELS[kind];
  if (ctx.htmlReader.text(html).trim() === '') {
    throw invalid(`请填写${label}的内容`, { body: '内容不能为空' });
  }
  if (html.length > GUIDE_PAGE_MAX_CHARS) {
    throw invalid(`${label}过长`, { body: `不能超过${GUIDE_PAGE_MAX_CHARS}个字符` });
  }
  const now = ctx.clock.nowIso();
  const next: StoredPage = { html, updatedOn: ctx.clock.today(), updatedAt: now };
  await ctx.uow.run(async (r) => {
    const before = await stored({ repos: r }, kind, org.id);
    await r.settings.set(key(kind, org.id), next, now);
    await r.audit.append(
      pageEntry(actor, org, kind === 'guide' ? 'org.guide_saved' : 'org.rules_saved', before, next),
      now,
    );
  });
}

/**
 * Drops an organization's own text: the page shows the default again, filled from its data.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function resetGuidePage(ctx: AppContext, actor: Actor, orgId: string, kind: GuidePageKind): Promise<void> {
  const org = await authorize(ctx, actor, orgId);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    const before = await stored({ repos: r }, kind, org.id);
    if (!before) return;
    await r.settings.set(key(kind, org.id), null, now);
    await r.audit.append(
      pageEntry(actor, org, kind === 'guide' ? 'org.guide_reset' : 'org.rules_reset', before, null),
      now,
    );
  });
}

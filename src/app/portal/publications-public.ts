// The portal's read model of 主动公开: what the public may see
// of the catalogue — the LIVE version of published 主动公开 items (a revision in progress keeps the
// published copy up), never drafts, 依申请公开 or 不予公开 items — for category pages, publication
// pages, attachments, feeds, the sitemap and the open-data API.
//
// Data access goes through the repository's live queries (`listLive`, `listLiveSummaries`,
// `liveCategoryCounts`, `interpretationsOf`, `attachmentOwners`): SQL over the columns copied out of each
// frozen live version, paged and counted in the database, ordered by published_on desc, id desc. The
// lists of pages and feeds read the list columns only (`listLiveSummaries`); the open-data API, which
// returns every metadata field and the attachments, reads the frozen records (`listLive`).
import type { AppContext } from '../context.js';
import type {
  Category,
  LiveFilter,
  LiveItem,
  LivePage,
  LiveSummary,
  LiveVersion,
  PublicationAttachment,
} from '../publications/ports.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { publicMetadata, type PublicMetadata, type PublicationKind } from '../../domain/publications/publication.js';
import { parseQuery } from '../../domain/search/tokenize.js';
import { isWithdrawn } from '../../domain/publications/transitions.js';
import { findHits, type SearchSort } from '../search/search.js';
import { invalid, notFound } from '../errors.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { DIRECTORIES, type DirectorySlug } from './portal.js';

/** What the portal's reads use: the repositories only (the public sees no clock-dependent state). */
export type PortalContext = Pick<AppContext, 'repos'>;

/** Items per category page. */
export const CATEGORY_PAGE_SIZE = 20;
/** Largest page of the open-data API. */
export const MAX_API_LIMIT = 100;

/** One published item as the public sees it (its live version): its metadata table, category and attachments. */
export type PublicItem = PublicMetadata & {
  id: string;
  orgId: string;
  categoryId: string;
  attachments: readonly PublicationAttachment[];
  /** When the live version went up (ISO instant): the feeds' `updated`. */
  versionAt: string;
};

/**
 * A published item as the portal's lists show it (category, directory and column pages, feeds): the columns
 * copied out of its live version, without its body, attachments or other metadata.
 */
export type PublicListItem = Pick<
  PublicItem,
  | 'id'
  | 'orgId'
  | 'categoryId'
  | 'indexNo'
  | 'title'
  | 'docNo'
  | 'kind'
  | 'publisher'
  | 'summary'
  | 'publishedOn'
  | 'versionAt'
>;

/** A category with its sub-categories and the number of published items in its subtree. */
export type CategoryNode = Category & { count: number; children: CategoryNode[] };

/** A page of list items. */
export type ItemPage = { items: PublicListItem[]; total: number };

// ---- Sources (repository queries) ----

function toItem(id: string, orgId: string, live: LiveVersion): PublicItem | undefined {
  const f = live.fields;
  if (f.disclosure !== 'proactive' || !f.publishedOn) return undefined;
  return {
    id,
    orgId,
    ...publicMetadata(f, f.publishedOn),
    categoryId: f.categoryId,
    attachments: f.attachments ?? [],
    versionAt: live.publishedAt,
  };
}

/** The public item of an id, or undefined (never published, withdrawn, or not 主动公开). */
async function liveItem(ctx: PortalContext, id: string): Promise<PublicItem | undefined> {
  const live = await ctx.repos.publications.liveItem(id);
  return live ? toItem(id, live.orgId, live.live) : undefined;
}

const defined = <T>(i: T | undefined): i is T => i !== undefined;

const pageOf = (limit: number, offset: number, countCap?: number): LivePage => ({
  limit,
  offset,
  ...(countCap === undefined ? {} : { countCap }),
});

/** One page of live items with their whole records, newest first, with the total. */
async function livePage(
  ctx: PortalContext,
  filter: LiveFilter,
  limit: number,
  offset: number,
  countCap?: number,
): Promise<{ items: PublicItem[]; total: number; capped: boolean }> {
  const page = await ctx.repos.publications.listLive(filter, pageOf(limit, offset, countCap));
  return {
    items: page.items.map((l: LiveItem) => toItem(l.id, l.orgId, l.live)).filter(defined),
    total: page.total,
    capped: page.capped ?? false,
  };
}

/** A list item from a version's list columns (undefined, as `toItem`, without a 发布日期). */
function toListItem(l: LiveSummary): PublicListItem | undefined {
  if (!l.publishedOn) return undefined;
  const { publishedAt, publishedOn, ...rest } = l;
  return { ...rest, publishedOn, versionAt: publishedAt };
}

/** One page of live items as lists show them (no frozen record read), newest first, with the total. */
async function listPage(
  ctx: PortalContext,
  filter: LiveFilter,
  limit: number,
  offset: number,
  countCap?: number,
): Promise<ItemPage> {
  const page = await ctx.repos.publications.listLiveSummaries(filter, pageOf(limit, offset, countCap));
  return { items: page.items.map(toListItem).filter(defined), total: page.total };
}

/**
 * The most live items the open-data list counts without a search term: beyond it `total` says this many and
 * `totalCapped` is set, so that a call never counts a province's whole live set.
 */
export const OPEN_DATA_COUNT_CAP = 10_000;

// ---- Catalogue ----

/** The active categories of an organization as a tree, with published-item counts per subtree. */
async function catalogueTree(
  ctx: PortalContext,
  orgId: string,
  counts?: ReadonlyMap<string, number>,
): Promise<{ roots: CategoryNode[]; byId: Map<string, CategoryNode> }> {
  const cats = await ctx.repos.categories.list(orgId);
  const byId = new Map<string, CategoryNode>(cats.map((c) => [c.id, { ...c, count: 0, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const c of cats) {
    const node = byId.get(c.id) as CategoryNode;
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const [categoryId, count] of counts ?? []) {
    for (let n = byId.get(categoryId); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) n.count += count;
  }
  return { roots, byId };
}

const subtreeIds = (n: CategoryNode): string[] => [n.id, ...n.children.flatMap(subtreeIds)];

function trailOf(byId: Map<string, CategoryNode>, id: string): CategoryNode[] {
  const out: CategoryNode[] = [];
  for (let n = byId.get(id); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) out.unshift(n);
  return out;
}

/** A directory page (政府信息公开指南, 制度, 法定主动公开内容, 年报): its node, sub-tree and latest items. */
export type DirectoryData = {
  /** The catalogue node of the directory (by statutory key), if the organization still has it. */
  node: CategoryNode | undefined;
  /** The latest items filed in the directory's subtree (first page). */
  latest: ItemPage;
};

/**
 * The data of a directory page.
 * @param slug the directory's statutory key (`guide`, `rules`, `statutory`, `annual-reports`)
 */
export async function directoryData(ctx: PortalContext, org: Organization, slug: string): Promise<DirectoryData> {
  const { roots } = await catalogueTree(ctx, org.id, await ctx.repos.publications.liveCategoryCounts(org.id));
  const node = roots.find((n) => n.statutoryKey === slug) ?? roots.find((n) => n.slug === slug);
  if (!node) return { node: undefined, latest: { items: [], total: 0 } };
  return {
    node,
    latest: await listPage(ctx, { orgIds: [org.id], categoryIds: subtreeIds(node) }, CATEGORY_PAGE_SIZE, 0),
  };
}

/** A category page. */
export type CategoryPageData = ItemPage & {
  category: CategoryNode;
  /** From the top-level directory down to the category itself. */
  trail: CategoryNode[];
  page: number;
  pageCount: number;
  pageSize: number;
};

/**
 * A category page: the live 主动公开 items of the category and its sub-categories, newest first.
 * @param page 1-based; clamped to the pages there are
 * @throws AppError 'not_found' for a category of another organization, unknown or retired
 */
export async function categoryPage(
  ctx: PortalContext,
  org: Organization,
  categoryId: string,
  page: number,
): Promise<CategoryPageData> {
  const { byId } = await catalogueTree(ctx, org.id, await ctx.repos.publications.liveCategoryCounts(org.id));
  const category = byId.get(categoryId);
  if (!category) throw notFound('栏目');
  const pageCount = Math.max(1, Math.ceil(category.count / CATEGORY_PAGE_SIZE));
  const p = Math.min(pageCount, Math.max(1, Math.floor(page) || 1));
  // The subtree's count is known from the tree: the page's query reads its rows only.
  const { items } = await listPage(
    ctx,
    { orgIds: [org.id], categoryIds: subtreeIds(category) },
    CATEGORY_PAGE_SIZE,
    (p - 1) * CATEGORY_PAGE_SIZE,
    0,
  );
  const total = category.count;
  return { category, trail: trailOf(byId, categoryId), items, total, page: p, pageCount, pageSize: CATEGORY_PAGE_SIZE };
}

/** The categories of an organization (for the search page's filter). */
export async function orgCategories(ctx: PortalContext, orgId: string): Promise<CategoryNode[]> {
  return (await catalogueTree(ctx, orgId)).roots;
}

// ---- Publication page ----

/** A linked item (the interpreted document, or an interpretation). */
export type LinkedItem = { id: string; title: string };

/** What `/publications/:id` shows. */
export type PublicationPageData =
  | {
      status: 'live';
      item: PublicItem;
      /** Sanitised on input (createDraft/updateDraft run the body through the HTML allow-list). */
      bodyHtml: string;
      /** The live version's number (the page's integrity block names it: docs/monitoring-integrity.md). */
      version: number;
      org: Organization | undefined;
      /** The item's category, from the top-level directory down. */
      trail: CategoryNode[];
      /** The document this interpretation explains (when live). */
      interprets: LinkedItem | null;
      /** The live interpretations of this document (by its organization). */
      interpretations: LinkedItem[];
      /** 上一篇 (newer) and 下一篇 (older) in the item's category, in the category page's order. */
      siblings: { newer: LinkedItem | null; older: LinkedItem | null };
    }
  | { status: 'withdrawn'; org: Organization | undefined }
  | { status: 'not_found' };

/**
 * The publication page: the live version with attachments and the interpretation links both ways.
 * @returns 'withdrawn' for a 主动公开 item that was published and then withdrawn, also while it is revised to be
 *   published again (the page answers 410); 'not_found' for anything the public never saw (unknown, unpublished,
 *   not 主动公开)
 */
export async function publicationPage(ctx: PortalContext, id: string): Promise<PublicationPageData> {
  const current = await ctx.repos.publications.liveItem(id);
  const item = current ? toItem(id, current.orgId, current.live) : undefined;
  if (!current || !item) {
    // Withdrawn, also while a revision after withdrawal (撤稿后修订) runs: 410 until the new version is published.
    const pub = await ctx.repos.publications.byId(id);
    if (!pub) return { status: 'not_found' };
    const wasPublic = isWithdrawn(pub) && pub.currentVersion !== null && pub.disclosure === 'proactive';
    return wasPublic ? { status: 'withdrawn', org: await ctx.repos.orgs.byId(pub.orgId) } : { status: 'not_found' };
  }
  const { live, orgId } = current;
  const org = await ctx.repos.orgs.byId(orgId);
  const interpreted = live.fields.interpretsId ? await liveItem(ctx, live.fields.interpretsId) : undefined;
  const interpretations: LinkedItem[] =
    item.kind === 'interpretation'
      ? []
      : (await ctx.repos.publications.interpretationsOf(id)).map((l) => ({ id: l.id, title: l.live.fields.title }));
  const { byId } = await catalogueTree(ctx, orgId);
  const near = await ctx.repos.publications.liveNeighbours(orgId, item.categoryId, {
    id,
    publishedOn: item.publishedOn,
  });
  const linked = (l: LiveSummary | undefined): LinkedItem | null => (l ? { id: l.id, title: l.title } : null);
  return {
    status: 'live',
    siblings: { newer: linked(near.newer), older: linked(near.older) },
    item,
    bodyHtml: live.fields.bodyHtml,
    version: live.version,
    org,
    trail: trailOf(byId, item.categoryId),
    interprets: interpreted ? { id: interpreted.id, title: interpreted.title } : null,
    interpretations,
  };
}

/**
 * An attachment of a published 主动公开 item, for download.
 * @param fileId the stored file's content hash
 * @param pubId the item it is attached to (the portal's links carry it); without it, the newest
 *   live 主动公开 item whose live version lists the file
 * @returns undefined unless a live 主动公开 version lists the file
 */
export async function publishedAttachment(
  ctx: PortalContext,
  fileId: string,
  pubId?: string,
): Promise<{ name: string; mime: string; content: Uint8Array } | undefined> {
  const owner = pubId ?? (await ctx.repos.publications.attachmentOwners(fileId))[0];
  if (owner === undefined) return undefined;
  const live = await ctx.repos.publications.liveVersion(owner);
  if (!live || live.fields.disclosure !== 'proactive') return undefined;
  const att = (live.fields.attachments ?? []).find((a) => a.fileId === fileId);
  if (!att) return undefined;
  const file = await ctx.repos.files.get(fileId);
  return file ? { name: att.name, mime: att.mime, content: file.content } : undefined;
}

// ---- Lists for feeds, the sitemap and the open-data API ----

/** Filters of the public lists. */
export type PublicFilter = {
  /** Organizations (default: every active one). */
  orgIds?: readonly string[];
  /** A category: items of it and its sub-categories (needs exactly one organization in `orgIds`). */
  categoryId?: string;
  kind?: PublicationKind;
  year?: number;
};

async function retiredOrgIds(ctx: PortalContext): Promise<string[]> {
  return (await ctx.repos.orgs.list({ includeRetired: true })).filter((o) => o.retiredAt !== null).map((o) => o.id);
}

// Every organization is "all but the retired ones": naming the few left out rather than the couple of
// hundred kept lets the database walk its date index (bench:portal: the open-data API and the sitemap
// took seconds at 100,000 items with every organization named).
async function liveFilter(ctx: PortalContext, f: PublicFilter): Promise<LiveFilter> {
  const scope: Pick<LiveFilter, 'orgIds' | 'excludeOrgIds'> = f.orgIds
    ? { orgIds: f.orgIds }
    : { excludeOrgIds: await retiredOrgIds(ctx) };
  let categoryIds: string[] | undefined;
  if (f.categoryId !== undefined) {
    const owner = f.orgIds?.length === 1 ? f.orgIds[0] : (await ctx.repos.categories.byId(f.categoryId))?.orgId;
    const node = owner === undefined ? undefined : (await catalogueTree(ctx, owner)).byId.get(f.categoryId);
    categoryIds = node ? subtreeIds(node) : [];
  }
  return {
    ...scope,
    ...(categoryIds ? { categoryIds } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.year !== undefined ? { year: f.year } : {}),
  };
}

/**
 * The latest published items as lists show them, newest first (columns and feeds).
 * @param page limit (at most MAX_API_LIMIT) and offset
 */
export async function latestPublications(
  ctx: PortalContext,
  f: PublicFilter,
  page: { limit: number; offset: number },
): Promise<ItemPage> {
  return listPage(ctx, await liveFilter(ctx, f), Math.min(page.limit, MAX_API_LIMIT), page.offset);
}

/** The open-data API's query: an organization by credit code, a category, a kind, a year, full text, a page. */
export type OpenDataQuery = {
  /** The organization's 统一社会信用代码. */
  org?: string;
  categoryId?: string;
  kind?: PublicationKind;
  year?: number;
  q?: string;
  /** The order of full-text hits (relevance by default). */
  sort?: SearchSort;
  limit: number;
  offset: number;
};

/** One item of the open-data list, with its organization and category. */
export type OpenDataItem = PublicItem & {
  org: { creditCode: string; name: string } | null;
  categoryName: string;
};

/**
 * The open-data API's answer; `totalCapped` when a common search term has more hits than are counted, `partial`
 * when no item matched every word of `q` and the items shown match most of them.
 */
export type OpenDataList = { items: OpenDataItem[]; total: number; totalCapped: boolean; partial: boolean };

/** The page of items the open-data query asks for: the latest, or with `q` the full-text hits. */
async function openDataPage(
  ctx: PortalContext,
  f: PublicFilter & { q?: string; sort?: SearchSort },
  page: { limit: number; offset: number },
): Promise<{ items: PublicItem[]; total: number; totalCapped: boolean; partial: boolean }> {
  const q = f.q?.trim() ?? '';
  if (q === '') {
    const { items, total, capped } = await livePage(
      ctx,
      await liveFilter(ctx, f),
      Math.min(page.limit, MAX_API_LIMIT),
      page.offset,
      OPEN_DATA_COUNT_CAP,
    );
    return { items, total, totalCapped: capped, partial: false };
  }
  const terms = parseQuery(q);
  if (terms.length === 0) throw invalid('查询参数有误', { q: '检索词至少应有两个汉字（或两个字母、数字）' });
  // The portal's search: exact identifier first, then ranked hits, partial matches when nothing matches all.
  const found = await findHits(ctx.repos, {
    q,
    terms,
    docType: 'publication',
    limit: page.limit,
    offset: page.offset,
    ...(f.orgIds ? { orgIds: f.orgIds } : {}),
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.sort ? { sort: f.sort } : {}),
  });
  const items = (await Promise.all(found.items.map((h) => liveItem(ctx, h.docId)))).filter(defined);
  return { items, total: found.total ?? found.countCap, totalCapped: found.total === null, partial: found.partial };
}

/**
 * The open-data list: the latest items, or with `q` the full-text hits (ranked, or newest first for a term
 * that matches most items). With `q`, a category filter matches that category only.
 * @throws AppError 'invalid' with an `org` message (no active organization has the code) or a `q` message
 *   (nothing searchable: one character, punctuation)
 */
export async function openDataList(ctx: PortalContext, query: OpenDataQuery): Promise<OpenDataList> {
  const orgs = await ctx.repos.orgs.list();
  const code = query.org?.toUpperCase();
  const org = code ? orgs.find((o) => o.creditCode === code) : undefined;
  if (code && !org) throw invalid('查询参数有误', { org: '没有该统一社会信用代码的机构' });
  const filter: PublicFilter & { q?: string; sort?: SearchSort } = {
    ...(org ? { orgIds: [org.id] } : {}),
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(query.q ? { q: query.q.slice(0, 100) } : {}),
    ...(query.sort ? { sort: query.sort } : {}),
  };
  const page = { limit: Math.min(query.limit, MAX_API_LIMIT), offset: query.offset };
  const { items, total, totalCapped, partial } = await openDataPage(ctx, filter, page);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const names = new Map<string, string>();
  for (const orgId of new Set(items.map((i) => i.orgId))) {
    for (const c of await ctx.repos.categories.list(orgId, { includeRetired: true })) names.set(c.id, c.name);
  }
  return {
    items: items.map((i) => {
      const o = byId.get(i.orgId);
      return {
        ...i,
        org: o ? { creditCode: o.creditCode, name: o.name } : null,
        categoryName: names.get(i.categoryId) ?? '',
      };
    }),
    total,
    totalCapped,
    partial,
  };
}

/** One sitemap entry: a page of the portal, named by what it shows (web/ builds its address). */
export type SitemapEntry =
  | { page: 'home' | 'search' }
  | { page: 'org' | 'info'; code: string }
  | { page: 'directory'; code: string; slug: DirectorySlug }
  | { page: 'category'; code: string; categoryId: string }
  | { page: 'publication'; id: string; lastmod?: LocalDate };

/**
 * The sitemap's entries: the home page, each active organization's column, directories, categories
 * and information page, then published items newest first, at most `cap` entries in all.
 */
export async function sitemapEntries(ctx: PortalContext, cap: number): Promise<SitemapEntry[]> {
  const orgs = await ctx.repos.orgs.list();
  const out: SitemapEntry[] = [{ page: 'home' }, { page: 'search' }];
  for (const o of orgs) {
    const code = o.creditCode;
    out.push(
      { page: 'org', code },
      { page: 'info', code },
      ...DIRECTORIES.map((d) => ({ page: 'directory' as const, code, slug: d.slug })),
    );
    for (const c of await ctx.repos.categories.list(o.id)) out.push({ page: 'category', code, categoryId: c.id });
  }
  const room = cap - out.length;
  if (room > 0) {
    for (const l of await ctx.repos.publications.liveDates({ excludeOrgIds: await retiredOrgIds(ctx) }, room)) {
      out.push({ page: 'publication', id: l.id, ...(l.publishedOn ? { lastmod: l.publishedOn as LocalDate } : {}) });
    }
  }
  return out.slice(0, cap);
}

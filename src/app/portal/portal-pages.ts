// The portal's 主动公开 pages as queries: each finds the organization its address names (by 统一社会信用代码)
// among the active ones, reads what the page shows, and answers 'not_found' for anything the public may not
// see. Pages get ids and credit codes, never addresses: web/ builds those (PortalUrls).
import type { AppContext } from '../context.js';
import { choicesAlong, type Organization, type OrgNode } from '../../domain/orgs/organization.js';
import type { PublicationKind, Validity } from '../../domain/publications/publication.js';
import { notFound } from '../errors.js';
import { searchPublic, type PublicSearchResult, type SearchSort } from '../search/search.js';
import { publicCatalogueRow, type PublicCatalogueRow } from '../standard-catalogue/link-row.js';
import { DIRECTORIES, findOrg, loadPortalSite, type DirectorySlug, type PortalSite } from './portal.js';
import {
  categoryPage,
  directoryData,
  latestPublications,
  orgCategories,
  publicationPage,
  publishedAttachment,
  type CategoryNode,
  type CategoryPageData,
  type DirectoryData,
  type ItemPage,
  type PublicationPageData,
  type PublicListItem,
} from './publications-public.js';

/** Items in a column's "最新信息". */
export const COLUMN_LATEST = 10;
/** Entries per feed. */
export const FEED_SIZE = 50;
/** The first year of the search page's year filter (the Regulation took effect in 2008). */
const FIRST_YEAR = 2008;

/** The site and the organization a page's address names. */
export type OrgPage = { site: PortalSite; org: Organization };

/**
 * The site and an active organization by its credit code.
 * @throws AppError 'not_found'
 */
export async function orgPage(ctx: AppContext, code: string): Promise<OrgPage> {
  const site = await loadPortalSite(ctx);
  const org = findOrg(site, code);
  if (!org) throw notFound('机构');
  return { site, org };
}

/** An organization's column: its lower units and latest items; `isHome` for the root (the home page). */
export type ColumnPage = OrgPage & { isHome: boolean; children: OrgNode[]; latest: ItemPage };

/**
 * The column of an organization, or with no code the home page (the root's column).
 * @throws AppError 'not_found'
 */
export async function columnPage(ctx: AppContext, code?: string): Promise<ColumnPage> {
  const site = await loadPortalSite(ctx);
  const org = code === undefined ? site.root : findOrg(site, code);
  if (!org) throw notFound('机构');
  const latest = await latestPublications(ctx, { orgIds: [org.id] }, { limit: COLUMN_LATEST, offset: 0 });
  const children = site.tree.filter((o) => o.parentId === org.id);
  return { site, org, isHome: org.id === site.root?.id, children, latest };
}

/** A directory page (指南, 制度, 法定主动公开内容): its label, node and latest items. */
export type DirectoryPage = OrgPage & DirectoryData & { slug: DirectorySlug; label: string };

/**
 * A directory page of an organization.
 * @throws AppError 'not_found'
 */
export async function directoryPage(ctx: AppContext, code: string, slug: DirectorySlug): Promise<DirectoryPage> {
  const { site, org } = await orgPage(ctx, code);
  const label = DIRECTORIES.find((d) => d.slug === slug)?.label ?? '';
  return { site, org, slug, label, ...(await directoryData(ctx, org, slug)) };
}

/**
 * A category page of an organization.
 * @param page 1-based; clamped to the pages there are
 * @throws AppError 'not_found' (organization or category)
 */
export async function categoryPageOf(
  ctx: AppContext,
  code: string,
  categoryId: string,
  page: number,
): Promise<OrgPage & CategoryPageData> {
  const { site, org } = await orgPage(ctx, code);
  return { site, org, ...(await categoryPage(ctx, org, categoryId, page)) };
}

/** The publication page: a live item (with its standard-catalogue row), a withdrawn one (410), or nothing. */
export type PublicationPortalPage = { site: PortalSite } & (
  | (Extract<PublicationPageData, { status: 'live' }> & { catalogueRow: PublicCatalogueRow | undefined })
  | Exclude<PublicationPageData, { status: 'live' }>
);

/** The publication page of an item. */
export async function publicationPortalPage(ctx: AppContext, id: string): Promise<PublicationPortalPage> {
  const [site, data] = await Promise.all([loadPortalSite(ctx), publicationPage(ctx, id)]);
  if (data.status !== 'live') return { site, ...data };
  return { site, ...data, catalogueRow: await publicCatalogueRow(ctx, id) };
}

/** Stored files are named by their content hash. */
const FILE_ID = /^[0-9a-f]{64}$/;

/**
 * An attachment of a live 主动公开 item, for download.
 * @param publicationId the item it is attached to (the portal's links name it); without it, any live item listing it
 * @throws AppError 'not_found' unless a live 主动公开 version lists the file
 */
export async function attachmentDownload(
  ctx: AppContext,
  fileId: string,
  publicationId?: string,
): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const file = FILE_ID.test(fileId) ? await publishedAttachment(ctx, fileId, publicationId) : undefined;
  if (!file) throw notFound('附件');
  return { name: file.name, mime: file.mime, bytes: file.content };
}

/** The search form as typed, each value within its vocabulary or blank. */
export type SearchParams = {
  q: string;
  /** The organization's credit code. */
  org: string;
  category: string;
  kind: PublicationKind | '';
  year: number | undefined;
  validity: Validity | '';
  /** 相关度 or 时间. */
  sort: SearchSort;
  page: number;
};

/** The search page: the form as it applies, the results, and the filters' choices. */
export type SearchPage = {
  site: PortalSite;
  /** The parameters as applied: a category only with its organization. */
  params: SearchParams;
  result: PublicSearchResult;
  /** The organizations the 发布机构 filter offers (all, or in a large tree the part opened along the chosen one). */
  orgChoices: OrgNode[];
  /** The chosen organization's categories (the category filter shows only with an organization). */
  categories: CategoryNode[];
  /** Years to filter by, newest first. */
  years: number[];
};

/**
 * Organizations the search page's 发布机构 filter lists whole; a larger tree is offered level by level. A county's
 * tree (tens to a few hundred organizations) stays one list; a province's (thousands) would make every search page
 * hundreds of kilobytes.
 */
export const ORG_CHOICES_MAX = 500;

/** The search page: full-text hits among live items, filtered. */
export async function searchPage(ctx: AppContext, given: SearchParams): Promise<SearchPage> {
  const site = await loadPortalSite(ctx);
  const org = given.org ? findOrg(site, given.org) : undefined;
  // Categories belong to one organization: the filter shows (and applies) only with it.
  const params: SearchParams = org ? given : { ...given, org: '', category: '' };
  const filters = {
    ...(org ? { orgIds: [org.id] } : {}),
    ...(params.category ? { categoryId: params.category } : {}),
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.year !== undefined ? { year: params.year } : {}),
    ...(params.validity ? { validity: params.validity } : {}),
  };
  const [result, categories] = await Promise.all([
    searchPublic(ctx, { q: params.q, filters, page: params.page, sort: params.sort }),
    org ? orgCategories(ctx, org.id) : Promise.resolve([]),
  ]);
  const thisYear = Number(ctx.clock.today().slice(0, 4));
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
  return { site, params, result, orgChoices: choicesAlong(site.tree, org, ORG_CHOICES_MAX), categories, years };
}

/** A feed: its organization, the category when it is a category's, and the latest items. */
export type FeedData = { org: Organization; category?: CategoryNode; items: PublicListItem[] };

/**
 * The latest items of an organization, or of one of its categories (with its sub-categories).
 * @throws AppError 'not_found' (organization or category)
 */
export async function feedData(ctx: AppContext, code: string, categoryId?: string): Promise<FeedData> {
  const { org } = await orgPage(ctx, code);
  const category = categoryId === undefined ? undefined : findNode(await orgCategories(ctx, org.id), categoryId);
  if (categoryId !== undefined && !category) throw notFound('栏目');
  const { items } = await latestPublications(
    ctx,
    { orgIds: [org.id], ...(category ? { categoryId: category.id } : {}) },
    { limit: FEED_SIZE, offset: 0 },
  );
  return { org, ...(category ? { category } : {}), items };
}

function findNode(nodes: readonly CategoryNode[], id: string): CategoryNode | undefined {
  for (const n of nodes) {
    const found = n.id === id ? n : findNode(n.children, id);
    if (found) return found;
  }
  return undefined;
}

// Portal search (`/search?q=…`): parses the query, asks the index for one page and cuts
// highlighted snippets. The index holds only what is public (publishing modules feed it and remove
// withdrawn items in the same transaction), so no visibility filter is needed here.
import type { AppContext } from '../context.js';
import type { SearchHit, SearchPage, SearchQuery, SearchRepos } from './ports.js';
import { identifierKey, matchPlan, parseQuery, partialGroups, type SearchTerm } from '../../domain/search/tokenize.js';
import { hasHit, highlight, type Segment } from '../../domain/search/highlight.js';

/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;
/** Deeper pages are not served (a visitor refines the query instead). */
export const SEARCH_MAX_PAGE = 50;
const SNIPPET_LENGTH = 120;

/** Filters of the search page. */
export type SearchFilters = {
  orgIds?: readonly string[];
  categoryId?: string;
  kind?: string;
  year?: number;
  validity?: string;
};

/** How results are ordered: 相关度 (relevance, the default) or 时间 (newest first). */
export type SearchSort = 'relevance' | 'date';

/** Exact identifier matches put first on the first page. */
const EXACT_LIMIT = 5;

/**
 * Runs a search the way the portal and the open-data API share: an item whose 索引号 or 发文字号 is the
 * whole query comes first; the full query next; when nothing matches, the partial query that leaves
 * out the fewest units and still finds items (the caller labels those partial matches).
 * @param query.q the query as typed (for the identifier lookup)
 * @param query.terms the parsed query (non-empty)
 */
export async function findHits(
  repos: SearchRepos,
  query: Omit<SearchQuery, 'leaveOut'> & { q: string },
): Promise<SearchPage> {
  const { q, ...base } = query;
  const key = identifierKey(q);
  const exact = key ? await repos.search.exact(key, { ...base, limit: EXACT_LIMIT }) : [];
  const exactIds = new Set(exact.map((h) => h.docId));
  const found = await repos.search.query(base);
  const rest = found.items.filter((h) => !exactIds.has(h.docId));
  if (exact.length > 0) {
    const items = base.offset === 0 ? [...exact, ...rest].slice(0, base.limit) : rest;
    const total = found.total === null ? null : Math.max(found.total, exact.length);
    return { ...found, items, total };
  }
  if (found.total !== 0) return found;
  const units = matchPlan(base.terms).units;
  for (let leaveOut = 1; partialGroups(units, leaveOut) !== null; leaveOut++) {
    const partial = await repos.search.query({ ...base, leaveOut });
    if (partial.total !== 0) return partial;
  }
  return found;
}

/** One result as the page shows it: the view escapes each segment's text and marks hits. */
export type PublicSearchItem = Omit<SearchHit, 'snippetSource' | 'title' | 'score'> & {
  title: Segment[];
  snippet: Segment[];
};

/** A search page. `status` says why there are no results when there are none to look for. */
export type PublicSearchResult = {
  query: string;
  /** 'empty': nothing typed; 'too_short': nothing searchable (punctuation, one character). */
  status: 'ok' | 'empty' | 'too_short';
  terms: SearchTerm[];
  items: PublicSearchItem[];
  /** Exact count, or null when more than the cap. */
  total: number | null;
  /** "23" or "1000+". */
  totalLabel: string;
  order: 'relevance' | 'date';
  /** The order asked for (the page is newest first anyway beyond the ranking cap). */
  sort: SearchSort;
  /** Nothing matched every word: these items match most of them. */
  partial: boolean;
  page: number;
  pageSize: number;
  hasNext: boolean;
};

function toItem(hit: SearchHit, terms: readonly SearchTerm[]): PublicSearchItem {
  const { snippetSource: src, title, score: _score, ...rest } = hit;
  const summary = highlight(src.summary, terms, { maxLength: SNIPPET_LENGTH });
  const body = highlight(src.body, terms, { maxLength: SNIPPET_LENGTH });
  const snippet = hasHit(summary) || (!hasHit(body) && src.summary) ? summary : body;
  return { ...rest, title: highlight(title, terms), snippet };
}

/**
 * Searches the public index.
 * @param input.q what the visitor typed
 * @param input.filters organization, category, kind, year, validity
 * @param input.page 1-based page number (clamped to 1…SEARCH_MAX_PAGE)
 * @param input.docType which items to search (default 'publication')
 * @returns a page of highlighted results; an empty or too-short query gives an empty page, not an error
 */
export async function searchPublic(
  ctx: Pick<AppContext, 'repos'>,
  input: { q: string; filters?: SearchFilters; page?: number; docType?: string; sort?: SearchSort },
): Promise<PublicSearchResult> {
  const query = input.q.trim();
  const page = Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.floor(input.page ?? 1) || 1));
  const terms = parseQuery(query);
  const base = {
    query,
    terms,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    items: [],
    total: 0,
    totalLabel: '0',
    order: 'relevance' as const,
    sort: input.sort ?? 'relevance',
    partial: false,
    hasNext: false,
  };
  if (!query) return { ...base, status: 'empty' };
  if (terms.length === 0) return { ...base, status: 'too_short' };
  const found = await findHits(ctx.repos, {
    q: query,
    terms,
    docType: input.docType ?? 'publication',
    ...input.filters,
    sort: base.sort,
    limit: SEARCH_PAGE_SIZE + 1,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
  });
  const items = found.items.slice(0, SEARCH_PAGE_SIZE).map((h) => toItem(h, terms));
  return {
    ...base,
    status: 'ok',
    items,
    total: found.total,
    totalLabel: found.total === null ? `${found.countCap}+` : String(found.total),
    order: found.order,
    partial: found.partial,
    hasNext: found.items.length > SEARCH_PAGE_SIZE && page < SEARCH_MAX_PAGE,
  };
}

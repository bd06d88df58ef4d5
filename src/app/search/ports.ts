// Port of the full-text search index: modules that publish feed it, the portal queries it.
import type { SearchTerm } from '../../domain/search/tokenize.js';

/** One searchable item as the publishing module describes it: its type and id, and plain text only (no HTML). */
export type SearchDocument = {
  /** What kind of item, e.g. 'publication'. */
  docType: string;
  docId: string;
  orgId: string;
  categoryId: string | null;
  kind: string;
  /** Defaults to the year of publishedOn. */
  year?: number;
  /** 有效性 for documents (e.g. 'valid', 'expired', 'repealed'); null when it does not apply. */
  validity: string | null;
  /** 'YYYY-MM-DD'. */
  publishedOn: string;
  title: string;
  /** 发文字号 ('' when none). */
  docNo: string;
  /** 索引号 ('' or absent when the item has none): found by exact lookup, not by its tokens. */
  indexNo?: string;
  summary: string;
  /** The body as plain text. */
  bodyText: string;
  updatedAt: string;
};

/** A search: parsed terms plus filters, one page. */
export type SearchQuery = {
  terms: readonly SearchTerm[];
  /** 'relevance' (default) or 'date' (newest first). More than `countCap` matches are always newest first. */
  sort?: 'relevance' | 'date';
  /** A partial match: how many of the query's units (domain/search matchPlan) may be missing (default 0). */
  leaveOut?: number;
  docType: string;
  orgIds?: readonly string[];
  categoryId?: string;
  kind?: string;
  year?: number;
  validity?: string;
  limit: number;
  offset: number;
};

/** One hit, named by type and id (web/ builds its address), with the texts the highlighter cuts snippets from. */
export type SearchHit = {
  docType: string;
  docId: string;
  title: string;
  publishedOn: string;
  orgId: string;
  kind: string;
  docNo: string;
  /** Relevance (higher is better) when the page was ranked; undefined when ordered by date. */
  score?: number;
  snippetSource: { title: string; summary: string; body: string };
};

/** A page of hits. */
export type SearchPage = {
  items: SearchHit[];
  /** Exact when at most `countCap`; null when more (shown as "1000+"). */
  total: number | null;
  /** The cap on counting: totals above it are not counted. */
  countCap: number;
  /** How the page was ordered: by relevance (few hits) or newest first (many hits, or asked for). */
  order: 'relevance' | 'date';
  /** The query left out units it could not match (SearchQuery.leaveOut > 0). */
  partial: boolean;
};

/** The full-text index. Writes run in the caller's transaction, so they show at once. */
export interface SearchIndex {
  /** Adds or replaces an item (same docType and docId). */
  upsert(doc: SearchDocument): Promise<void>;
  /** Removes an item (withdrawn, retired); no-op when absent. */
  remove(docType: string, docId: string): Promise<void>;
  query(q: SearchQuery): Promise<SearchPage>;
  /**
   * Items whose 发文字号 or 索引号 has this comparison key (domain/search identifierKey), newest first, with the
   * query's filters; at most `limit`.
   */
  exact(key: string, q: Omit<SearchQuery, 'terms' | 'offset'>): Promise<SearchHit[]>;
  /** Rebuilds the token index from search_document (after a restore); returns the item count. */
  rebuild(): Promise<number>;
}

/** Repositories of the search index. */
export type SearchRepos = { search: SearchIndex };

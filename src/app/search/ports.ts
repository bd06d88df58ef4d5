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
  summary: string;
  /** The body as plain text. */
  bodyText: string;
  updatedAt: string;
};

/** A search: parsed terms (AND) plus filters, one page. */
export type SearchQuery = {
  terms: readonly SearchTerm[];
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
  /** How the page was ordered: by relevance (few hits) or newest first (many hits). */
  order: 'relevance' | 'date';
};

/** The full-text index. Writes run in the caller's transaction, so they show at once. */
export interface SearchIndex {
  /** Adds or replaces an item (same docType and docId). */
  upsert(doc: SearchDocument): Promise<void>;
  /** Removes an item (withdrawn, retired); no-op when absent. */
  remove(docType: string, docId: string): Promise<void>;
  query(q: SearchQuery): Promise<SearchPage>;
  /** Rebuilds the token index from search_document (after a restore); returns the item count. */
  rebuild(): Promise<number>;
}

/** Repositories of the search index. */
export type SearchRepos = { search: SearchIndex };

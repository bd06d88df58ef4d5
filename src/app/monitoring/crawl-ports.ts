// Ports of the website check (check-site.ts): the crawler (src/adapters/crawler/), the reader of attachments
// (the guarded document parser that reads uploads, in its sandboxed process), the cache of validators that
// makes repeat runs conditional, and the store of the office's 错敏词 list. Composed in src/lazy-adapters.ts.
import type { ListItem } from '../../domain/monitoring/list-dates.js';
import type { SensitiveWord } from '../../domain/monitoring/sensitive-words.js';

/** Why a request got no response. DNS failures, timeouts and refused connections are results, never exceptions. */
export type FetchFailure = 'dns' | 'timeout' | 'network';

/** An HTML page as the checks need it: its text, its links and the items of its lists. */
export interface ParsedPage {
  title: string;
  /** The visible text (scripts and styles left out), block elements on their own lines. */
  text: string;
  /** Absolute http(s) addresses of the page's links (a, area, iframe, embed), fragment removed, in order. */
  links: { url: string; text: string }[];
  /** List items (li, tr, dd holding a link, outside nav/header/footer), with the heading above each. */
  items: ListItem[];
}

/** What the crawler asks for: a page to parse, an attachment's bytes, or only the status. */
export type FetchWant = 'page' | 'attachment' | 'probe';

/** The result of one fetch. */
export interface FetchResult {
  url: string;
  /** The address after redirects. */
  finalUrl: string;
  /** HTTP status, or null when no response came (see `error`). */
  status: number | null;
  error: FetchFailure | null;
  contentType: string | null;
  /** robots.txt forbids the address (nothing was fetched; not a dead link). */
  blocked: boolean;
  /** The server answered 304 to a conditional request: the cached page is returned. */
  notModified: boolean;
  /** The body was longer than the byte cap and was cut. */
  truncated: boolean;
  /** `page` and an HTML response. */
  page?: ParsedPage;
  /** `attachment` and a successful response. */
  bytes?: Uint8Array;
}

/** Validators of a page from an earlier run (conditional requests: ETag / Last-Modified). */
export interface CachedPage {
  etag?: string;
  lastModified?: string;
  page: ParsedPage;
}

/** Where the crawler keeps validators between runs (the caller chooses: memory, database…). */
export interface ValidatorCache {
  get(url: string): Promise<CachedPage | undefined>;
  set(url: string, entry: CachedPage): Promise<void>;
}

/** Options of one crawl. */
export interface CrawlOptions {
  /** Ignore robots.txt (the site's 主办单位 is the checker's own organization). */
  ignoreRobots: boolean;
  cache?: ValidatorCache;
  /** Cancels the crawl: pending fetches end as `network` failures. */
  signal?: AbortSignal;
}

/** One crawl session: fetches with per-host limits, robots.txt and the byte cap; `close` frees connections. */
export interface SiteCrawler {
  fetch(url: string, want: FetchWant): Promise<FetchResult>;
  close(): Promise<void>;
}

/** What the website check uses. */
export interface SiteCheckPorts {
  /** Starts a crawl session. */
  crawler: (options: CrawlOptions) => SiteCrawler;
  /**
   * The text of an attachment (PDF, DOCX, XLSX…), read by the guarded parser in its sandbox.
   * @throws Error when the file is not readable (the check records nothing for it)
   */
  readAttachment: (name: string, bytes: Uint8Array) => Promise<string>;
  /** The extensions of the attachments read (lower case, with the dot). */
  attachmentExtensions: readonly string[];
  /** The office's edited 错敏词 list; the default list when absent. */
  sensitiveWords?: SensitiveWordStore;
}

/** Storage of the edited 错敏词 list. */
export interface SensitiveWordStore {
  load(): Promise<SensitiveWord[]>;
}

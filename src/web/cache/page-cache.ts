// The page cache: rendered public pages in memory, each with its precomputed headers, a strong ETag and the tags
// of what it shows (app/portal/page-tags.ts). Least recently used pages leave first once the bytes held pass the
// budget. A change reported by the database layer drops exactly the pages carrying one of its tags; SITE drops all.
import { createHash } from 'node:crypto';
import { SITE_TAG, type PageChangeFeed, type PageTag } from '../../app/portal/page-tags.js';

/** The default budget (GONGKAI_PAGE_CACHE_MB): 64 MB of pages. */
export const DEFAULT_PAGE_CACHE_MB = 64;

/** A cached answer. */
export type CachedPage = {
  status: number;
  /** Every header the answer carries (security headers included), ETag and Content-Length among them. */
  headers: ReadonlyArray<readonly [string, string]>;
  body: Buffer;
  etag: string;
  /** `headers` flattened for node:http's writeHead: the full answer's, and a 304's (no type, no length). */
  raw: string[];
  raw304: string[];
  tags: readonly PageTag[];
  /** What the entry counts against the budget: body, headers, key. */
  size: number;
};

/** Fixed bookkeeping per entry (maps, arrays, the entry object), counted against the budget. */
const ENTRY_OVERHEAD = 256;

/** The strong ETag of a body: its SHA-256, shortened. */
export const etagOf = (body: Uint8Array): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** A page to store: its status, headers (an ETag and the length are added), body and tags. */
export function pageOf(
  status: number,
  given: Iterable<readonly [string, string]>,
  body: Buffer,
  tags: readonly PageTag[],
): Omit<CachedPage, 'size'> {
  const etag = etagOf(body);
  const headers: [string, string][] = [];
  for (const [k, v] of given) {
    const name = k.toLowerCase();
    if (name !== 'set-cookie' && name !== 'etag' && name !== 'content-length' && name !== 'date') headers.push([k, v]);
  }
  headers.push(['ETag', etag], ['Content-Length', String(body.byteLength)]);
  const raw = headers.flat();
  const raw304 = headers.filter(([k]) => !/^content-(type|length)$/i.test(k)).flat();
  return { status, headers, body, etag, raw, raw304, tags };
}

/** Counters for the bench and the tests. */
export type CacheStats = {
  hits: number;
  misses: number;
  stores: number;
  evictions: number;
  bytes: number;
  pages: number;
};

/** A page cache with a byte budget. */
export class PageCache {
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private readonly entries = new Map<string, CachedPage>();
  private readonly byTag = new Map<PageTag, Set<string>>();
  private bytes = 0;
  /** Moves at every invalidation: a page rendered across one is not stored (it may show the old state). */
  generation = 0;
  readonly stats: CacheStats = { hits: 0, misses: 0, stores: 0, evictions: 0, bytes: 0, pages: 0 };

  /**
   * @param budgetBytes the most bytes held (0: nothing is cached)
   * @param feed committed changes; the cache serves only while the feed is live
   */
  constructor(
    readonly budgetBytes: number,
    private readonly feed: PageChangeFeed,
  ) {
    feed.subscribe((tags) => this.invalidate(tags));
  }

  /** The cached page of a key, when the cache may serve now (changes of other processes looked for first). */
  get(key: string): CachedPage | undefined {
    if (this.budgetBytes <= 0) return undefined;
    this.feed.poll();
    if (!this.feed.live()) return undefined;
    const hit = this.entries.get(key);
    if (!hit) {
      this.stats.misses += 1;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, hit);
    this.stats.hits += 1;
    return hit;
  }

  /** Whether a page rendered now could be stored (the cache is on and the feed is live). */
  accepting(): boolean {
    return this.budgetBytes > 0 && this.feed.live();
  }

  /**
   * Stores a page unless an invalidation happened since `generation` was read (before the page was rendered), or
   * the page alone would take more than an eighth of the budget.
   */
  set(key: string, page: Omit<CachedPage, 'size'>, generation: number): boolean {
    if (!this.accepting() || generation !== this.generation) return false;
    const size = page.body.byteLength + key.length + ENTRY_OVERHEAD + 2 * page.raw.reduce((n, x) => n + x.length, 0);
    if (size > this.budgetBytes / 8) return false;
    this.remove(key);
    const entry: CachedPage = { ...page, tags: [SITE_TAG, ...page.tags], size };
    this.entries.set(key, entry);
    for (const t of entry.tags) {
      let keys = this.byTag.get(t);
      if (!keys) this.byTag.set(t, (keys = new Set()));
      keys.add(key);
    }
    this.bytes += size;
    this.stats.stores += 1;
    while (this.bytes > this.budgetBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
      this.stats.evictions += 1;
    }
    this.sync();
    return true;
  }

  /** Drops every page carrying one of the tags (SITE: all of them). */
  invalidate(tags: readonly PageTag[]): void {
    this.generation += 1;
    if (tags.includes(SITE_TAG)) {
      this.entries.clear();
      this.byTag.clear();
      this.bytes = 0;
    } else {
      for (const t of tags) for (const key of [...(this.byTag.get(t) ?? [])]) this.remove(key);
    }
    this.sync();
  }

  /** Whether a key is cached now (tests). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.size;
    for (const t of e.tags) {
      const keys = this.byTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(t);
    }
  }

  private sync(): void {
    this.stats.bytes = this.bytes;
    this.stats.pages = this.entries.size;
  }
}

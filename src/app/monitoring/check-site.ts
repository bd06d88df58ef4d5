// The website check (docs/monitoring.md, website checks): crawls one site — its home page, each column's list
// page, the links found on those pages and the attachments linked from the pages read — within a page budget,
// applies the pure rules of src/domain/monitoring and returns the findings with the verdict. It saves nothing:
// `monitor check` prints the result, `monitor run` stores it.
import type { MonitorFinding, MonitorSummary } from '../../domain/monitoring/finding.js';
import type { ListItem } from '../../domain/monitoring/list-dates.js';
import { DEFAULT_SENSITIVE_WORDS, type SensitiveWord } from '../../domain/monitoring/sensitive-words.js';
import { DEFAULT_SITE_CHECK_SETTINGS, type SiteCheckSettings } from '../../domain/monitoring/settings.js';
import type { SiteDescription } from '../../domain/monitoring/site-description.js';
import {
  columnFreshness,
  contentFindings,
  deadLinkFindings,
  homeFreshness,
  probeFinding,
  type LinkOutcome,
  type TextSource,
} from '../../domain/monitoring/site-rules.js';
import { summarizeSite } from '../../domain/monitoring/verdict.js';
import type { FetchResult, ParsedPage, SiteCheckPorts, SiteCrawler, ValidatorCache } from './crawl-ports.js';

/** Options of one check. */
export interface SiteCheckOptions {
  /** "Today" for freshness (ISO date). */
  asOf: string;
  settings?: SiteCheckSettings;
  /** The 错敏词 list (default: the ports' store, else the default list). */
  words?: readonly SensitiveWord[];
  /** The checker's own organization (credit code): robots.txt is not applied to a site it runs (`site.org`). */
  ownOrg?: string;
  /** Most requests of the run (pages, probes of links, attachments); default 500. */
  budget?: number;
  /** Requests in flight at once (the crawler also limits each host); default 8. */
  concurrency?: number;
  cache?: ValidatorCache;
  signal?: AbortSignal;
  /** Called after each request with the requests done and the budget. */
  onProgress?: (done: number, budget: number) => void;
}

/** The result: findings in a stable order, the verdict, pages read and distinct links checked. */
export interface SiteCheckResult {
  findings: MonitorFinding[];
  summary: MonitorSummary;
  pages: number;
  links: number;
}

/** A link found on a page read, before it is fetched. */
interface Found {
  outcome: LinkOutcome;
  /** Read the page's content (same host, found on the home or a column page). */
  read: boolean;
}

const RULE_ORDER = ['unavailable', 'home_stale', 'column_stale', 'column_empty', 'dead_link', 'spam', 'pii'];
const orderOf = (f: MonitorFinding): number => {
  const i = RULE_ORDER.indexOf(f.rule);
  return i < 0 ? RULE_ORDER.length : i;
};

const hostOf = (url: string): string => new URL(url).host;

/** The path's extension (lower case, with the dot), or ''. */
function extensionOf(url: string): string {
  const path = new URL(url).pathname.toLowerCase();
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot) : '';
}

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One check run's state. */
class SiteCheck {
  readonly findings: MonitorFinding[] = [];
  readonly found = new Map<string, Found>();
  pages = 0;
  requests = 0;

  constructor(
    readonly ports: SiteCheckPorts,
    readonly crawler: SiteCrawler,
    readonly site: SiteDescription,
    readonly words: readonly SensitiveWord[],
    readonly settings: SiteCheckSettings,
    readonly options: SiteCheckOptions,
    readonly budget: number,
  ) {}

  /** Fetches within the budget; null when the budget is spent. */
  async fetch(url: string, want: 'page' | 'attachment' | 'probe'): Promise<FetchResult | null> {
    if (this.requests >= this.budget || this.options.signal?.aborted) return null;
    this.requests++;
    const r = await this.crawler.fetch(url, want);
    this.options.onProgress?.(this.requests, this.budget);
    if (r.page && r.status !== null && r.status < 400) this.pages++;
    return r;
  }

  /** Checks the text of a page read. */
  readPage(page: ParsedPage, src: TextSource): void {
    this.findings.push(...contentFindings(page.text, src, this.words, this.settings));
  }

  /** Records the links of a page; those on the home or a column page (depth 1) are read when on the same host. */
  collect(
    page: ParsedPage,
    on: string,
    { onHome, depth, column }: { onHome: boolean; depth: number; column?: string },
    added?: Map<string, Found>,
  ): void {
    const siteHost = hostOf(this.site.url);
    for (const { url } of page.links) {
      if (url === on || url === this.site.url) continue;
      const seen = this.found.get(url);
      if (seen) {
        seen.outcome.pages++;
        seen.outcome.onHome ||= onHome;
        // A page linked from the home page and from a column belongs to the column.
        if (column && !seen.outcome.column) seen.outcome.column = column;
        continue;
      }
      const outcome: LinkOutcome = { url, status: null, error: null, foundOn: on, onHome, pages: 1 };
      if (column) outcome.column = column;
      const found = { outcome, read: depth === 1 && hostOf(url) === siteHost };
      this.found.set(url, found);
      added?.set(url, found);
    }
  }

  /** Fetches one link found: an attachment is read, a same-host page (depth 1) is read, anything else probed. */
  async follow(url: string, f: Found, next: Map<string, Found>): Promise<void> {
    const attachment = this.ports.attachmentExtensions.includes(extensionOf(url));
    const r = await this.fetch(url, attachment ? 'attachment' : f.read ? 'page' : 'probe');
    if (!r || r.blocked) {
      this.found.delete(url);
      return;
    }
    f.outcome.status = r.status;
    f.outcome.error = r.error;
    const src: TextSource = { url, ...(f.outcome.column ? { column: f.outcome.column } : {}) };
    if (r.bytes && attachment) await this.readAttachment(url, r.bytes, { ...src, foundOn: f.outcome.foundOn });
    if (r.page && r.status !== null && r.status < 400 && f.read) {
      this.readPage(r.page, src);
      const column = f.outcome.column ? { column: f.outcome.column } : {};
      this.collect(r.page, url, { onHome: false, depth: 2, ...column }, next);
    }
  }

  async readAttachment(url: string, bytes: Uint8Array, src: TextSource): Promise<void> {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'attachment');
    let text: string;
    try {
      text = await this.ports.readAttachment(name, bytes);
    } catch {
      return; // An unreadable attachment is no finding of these rules.
    }
    this.findings.push(...contentFindings(text, src, this.words, this.settings));
  }
}

/**
 * Checks one website as of a date. Nothing is saved; robots.txt is respected unless the site's 主办单位
 * (`site.org`) is `options.ownOrg`.
 *
 * Order: the home page (one availability probe: a failure is an `unavailable` warning), each column's list
 * page, then every link found on those pages (same-host pages are read for content and their links probed,
 * attachments are read through the guarded parser, other hosts only probed), until the budget is spent.
 *
 * @returns findings (unavailable, freshness, dead links, then content), the summary, pages read, links checked
 */
export async function checkSite(
  ports: SiteCheckPorts,
  site: SiteDescription,
  options: SiteCheckOptions,
): Promise<SiteCheckResult> {
  const settings = options.settings ?? DEFAULT_SITE_CHECK_SETTINGS;
  const words = options.words ?? (ports.sensitiveWords ? await ports.sensitiveWords.load() : DEFAULT_SENSITIVE_WORDS);
  const ignoreRobots = Boolean(options.ownOrg && site.org && options.ownOrg === site.org);
  const crawler = ports.crawler({
    ignoreRobots,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const run = new SiteCheck(ports, crawler, site, words, settings, options, options.budget ?? 500);
  try {
    const home = await run.fetch(site.url, 'page');
    const homeOk = home?.page && home.status !== null && home.status < 400 ? home.page : null;
    if (home) run.findings.push(...probeFinding(site.url, home));
    if (homeOk) {
      run.readPage(homeOk, { url: site.url });
      run.collect(homeOk, site.url, { onHome: true, depth: 1 });
    }
    const columns: { items: ListItem[] | null }[] = [];
    // Column pages are fetched ahead (up to `concurrency` at once, started in order, so the budget takes the same
    // ones) and handled one by one in order, as if fetched one after the other.
    const ahead: Promise<FetchResult | null>[] = [];
    const window = Math.max(1, options.concurrency ?? 8);
    for (const [i, column] of site.columns.entries()) {
      for (let j = ahead.length; j < Math.min(site.columns.length, i + window); j++) {
        const pending = run.fetch((site.columns[j] as SiteDescription['columns'][number]).url, 'page');
        pending.catch(() => undefined); // awaited in its turn below; no unhandled rejection meanwhile
        ahead.push(pending);
      }
      const r = await ahead[i];
      delete ahead[i];
      const ok = r?.page && r.status !== null && r.status < 400 ? r.page : null;
      columns.push({ items: ok ? ok.items : null });
      const seen = run.found.get(column.url);
      if (seen) {
        // Already found on the home page: its status is known now.
        seen.outcome.status = r?.status ?? null;
        seen.outcome.error = r?.error ?? null;
        seen.read = false;
      } else if (r && !r.blocked && !ok) {
        const outcome = { url: column.url, status: r.status, error: r.error, foundOn: site.url, onHome: false };
        run.found.set(column.url, { outcome: { ...outcome, pages: 1, column: column.name }, read: false });
      }
      if (ok) {
        run.readPage(ok, { url: column.url, column: column.name });
        run.collect(ok, column.url, { onHome: false, depth: 1, column: column.name });
      }
    }
    const crawled = site.columns.map((c, i) => ({ ...c, items: columns[i]?.items ?? null }));
    const homePage = { url: site.url, items: homeOk ? homeOk.items : null };
    run.findings.push(...homeFreshness(homePage, options.asOf, settings, crawled));
    run.findings.push(...columnFreshness(crawled, options.asOf, settings));
    // Column pages were fetched above: their outcomes are known.
    const fetched = new Set(site.columns.map((c) => c.url));
    let wave = new Map([...run.found].filter(([u]) => !fetched.has(u)));
    while (wave.size) {
      const next = new Map<string, Found>();
      await pool([...wave], options.concurrency ?? 8, ([u, f]) => run.follow(u, f, next));
      wave = next;
    }
  } finally {
    await crawler.close();
  }
  const checked = [...run.found.values()].filter((f) => f.outcome.status !== null || f.outcome.error !== null);
  run.findings.push(...deadLinkFindings(checked.map((f) => f.outcome)));
  const findings = run.findings.map((f, i) => ({ f, i })).sort((a, b) => orderOf(a.f) - orderOf(b.f) || a.i - b.i);
  const sorted = findings.map(({ f }) => f);
  return {
    findings: sorted,
    summary: summarizeSite(sorted, site.kind, settings),
    pages: run.pages,
    links: checked.length,
  };
}

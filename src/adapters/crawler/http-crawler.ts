// The website crawler (docs/decisions/0015-crawler.md): undici 7 over HTTP/1.1 and HTTPS, redirects followed
// by hand (bounded), gzip/deflate/br decoded by node:zlib, the body streamed with a byte cap so memory stays flat,
// charset detection (charset.ts), robots.txt (robots-parser), per-host politeness (host-gate.ts), conditional
// requests from a validator cache, and a timeout per request. DNS failures, timeouts, refused connections and
// statuses ≥ 400 are results, never exceptions.
import { Agent, request, type Dispatcher } from 'undici';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { pipeline, type Readable, type Transform } from 'node:stream';
import robotsParserModule from 'robots-parser';
import type {
  CrawlOptions,
  FetchFailure,
  FetchResult,
  FetchWant,
  SiteCrawler,
} from '../../app/monitoring/crawl-ports.js';
import { decodeHtml } from './charset.js';
import { HostGate } from './host-gate.js';
import { parseHtml } from './parse-html.js';

/** Limits of the crawler. */
export interface CrawlerSettings {
  /** Per request, headers and body (19号 counts a home page that does not open within 15 s as failed). */
  timeoutMs: number;
  /** Redirects followed per request. */
  maxRedirects: number;
  /** Bytes kept of an HTML page / an attachment (the rest is not read). */
  maxPageBytes: number;
  maxAttachmentBytes: number;
  /** Requests in flight per host, and the least delay between two starts to the same host. */
  perHostConcurrency: number;
  perHostDelayMs: number;
  /** The User-Agent header and the robots.txt agent token. */
  userAgent: string;
  robotsAgent: string;
}

/** The defaults. */
export const DEFAULT_CRAWLER_SETTINGS: CrawlerSettings = {
  // 国办秘函〔2019〕19号 站点无法访问: a page that does not open after 15 s counts as failed.
  timeoutMs: 15_000,
  maxRedirects: 5,
  maxPageBytes: 5 * 1024 * 1024,
  maxAttachmentBytes: 20 * 1024 * 1024,
  perHostConcurrency: 2,
  perHostDelayMs: 100,
  userAgent: 'Mozilla/5.0 (compatible; gongkai-monitor/1.0; +https://github.com/gongkai)',
  robotsAgent: 'gongkai-monitor',
};

type Robots = { isAllowed(url: string, ua?: string): boolean | undefined };
// robots-parser is CommonJS: its module object is the function (its typings declare an ES default export).
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robots;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** The kind of failure of a request that got no response. */
export function failureOf(e: unknown, timedOut: boolean): FetchFailure {
  if (timedOut) return 'timeout';
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    const { code, name } = c as { code?: string; name?: string };
    if (code && DNS_CODES.has(code)) return 'dns';
    if ((code && TIMEOUT_CODES.has(code)) || name === 'TimeoutError') return 'timeout';
  }
  return 'network';
}

const header = (h: Dispatcher.ResponseData['headers'], name: string): string | null => {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
};

/** The body's decoder for a Content-Encoding, or null for identity (unknown encodings are read as they are). */
function decoderFor(encoding: string | null): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/** Drops a body not read (the error its destruction emits is expected). */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** The largest body drained rather than dropped when not read, and how long draining may take. */
const DRAIN_BYTES = 64 * 1024;
const DRAIN_MS = 1000;

/**
 * Drops the body of a response not read. A body that is short or of unknown length (a redirect, a probe, a 404
 * page, often chunked) is drained in the background — at most {@link DRAIN_BYTES} and {@link DRAIN_MS}, then
 * dropped — so the connection stays open for the next request to the host; a longer one is dropped at once, which
 * closes the connection.
 */
function release(res: Dispatcher.ResponseData): void {
  const length = Number(header(res.headers, 'content-length') ?? 0);
  if (!(length <= DRAIN_BYTES)) return discard(res.body);
  void res.body.dump({ limit: DRAIN_BYTES, signal: AbortSignal.timeout(DRAIN_MS) }).catch(() => undefined);
}

/** Reads a stream up to `cap` bytes; stops (and destroys it) past the cap. */
async function readCapped(stream: Readable, cap: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    if (size + b.length > cap) {
      chunks.push(b.subarray(0, cap - size));
      size = cap;
      discard(stream);
      return { bytes: Buffer.concat(chunks, size), truncated: true };
    }
    chunks.push(b);
    size += b.length;
  }
  return { bytes: Buffer.concat(chunks, size), truncated: false };
}

/** Decodes and reads a response body, retrying raw deflate when a server sends deflate without its header. */
async function readBody(
  body: Readable,
  encoding: string | null,
  cap: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const decoder = decoderFor(encoding);
  if (!decoder) return readCapped(body, cap);
  if (encoding?.trim().toLowerCase() !== 'deflate') {
    return readCapped(
      pipeline(body, decoder, () => undefined),
      cap,
    );
  }
  const raw = await readCapped(body, cap);
  const inflate = (t: Transform) =>
    new Promise<Buffer>((ok, ko) => {
      const out: Buffer[] = [];
      let n = 0;
      t.on('data', (c: Buffer) => {
        n += c.length;
        if (n <= cap) out.push(c);
      });
      t.on('end', () => ok(Buffer.concat(out)));
      t.on('error', ko);
      t.end(raw.bytes);
    });
  const bytes = await inflate(createInflate()).catch(() => inflate(createInflateRaw()));
  return { bytes: bytes.subarray(0, cap), truncated: raw.truncated || bytes.length > cap };
}

/** A response as read under the host's slot: an HTML body is parsed after the slot is released. */
type Gated = FetchResult & {
  location: string | null;
  html?: Uint8Array;
  etag?: string | null;
  lastModified?: string | null;
};

const isHtml = (type: string | null): boolean => !type || /html|xml/i.test(type);

/** A crawler session over undici (see {@link DEFAULT_CRAWLER_SETTINGS}). */
export class HttpCrawler implements SiteCrawler {
  private readonly agent: Agent;
  private readonly gate: HostGate;
  private readonly robots = new Map<string, Promise<Robots | null>>();

  constructor(
    private readonly options: CrawlOptions,
    private readonly settings: CrawlerSettings = DEFAULT_CRAWLER_SETTINGS,
  ) {
    this.agent = new Agent({
      connect: { timeout: settings.timeoutMs },
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      connections: settings.perHostConcurrency,
    });
    this.gate = new HostGate(settings.perHostConcurrency, settings.perHostDelayMs);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Fetches one address. */
  async fetch(url: string, want: FetchWant): Promise<FetchResult> {
    const base = { url, finalUrl: url, status: null, error: null, contentType: null } as const;
    const empty = { blocked: false, notModified: false, truncated: false };
    if (!this.options.ignoreRobots && !(await this.allowed(url))) return { ...base, ...empty, blocked: true };
    const cached = want === 'page' ? await this.options.cache?.get(url) : undefined;
    let current = url;
    for (let hop = 0; ; hop++) {
      const r = await this.once(current, want, hop === 0 ? cached : undefined);
      if (r.status !== null && r.status >= 300 && r.status < 400 && r.status !== 304 && r.location) {
        const next = new URL(r.location, current);
        if (hop >= this.settings.maxRedirects || !/^https?:$/.test(next.protocol)) {
          return { ...base, ...empty, finalUrl: current, status: r.status };
        }
        current = next.href;
        if (!this.options.ignoreRobots && !(await this.allowed(current))) {
          return { ...base, ...empty, finalUrl: current, blocked: true };
        }
        continue;
      }
      const { location: _location, ...result } = r;
      void _location;
      return { ...result, url, finalUrl: current };
    }
  }

  /** One request (no redirect followed). */
  private async once(
    url: string,
    want: FetchWant,
    cached: Awaited<ReturnType<NonNullable<CrawlOptions['cache']>['get']>>,
  ): Promise<FetchResult & { location: string | null }> {
    const host = new URL(url).host;
    const got: Gated = await this.gate.run(host, async (): Promise<Gated> => {
      const timeout = AbortSignal.timeout(this.settings.timeoutMs);
      const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
      const headers: Record<string, string> = {
        'user-agent': this.settings.userAgent,
        'accept-encoding': 'gzip, deflate, br',
        accept: want === 'page' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' : '*/*',
      };
      if (cached?.etag) headers['if-none-match'] = cached.etag;
      if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
      const out = { url, finalUrl: url, blocked: false, notModified: false, truncated: false, location: null };
      try {
        const res = await request(url, { method: 'GET', headers, signal, dispatcher: this.agent });
        const contentType = header(res.headers, 'content-type');
        const base = { ...out, status: res.statusCode, error: null, contentType };
        const location = header(res.headers, 'location');
        if (res.statusCode === 304 && cached) {
          release(res);
          return { ...base, notModified: true, page: cached.page };
        }
        if ((res.statusCode >= 300 && res.statusCode < 400) || res.statusCode >= 400 || want === 'probe') {
          release(res);
          return { ...base, location };
        }
        if (want === 'page' && !isHtml(contentType)) {
          release(res);
          return base;
        }
        const cap = want === 'page' ? this.settings.maxPageBytes : this.settings.maxAttachmentBytes;
        const { bytes, truncated } = await readBody(res.body, header(res.headers, 'content-encoding'), cap);
        if (want === 'attachment') return { ...base, truncated, bytes };
        return {
          ...base,
          truncated,
          html: bytes,
          etag: header(res.headers, 'etag'),
          lastModified: header(res.headers, 'last-modified'),
        };
      } catch (e) {
        return { ...out, status: null, contentType: null, error: failureOf(e, timeout.aborted) };
      }
    });
    if (!got.html) return got;
    // Parsed after the host's slot is free, so the next request to the host runs meanwhile.
    const { html, etag, lastModified, ...result } = got;
    const page = parseHtml(decodeHtml(html, result.contentType).text, url);
    if (this.options.cache && (etag || lastModified)) {
      await this.options.cache.set(url, { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), page });
    }
    return { ...result, page };
  }

  /** Whether robots.txt lets the crawler fetch `url` (an unreadable robots.txt allows everything). */
  private async allowed(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let robots = this.robots.get(origin);
    if (!robots) {
      robots = this.once(`${origin}/robots.txt`, 'attachment', undefined).then((r) =>
        r.status === 200 && r.bytes
          ? robotsParser(`${origin}/robots.txt`, Buffer.from(r.bytes).toString('utf8'))
          : null,
      );
      this.robots.set(origin, robots);
    }
    const parsed = await robots;
    return parsed?.isAllowed(url, this.settings.robotsAgent) !== false;
  }
}

/** The crawler factory of the composition root. */
export function httpCrawler(settings: Partial<CrawlerSettings> = {}): (options: CrawlOptions) => SiteCrawler {
  return (options) => new HttpCrawler(options, { ...DEFAULT_CRAWLER_SETTINGS, ...settings });
}

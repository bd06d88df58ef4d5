// The page cache at the two doors of a request. `pageCacheMiddleware` is the framework's first step for public
// pages: it answers from the cache, or lets the page render and stores it. `fastPath` wraps node:http's listener
// so that a cached page is written before the framework sees the request at all (no Request/Response objects, no
// middleware): the stored headers are those the full pipeline produced, security headers included, and the
// access log line is the same.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../../app/context.js';
import type { WebEnv } from '../common/env.js';
import { DEFAULT_PAGE_CACHE_MB, PageCache, pageOf, type CachedPage } from './page-cache.js';
import { cacheKey, cacheableTags, etagMatches } from './cacheable.js';

const caches = new WeakMap<AppContext, PageCache>();

/**
 * The page cache of a context (one per open database and process: every web app over the context shares it).
 * @param budgetBytes its budget, taken when the cache is made (default GONGKAI_PAGE_CACHE_MB's default)
 */
export function pageCacheOf(ctx: AppContext, budgetBytes = DEFAULT_PAGE_CACHE_MB * 1024 * 1024): PageCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new PageCache(budgetBytes, ctx.pageChanges)));
  return cache;
}

/** A cached page as a Response: 304 when the client holds it, no body for HEAD. */
function answer(hit: CachedPage, method: string, ifNoneMatch: string | undefined): Response {
  if (etagMatches(ifNoneMatch, hit.etag)) {
    return new Response(null, { status: 304, headers: pairs(hit.raw304) });
  }
  return new Response(method === 'HEAD' ? null : hit.body, {
    status: hit.status,
    headers: hit.headers as [string, string][],
  });
}

const pairs = (flat: readonly string[]): [string, string][] =>
  Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i] ?? '', flat[2 * i + 1] ?? ''] as [string, string]);

/**
 * Serves cached public pages and stores the ones rendered now (GET and HEAD of the addresses in cacheable.ts,
 * answered 200). Register it before the security headers, so the stored answer carries them.
 */
export function pageCacheMiddleware(cache: PageCache): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || cache.budgetBytes <= 0) return next();
    const url = new URL(c.req.url);
    const tags = cacheableTags(url.pathname);
    if (!tags) return next();
    const key = cacheKey(url.pathname + url.search, c.req.header('cookie'));
    const hit = cache.get(key);
    if (hit) return answer(hit, method, c.req.header('if-none-match'));
    if (!cache.accepting()) return next();
    const generation = cache.generation;
    await next();
    const res = c.res;
    if (res.status !== 200 || !res.body) return;
    const page = pageOf(200, res.headers, Buffer.from(await res.arrayBuffer()), [
      ...tags,
      ...(c.get('pageTags') ?? []),
    ]);
    cache.set(key, page, generation);
    // The answer keeps its own cookies (a first visit's form token) and gains the ETag.
    const headers = new Headers(res.headers);
    headers.set('ETag', page.etag);
    if (etagMatches(c.req.header('if-none-match'), page.etag)) {
      headers.delete('content-type');
      headers.delete('content-length');
      c.res = new Response(null, { status: 304, headers });
    } else {
      c.res = new Response(page.body, { status: 200, headers });
    }
  };
}

/** Request targets served on the fast path: plain paths (no dot segments, escapes or doubled slashes). */
const PLAIN = /^\/[\w\-.~/]*(?:\?[\w\-.~=&%+*,:]*)?$/;
const plain = (target: string) => PLAIN.test(target) && !target.includes('/.') && !target.includes('//');

/**
 * node:http's listener with the fast path in front: a cached page is written at once; anything else goes to
 * `fallback` (the framework).
 * @param log write the access log line (GONGKAI_LOG_REQUESTS), as the framework's logger does
 */
export function fastPath(
  cache: PageCache,
  fallback: (req: IncomingMessage, res: ServerResponse) => unknown,
  log: boolean,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method;
    const target = req.url ?? '/';
    if ((method === 'GET' || method === 'HEAD') && cache.budgetBytes > 0 && plain(target)) {
      const t = log ? performance.now() : 0;
      const hit = cache.get(cacheKey(target, req.headers.cookie));
      if (hit) {
        const fresh = etagMatches(req.headers['if-none-match'], hit.etag);
        const status = fresh ? 304 : hit.status;
        res.writeHead(status, fresh ? hit.raw304 : hit.raw);
        res.end(fresh || method === 'HEAD' ? undefined : hit.body);
        if (log) {
          const path = target.split('?')[0];
          console.log(
            `${new Date().toISOString()} ${method} ${path} ${status} ${(performance.now() - t).toFixed(1)}ms`,
          );
        }
        return;
      }
    }
    void fallback(req, res);
  };
}

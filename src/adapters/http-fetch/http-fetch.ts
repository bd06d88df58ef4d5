// HTTP GET for the portal integrity check (app/monitoring/integrity-ports.ts) over Node's fetch (undici inside):
// redirects followed, a timeout per request, file bodies streamed into SHA-256 so memory stays flat. A minimal
// client for gongkai's own portal; the website crawler (adapters/crawler) may stand behind the same port.
import { createHash } from 'node:crypto';
import type { FetchedFile, FetchedPage, IntegrityFetch } from '../../app/monitoring/integrity-ports.js';

/** Options of the client. */
export type HttpFetchOptions = { timeoutMs?: number; userAgent?: string };

/** A fetch-based client; a request that fails (refused, DNS, timeout) answers status 0. */
export function httpFetch(opts: HttpFetchOptions = {}): IntegrityFetch {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const headers = { 'user-agent': opts.userAgent ?? 'gongkai-monitor (integrity)' };
  const get = (url: string) => fetch(url, { redirect: 'follow', headers, signal: AbortSignal.timeout(timeoutMs) });
  return {
    async page(url): Promise<FetchedPage> {
      try {
        const res = await get(url);
        return { status: res.status, text: await res.text() };
      } catch {
        return { status: 0, text: '' };
      }
    },
    async fileDigest(url): Promise<FetchedFile> {
      try {
        const res = await get(url);
        if (res.status !== 200 || !res.body) {
          await res.body?.cancel();
          return { status: res.status, sha256: '' };
        }
        const hash = createHash('sha256');
        for await (const chunk of res.body) hash.update(chunk);
        return { status: 200, sha256: hash.digest('hex') };
      } catch {
        return { status: 0, sha256: '' };
      }
    },
  };
}

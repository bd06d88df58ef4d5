// The crawler (src/adapters/crawler) against servers the test starts on 127.0.0.1: conditional requests on a
// repeat run, the byte cap, timeouts, DNS failures (.invalid), bounded redirects, robots.txt and its override,
// GBK pages, gzip/brotli bodies and the per-host concurrency limit. Failures are results, never exceptions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpCrawler, DEFAULT_CRAWLER_SETTINGS } from '../../../src/adapters/crawler/http-crawler.js';
import type { CachedPage, ValidatorCache } from '../../../src/app/monitoring/crawl-ports.js';
import { startFixtureSite, SENSITIVE, type FixtureSite } from './site-fixture.js';

let site: FixtureSite;
before(async () => {
  site = await startFixtureSite();
});
after(async () => {
  await site.close();
});

const crawler = (
  settings: Partial<typeof DEFAULT_CRAWLER_SETTINGS> = {},
  ignoreRobots = false,
  cache?: ValidatorCache,
) =>
  new HttpCrawler(
    { ignoreRobots, ...(cache ? { cache } : {}) },
    { ...DEFAULT_CRAWLER_SETTINGS, perHostDelayMs: 0, ...settings },
  );

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ base: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const stop = (server: Server) => {
  server.closeAllConnections();
  return new Promise<void>((ok) => server.close(() => ok()));
};

test('a GBK page (charset in <meta>), gzip and brotli bodies are decoded; a redirect is followed', async () => {
  const c = crawler();
  try {
    const gbk = await c.fetch(`${site.base}/renshi/`, 'page');
    assert.equal(gbk.page?.title, '人事信息');
    assert.match(gbk.page?.items[0]?.text ?? '', new RegExp(`区${SENSITIVE}招聘公告 2026-11-15`));
    const news = await c.fetch(`${site.base}/news/`, 'page');
    assert.equal(news.page?.items.length, 3);
    const notice = await c.fetch(`${site.base}/notice/`, 'page');
    assert.equal(notice.page?.items[0]?.text, '关于春季防火的通知 2026年5月8日');
    const moved = await c.fetch(`${site.base}/old-news`, 'page');
    assert.deepEqual([moved.status, moved.finalUrl, moved.page?.title], [200, `${site.base}/news/`, '要闻动态']);
    // Items are list entries of the content, not the navigation; the policy items carry the year heading.
    const policy = await c.fetch(`${site.base}/policy/`, 'page');
    assert.deepEqual(
      policy.page?.items.map((i) => [i.text, i.heading]),
      [
        ['示例区促进就业若干措施 [11-20]', '2026年'],
        ['上级文件 [03-02]', '2026年'],
      ],
    );
  } finally {
    await c.close();
  }
});

test('robots.txt is respected, and ignored when asked (the checker’s own site)', async () => {
  const polite = crawler();
  const own = crawler({}, true);
  try {
    const blocked = await polite.fetch(`${site.base}/private/secret.html`, 'probe');
    assert.deepEqual([blocked.blocked, blocked.status], [true, null]);
    const fetched = await own.fetch(`${site.base}/private/secret.html`, 'probe');
    assert.deepEqual([fetched.blocked, fetched.status], [false, 404]);
  } finally {
    await polite.close();
    await own.close();
  }
});

test('a repeat run sends conditional requests: 304 answers return the page kept from the first run', async () => {
  const kept = new Map<string, CachedPage>();
  const cache: ValidatorCache = { get: async (u) => kept.get(u), set: async (u, e) => void kept.set(u, e) };
  const first = crawler({}, false, cache);
  const r1 = await first.fetch(`${site.base}/policy/`, 'page');
  await first.close();
  assert.equal(r1.notModified, false);
  const before = site.notModified;
  const second = crawler({}, false, cache);
  const r2 = await second.fetch(`${site.base}/policy/`, 'page');
  await second.close();
  assert.equal(site.notModified, before + 1);
  assert.deepEqual([r2.status, r2.notModified], [304, true]);
  assert.deepEqual(r2.page, r1.page);
});

test('DNS failures, refused connections, timeouts, ≥ 400 and redirect loops are results, not exceptions', async () => {
  const slow = await listen((req, res) => {
    if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.alloc(300_000, 65));
    } else if (req.url !== '/hang') res.writeHead(500).end();
    // /hang never answers.
  });
  const c = crawler({ timeoutMs: 300, maxAttachmentBytes: 100_000, maxRedirects: 3 });
  try {
    const dns = await c.fetch('http://no-such-site.invalid/', 'probe');
    assert.deepEqual([dns.status, dns.error], [null, 'dns']);
    const hang = await c.fetch(`${slow.base}/hang`, 'probe');
    assert.deepEqual([hang.status, hang.error], [null, 'timeout']);
    const err = await c.fetch(`${slow.base}/oops`, 'page');
    assert.deepEqual([err.status, err.error, err.page], [500, null, undefined]);
    const loop = await c.fetch(`${slow.base}/loop`, 'probe');
    assert.deepEqual([loop.status, loop.error], [302, null]);
    const big = await c.fetch(`${slow.base}/big`, 'attachment');
    assert.deepEqual([big.truncated, big.bytes?.byteLength], [true, 100_000]);
  } finally {
    await c.close();
    await stop(slow.server);
  }
  const closed = crawler({ timeoutMs: 1000 });
  const refused = await closed.fetch(slow.base, 'probe');
  await closed.close();
  assert.deepEqual([refused.status, refused.error], [null, 'network']);
});

test('no more requests in flight to one host than the per-host limit', async () => {
  let active = 0;
  let peak = 0;
  const s = await listen((_req, res) => {
    active++;
    peak = Math.max(peak, active);
    setTimeout(() => {
      active--;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }, 30);
  });
  const c = crawler({ perHostConcurrency: 2 });
  try {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => c.fetch(`${s.base}/p${i}`, 'probe')));
    assert.ok(results.every((r) => r.status === 200));
    assert.equal(peak, 2);
  } finally {
    await c.close();
    await stop(s.server);
  }
});

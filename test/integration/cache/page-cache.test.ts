// The page cache on both dialects: after each move that changes what a page shows, the next request shows the
// change (publish, revise, withdraw, a scheduled publication coming due, the site settings, an organization's
// name), while pages the move does not touch stay cached; ETag and 304; HEAD from the same entry; the large-text
// mode cached apart; a change committed through a second connection (another process's view) becomes visible;
// on PostgreSQL a dropped notification connection drops the cache until it listens again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DIALECTS, PG_URL, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import {
  datedPublishing,
  draftFields,
  moveAlongChain,
  revise,
  type DatedPublishing,
} from '../../factories/publications.js';
import { actOnPublication, publishScheduled } from '../../../src/app/publications/act-on-publication.js';
import { saveSiteFooter, getSiteFooter } from '../../../src/app/settings/site-settings.js';
import { updateOrganization } from '../../../src/app/orgs/manage-organizations.js';
import { openRuntime, type Runtime } from '../../../src/main.js';
import { pageCacheOf } from '../../../src/web/cache/page-cache-http.js';
import { cacheKey } from '../../../src/web/cache/cacheable.js';
import type { PageCache } from '../../../src/web/cache/page-cache.js';

/** Waits until `ok()` holds, at most `ms` (changes of another connection arrive by notification on PostgreSQL). */
async function eventually(ok: () => Promise<boolean> | boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return ok();
}

for (const dialect of DIALECTS) {
  describe(`page cache (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let web: TestAgent;
    let cache: PageCache;
    let p: DatedPublishing;
    let first: { id: string; category: string };

    const cached = (path: string, large = false) => cache.has(cacheKey(path, large ? 'gk_large=1' : ''));
    const text = async (path: string, large = false) => {
      if (large) web.cookies.set('gk_large', '1');
      try {
        const res = await web.get(path);
        assert.equal(res.status, 200, path);
        return await res.text();
      } finally {
        web.cookies.delete('gk_large');
      }
    };
    /** Whether a page shows the item (lists by title; the sitemap by address). */
    const shows = async (path: string, id: string, title: RegExp) => {
      const body = await text(path);
      return path === '/sitemap.xml' ? body.includes(`/publications/${id}<`) : title.test(body);
    };
    /** Requests each page twice: the first renders and stores it, the second is a hit. */
    const warm = async (...paths: string[]) => {
      for (const path of paths) {
        await text(path);
        assert.ok(cached(path), `${path} is cached`);
      }
    };
    const pagesOf = (id: string, category: string) => [
      '/',
      `/org/${p.root.creditCode}`,
      `/org/${p.root.creditCode}/c/${category}`,
      `/org/${p.root.creditCode}/feed.atom`,
      '/sitemap.xml',
      '/api/v1/publications',
      `/publications/${id}`,
    ];

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      web = new TestAgent(rt);
      cache = pageCacheOf(rt.ctx);
      p = await datedPublishing(rt, 'cache');
      const id = await p.published('2025-10-09', '2025-10-09', { title: '示例区关于第一份缓存测试的通知' });
      const rec = await rt.ctx.repos.publications.byId(id);
      first = { id, category: rec?.categoryId ?? '' };
      // PostgreSQL: the cache serves once the notification connection listens.
      assert.ok(await eventually(() => rt.ctx.pageChanges.live()), 'the page-change listener is up');
    });
    after(() => rt.close());

    test('should answer a cached page with a strong ETag, 304 on If-None-Match, HEAD without a body', async () => {
      const path = `/publications/${first.id}`;
      await warm(path);
      const res = await web.get(path);
      const etag = res.headers.get('etag') ?? '';
      assert.match(etag, /^"[\w-]{20,}"$/);
      const body = await res.text();
      assert.match(body, /第一份缓存测试/);
      assert.equal(res.headers.get('content-security-policy')?.includes("default-src 'self'"), true);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.equal(res.headers.get('set-cookie'), null, 'a cached answer sets no cookie');
      const again = await web.request('GET', path, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      const other = await web.request('GET', path, { headers: { 'if-none-match': '"something-else"' } });
      assert.equal(other.status, 200);
      const head = await web.request('HEAD', path);
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('etag'), etag);
      assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(body)));
      assert.equal(await head.text(), '');
    });

    test('should cache the large-text mode apart from the standard page', async () => {
      const path = `/publications/${first.id}`;
      const standard = await text(path);
      const large = await text(path, true);
      assert.ok(cached(path) && cached(path, true));
      assert.doesNotMatch(standard, /class="portal large-text"/);
      assert.match(large, /class="portal large-text"/);
      assert.match(await text(path, true), /class="portal large-text"/);
      assert.doesNotMatch(await text(path), /class="portal large-text"/);
    });

    test('should show a newly published item on every list at the next request, and keep other pages', async () => {
      const untouched = [`/org/${p.child.creditCode}`, `/org/${p.child.creditCode}/statutory`, '/media'];
      await warm(...pagesOf(first.id, first.category), ...untouched);
      const id = await p.published('2025-10-10', '2025-10-10', { title: '示例区关于第二份缓存测试的通知' });
      for (const path of pagesOf(first.id, first.category).slice(0, 6)) {
        assert.ok(await shows(path, id, /第二份缓存测试/), path);
      }
      assert.match(await text(`/publications/${id}`), /第二份缓存测试/);
      // Exact: another organization's pages and unrelated pages were not touched.
      for (const path of untouched) assert.ok(cached(path), `${path} stays cached`);
    });

    test('should show a revision once it is published, and a withdrawal at once', async () => {
      const id = await p.published('2025-10-11', '2025-10-11', { title: '示例区关于第三份缓存测试的通知' });
      const rec = await rt.ctx.repos.publications.byId(id);
      const pages = pagesOf(id, rec?.categoryId ?? '');
      await warm(...pages);
      const fields = { title: '示例区关于第三份缓存测试（修订）的通知', writtenOn: '2025-10-11' };
      await revise(rt, p, id, draftFields(p.root.creditCode, fields));
      await moveAlongChain(rt, p, id, 'published', { approve: { acceptFindings: true } });
      for (const path of pages.slice(0, 6).filter((x) => x !== '/sitemap.xml')) {
        assert.match(await text(path), /第三份缓存测试（修订）/, path);
      }
      assert.match(await text(`/publications/${id}`), /第三份缓存测试（修订）/);
      await warm(...pages);
      await moveAlongChain(rt, p, id, 'withdrawn', { reason: '内容已过时' });
      assert.equal((await web.get(`/publications/${id}`)).status, 410);
      for (const path of pages.slice(0, 6)) assert.equal(await shows(path, id, /第三份缓存测试/), false, path);
    });

    test('should show a scheduled item when the scheduler releases it, with no request involved', async () => {
      p.at('2025-10-12');
      const { id } = await p.draft('2025-10-12', { title: '示例区关于第四份缓存测试的通知' });
      await moveAlongChain(rt, p, id, 'signed_off', { approve: { acceptFindings: true } });
      await actOnPublication(rt.ctx, p.signer, id, 'publish', { at: '2025-10-12T08:00:00Z' });
      await warm('/', `/org/${p.root.creditCode}`, '/sitemap.xml');
      assert.doesNotMatch(await text('/'), /第四份缓存测试/);
      rt.clock.set('2025-10-12T08:01:00Z');
      assert.deepEqual(await publishScheduled(rt.ctx), [id]);
      for (const path of ['/', `/org/${p.root.creditCode}`, '/sitemap.xml']) {
        assert.ok(await shows(path, id, /第四份缓存测试/), path);
      }
    });

    test('should show changed site settings and a renamed organization on the next request', async () => {
      const path = `/publications/${first.id}`;
      await warm('/', path, `/org/${p.child.creditCode}`);
      const footer = await getSiteFooter(rt.ctx);
      await saveSiteFooter(rt.ctx, null, { ...footer, contact: '缓存测试联系电话 010-12345678' });
      assert.match(await text('/'), /缓存测试联系电话/);
      assert.match(await text(path), /缓存测试联系电话/);
      await warm(`/org/${p.child.creditCode}`, path);
      const child = await rt.ctx.repos.orgs.byId(p.child.id);
      assert.ok(child);
      await updateOrganization(rt.ctx, null, child.id, { ...child, name: '示例区缓存测试改名局' });
      assert.match(await text(`/org/${p.child.creditCode}`), /示例区缓存测试改名局/);
    });

    test('should see a change committed through a second connection (another process)', async () => {
      const path = `/org/${p.root.creditCode}`;
      await warm(path, '/');
      const other: Runtime = await openRuntime(rt.db, {
        timeZone: 'Asia/Shanghai',
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        clock: rt.clock,
      });
      try {
        const footer = await getSiteFooter(other.ctx);
        await saveSiteFooter(other.ctx, null, { ...footer, contact: '另一进程写入的联系方式' });
      } finally {
        await other.close();
      }
      // SQLite: the file's data version moved, seen at the next request; PostgreSQL: the notification.
      assert.ok(await eventually(async () => /另一进程写入的联系方式/.test(await text(path)), 2000));
      assert.match(await text('/'), /另一进程写入的联系方式/);
    });

    // SQLite has no notification connection: this test is PostgreSQL's alone (registered, not skipped, there).
    if (dialect === 'postgres') {
      test('should drop the cache and serve nothing from it while the notification connection is down', async () => {
        const path = `/org/${p.root.creditCode}`;
        await warm(path);
        // Connected to this test's own database: only its listener is ended.
        const admin = new pg.Client({ connectionString: rt.db.kind === 'postgres' ? rt.db.url : PG_URL });
        await admin.connect();
        try {
          const { rowCount } = await admin.query(
            `select pg_terminate_backend(pid) from pg_stat_activity
            where application_name like 'gongkai-pages-%' and datname = current_database()`,
          );
          assert.ok((rowCount ?? 0) >= 1, 'the listening connection was found');
        } finally {
          await admin.end();
        }
        assert.ok(await eventually(() => !rt.ctx.pageChanges.live(), 2000), 'the feed is down');
        assert.equal(cached(path), false, 'the cache was dropped');
        await text(path);
        assert.equal(cached(path), false, 'nothing is stored while the listener is down');
        assert.ok(await eventually(() => rt.ctx.pageChanges.live(), 5000), 'the listener is back');
        await warm(path);
      });
    }
  });
}

// The fast path over a real socket: a cached page is answered by node:http's listener before the framework, with
// the same headers (security headers included), 304 and HEAD; a change drops it and the next request renders.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { createWebApp } from '../../../src/web/app.js';
import { fastPath, pageCacheOf } from '../../../src/web/cache/page-cache-http.js';
import { getSiteFooter, saveSiteFooter } from '../../../src/app/settings/site-settings.js';

for (const dialect of DIALECTS) {
  describe(`page cache fast path (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let server: Server;
    let base: string;
    let rendered = 0;

    before(async () => {
      rt = await openTestRuntime(dialect);
      const app = createWebApp(rt.ctx, {
        secureCookies: false,
        uploadLimitBytes: 1024 * 1024,
        dialect: rt.dialect,
        logRequests: false,
        timeZone: 'Asia/Shanghai',
      });
      const framework = getRequestListener(app.fetch);
      server = createServer(fastPath(pageCacheOf(rt.ctx), (req, res) => ((rendered += 1), framework(req, res)), false));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const end = Date.now() + 5000;
      while (!rt.ctx.pageChanges.live() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    });
    after(async () => {
      await new Promise((r) => server.close(r));
      await rt.close();
    });

    test('should answer a cached page without the framework, with the same headers, 304 and HEAD', async () => {
      const first = await fetch(`${base}/`);
      const body = await first.text();
      assert.equal(first.status, 200);
      const before = rendered;
      const second = await fetch(`${base}/`);
      assert.equal(await second.text(), body);
      assert.equal(rendered, before, 'the framework did not see the request');
      for (const h of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'cache-control']) {
        assert.equal(second.headers.get(h), first.headers.get(h), h);
      }
      const etag = second.headers.get('etag') ?? '';
      assert.equal(etag, first.headers.get('etag'));
      const not = await fetch(`${base}/`, { headers: { 'if-none-match': etag } });
      assert.equal(not.status, 304);
      const head = await fetch(`${base}/`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(body)));
      assert.equal(rendered, before);
    });

    test('should render again after a change, and leave unusual request targets to the framework', async () => {
      await fetch(`${base}/`);
      const footer = await getSiteFooter(rt.ctx);
      await saveSiteFooter(rt.ctx, null, { ...footer, contact: '快速路径测试电话 010-87654321' });
      const before = rendered;
      assert.match(await (await fetch(`${base}/`)).text(), /快速路径测试电话/);
      assert.equal(rendered, before + 1);
      await fetch(`${base}/`);
      assert.equal(rendered, before + 1, 'cached again');
      await fetch(`${base}/%70ublications/x`);
      assert.equal(rendered, before + 2, 'an escaped path goes through the framework');
    });
  });
}

// The site's public address (publicBaseUrl) on both dialects: validated on the settings page
// (Chinese errors, value kept, root admins only), then used for the absolute links of the Atom
// feeds, sitemap.xml and the open-data API; cleared, links use the server's own address again (in process:
// http://localhost; never the request's Host header: test/security/hardening.test.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { adminAgent } from '../../support/admin.js';
import { STAFF_PASSWORD } from '../../support/staff.js';
import { publishingStaff, type Publishing } from '../../support/publishing.js';
import { getPublicBaseUrl, parsePublicBaseUrl } from '../../../src/app/settings/public-base-url.js';

describe('parsePublicBaseUrl', () => {
  const good: [string, string | null][] = [
    ['https://www.example.gov.cn', 'https://www.example.gov.cn'],
    [' http://WWW.Example.gov.cn:8080/gongkai/portal ', 'http://www.example.gov.cn:8080/gongkai/portal'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['https://[::1]:8443/x', 'https://[::1]:8443/x'],
    ['', null],
  ];
  for (const [input, value] of good) {
    test(`should accept “${input}”`, () => assert.deepEqual(parsePublicBaseUrl(input), { ok: true, value }));
  }
  const bad: [string, RegExp][] = [
    ['https://www.example.gov.cn/', /末尾不要加“\/”/],
    ['ftp://www.example.gov.cn', /http\(s\):\/\//],
    ['https://www.example.gov.cn/a?b=1', /http\(s\):\/\//],
    ['https://user@www.example.gov.cn', /http\(s\):\/\//],
    ['https://www.example.gov.cn:70000', /端口/],
    ['https://-bad-.gov.cn', /域名/],
    ['https://www.example.gov.cn/a/../b', /路径/],
    ['www.example.gov.cn', /http\(s\):\/\//],
  ];
  for (const [input, message] of bad) {
    test(`should refuse “${input}” with a Chinese message`, () => {
      const r = parsePublicBaseUrl(input);
      assert.ok(!r.ok);
      assert.match(r.error, message);
    });
  }
});

for (const dialect of DIALECTS) {
  describe(`public base URL in feeds, sitemap and API (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let p: Publishing;
    let admin: TestAgent;
    let web: TestAgent;
    let itemId = '';
    let fileId = '';

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-01T02:00:00Z' });
      p = await publishingStaff(rt, 'url');
      const { id } = await p.draft('2025-10-08', {
        title: '示例区河长制工作实施办法',
        attachments: [{ name: '附件.pdf', mime: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 y') }],
      });
      await p.publish(id, '2025-10-09');
      itemId = id;
      fileId = (await rt.ctx.repos.publications.byId(id))?.attachments[0]?.fileId ?? '';
      admin = await adminAgent(rt);
      web = new TestAgent(rt);
    });
    after(() => rt.close());

    const feed = async () => (await web.get(`/org/${p.root.creditCode}/feed.atom`)).text();
    const sitemap = async () => (await web.get('/sitemap.xml')).text();
    const api = async () =>
      (await (await web.get('/api/v1/publications')).json()) as {
        items: { id: string; url: string; attachments: { url: string }[] }[];
      };

    test("should build links from the server's own address while no address is set", async () => {
      assert.ok(
        (await feed()).includes(
          `<link rel="alternate" type="text/html" href="http://localhost/publications/${itemId}"/>`,
        ),
      );
      assert.ok((await sitemap()).includes(`<loc>http://localhost/publications/${itemId}</loc>`));
      assert.equal((await api()).items[0]?.url, `http://localhost/publications/${itemId}`);
    });

    test('should show the field on the settings page and refuse a bad address, keeping what was typed', async () => {
      const page = await (await admin.get('/admin/settings')).text();
      assert.ok(page.includes('name="publicBaseUrl"') && page.includes('action="/admin/settings/base-url"'));
      const res = await admin.post('/admin/settings/base-url', {
        publicBaseUrl: 'https://www.example.gov.cn/gongkai/',
      });
      await refusedPage(res, ['网站地址末尾不要加“/”', 'value="https://www.example.gov.cn/gongkai/"']);
      assert.equal(await getPublicBaseUrl(rt.ctx), null, 'nothing saved');
    });

    test('should let only a root admin change it', async () => {
      const signer = new TestAgent(rt);
      await signer.login('url.signer', STAFF_PASSWORD);
      const res = await signer.post('/admin/settings/base-url', { publicBaseUrl: 'https://evil.example.com' });
      assert.equal(res.status, 403);
      assert.equal(await getPublicBaseUrl(rt.ctx), null);
    });

    test("should use the saved address in the feeds, the sitemap and the API, and the server's own once cleared", async () => {
      const saved = await admin.post('/admin/settings/base-url', {
        publicBaseUrl: 'https://www.example.gov.cn/gongkai',
      });
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), '/admin/settings?flash=base-url');
      assert.ok(
        (await (await admin.get('/admin/settings?flash=base-url')).text()).includes(
          'value="https://www.example.gov.cn/gongkai"',
        ),
      );
      const atom = await feed();
      assert.ok(atom.includes(`<id>https://www.example.gov.cn/gongkai/org/${p.root.creditCode}/feed.atom</id>`));
      assert.ok(
        atom.includes(
          `<link rel="self" type="application/atom+xml" href="https://www.example.gov.cn/gongkai/org/${p.root.creditCode}/feed.atom"/>`,
        ),
      );
      assert.ok(atom.includes(`href="https://www.example.gov.cn/gongkai/publications/${itemId}"`));
      assert.ok(!atom.includes('http://localhost'));
      const map = await sitemap();
      assert.ok(map.includes(`<loc>https://www.example.gov.cn/gongkai/publications/${itemId}</loc>`));
      assert.ok(!map.includes('http://localhost'));
      const item = (await api()).items[0];
      assert.equal(item?.url, `https://www.example.gov.cn/gongkai/publications/${itemId}`);
      assert.equal(
        item?.attachments[0]?.url,
        `https://www.example.gov.cn/gongkai/files/${fileId}?pub=${encodeURIComponent(itemId)}`,
      );
      const audit = await rt.ctx.repos.audit.list(
        { action: 'settings.updated', entityId: 'site.publicBaseUrl' },
        { limit: 5 },
      );
      assert.equal(audit.length, 1);

      assert.equal((await admin.post('/admin/settings/base-url', { publicBaseUrl: '' })).status, 303);
      assert.ok((await feed()).includes(`href="http://localhost/publications/${itemId}"`));
      assert.equal((await api()).items[0]?.url, `http://localhost/publications/${itemId}`);
    });
  });
}

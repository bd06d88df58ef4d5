// HTTP: the 政务新媒体 back-office pages (/admin/media) and the portal's 政务新媒体矩阵 (/media) on both dialects —
// deny by default (a reader has no forms and is refused on post, another organization's editor gets 403), CSRF,
// Chinese errors keeping what was typed, traffic lights from the check as of today, 关停 with its announcement,
// manual posts, imports refused as a whole, export, and a public page without contact data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { adminAgent, staffAgent } from '../../support/admin.js';
import { vnuErrors, vnuSkipReason } from '../../support/vnu.js';
import { accountForm } from '../../factories/media.js';

const ACCOUNTS = 'platform,name,verifiedName,org,filingNo,interaction,openedOn,status,feedUrl';
const csvFile = (lines: string[], name = 'accounts.csv') =>
  new File([`${lines.join('\n')}\n`], name, { type: 'text/csv' });

for (const dialect of DIALECTS) {
  describe(`政务新媒体 pages (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: TestAgent;
    let reader: TestAgent;
    let outsider: TestAgent;
    let root = { id: '', code: '' };
    let accountId = '';
    const html = async (agent: TestAgent, path: string, status = 200) => {
      const res = await agent.get(path);
      assert.equal(res.status, status, path);
      return res.text();
    };
    const account = (over: Record<string, string> = {}) => accountForm(root.id, over);

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2026-12-07T02:00:00Z' });
      const orgs = await rt.ctx.repos.orgs.list();
      const r = orgs.find((o) => o.parentId === null);
      root = { id: r?.id ?? '', code: r?.creditCode ?? '' };
      const bureau = orgs.find((o) => o.name === '示例区教育局')?.id ?? '';
      admin = await adminAgent(rt);
      reader = await staffAgent(rt, 'liu.editor', ['editor'], root.id);
      outsider = await staffAgent(rt, 'zhou.editor', ['editor'], bureau);
    });
    after(() => rt.close());

    test('should list nothing yet, offer the forms to a writer only, and refuse a post without the CSRF token', async () => {
      const page = await html(admin, '/admin/media');
      assert.match(page, /<a href="\/admin\/media" aria-current="page">政务新媒体<\/a>/);
      assert.match(page, /尚未登记政务新媒体账号/);
      assert.match(page, /登记账号/);
      assert.match(page, /导入账号/);
      const readOnly = await html(reader, '/admin/media');
      assert.doesNotMatch(readOnly, /登记账号|导入账号/);
      assert.equal((await reader.post('/admin/media/accounts', account())).status, 403);
      assert.equal((await admin.post('/admin/media/accounts', account(), { csrf: false })).status, 403);
      assert.equal((await rt.ctx.repos.media.accounts()).length, 0);
    });

    test('should keep what was typed with Chinese errors (422), then register the account', async () => {
      const bad = await admin.post('/admin/media/accounts', account({ platform: '', feedUrl: 'ftp://保留这个地址' }));
      assert.equal(bad.status, 422);
      const body = await bad.text();
      assert.match(body, /请选择平台/);
      assert.match(body, /订阅地址应以 http:\/\/ 或 https:\/\/ 开头/);
      assert.match(body, /value="ftp:\/\/保留这个地址"/);
      assert.match(body, /value="王五 13800000000"/);
      const ok = await admin.post('/admin/media/accounts', account());
      assert.equal(ok.status, 303);
      accountId = /\/admin\/media\/accounts\/([^?]+)/.exec(ok.headers.get('location') ?? '')?.[1] ?? '';
      const page = await html(admin, `/admin/media/accounts/${accountId}?flash=created`);
      assert.match(page, /账号已登记/);
      // Opened 2024 without any post: never updated → 不合格 (内容不更新, 僵尸账号).
      assert.match(page, /<span class="light light-red">不合格<\/span>/);
      assert.match(page, /14天内无更新（内容不更新），无发布记录/);
      assert.match(page, /王五 13800000000/);
      assert.doesNotMatch(page, /style=/);
      const dup = await admin.post('/admin/media/accounts', account());
      assert.equal(dup.status, 409);
      assert.match(await dup.text(), /该平台已登记同名账号/);
      await html(outsider, `/admin/media/accounts/${accountId}`, 403);
    });

    test('should record a post by hand and turn the light green', async () => {
      const bad = await admin.post(`/admin/media/accounts/${accountId}/posts`, {
        postedAt: '昨天',
        title: '保留的标题',
        comments: '2',
        answered: '1',
      });
      assert.equal(bad.status, 422);
      const body = await bad.text();
      assert.match(body, /发布时间应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm/);
      assert.match(body, /value="保留的标题"/);
      const ok = await admin.post(`/admin/media/accounts/${accountId}/posts`, {
        postedAt: '2026-12-06 09:00',
        title: '今日要闻',
        url: 'https://mp.example/1',
        comments: '2',
        answered: '1',
      });
      assert.equal(ok.status, 303);
      const page = await html(admin, `/admin/media/accounts/${accountId}`);
      assert.match(page, /<a href="https:\/\/mp.example\/1">今日要闻<\/a>/);
      assert.match(page, /<span class="light light-green">合格<\/span>/);
      const list = await html(admin, '/admin/media');
      assert.match(list, /<span class="light light-green">合格<\/span>/);
    });

    test('should require the announcement of a closure, then show it on the portal without contact data', async () => {
      const bad = await admin.post(`/admin/media/accounts/${accountId}/events`, {
        kind: 'closed',
        on: '2026-12-07',
        announcement: '',
        note: '保留的备注',
      });
      assert.equal(bad.status, 422);
      const body = await bad.text();
      assert.match(body, /关停须向社会公告，请填写公告内容/);
      assert.match(body, /value="保留的备注"/);
      assert.equal((await rt.ctx.repos.media.accountById(accountId))?.status, 'open');
      const portalBefore = await html(admin, '/media');
      assert.match(portalBefore, /<h2 id="platform-wechat">微信公众号<\/h2>/);
      assert.match(portalBefore, /<td>示例区发布<\/td>/);
      const ok = await admin.post(`/admin/media/accounts/${accountId}/events`, {
        kind: 'closed',
        on: '2026-12-07',
        announcement: '因机构职能调整，该账号自即日起停止更新。',
      });
      assert.equal(ok.status, 303);
      const page = await html(admin, `/admin/media/accounts/${accountId}`);
      assert.match(page, /账号已关停但未注销/);
      const portal = await (await fetchPublic('/media')).text();
      assert.match(portal, /关于微信公众号「示例区发布」关停的公告/);
      assert.match(portal, /因机构职能调整，该账号自即日起停止更新。/);
      assert.match(portal, /暂无公开的政务新媒体账号/);
      assert.doesNotMatch(portal, /王五|13800000000/);
      assert.match(portal, /<a href="\/media">政务新媒体<\/a>/);
      assert.doesNotMatch(portal, /style=/);
    });

    test('should refuse a bad import file as a whole and import a good one', async () => {
      const before = (await rt.ctx.repos.media.accounts()).length;
      const bad = await admin.postMultipart(
        '/admin/media/import/accounts',
        {},
        {
          accountsFile: [
            csvFile([
              ACCOUNTS,
              `weibo,示例区微博,,${root.code},,yes,2024-01-01,open,`,
              `weibo,另一个,,NOPE,,yes,2024-01-01,open,`,
            ]),
          ],
        },
      );
      assert.equal(bad.status, 422);
      const body = await bad.text();
      assert.match(body, /文件有 1 处错误，未导入任何内容/);
      assert.match(body, /第3行“org”列（D3）：未知主办单位（统一社会信用代码）：NOPE/);
      assert.equal((await rt.ctx.repos.media.accounts()).length, before);
      const none = await admin.postMultipart('/admin/media/import/posts', {}, {});
      assert.equal(none.status, 422);
      assert.match(await none.text(), /请选择 CSV 或 XLSX 文件/);
      const ok = await admin.postMultipart(
        '/admin/media/import/accounts',
        {},
        { accountsFile: [csvFile([ACCOUNTS, `weibo,示例区微博,,${root.code},,yes,2024-01-01,open,`])] },
      );
      assert.equal(ok.status, 303);
      assert.match(await html(admin, ok.headers.get('location') ?? ''), /账号导入完成：新增 1 个，更新 0 个/);
      const csv = await admin.get('/admin/media/export/accounts.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const text = await csv.text();
      assert.match(text, /^\uFEFF?platform,name,verifiedName,org,filingNo,interaction,openedOn,status,feedUrl\r\n/);
      assert.match(text, new RegExp(`weibo,示例区微博,,${root.code},,yes,2024-01-01,open,`));
      assert.equal((await outsider.get('/admin/media/export/accounts.csv')).status, 200);
      assert.doesNotMatch(await (await outsider.get('/admin/media/export/accounts.csv')).text(), /示例区微博/);
    });

    test('should let only a root administrator set the thresholds, keeping a wrong value with its error', async () => {
      assert.match(await html(admin, '/admin/media'), /检查阈值/);
      assert.doesNotMatch(await html(reader, '/admin/media'), /检查阈值/);
      const denied = await reader.post('/admin/media/thresholds', { staleDays: '7', warnDays: '5', zombieDays: '30' });
      assert.equal(denied.status, 403);
      const bad = await admin.post('/admin/media/thresholds', { staleDays: '7', warnDays: '9', zombieDays: 'x' });
      assert.equal(bad.status, 422);
      const body = await bad.text();
      assert.match(body, /预警天数应小于不更新天数/);
      assert.match(body, /应为1至3650的整数天数/);
      assert.match(body, /value="9"/);
      const ok = await admin.post('/admin/media/thresholds', { staleDays: '7', warnDays: '5', zombieDays: '30' });
      assert.equal(ok.status, 303);
      const page = await html(admin, '/admin/media?flash=thresholds');
      assert.match(page, /检查阈值已保存/);
      assert.match(page, /7\s*天无更新为单项否决/);
      const stored = await rt.ctx.repos.settings.get('media.thresholds');
      assert.deepEqual(stored, { staleDays: 7, warnDays: 5, zombieDays: 30 });
      await admin.post('/admin/media/thresholds', { staleDays: '14', warnDays: '10', zombieDays: '90' });
    });
    test(
      'should serve valid HTML (W3C Nu HTML checker) on every 政务新媒体 page',
      { skip: vnuSkipReason() },
      async () => {
        const paths = ['/admin/media', '/admin/media/accounts/new', `/admin/media/accounts/${accountId}`];
        const pages = [];
        for (const path of paths) pages.push({ label: path, html: await html(admin, path) });
        pages.push({ label: '/media', html: await (await fetchPublic('/media')).text() });
        const bad = await admin.post(`/admin/media/accounts/${accountId}/posts`, { postedAt: 'x', title: '' });
        pages.push({ label: 'post form with errors', html: await bad.text() });
        assert.deepEqual(await vnuErrors(pages), []);
      },
    );

    /** A portal page as an anonymous visitor sees it. */
    const fetchPublic = (path: string) => new TestAgent(rt).get(path);
  });
}

// HTTP: the back-office pages of the 政府网站工作年度报表 (/admin/website-report) and the portal's pages
// (/website-reports) on both dialects — deny by default, CSRF, Chinese errors keeping what was typed, 编审分离 at
// review, publication, the documents, and a portal that shows only published reports and links them from its home.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { adminAgent, staffAgent } from '../../support/admin.js';
import { vnuErrors, vnuSkipReason } from '../../support/vnu.js';
import { saveSite } from '../../../src/app/monitoring/registry.js';

for (const dialect of DIALECTS) {
  describe(`政府网站工作年度报表 pages (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: TestAgent;
    let supervisor: TestAgent;
    let reader: TestAgent;
    let [siteId, reportPath] = ['', ''];
    const pages: { label: string; html: string }[] = [];
    const html = async (agent: TestAgent, path: string, status = 200) => {
      const res = await agent.get(path);
      assert.equal(res.status, status, path);
      const body = await res.text();
      if (status === 200) pages.push({ label: path, html: body });
      return body;
    };

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2026-01-10T02:00:00Z' });
      const orgs = await rt.ctx.repos.orgs.list();
      const root = orgs.find((o) => o.parentId === null)?.id ?? '';
      siteId = await saveSite(rt.ctx, null, {
        name: '示例区教育局网站',
        homeUrl: 'http://edu.example.test/',
        siteCode: '',
        orgId: orgs.find((o) => o.name === '示例区教育局')?.id ?? '',
        kind: 'department',
        columns: [],
      });
      admin = await adminAgent(rt);
      supervisor = await staffAgent(rt, 'wrw.super', ['supervisor'], root);
      reader = await staffAgent(rt, 'wrw.editor', ['editor'], root);
    });
    after(() => rt.close());

    test('should link the reports from the portal home and show none before publication', async () => {
      const home = await html(new TestAgent(rt), '/');
      assert.match(home, /<a href="\/website-reports">政府网站工作年度报表<\/a>/);
      const list = await html(admin, '/website-reports');
      assert.match(list, /暂无已发布的网站年度报表/);
    });

    test('should deny the pages to staff without the role, and posts without the CSRF token', async () => {
      assert.equal((await reader.get('/admin/website-report')).status, 403);
      assert.equal((await reader.post('/admin/website-report/fill', { siteId, year: '2025' })).status, 404);
      const res = await admin.post('/admin/website-report/fill', { siteId, year: '2025' }, { csrf: false });
      assert.equal(res.status, 403);
      assert.equal((await rt.ctx.repos.websiteReports.list({})).length, 0);
    });

    test('should list the site as not filed, fill it, and show each value with its source', async () => {
      const overview = await html(admin, '/admin/website-report?year=2025');
      assert.match(overview, /示例区教育局网站/);
      assert.match(overview, /未填报/);
      assert.match(overview, /尚未报送（未到期）/);
      const res = await admin.post('/admin/website-report/fill', { siteId, year: '2025' });
      assert.equal(res.status, 303);
      const location = res.headers.get('location') ?? '';
      reportPath = location.replace(/\?.*$/, '');
      assert.match(reportPath, /^\/admin\/website-report\/[\w-]+$/);
      const page = await html(admin, location);
      assert.match(page, /已根据登记的数据自动填报/);
      assert.match(page, /网站登记信息/);
      assert.match(page, /保存填报内容/);
      assert.match(page, /name="page_views"/);
      assert.doesNotMatch(page, /name="pub_total"/, 'a filled value is not typed');
    });

    test('should refuse a bad value in Chinese, keeping what was typed, then save', async () => {
      const bad = await admin.post(reportPath, { page_views: '十万次', phone: '010-12345678' });
      assert.equal(bad.status, 422);
      const body = await bad.text();
      assert.match(body, /“网站总访问量”应为不小于0的整数/);
      assert.match(body, /value="十万次"/);
      assert.match(body, /value="010-12345678"/);
      const good = await admin.post(reportPath, { page_views: '5000', phone: '010-12345678' });
      assert.equal(good.status, 303);
      assert.match(await html(admin, `${reportPath}?flash=saved`), /填报内容已保存/);
    });

    test("should refuse review by the one who filled it (编审分离) and accept the supervisor's", async () => {
      const own = await admin.post(`${reportPath}/review`, {});
      assert.equal(own.status, 409);
      assert.match(await own.text(), /编审分离/);
      assert.equal((await supervisor.post(`${reportPath}/review`, {})).status, 303);
    });

    test('should publish the report on the portal, and export it', async () => {
      assert.equal((await admin.get(`/website-reports/${siteId}/2025`)).status, 404);
      const res = await admin.post(`${reportPath}/publish`, { publicationUrl: '' });
      assert.equal(res.status, 303);
      const detail = await html(admin, `/website-reports/${siteId}/2025`);
      assert.match(detail, /示例区教育局网站政府网站工作年度报表（2025年度）/);
      assert.match(detail, /5000次/);
      assert.match(await html(admin, '/website-reports'), /href="\/website-reports\/[^"]+\/2025">示例区教育局网站/);
      const report = (await rt.ctx.repos.websiteReports.list({ year: 2025 }))[0];
      assert.match(report?.publicationUrl ?? '', /\/website-reports\/.+\/2025$/);
      assert.match(await html(admin, '/admin/website-report?year=2025'), /按时报送/);
      const xlsx = await admin.get(`${reportPath}/report.xlsx`);
      assert.equal(xlsx.status, 200);
      assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
      assert.equal((await reader.get(`${reportPath}/report.xlsx`)).status, 404);
      assert.equal((await admin.get(`/website-reports/${siteId}/2024`)).status, 404);
    });

    test('should serve valid HTML', async (t) => {
      await html(admin, '/admin/website-report/settings');
      const skip = vnuSkipReason();
      if (skip) return t.skip(skip);
      assert.deepEqual(await vnuErrors(pages), []);
    });
  });
}

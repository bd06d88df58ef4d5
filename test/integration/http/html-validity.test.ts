// The portal's pages are valid HTML: the W3C Nu HTML checker (vnu-jar) finds no error (warnings allowed) on the
// home page, a directory and a category page, a publication page, the search page with a query, a published
// annual report, an organization's 政府信息公开指南 and 制度 pages (the default text and an edited one), and the
// back-office organization tree and guide editor. Skipped with a reason where Java is missing, never in CI.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { suiteAdmin } from '../../support/admin.js';
import { vnuErrors, vnuSkipReason } from '../../support/vnu.js';
import { makePublication } from '../../factories/publications.js';
import { makeStaff, publishingStaff } from '../../factories/staff.js';
import { demoOrgs } from '../../factories/orgs.js';
import { finishNarrative, insertReportCases } from './annual-report-fixture.js';
import { publishReport } from '../../../src/app/reports/report-workflow.js';
import { saveGuidePage } from '../../../src/app/portal/org-guide.js';

const BODY =
  '<p>全区河长制工作情况如下。</p><h2>一、总体情况</h2><ul><li>巡河12次</li><li>整改问题3个</li></ul>' +
  '<table><caption>巡河情况</caption><thead><tr><th scope="col">河道</th><th scope="col">次数</th></tr></thead>' +
  '<tbody><tr><td>示例河</td><td>12</td></tr></tbody></table><p><a href="https://example.gov.cn/">相关链接</a></p>';

const skip = vnuSkipReason();

for (const dialect of DIALECTS) {
  describe(`valid HTML (W3C Nu HTML checker, ${dialect})`, { skip: skipReason(dialect) || skip }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);

    test('should find no HTML error on the portal pages and the new back-office pages', async () => {
      const { root, named } = await demoOrgs(rt);
      const edu = named('示例区教育局');
      const staff = await publishingStaff(rt, { prefix: 'vnu' });
      const pub = await makePublication(rt, staff, {
        state: 'published',
        fields: { title: '示例区河长制工作年度通报', body: BODY, writtenOn: rt.ctx.clock.today() },
      });
      const categoryId = (await rt.ctx.repos.publications.byId(pub.id))?.categoryId ?? '';
      const year = Number(rt.ctx.clock.today().slice(0, 4)) - 1;
      await insertReportCases(rt.ctx, edu.id, year);
      await finishNarrative(rt.ctx, edu.id, year);
      await publishReport(rt.ctx, null, edu.id, year);
      const eduAdmin = await makeStaff(rt, 'vnu.admin', ['admin'], edu.id);
      await saveGuidePage(rt.ctx, eduAdmin, edu.id, 'guide', `${BODY}<h3>（一）申请</h3><p>自行编写的指南。</p>`);

      const org = `/org/${root.creditCode}`;
      const paths = [
        '/',
        `${org}/statutory`,
        `${org}/c/${categoryId}`,
        `/publications/${pub.id}`,
        `/search?q=${encodeURIComponent('河长')}`,
        `/org/${edu.creditCode}/annual-reports`,
        `/org/${edu.creditCode}/annual-reports/${year}`,
        `${org}/guide`,
        `${org}/rules`,
        `/org/${edu.creditCode}/guide`,
      ];
      const visitor = new TestAgent(rt);
      const pages = [];
      for (const path of paths) {
        const res = await visitor.get(path);
        assert.equal(res.status, 200, path);
        pages.push({ label: path, html: await res.text() });
      }
      for (const path of ['/admin/orgs', `/admin/orgs/${edu.id}/guide`, `/admin/orgs/${edu.id}/rules`]) {
        const res = await admin.get(path);
        assert.equal(res.status, 200, path);
        pages.push({ label: path, html: await res.text() });
      }
      assert.match(pages[3]?.html ?? '', /巡河情况/, 'the publication page shows the body checked');
      assert.match(pages[6]?.html ?? '', new RegExp(`${year}年政府信息公开工作年度报告`), 'the published report');
      // A page with known errors proves the checker ran and reported them.
      const canary =
        '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><ul><p>x</p></ul></body></html>';
      const all = await vnuErrors([...pages, { label: 'canary', html: canary }]);
      assert.ok(
        all.some((e) => e.startsWith('canary:')),
        `the checker reports the canary's error: ${all.join('\n')}`,
      );
      const errors = all.filter((e) => !e.startsWith('canary:'));
      assert.deepEqual(errors, [], `the Nu HTML checker found errors:\n${errors.join('\n')}`);
    });
  });
}

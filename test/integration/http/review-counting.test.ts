// HTTP: the section 四 counting rule on both dialects — by default a case filed in 2024 and decided in
// 2025 is 尚未审结 in 2024 and shows its result in 2025, in the 复议/诉讼 register and in the annual
// report (whose drafted narrative names the rule); a root administrator switches to the filing-year rule
// on the report settings page (audited) and the result of the next year drops out; others cannot.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import { adminAgent } from '../../support/admin.js';
import { buildReview } from '../../support/reviews.js';
import type { TestAgent } from '../../support/http.js';
import { localDate } from '../../../src/domain/core/local-date.js';
import { cell, openReportWorld, type ReportWorld } from './annual-report-fixture.js';

const SETTING = '/admin/reports/deadlines/review-counting';

for (const dialect of DIALECTS) {
  describe(`section 四 counting rule over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let w: ReportWorld;
    let admin: TestAgent;
    const register = (year: number) => `/admin/reviews?org=${w.org.edu}&year=${year}`;
    const report = (year: number) => `/admin/reports/${w.org.edu}/${year}`;
    const html = async (a: TestAgent, path: string) => {
      const res = await a.get(path);
      assert.equal(res.status, 200, path);
      return res.text();
    };
    before(async () => {
      w = await openReportWorld(dialect);
      admin = await adminAgent(w.rt);
      const insert = (over: Parameters<typeof buildReview>[1]) =>
        w.rt.ctx.repos.reviews.insert(buildReview(w.org.edu, over));
      // Filed 2024, decided 2025; filed 2025 and still open at its end; filed and decided in 2025.
      await insert({
        caseNo: '跨年',
        filedOn: localDate('2024-11-18'),
        result: 'corrected',
        resultOn: localDate('2025-02-10'),
      });
      await insert({
        caseNo: '年末未结',
        filedOn: localDate('2025-12-15'),
        result: 'upheld',
        resultOn: localDate('2026-01-20'),
      });
      await insert({
        caseNo: '当年',
        kind: 'litigation',
        litigationRoute: 'direct',
        filedOn: localDate('2025-03-03'),
        result: 'upheld',
        resultOn: localDate('2025-06-30'),
      });
    });

    test('should show a result in the year it is known, by default, in the register and the annual report', async () => {
      const y2024 = await html(w.as.eduHandler, register(2024));
      assert.equal(cell(y2024, 'reconsideration.pending'), '1');
      assert.equal(cell(y2024, 'reconsideration.corrected'), '0');
      assert.match(y2024, /按结果年度统计/);
      const y2025 = await html(w.as.eduHandler, register(2025));
      assert.equal(cell(y2025, 'reconsideration.corrected'), '1', 'the 2024 case decided in 2025');
      assert.equal(cell(y2025, 'reconsideration.pending'), '1', 'the 2025 case open on 31 December');
      assert.equal(cell(y2025, 'reconsideration.total'), '2');
      assert.equal(cell(y2025, 'litigation_direct.upheld'), '1');
      assert.match(y2025, /跨年/, 'the list of 2025 holds the case filed in 2024');
      const y2026 = await html(w.as.eduHandler, register(2026));
      assert.equal(cell(y2026, 'reconsideration.upheld'), '1');
      assert.equal(cell(y2026, 'reconsideration.total'), '1');

      const r2025 = await html(w.as.eduEditor, report(2025));
      assert.equal(cell(r2025, 'reviews.reconsideration.corrected'), '1');
      assert.equal(cell(r2025, 'reviews.reconsideration.pending'), '1');
      assert.equal(cell(r2025, 'reviews.litigation_direct.upheld'), '1');
      assert.match(r2025, /行政复议、行政诉讼案件按结果年度统计/);
      const r2024 = await html(w.as.eduEditor, report(2024));
      assert.equal(cell(r2024, 'reviews.reconsideration.pending'), '1');
      assert.equal(cell(r2024, 'reviews.reconsideration.corrected'), '0');
    });

    test('should refuse the setting to others and a bad value with a Chinese message', async () => {
      const denied = await w.as.eduEditor.post(SETTING, { reviewCounting: 'filing_year', year: '2025' });
      assert.equal(denied.status, 403);
      const bad = await admin.post(SETTING, { reviewCounting: 'by_moon', year: '2025' });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /请选择“按结果年度统计”或“按立案年度统计”/);
      assert.match(await html(admin, '/admin/reports/deadlines?year=2025'), /data-review-counting="result_year"/);
    });

    test('should count by filing year once the administrator switches the rule, auditing the change', async () => {
      const res = await admin.post(SETTING, { reviewCounting: 'filing_year', year: '2025' });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=counting/);
      assert.match(await html(admin, '/admin/reports/deadlines?year=2025'), /data-review-counting="filing_year"/);
      const y2025 = await html(w.as.eduHandler, register(2025));
      assert.equal(cell(y2025, 'reconsideration.corrected'), '0', 'the result of the 2024 case is not shown');
      assert.equal(cell(y2025, 'reconsideration.pending'), '1');
      assert.equal(cell(y2025, 'reconsideration.total'), '1');
      assert.doesNotMatch(y2025, /跨年/);
      assert.match(y2025, /按立案年度统计/);
      const r2025 = await html(w.as.eduEditor, report(2025));
      assert.equal(cell(r2025, 'reviews.reconsideration.corrected'), '0');
      assert.match(r2025, /行政复议、行政诉讼案件按立案年度统计/);
      const y2026 = await html(w.as.eduHandler, register(2026));
      assert.equal(cell(y2026, 'reconsideration.total'), '0');
      const entries = await w.rt.ctx.repos.audit.list({ entityId: 'reports.review_counting' }, { limit: 5 });
      assert.equal(entries.length, 1);
      assert.match(entries[0]?.beforeJson ?? '', /result_year/);
      assert.match(entries[0]?.afterJson ?? '', /filing_year/);
    });
  });
}

// The 政府网站工作年度报表 on both dialects: filling 教育局's website's 2025 report equals the hand counts of a known
// set of records; the workflow (edit entered values, 编审分离 at review, publish) and its refusals; who may see it
// (deny by default); the supervising office's filing overview (on time, missing); the XLSX read back with exceljs and
// opened by LibreOffice; the PDF's text; the field-list and deadline settings.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { convertToPdf, libreOfficeSkipReason, pdfText } from '../../support/libreoffice.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import { AppError } from '../../../src/app/errors.js';
import { fillWebsiteReport } from '../../../src/app/website-report/fill.js';
import {
  draftReportPublication,
  publishWebsiteReport,
  reopenWebsiteReport,
  reviewWebsiteReport,
  saveEnteredValues,
} from '../../../src/app/website-report/workflow.js';
import {
  filingPage,
  publishedReport,
  publishedReports,
  reportDocument,
  reportPage,
} from '../../../src/app/website-report/pages.js';
import { reportFields, saveReportSettings } from '../../../src/app/website-report/settings.js';
import { EXPECTED_2025, recordYear } from './report-data.js';

const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const refused = async (p: Promise<unknown>, want: string, message?: RegExp) => {
  await assert.rejects(p, (e) => {
    assert.equal(code(e), want);
    if (message) assert.match((e as Error).message, message);
    return true;
  });
};

for (const dialect of DIALECTS) {
  describe(`政府网站工作年度报表 (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2024-06-01T02:00:00Z' });
    const who = {} as Record<'eduAdmin' | 'rootSupervisor' | 'eduEditor' | 'finAdmin', Actor>;
    let [siteId, otherSiteId, reportId] = ['', '', ''];

    before(async () => {
      const { root, named } = await demoOrgs(rt);
      ({ siteId, otherSiteId } = await recordYear(rt));
      who.eduAdmin = await makeStaff(rt, 'wrt.admin', ['admin', 'editor'], named('示例区教育局').id);
      who.rootSupervisor = await makeStaff(rt, 'wrt.super', ['supervisor'], root.id);
      who.eduEditor = await makeStaff(rt, 'wrt.editor', ['editor'], named('示例区教育局').id);
      who.finAdmin = await makeStaff(rt, 'wrt.fin', ['admin'], named('示例区财政局').id);
    });

    test('should fill every known figure equal to the hand count, each with its source', async () => {
      reportId = await fillWebsiteReport(rt.ctx, who.eduAdmin, siteId, 2025);
      const report = await rt.ctx.repos.websiteReports.byId(reportId);
      assert.ok(report);
      assert.equal(report.state, 'draft');
      for (const [id, want] of Object.entries(EXPECTED_2025)) assert.equal(report.values[id], want, id);
      assert.equal(report.values.site_name, '示例区教育局网站');
      assert.equal(report.values.sponsor, '示例区教育局');
      assert.equal(report.values.site_kind, '部门网站');
      assert.equal(report.values.site_code, '1101020011');
      assert.equal(report.values.filled_on, '2026-01-10');
      assert.equal(report.values.icp_no, undefined, 'no earlier report: nothing to carry over');
      assert.match(report.filled.pub_total ?? '', /2025年发布的信息（示例区教育局）/);
      assert.match(report.filled.security_fixed ?? '', /监测/);
      assert.equal(report.filled.page_views, undefined, 'visits are entered, not filled');
      const page = await reportPage(rt.ctx, who.eduAdmin, reportId);
      const line = page.fields.find((f) => f.id === 'page_views');
      assert.equal(line?.entered, true);
      assert.equal(page.fields.find((f) => f.id === 'pub_total')?.entered, false);
    });

    test('should refuse bad entered values with Chinese messages and keep the stored ones', async () => {
      try {
        await saveEnteredValues(rt.ctx, who.eduAdmin, reportId, { page_views: '十万', smart_qa: '有' });
        assert.fail('should refuse');
      } catch (e) {
        assert.equal(code(e), 'invalid');
        const fields = (e as AppError).fieldErrors ?? {};
        assert.match(fields.page_views ?? '', /应为不小于0的整数/);
        assert.match(fields.smart_qa ?? '', /“是”或“否”/);
      }
      const report = await rt.ctx.repos.websiteReports.byId(reportId);
      assert.equal(report?.values.page_views, undefined);
    });

    test('should save entered values, but never overwrite a filled one', async () => {
      await saveEnteredValues(rt.ctx, who.eduAdmin, reportId, {
        page_views: '120000',
        smart_qa: '是',
        icp_no: '京ICP备12345678号',
        pub_total: '999',
      });
      const report = await rt.ctx.repos.websiteReports.byId(reportId);
      assert.equal(report?.values.page_views, '120000');
      assert.equal(report?.values.smart_qa, '是');
      assert.equal(report?.values.icp_no, '京ICP备12345678号');
      assert.equal(report?.values.pub_total, EXPECTED_2025.pub_total);
      // Filling again refreshes the filled values and keeps the entered ones.
      await fillWebsiteReport(rt.ctx, who.eduAdmin, siteId, 2025);
      const again = await rt.ctx.repos.websiteReports.byId(reportId);
      assert.equal(again?.values.page_views, '120000');
      assert.equal(again?.values.pub_total, EXPECTED_2025.pub_total);
    });

    test('should deny the report to staff without the role and to admins of another branch', async () => {
      await refused(fillWebsiteReport(rt.ctx, who.eduEditor, siteId, 2025), 'not_found');
      await refused(reportPage(rt.ctx, who.finAdmin, reportId), 'not_found');
      await refused(saveEnteredValues(rt.ctx, who.finAdmin, reportId, { page_views: '1' }), 'not_found');
      await refused(reviewWebsiteReport(rt.ctx, who.finAdmin, reportId), 'not_found');
      await refused(filingPage(rt.ctx, who.eduEditor, 2025), 'forbidden');
      await refused(fillWebsiteReport(rt.ctx, who.eduAdmin, siteId, 2027), 'invalid');
    });

    test('should refuse review by the editor (编审分离) and publication before review', async () => {
      await refused(reviewWebsiteReport(rt.ctx, who.eduAdmin, reportId), 'conflict', /编审分离/);
      await refused(publishWebsiteReport(rt.ctx, who.rootSupervisor, reportId, ''), 'conflict', /审核/);
      assert.equal((await reportPage(rt.ctx, who.eduAdmin, reportId)).can.review, false);
      assert.equal((await reportPage(rt.ctx, who.rootSupervisor, reportId)).can.review, true);
    });

    test('should review, refuse edits after review, reopen, review again and publish', async () => {
      await reviewWebsiteReport(rt.ctx, who.rootSupervisor, reportId);
      await refused(saveEnteredValues(rt.ctx, who.eduAdmin, reportId, { page_views: '1' }), 'conflict');
      await refused(fillWebsiteReport(rt.ctx, who.eduAdmin, siteId, 2025), 'conflict');
      await reopenWebsiteReport(rt.ctx, who.eduAdmin, reportId);
      assert.equal((await rt.ctx.repos.websiteReports.byId(reportId))?.state, 'draft');
      await reviewWebsiteReport(rt.ctx, who.rootSupervisor, reportId);
      assert.equal(await publishedReports(rt.ctx).then((l) => l.length), 0, 'not on the portal before publication');
      await refused(publishedReport(rt.ctx, siteId, 2025), 'not_found');
      rt.clock.set('2026-01-20T02:00:00Z');
      await publishWebsiteReport(rt.ctx, who.eduAdmin, reportId, 'https://gk.example.gov.cn/website-reports/x/2025');
      const report = await rt.ctx.repos.websiteReports.byId(reportId);
      assert.equal(report?.state, 'published');
      assert.equal(rt.ctx.clock.dateOf(report?.filedAt ?? ''), '2026-01-20');
      await refused(reopenWebsiteReport(rt.ctx, who.eduAdmin, reportId), 'conflict', /已发布/);
      const list = await publishedReports(rt.ctx);
      assert.deepEqual(
        list.map((l) => [l.siteName, l.year, l.filedOn]),
        [['示例区教育局网站', 2025, '2026-01-20']],
      );
      const shown = await publishedReport(rt.ctx, siteId, 2025);
      assert.equal(shown.fields.find((f) => f.id === 'pub_total')?.value, '4');
      const actions = (await rt.ctx.repos.audit.list({ entityId: reportId }, { limit: 50 })).map((e) => e.action);
      for (const a of ['filled', 'edited', 'reviewed', 'reopened', 'published']) {
        assert.ok(actions.includes(`website_report.${a}`), a);
      }
    });

    test('should show the supervising office who filed on time and who did not', async () => {
      rt.clock.set('2026-02-05T02:00:00Z');
      const page = await filingPage(rt.ctx, who.rootSupervisor, 2025);
      const row = (id: string) => page.rows.find((r) => r.site.id === id);
      assert.equal(page.due, '2026-01-31');
      assert.equal(row(siteId)?.filing, 'on_time');
      assert.equal(row(siteId)?.stateLabel, '已发布');
      assert.equal(row(otherSiteId)?.filing, 'missing');
      assert.equal(row(otherSiteId)?.stateLabel, '未填报');
      const edu = await filingPage(rt.ctx, who.eduAdmin, 2025);
      assert.deepEqual(
        edu.rows.map((r) => r.site.id),
        [siteId],
        'an admin of 教育局 sees only its own site',
      );
    });

    test("should carry last year's ICP number into the next year and start the next year as a draft", async () => {
      rt.clock.set('2026-12-20T02:00:00Z');
      const next = await fillWebsiteReport(rt.ctx, who.eduAdmin, siteId, 2026);
      const report = await rt.ctx.repos.websiteReports.byId(next);
      assert.equal(report?.values.icp_no, '京ICP备12345678号');
      assert.equal(report?.filled.icp_no, '2025年度报表');
      assert.equal(report?.values.pub_total, '0');
    });

    test('should draft the reviewed report as a publication of the 主办单位', async () => {
      const other = await fillWebsiteReport(rt.ctx, who.eduAdmin, otherSiteId, 2025).catch((e: unknown) => e);
      assert.equal(code(other), 'not_found', "教育局 may not fill 财政局's report");
      const made = await draftReportPublication(rt.ctx, who.eduAdmin, reportId);
      const pub = await rt.ctx.repos.publications.byId(made.id);
      assert.equal(pub?.state, 'draft');
      assert.match(pub?.title ?? '', /示例区教育局网站政府网站工作年度报表（2025年度）/);
      assert.match(pub?.bodyHtml ?? '', /信息发布总数/);
      await refused(draftReportPublication(rt.ctx, who.eduAdmin, reportId), 'conflict', /已生成/);
    });

    test('should export XLSX read back by exceljs and opened by LibreOffice, and a PDF with the text', async (t) => {
      const xlsx = await reportDocument(rt.ctx, who.eduAdmin, reportId, 'xlsx');
      assert.match(xlsx.filename, /\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('年度报表');
      assert.ok(ws);
      const cells = new Map<string, unknown>();
      ws.eachRow((row) => cells.set(String(row.getCell(2).value), row.getCell(4).value));
      assert.equal(cells.get('信息发布总数'), 4);
      assert.equal(cells.get('网站总访问量'), 120000);
      assert.equal(cells.get('微博：名称'), '示例区教育微博');
      const pdf = await reportDocument(rt.ctx, who.eduAdmin, reportId, 'pdf');
      const dir = mkdtempSync(join(tmpdir(), 'gk-wr-'));
      writeFileSync(join(dir, 'report.pdf'), pdf.bytes);
      const text = (await pdfText(join(dir, 'report.pdf'))).replace(/\s+/g, '');
      assert.match(text, /示例区教育局网站政府网站工作年度报表（2025年度）/);
      assert.match(text, /信息发布总数/);
      assert.match(text, /安全检测评估次数/);
      const skip = libreOfficeSkipReason();
      if (skip) return t.skip(skip);
      writeFileSync(join(dir, 'report.xlsx'), xlsx.bytes);
      const converted = await convertToPdf(join(dir, 'report.xlsx'), dir);
      const sheetText = (await pdfText(converted)).replace(/\s+/g, '');
      assert.match(sheetText, /信息发布总数/);
      assert.match(sheetText, /120000/);
    });

    test('should use an office field list and deadline from the settings, refusing bad ones', async () => {
      const root = await makeStaff(rt, 'wrt.root', ['admin']);
      await refused(saveReportSettings(rt.ctx, who.eduAdmin, { fieldsJson: '', dueMonthDay: '01-20' }), 'forbidden');
      try {
        await saveReportSettings(rt.ctx, root, { fieldsJson: '[{"id":"x"}]', dueMonthDay: '02-30' });
        assert.fail('should refuse');
      } catch (e) {
        const fields = (e as AppError).fieldErrors ?? {};
        assert.match(fields.fieldsJson ?? '', /缺少名称/);
        assert.match(fields.dueMonthDay ?? '', /MM-DD/);
      }
      const list = [{ id: 'pub_total', label: '信息发布总数', group: '信息发布', unit: '条', filled: true }];
      await saveReportSettings(rt.ctx, root, { fieldsJson: JSON.stringify(list), dueMonthDay: '01-15' });
      const { fields, own } = await reportFields(rt.ctx);
      assert.equal(own, true);
      assert.deepEqual(
        fields.map((f) => f.id),
        ['pub_total'],
      );
      const page = await filingPage(rt.ctx, who.rootSupervisor, 2025);
      assert.equal(page.due, '2026-01-15');
      assert.equal(page.rows.find((r) => r.site.id === siteId)?.filing, 'late');
      await saveReportSettings(rt.ctx, root, { fieldsJson: '', dueMonthDay: '' });
      assert.equal((await reportFields(rt.ctx)).own, false);
    });
  });
}

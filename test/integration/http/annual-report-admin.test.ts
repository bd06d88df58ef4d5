// HTTP: the annual report's back office on both dialects — permissions (visitor → login,
// another organization's editor → 403, a supervisor reads the subtree), the report computed from
// the applications, saving the narrative and the section-二 figures (typed values kept with Chinese
// errors, nothing saved), the CSV import naming line and cell, submit and return with a reason,
// the units' table with the late ones, and the dashboard card.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import { publishReport } from '../../../src/app/reports/report-workflow.js';
import {
  YEAR,
  cell,
  finishNarrative,
  insertCase,
  lit,
  openReportWorld,
  postFile,
  type ReportWorld,
} from './annual-report-fixture.js';
import { refusedPage } from '../../support/http.js';

/** A case of 示例区财政局 received in 2024 and closed in 2025, entered after the 2024 report was published. */
const insertLateCase = (w: ReportWorld) =>
  insertCase(w.rt.ctx, w.org.fin, {
    trackingCode: 'NBCS-LATE-0001',
    channel: 'registered_mail',
    type: 'natural_person',
    receivedOn: '2024-12-20',
    closedOn: '2025-01-10',
    outcome: 'disclosed',
  });

const utf8 = (s: string) => new TextEncoder().encode(s);

for (const dialect of DIALECTS) {
  describe(`annual report back office over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let w: ReportWorld;
    let page = '';
    before(async () => {
      w = await openReportWorld(dialect);
      page = `/admin/reports/${w.org.edu}/${YEAR}`;
    });
    after(() => w?.rt.close());

    test('should send a visitor to the login page and refuse another organization or role with 403', async () => {
      const anon = await w.as.visitor.get(page);
      assert.equal(anon.status, 303);
      assert.match(anon.headers.get('location') ?? '', /^\/admin\/login\?next=/);
      assert.equal((await w.as.visitor.get('/admin/reports')).status, 303);
      const other = await w.as.finEditor.get(page);
      assert.equal(other.status, 403);
      assert.match(await other.text(), /没有权限/);
      assert.equal((await w.as.finEditor.post(`${page}/draft`, { overview: '越权写入' })).status, 403);
      assert.equal((await w.as.finEditor.get(`${page}/export.json`)).status, 403);
      assert.equal((await w.as.finEditor.get(`/admin/reports/rollup?org=${w.org.root}&year=${YEAR}`)).status, 403);
      assert.equal((await w.as.eduHandler.get('/admin/reports')).status, 403, 'a case handler compiles no report');
      assert.equal(await w.rt.ctx.repos.annualReports.get(w.org.edu, YEAR), undefined, 'nothing saved');
      assert.equal((await w.as.eduEditor.get(`/admin/reports/${w.org.edu}/2017`)).status, 404, 'no format before 2019');
      const trial = await w.as.eduEditor.get(`/admin/reports/${w.org.edu}/2020`);
      assert.equal(trial.status, 200);
      const trialHtml = await trial.text();
      assert.match(trialHtml, /2019年试行格式/);
      assert.match(trialHtml, /<label for="f-a20\.procurement\.amount">/, 'the 2019 format asks for 政府集中采购');
    });

    test('should show the report computed from the applications with its findings, forms and downloads', async () => {
      const res = await w.as.eduEditor.get(page);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.equal(cell(html, 'applications.new.natural_person'), '4');
      assert.equal(cell(html, 'applications.new.business'), '1');
      assert.equal(cell(html, 'applications.disclosed.natural_person'), '3');
      assert.equal(cell(html, 'applications.not_processed.repeated.business'), '1');
      assert.equal(cell(html, 'applications.carried_forward.natural_person'), '1');
      assert.match(html, /编制中（草稿）/);
      assert.match(html, /<label for="f-overview">一、总体情况/);
      assert.match(html, /<label for="f-a20\.licensing\.decisions">行政许可：本年处理决定数量/);
      assert.match(html, /<input id="f-csv" name="csv" type="file"/);
      assert.match(html, />报送上级</);
      assert.doesNotMatch(html, />公开发布</, 'an editor does not publish');
      assert.doesNotMatch(html, />退回修改</);
      for (const kind of ['html', 'docx', 'xlsx', 'pdf', 'json', 'md']) {
        assert.match(html, lit(`href="${page}/export.${kind}"`));
      }
      assert.match(html, /<h2 id="findings">检查结果/);
    });

    test('should regenerate the narrative from the data', async () => {
      const res = await w.as.eduEditor.post(`${page}/regenerate`, {});
      assert.equal(res.status, 303);
      const html = await (await w.as.eduEditor.get(`${page}?flash=regenerated`)).text();
      assert.match(html, /已根据本年度数据重新生成/);
      const overview = /<textarea[^>]*id="f-overview"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '';
      assert.ok(overview.trim().length > 20, `drafted overview: ${overview}`);
      assert.ok((await w.rt.ctx.repos.annualReports.get(w.org.edu, YEAR))?.sections.overview);
    });

    test('should keep typed values with Chinese errors and save nothing, then save the draft', async () => {
      const before = await w.rt.ctx.repos.annualReports.get(w.org.edu, YEAR);
      const bad = await w.as.eduEditor.post(`${page}/draft`, {
        overview: '二〇二五年概述（未保存）',
        problems: '',
        other: '',
        'a20.licensing.decisions': '十二',
        'a20.penalties.decisions': '-3',
        'a20.fees.amount': '1.25',
      });
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /二〇二五年概述（未保存）<\/textarea>/);
      assert.match(
        html,
        /name="a20\.licensing\.decisions"[^>]*value="十二"|value="十二"[^>]*name="a20\.licensing\.decisions"/,
      );
      assert.match(html, /应为非负整数/);
      assert.match(html, /不能为负数/);
      assert.match(html, /href="#f-a20\.licensing\.decisions"/);
      assert.deepEqual(
        (await w.rt.ctx.repos.annualReports.get(w.org.edu, YEAR))?.sections,
        before?.sections,
        'nothing saved',
      );

      const good = await w.as.eduEditor.post(`${page}/draft`, {
        overview: '本机关2025年度政府信息公开工作概述。',
        problems: '问题一。',
        other: '无。',
        'a20.licensing.decisions': '12',
        'a20.penalties.decisions': '3',
        'a20.fees.amount': '1.25',
      });
      assert.equal(good.status, 303);
      const saved = await (await w.as.eduEditor.get(`${page}?flash=saved`)).text();
      assert.match(saved, /草稿已保存/);
      assert.match(saved, /本机关2025年度政府信息公开工作概述。<\/textarea>/);
      assert.equal(cell(saved, 'article20.licensing.decisions'), '12');
      assert.equal(cell(saved, 'article20.fees.amount'), '1.25');
      assert.match(saved, /来源：手工录入/);
    });

    test('should reject a CSV with a bad cell naming line and column, then import a good one', async () => {
      const bad = await postFile(w.as.eduEditor, `${page}/figures.csv`, 'csv', {
        name: '处罚.csv',
        bytes: utf8('栏目,数值,备注\npenalties.decisions,8,执法系统\nenforcement.decisions,两件,执法系统\n'),
      });
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /第3行第2列/);
      assert.match(html, /整个文件均未导入/);
      assert.equal(cell(html, 'article20.penalties.decisions'), '3', 'the good line of a bad file is not imported');

      const bom = new Uint8Array([
        0xef,
        0xbb,
        0xbf,
        ...utf8('栏目,数值,备注\r\n行政处罚：本年处理决定数量,8,执法系统导出\r\nenforcement.decisions,2,\r\n'),
      ]);
      const ok = await postFile(w.as.eduEditor, `${page}/figures.csv`, 'csv', { name: '处罚和强制.csv', bytes: bom });
      assert.equal(ok.status, 303);
      const after = await (await w.as.eduEditor.get(ok.headers.get('location') ?? page)).text();
      assert.equal(cell(after, 'article20.penalties.decisions'), '8');
      assert.equal(cell(after, 'article20.enforcement.decisions'), '2');
      assert.match(after, /来源：CSV 导入（处罚和强制\.csv/);
      const none = await postFile(w.as.eduEditor, `${page}/figures.csv`, 'csv', { name: '', bytes: new Uint8Array() });
      assert.equal(none.status, 422);
      assert.match(await none.text(), /请选择要导入的 CSV 文件/);
    });

    test('should submit, show the subtree to the supervisor with the late units, and return with a reason', async () => {
      await finishNarrative(w.rt.ctx, w.org.edu, YEAR);
      assert.equal((await w.as.eduEditor.post(`${page}/submit`, {})).status, 303);
      const submitted = await (await w.as.eduEditor.get(page)).text();
      assert.match(submitted, /已报送上级/);
      assert.doesNotMatch(submitted, /id="f-overview"/, 'a submitted report is not edited');

      const units = await w.as.supervisor.get(`/admin/reports?org=${w.org.root}&year=${YEAR}`);
      assert.equal(units.status, 200);
      const table = await units.text();
      assert.match(table, /<a href="\/admin\/reports\/[^"]+\/2025">示例区教育局<\/a>[\s\S]*?已报送上级/);
      assert.match(
        table,
        /示例区财政局<\/a>[\s\S]*?尚未编制[\s\S]*?2026-01-31（已逾期）/,
        'departments were due on 31 January (art. 49)',
      );
      assert.match(table, /汇总下级单位报告/);

      const read = await (await w.as.supervisor.get(page)).text();
      assert.match(read, />退回修改</);
      assert.doesNotMatch(read, />公开发布</);
      assert.doesNotMatch(read, /id="f-overview"/);
      const empty = await w.as.supervisor.post(`${page}/return`, { reason: '  ' });
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /请填写退回理由/);
      assert.equal(
        (await w.as.supervisor.post(`${page}/return`, { reason: '行政许可数字与审批系统不符，请核对' })).status,
        303,
      );
      const back = await (await w.as.eduEditor.get(page)).text();
      assert.match(back, /编制中（草稿）/);
      assert.match(back, /行政许可数字与审批系统不符，请核对/);
      assert.equal((await w.as.eduEditor.post(`${page}/return`, { reason: '自己退回' })).status, 403);
    });

    test('should refuse to submit a report with an error finding and show why (R6 against last year)', async () => {
      // Last year's report is published, then a case received in 2024 and closed in 2025 is entered
      // late: this year's 上年结转 no longer equals last year's 结转下年度 (R6).
      await finishNarrative(w.rt.ctx, w.org.fin, YEAR - 1);
      await publishReport(w.rt.ctx, null, w.org.fin, YEAR - 1);
      await insertLateCase(w);
      const fin = `/admin/reports/${w.org.fin}/${YEAR}`;
      const res = await w.as.finEditor.post(`${fin}/submit`, {});
      await refusedPage(res, [
        /报告有5项错误，不能报送：待补充 “一、总体情况”[^<]*；R6 第三部分“自然人”列/,
        /<td>R6<\/td>/,
      ]);
      assert.equal(
        (await w.rt.ctx.repos.annualReports.get(w.org.fin, YEAR))?.state ?? 'draft',
        'draft',
        'nothing submitted',
      );
    });

    test('should show the report card on the dashboard and the late units to a supervisor', async () => {
      const own = await (await w.as.eduEditor.get('/admin')).text();
      assert.match(own, /政府信息公开工作年度报告（2025年度）/);
      assert.match(own, /示例区教育局报告/);
      const sup = await (await w.as.supervisor.get('/admin')).text();
      assert.match(sup, /下级单位逾期未报送/);
      assert.match(sup, /示例区财政局<\/a>（尚未编制，期限 2026-01-31）/);
      assert.match(await (await w.as.eduEditor.get('/admin/reports')).text(), /aria-current="page">年度报告</);
    });
  });
}

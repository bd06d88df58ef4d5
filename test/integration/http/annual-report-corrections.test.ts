// HTTP: correcting and withdrawing a published annual report on both dialects — the 索引号 given at the first
// publication and kept; a correction begun by the compiler (the portal keeps the published version meanwhile),
// published by the office head with a 更正说明 whose fields are required (typed values kept on a refusal), a correction
// that changes nothing refused; the portal page with its correction history and the earlier version reachable,
// marked 已更正; the withdrawal by an administrator only, with a required reason, the addresses answering 410, the
// audit trail; publishing it again (a correction after the withdrawal). The 说明 beside the computed tables.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import type { TestAgent } from '../../support/http.js';
import { STAFF_PASSWORD } from '../../factories/staff.js';
import {
  YEAR,
  cell,
  finishNarrative,
  lit,
  openReportWorld,
  signedIn,
  type ReportWorld,
} from './annual-report-fixture.js';

const CORRECTED = '本年度总体情况（更正后：补充行政许可情况）。';
const WHAT = '第二部分“行政许可”本年处理决定数量补填为12件；第一部分相应补充说明。';
const WHY = '发布时漏填行政许可数据。';

/** The 索引号 a page's 信息属性 table shows. */
const indexNoOf = (html: string) => /<th scope="row">索引号<\/th><td>([^<]*)<\/td>/.exec(html)?.[1];

for (const dialect of DIALECTS) {
  describe(`annual report corrections and withdrawal over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let w: ReportWorld;
    let admin: TestAgent;
    let finAdmin: TestAgent;
    let page = '';
    let portal = '';
    let indexNo = '';
    before(async () => {
      w = await openReportWorld(dialect);
      page = `/admin/reports/${w.org.edu}/${YEAR}`;
      portal = `/org/${w.eduCode}/annual-reports/${YEAR}`;
      admin = await signedIn(w.rt, 'edu_admin', w.org.edu, ['admin']);
      finAdmin = await signedIn(w.rt, 'fin_admin', w.org.fin, ['admin']);
      await finishNarrative(w.rt.ctx, w.org.edu, YEAR);
      assert.equal((await w.as.eduHead.post(`${page}/publish`, { confirm: '1' })).status, 303);
    });
    after(() => w?.rt.close());

    /** Moves the clock to 10:00 of a day (Beijing time) and signs the staff in again (the sessions went idle). */
    const onDay = async (day: string) => {
      w.rt.clock.set(`${day}T02:00:00Z`);
      const staff: [TestAgent, string][] = [
        [w.as.eduEditor, 'edu_report_editor'],
        [w.as.eduHead, 'edu_office_head'],
        [w.as.eduHandler, 'edu_case_handler'],
        [w.as.supervisor, 'district_overseer'],
        [admin, 'edu_admin'],
        [finAdmin, 'fin_admin'],
      ];
      for (const [agent, username] of staff) {
        assert.equal((await agent.login(username, STAFF_PASSWORD)).status, 303, username);
      }
    };

    /** What the audit trail recorded for an action on the report. */
    const audited = async (action: string) =>
      (await w.rt.ctx.repos.audit.list({ action, entityType: 'annual_report' }, { limit: 10 })).map((e) => ({
        actor: e.actorLabel,
        after: JSON.parse(e.afterJson ?? '{}') as Record<string, unknown>,
      }));

    test('should give the report a 索引号 at its first publication and show it on the portal', async () => {
      const html = await (await w.as.visitor.get(portal)).text();
      indexNo = indexNoOf(html) ?? '';
      assert.match(indexNo, new RegExp(`^${w.eduCode}/2026-\\d{5}$`), 'the organization pattern, this year');
      assert.match(html, /<th scope="row">更正日期<\/th><td>无<\/td>/);
      assert.doesNotMatch(html, /id="corrections"/, 'no history before a correction');
      assert.doesNotMatch(html, /figure-note/, 'the back office’s notes stay there');
      const back = await (await w.as.eduHead.get(page)).text();
      assert.match(back, lit(`<dt>索引号</dt><dd>${indexNo}</dd>`));
      assert.equal((back.match(/<p class="figure-note"><strong>说明：<\/strong>/g) ?? []).length, 3);
      assert.match(back, /本年废止＝失效或废止日期在本年的文件/);
      assert.match(back, /已撤稿的信息视为从未发布/);
    });

    test('should let the compiler begin a correction while the portal keeps the published version', async () => {
      assert.equal((await w.as.eduHandler.post(`${page}/correct`, {})).status, 403);
      assert.equal((await w.as.supervisor.post(`${page}/correct`, {})).status, 403);
      assert.match(await (await w.as.eduEditor.get(page)).text(), />更正报告<\/button>/);
      const res = await w.as.eduEditor.post(`${page}/correct`, {});
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=correcting/);
      const again = await w.as.eduEditor.post(`${page}/correct`, {});
      assert.equal(again.status, 409);
      assert.match(await again.text(), /更正已经开始/);
      const saved = await w.as.eduEditor.post(`${page}/draft`, {
        overview: CORRECTED,
        problems: '存在的问题及改进措施。',
        other: '无其他需要报告的事项。',
        'a20.licensing.decisions': '12',
      });
      assert.equal(saved.status, 303);
      const back = await (await w.as.eduEditor.get(page)).text();
      assert.match(back, /更正中：下方为更正稿/);
      assert.equal(cell(back, 'article20.licensing.decisions'), '12', 'the corrected draft');
      assert.doesNotMatch(back, />发布更正<\/a>/, 'the compiler does not publish');
      const pub = await (await w.as.visitor.get(portal)).text();
      assert.equal(cell(pub, 'article20.licensing.decisions'), '', 'the portal still shows the published version');
      assert.doesNotMatch(pub, lit(CORRECTED));
    });

    test('should publish the correction with its required 更正说明 as a new version under the same 索引号', async () => {
      assert.equal((await w.as.eduEditor.get(`${page}/publish`)).status, 403);
      const head = await (await w.as.eduHead.get(page)).text();
      assert.match(head, lit(`<a class="button" href="${page}/publish">发布更正</a>`));
      const confirm = await (await w.as.eduHead.get(`${page}/publish`)).text();
      assert.match(confirm, /更正说明（随更正后的报告在门户公开）/);
      assert.match(confirm, /本次发布为第2版（更正）/);
      assert.match(confirm, /<li>一、总体情况：文字有修改<\/li>/);
      assert.match(confirm, /<li>主动公开政府信息情况 \/ 行政许可 \/ 处理决定数量：空白 → 12<\/li>/);
      assert.match(confirm, /name="correctedOn"[^>]*value="2026-02-10"/, 'today by default');

      await onDay('2026-02-20');
      const refused = await w.as.eduHead.post(`${page}/publish`, {
        confirm: '1',
        correctedOn: '',
        correctionWhat: WHAT,
        correctionWhy: ' ',
      });
      assert.equal(refused.status, 422);
      const html = await refused.text();
      assert.match(html, /更正说明填写不完整/);
      assert.match(html, /更正日期：请填写更正日期/);
      assert.match(html, /更正原因：请填写更正原因/);
      assert.match(html, lit(`${WHAT}</textarea>`), 'what was typed comes back');
      const early = await w.as.eduHead.post(`${page}/publish`, {
        confirm: '1',
        correctedOn: '2026-02-09',
        correctionWhat: WHAT,
        correctionWhy: WHY,
      });
      assert.equal(early.status, 422);
      assert.match(await early.text(), /更正日期不能早于被更正版本的发布日期（2026年2月10日）/);
      assert.doesNotMatch(await (await w.as.visitor.get(portal)).text(), lit(CORRECTED), 'nothing published');

      const res = await w.as.eduHead.post(`${page}/publish`, {
        confirm: '1',
        correctedOn: '2026-02-20',
        correctionWhat: WHAT,
        correctionWhy: WHY,
      });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=corrected/);
      const [entry] = await audited('report.corrected');
      assert.match(entry?.actor ?? '', /edu_office_head/);
      assert.deepEqual(
        [entry?.after.version, entry?.after.indexNo, entry?.after.correctionWhy],
        [2, indexNo, WHY],
        'the correction in the audit trail',
      );
    });

    test('should show the corrected report with its 索引号 and history, the earlier version marked 已更正', async () => {
      const res = await w.as.visitor.get(portal);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.equal(indexNoOf(html), indexNo, 'kept across the correction');
      assert.equal(cell(html, 'article20.licensing.decisions'), '12');
      assert.match(html, lit(CORRECTED));
      assert.match(
        html,
        /<th scope="row">更正日期<\/th><td><time datetime="2026-02-20">2026-02-20<\/time>（<a href="#corrections">见更正说明<\/a>）<\/td>/,
      );
      assert.match(html, /<h2 id="corrections">更正说明<\/h2>/);
      assert.match(html, lit(`<td><time datetime="2026-02-20">2026-02-20</time></td><td class="pre">${WHAT}</td>`));
      assert.match(html, lit(`<td class="pre">${WHY}</td>`));
      assert.match(html, lit(`<a href="${portal}/versions/1">第1版</a>`));
      assert.match(html, /发布于2026-02-10<\/span><strong class="warn">已更正（2026-02-20）<\/strong>/);
      assert.match(
        html,
        /<strong aria-current="page">第2版<\/strong><span class="meta"><span>发布于2026-02-20<\/span><strong class="ok">现行版本<\/strong>/,
      );

      const old = await w.as.visitor.get(`${portal}/versions/1`);
      assert.equal(old.status, 200);
      const oldHtml = await old.text();
      assert.match(oldHtml, /本页为本报告的第1版（发布于2026-02-10），已于2026-02-20更正，仅供查阅。/);
      assert.match(oldHtml, lit(`<a href="${portal}">查看现行版本</a>`));
      assert.match(oldHtml, /本年度总体情况。/);
      assert.doesNotMatch(oldHtml, lit(CORRECTED));
      assert.equal(cell(oldHtml, 'article20.licensing.decisions'), '');
      assert.equal(indexNoOf(oldHtml), indexNo);
      const current = await w.as.visitor.get(`${portal}/versions/2`);
      assert.equal(current.status, 302);
      assert.equal(current.headers.get('location'), portal);
      assert.equal((await w.as.visitor.get(`${portal}/versions/9`)).status, 404);
      const archive = await (await w.as.visitor.get(`/org/${w.eduCode}/annual-reports`)).text();
      assert.match(archive, /已更正，见更正说明/);
      const back = await (await w.as.eduHead.get(page)).text();
      assert.match(back, /<h2 id="versions">已发布的版本<\/h2>/);
      assert.match(back, lit(`更正原因：${WHY}`));
    });

    test('should refuse a correction that changes nothing, and let the compiler abandon it', async () => {
      assert.equal((await w.as.eduEditor.post(`${page}/correct`, {})).status, 303);
      const confirm = await (await w.as.eduHead.get(`${page}/publish`)).text();
      assert.match(confirm, /暂不能公开发布/);
      assert.match(confirm, /更正后的报告与门户上的现行版本完全相同/);
      assert.doesNotMatch(confirm, /确认发布更正/);
      const forced = await w.as.eduHead.post(`${page}/publish`, {
        confirm: '1',
        correctedOn: '2026-02-20',
        correctionWhat: '无',
        correctionWhy: '无',
      });
      assert.equal(forced.status, 409);
      assert.match(await forced.text(), /完全相同/);
      assert.equal((await w.as.eduEditor.post(`${page}/cancel-correction`, {})).status, 303);
      assert.equal((await w.as.eduEditor.post(`${page}/cancel-correction`, {})).status, 409);
      assert.doesNotMatch(await (await w.as.eduEditor.get(page)).text(), /更正中/);
      assert.equal((await audited('report.correction_cancelled')).length, 1);
    });

    test('should let only an administrator withdraw the report, with a reason', async () => {
      for (const other of [w.as.eduEditor, w.as.eduHead, w.as.supervisor, finAdmin]) {
        assert.equal((await other.post(`${page}/withdraw`, { withdrawReason: '内容有误' })).status, 403);
      }
      assert.doesNotMatch(await (await w.as.eduHead.get(page)).text(), /从门户撤回/);
      assert.match(await (await admin.get(page)).text(), /从门户撤回/);
      const empty = await admin.post(`${page}/withdraw`, { withdrawReason: '  ' });
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /撤回理由：请填写撤回理由/);
      assert.equal((await w.as.visitor.get(portal)).status, 200, 'nothing withdrawn on a refusal');
      await onDay('2026-03-02');
      const res = await admin.post(`${page}/withdraw`, { withdrawReason: '报告附表中含有不应公开的个人信息。' });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=withdrawn/);
      const [entry] = await audited('report.withdrawn');
      assert.match(entry?.actor ?? '', /edu_admin/);
      assert.equal(entry?.after.reason, '报告附表中含有不应公开的个人信息。');
      assert.equal(entry?.after.indexNo, indexNo);
    });

    test('should answer 410 with a notice at every address of the withdrawn report', async () => {
      for (const path of [portal, `${portal}/versions/1`, `${portal}.json`, `${portal}.pdf`]) {
        const res = await w.as.visitor.get(path);
        assert.equal(res.status, 410, path);
        const html = await res.text();
        assert.match(html, /示例区教育局2025年政府信息公开工作年度报告已于2026-03-02由发布机关撤回，不再公开（410）/);
        assert.doesNotMatch(html, /个人信息/, 'the reason stays in the audit trail');
      }
      const archive = await (await w.as.visitor.get(`/org/${w.eduCode}/annual-reports`)).text();
      assert.doesNotMatch(archive, lit(`href="${portal}"`));
      const api = (await (await w.as.visitor.get('/api/v1/openapi.json')).json()) as {
        paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      };
      assert.ok(api.paths['/org/{code}/annual-reports/{year}.json']?.get?.responses['410'], 'documented');
      const back = await (await admin.get(page)).text();
      assert.match(back, /已撤回（编制中）/);
      assert.match(back, /edu_admin）：报告附表中含有不应公开的个人信息。/);
      assert.match(back, lit(`<dt>索引号</dt><dd>${indexNo}</dd>`));
    });

    test('should publish the withdrawn report again as a correction, its 索引号 kept, the withdrawn versions gone', async () => {
      const confirm = await (await w.as.eduHead.get(`${page}/publish`)).text();
      assert.match(confirm, /本次发布为第3版（更正）/);
      const missing = await w.as.eduHead.post(`${page}/publish`, { confirm: '1' });
      assert.equal(missing.status, 422, 'the 更正说明 is required after a withdrawal too');
      const res = await w.as.eduHead.post(`${page}/publish`, {
        confirm: '1',
        correctedOn: '2026-03-02',
        correctionWhat: '删除附表中的个人信息。',
        correctionWhy: '原报告含有不应公开的个人信息。',
      });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=republished/);
      const html = await (await w.as.visitor.get(portal)).text();
      assert.equal(indexNoOf(html), indexNo);
      assert.match(html, /删除附表中的个人信息。/);
      assert.match(
        html,
        /<span>第1版<\/span><span class="meta"><span>发布于2026-02-10<\/span><strong class="warn">已撤回（2026-03-02）/,
      );
      assert.doesNotMatch(html, lit(`href="${portal}/versions/1"`), 'a withdrawn version is not linked');
      assert.equal((await w.as.visitor.get(`${portal}/versions/2`)).status, 410);
      assert.equal((await w.as.visitor.get(`${portal}.json`)).status, 200);
    });
  });
}

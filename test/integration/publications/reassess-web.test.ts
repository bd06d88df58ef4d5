// The back office on both dialects: the art. 18 section and form on a 不予公开 item's page (errors
// re-rendered with what was typed, the register and ledger after a decision, no form for editors),
// and the dashboard's warnings — 行政规范性文件 without a 政策解读, re-assessments due.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { STAFF_PASSWORD } from '../../factories/staff.js';
import { datedPublishing, type DatedPublishing } from '../../factories/publications.js';

for (const dialect of DIALECTS) {
  describe(`re-assessment and warnings in the back office (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2024-10-09T02:00:00Z' });
    let p: DatedPublishing;
    let signer: TestAgent;
    const id = { withheld: '', lonely: '', explained: '', interp: '' };

    before(async () => {
      p = await datedPublishing(rt, 'rw');
      id.withheld = (
        await p.draft('2024-10-09', {
          kind: 'other_document',
          title: '关于内部人事安排的请示',
          disclosure: 'withheld',
          withheldGround: 'internal_affairs',
          body: '',
        })
      ).id;
      id.lonely = await p.published('2025-09-01', '2025-09-05', {
        title: '示例区城市管理办法',
        docNo: '示政发〔2025〕8号',
      });
      id.explained = await p.published('2025-09-01', '2025-09-05', {
        title: '示例区河道管理办法',
        docNo: '示政发〔2025〕9号',
      });
      const doc = await rt.ctx.repos.publications.byId(id.explained);
      id.interp = await p.published('2025-09-06', '2025-09-08', {
        kind: 'interpretation',
        title: '《示例区河道管理办法》解读',
        docNo: '',
        interprets: doc?.indexNo,
      });
      p.at('2025-10-09');
      signer = new TestAgent(rt);
      assert.equal((await signer.login('rw.signer', STAFF_PASSWORD)).status, 303);
    });

    test('should warn on the dashboard about documents without interpretation and re-assessments due', async () => {
      const html = await (await signer.get('/admin')).text();
      assert.ok(html.includes('主动公开提醒'));
      const uninterpreted = /<ul class="plain" id="warn-uninterpreted">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      assert.ok(
        uninterpreted.includes(`href="/admin/publications/${id.lonely}"`) &&
          uninterpreted.includes('示政发〔2025〕8号'),
      );
      assert.ok(!uninterpreted.includes(id.explained), 'its interpretation is live');
      const due = /<ul class="plain" id="warn-reassessment">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      assert.ok(
        due.includes(`href="/admin/publications/${id.withheld}#reassess-h"`) && due.includes('应于2025-10-09前评估'),
      );
      assert.ok(html.includes('href="/admin/publication-export"'));
    });

    test('should show the section with the form to a signer, and no form to an editor', async () => {
      const html = await (await signer.get(`/admin/publications/${id.withheld}`)).text();
      assert.ok(html.includes('定期评估审查（第十八条）'));
      assert.match(html, /下次评估日期：<strong>2025-10-09<\/strong><span class="badge badge-overdue">已到期<\/span>/);
      assert.ok(html.includes(`action="/admin/publications/${id.withheld}/reassess"`));
      const editor = new TestAgent(rt);
      await editor.login('rw.editor', STAFF_PASSWORD);
      const page = await (await editor.get(`/admin/publications/${id.withheld}`)).text();
      assert.ok(page.includes('定期评估审查（第十八条）') && !page.includes('/reassess"'));
      const refused = await editor.post(`/admin/publications/${id.withheld}/reassess`, {
        decision: 'keep_withheld',
        withheldGround: 'internal_affairs',
        reason: '理由',
      });
      assert.equal(refused.status, 403);
      assert.ok((await refused.text()).includes('需要“签发人”“主要负责同志”或管理员角色'));
      assert.ok(
        !(await (await signer.get(`/admin/publications/${id.lonely}`)).text()).includes('定期评估审查'),
        'not for 主动公开 items',
      );
    });

    test('should re-render the form with Chinese errors and what was typed', async () => {
      const res = await signer.post(`/admin/publications/${id.withheld}/reassess`, {
        decision: 'keep_withheld',
        assessedOn: '2025-10-10',
        withheldGround: 'process_info',
        reason: '',
      });
      await refusedPage(res, [
        '评估日期不能晚于今天',
        '继续不予公开的，请说明评估理由',
        /id="f-decision-keep_withheld"[^>]*checked/,
        /<option value="process_info" selected/,
        'value="2025-10-10"',
      ]);
      assert.equal((await rt.ctx.repos.reassessments.forPublication(id.withheld)).length, 0);
    });

    test('should record the decision and show it in the register and the review trail', async () => {
      const res = await signer.post(`/admin/publications/${id.withheld}/reassess`, {
        decision: 'keep_withheld',
        assessedOn: '2025-10-09',
        withheldGround: 'internal_affairs',
        reason: '仍属内部人事管理信息',
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/admin/publications/${id.withheld}?flash=reassessed#reassess-h`);
      const html = await (await signer.get(`/admin/publications/${id.withheld}?flash=reassessed`)).text();
      assert.ok(html.includes('已记录定期评估审查结论。'));
      assert.match(html, /下次评估日期：<strong>2026-10-09<\/strong>/);
      assert.ok(html.includes('<td>继续不予公开：属于内部事务信息（第十六条第一款）</td>'));
      assert.ok(html.includes('<td>仍属内部人事管理信息</td>'));
      assert.ok(html.includes('<td>定期评估审查（第十八条）</td>'), 'ledger row labelled');
      const dash = await (await signer.get('/admin')).text();
      assert.ok(!/id="warn-reassessment"/.test(dash), 'nothing due any more');
    });
  });
}

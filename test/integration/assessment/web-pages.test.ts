// The assessment back office over HTTP on both dialects, on the scope with known records (./fixture.ts): the scheme
// form adds an entered indicator, refuses a wrong one keeping everything typed, and removes it again; a workbook with
// a wrong cell is refused naming the cell and nothing changes; an entered value needs its evidence; the result page
// shows each indicator's formula, values and scores, and an adjustment with its reason; the drill-down page shows
// tracking codes and subjects only; exports answer XLSX and PDF; someone outside the scope's supervisors is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { staffAgent } from '../../support/admin.js';
import type { TestAgent } from '../../support/http.js';
import { assessmentUseCases } from '../../../src/app/assessment/use-cases.js';
import { schemeSheets } from '../../../src/app/assessment/export.js';
import { schemeValues } from '../../../src/web/admin/assessment/scheme-form.js';
import { YEAR, makeAssessedTree, type Tree } from './fixture.js';

const REASON = '按复核意见扣分';

for (const dialect of DIALECTS) {
  describe(`assessment back office over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let tree: Tree;
    let agent: TestAgent;
    let schemeId = '';
    const base = () => `/admin/assessment/schemes/${schemeId}`;
    const scheme = () => assessmentUseCases(rt.ctx).getScheme(null as never, schemeId);

    before(async () => {
      rt = await openTestRuntime(dialect);
      tree = await makeAssessedTree(rt);
      agent = await staffAgent(rt, 'kh_web', ['supervisor'], tree.scope.id);
      const res = await agent.post('/admin/assessment/schemes', {
        year: String(YEAR),
        scopeOrgId: tree.scope.id,
        name: '2024年度考核方案',
      });
      assert.equal(res.status, 303);
      schemeId = /\/schemes\/([^/]+)\/edit/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
      assert.ok(schemeId, 'the new scheme’s form opens');
    });
    after(() => rt.close());

    test('should add an entered indicator, keep what was typed when refused, and remove it', async () => {
      const values = schemeValues(await scheme());
      const n = values.count ?? '0';
      const bad = await agent.post(base(), {
        ...values,
        [`indicators.${n}.id`]: '9bad',
        [`indicators.${n}.name`]: '社会评议',
        [`indicators.${n}.valueKind`]: 'share',
        [`indicators.${n}.max`]: '5',
        [`indicators.${n}.formula`]: '社会评议满意率 × 5分',
      });
      assert.equal(bad.status, 422);
      const page = await bad.text();
      assert.match(page, /指标代码应以字母开头/);
      assert.ok(page.includes('value="9bad"') && page.includes('社会评议满意率 × 5分'), 'typed values kept');
      assert.equal((await scheme()).def.indicators.length, Number(n), 'nothing saved');

      const ok = await agent.post(base(), {
        ...values,
        [`indicators.${n}.id`]: 'social_review',
        [`indicators.${n}.name`]: '社会评议',
        [`indicators.${n}.valueKind`]: 'share',
        [`indicators.${n}.max`]: '5',
        [`indicators.${n}.formula`]: '社会评议满意率 × 5分',
      });
      assert.equal(ok.status, 303);
      const added = (await scheme()).def.indicators.at(-1);
      assert.deepEqual(added, {
        id: 'social_review',
        name: '社会评议',
        mode: 'entered',
        valueKind: 'share',
        max: 5,
        formula: '社会评议满意率 × 5分',
      });

      // An entered value needs evidence; with it the unit's value is shown.
      const noEvidence = await agent.post(`${base()}/values`, {
        unit: tree.a.id,
        entered: 'social_review',
        value: '0.8',
        evidence: '',
      });
      assert.equal(noEvidence.status, 422);
      const refused = await noEvidence.text();
      assert.match(refused, /请填写录入依据/);
      assert.ok(refused.includes('value="0.8"'), 'the typed value kept');
      const entered = await agent.post(`${base()}/values`, {
        unit: tree.a.id,
        entered: 'social_review',
        value: '0.8',
        evidence: '2024年社会评议问卷统计表',
      });
      assert.equal(entered.status, 303);
      assert.match(await (await agent.get(base())).text(), /80%/);
      const drill = await agent.get(`${base()}/drill?org=${tree.a.id}&indicator=social_review`);
      assert.match(await drill.text(), /2024年社会评议问卷统计表/);

      const again = schemeValues(await scheme());
      const removed = await agent.post(base(), { ...again, [`indicators.${n}.remove`]: '1' });
      assert.equal(removed.status, 303);
      assert.equal((await scheme()).def.indicators.length, Number(n), 'removed');
    });

    test('should refuse an imported workbook with a wrong cell, naming it, and change nothing', async () => {
      const s = await scheme();
      const [ind, rules] = schemeSheets(s.name, s.def);
      assert.ok(ind && rules);
      const rows = ind.rows.map((r) => [...r]);
      rows[2]![5] = '-3';
      const bytes = await rt.ctx.catalogueSheets.write([{ ...ind, rows }, rules]);
      const file = new File([bytes], '方案.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const res = await agent.postMultipart(`${base()}/import`, {}, { file: [file] });
      assert.equal(res.status, 422);
      assert.match(await res.text(), /考核指标!F3：分值应为大于0的数/);
      assert.deepEqual((await scheme()).def, s.def, 'nothing changed');
      const exported = await agent.get(`${base()}/scheme.xlsx`);
      assert.equal(exported.status, 200);
      const back = new File([new Uint8Array(await exported.arrayBuffer())], '方案.xlsx');
      const reimported = await agent.postMultipart(`${base()}/import`, {}, { file: [back] });
      assert.equal(reimported.status, 303, 'the exported workbook imports');
    });

    test('should show formulas, values and scores, and an adjustment with its reason', async () => {
      const blank = await agent.post(`${base()}/adjust`, {
        orgId: tree.b.id,
        indicatorId: 'applications_on_time',
        points: '-1',
        reason: ' ',
      });
      assert.equal(blank.status, 422);
      const refused = await blank.text();
      assert.match(refused, /调整分数必须填写理由/);
      assert.ok(refused.includes('value="-1"'), 'the typed points kept');
      const res = await agent.post(`${base()}/adjust`, {
        orgId: tree.b.id,
        indicatorId: 'applications_on_time',
        points: '-1',
        reason: REASON,
      });
      assert.equal(res.status, 303);
      const page = await (await agent.get(base())).text();
      for (const i of (await scheme()).def.indicators) assert.ok(page.includes(i.formula), `formula of ${i.name}`);
      assert.ok(page.includes(`调整-1分（${REASON}）`), 'the adjustment with its reason');
      assert.ok(page.includes('<svg'), 'the chart');
      for (const [path, type] of [
        ['result.xlsx', 'spreadsheetml'],
        ['result.pdf', 'application/pdf'],
      ] as const) {
        const file = await agent.get(`${base()}/${path}`);
        assert.equal(file.status, 200);
        assert.match(file.headers.get('content-type') ?? '', new RegExp(type));
      }
    });

    test('should refuse the pages to staff outside the scope’s supervisors', async () => {
      const editor = await staffAgent(rt, 'kh_web_editor', ['editor'], tree.a.id);
      const res = await editor.get(base());
      assert.ok([403, 404].includes(res.status), `refused: ${res.status}`);
      const post = await editor.post(`${base()}/adjust`, {
        orgId: tree.a.id,
        indicatorId: '',
        points: '5',
        reason: '无权',
      });
      assert.ok([403, 404].includes(post.status), `refused: ${post.status}`);
    });
  });
}

// The computed indicators on both dialects over a scope with known records (./fixture.ts): every value equals the
// hand count, the scores follow the default scheme, the drill-down lists the items that cost points by tracking
// code / 索引号 and subject only, a report not yet due has no data, and nobody outside the scope's supervisors and
// administrators may compute.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { makeStaff } from '../../factories/staff.js';
import { assessmentUseCases } from '../../../src/app/assessment/use-cases.js';
import { assessYear } from '../../../src/app/assessment/compute-year.js';
import type { ResultTable } from '../../../src/app/assessment/ports.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { AppError } from '../../../src/app/errors.js';
import { EXPECTED, YEAR, makeAssessedTree, type Tree } from './fixture.js';

const near = (actual: number | null | undefined, expected: number | null, what: string) => {
  if (expected === null) assert.equal(actual, null, what);
  else assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: ${actual}`);
};

for (const dialect of DIALECTS) {
  describe(`assessment: computed indicators equal hand counts (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let tree: Tree;
    let assessor: Actor;
    let table: ResultTable;
    let schemeId = '';
    const uc = () => assessmentUseCases(rt.ctx);
    const row = (orgId: string) => table.rows.find((r) => r.orgId === orgId);

    before(async () => {
      rt = await openTestRuntime(dialect);
      tree = await makeAssessedTree(rt);
      assessor = await makeStaff(rt, 'kh_supervisor', ['supervisor'], tree.scope.id);
      const scheme = await uc().createScheme(assessor, { year: YEAR, scopeOrgId: tree.scope.id, name: '2024年度考核' });
      schemeId = scheme.id;
      table = await uc().compute(assessor, schemeId);
    });
    after(() => rt.close());

    test('should have one row per organization of the scope, in tree order', () => {
      assert.deepEqual(
        table.rows.map((r) => r.org),
        ['考核测试区', '考核测试区甲局', '考核测试区乙局', '考核测试区丙镇'],
      );
    });

    test('should compute every indicator as counted by hand', () => {
      const units = { scope: tree.scope, a: tree.a, b: tree.b, c: tree.c } as const;
      for (const [indicator, byUnit] of Object.entries(EXPECTED)) {
        for (const [key, expected] of Object.entries(byUnit)) {
          const org = units[key as keyof typeof units];
          near(row(org.id)?.items[indicator]?.value, expected, `${indicator} of ${org.name}`);
        }
      }
    });

    test('should score 甲局 by the default scheme and rank and grade every unit', () => {
      const a = row(tree.a.id)?.items ?? {};
      assert.equal(a.art26_on_time?.score, 12); // 0.8 × 15
      assert.equal(a.applications_on_time?.score, 5); // 1/3 × 15
      assert.equal(a.policy_without_interpretation?.score, 8); // 10 − 2
      assert.equal(a.review_corrected?.score, 5); // 10 − 5
      assert.equal(a.annual_report?.score, 2); // 10 − 2 × 4
      assert.equal(a.website_verdict?.score, 5);
      assert.equal(a.media_verdict?.score, 2.5);
      assert.equal(a.rectification_open?.score, 4);
      assert.equal(a.training?.score, 10);
      const b = row(tree.b.id)?.items ?? {};
      assert.equal(b.art26_on_time?.score, 15, 'no data takes no points');
      for (const r of table.rows) {
        const sum = Math.round(Object.values(r.items).reduce((s, i) => s + i.score, 0) * 100) / 100;
        assert.equal(r.total, sum);
        assert.equal(r.rank, 1 + table.rows.filter((o) => o.total > r.total).length);
      }
    });

    test('should drill down to the late answers by tracking code and subject, never the applicant', async () => {
      const items = await uc().drill(assessor, schemeId, tree.a.id, 'applications_on_time');
      assert.equal(items.length, 2);
      assert.ok(items.every((i) => i.ref.startsWith('GK')));
      assert.match(items.map((i) => i.why).join('|'), /逾期答复（答复期限2024-05-01，2024-05-10答复）/);
      assert.match(items.map((i) => i.why).join('|'), /逾期未答复（答复期限2024-12-01）/);
      assert.doesNotMatch(JSON.stringify(items), /张三|李四/);
      const late = await uc().drill(assessor, schemeId, tree.a.id, 'art26_on_time');
      assert.equal(late.length, 1);
      assert.match(late[0]?.why ?? '', /成文日期2024-01-02，2024-06-01公开，超期\d+个工作日/);
      const policy = await uc().drill(assessor, schemeId, tree.a.id, 'policy_without_interpretation');
      assert.equal(policy.length, 1);
      const cases = await uc().drill(assessor, schemeId, tree.a.id, 'review_corrected');
      assert.equal(cases.length, 1);
      assert.doesNotMatch(JSON.stringify(cases), /李四/);
      assert.equal((await uc().drill(assessor, schemeId, tree.a.id, 'website_verdict')).length, 1);
      assert.equal((await uc().drill(assessor, schemeId, tree.a.id, 'media_verdict')).length, 1);
      assert.equal((await uc().drill(assessor, schemeId, tree.a.id, 'rectification_open')).length, 1);
      assert.equal((await uc().drill(assessor, schemeId, tree.b.id, 'training')).length, 1);
      assert.equal((await uc().drill(assessor, schemeId, tree.a.id, 'annual_report')).length, 2);
      const rows = await uc().drill(assessor, schemeId, tree.b.id, 'catalogue_rows_empty');
      assert.deepEqual(
        rows.map((r) => r.why),
        ['尚无发布的信息', '尚无发布的信息'],
      );
    });

    test('should show no data for a report not yet due (the current year)', async () => {
      const now = await assessYear(rt.ctx, { year: 2025, creditCode: tree.scope.creditCode });
      assert.ok(now.rows.every((r) => r.items.annual_report?.value === null));
      assert.equal(now.scheme.id, null);
    });

    test('should refuse staff of a unit and a supervisor of another subtree', async () => {
      const handler = await makeStaff(rt, 'kh_handler', ['handler'], tree.a.id);
      const other = await makeStaff(rt, 'kh_other', ['supervisor'], tree.a.id);
      for (const actor of [handler, other]) {
        await assert.rejects(uc().compute(actor, schemeId), (e: AppError) => e.code === 'forbidden');
      }
      assert.equal((await uc().listSchemes(handler)).length, 0);
    });
  });
}

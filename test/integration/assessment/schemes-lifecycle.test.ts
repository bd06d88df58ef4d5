// Assessment schemes on both dialects: created from the default, copied for the next year, edited with every
// error at once, entered values with their evidence, adjustments refused without a reason (by the use case and by
// the database), publication freezing the scheme with its table, deletion, the audit trail's Chinese labels, and
// `gongkai assess --json` in the exact shape of its contract.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { cliSandbox, runGongkaiInProcess } from '../../support/cli.js';
import { withDb } from '../../support/db-rows.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import { assessmentUseCases } from '../../../src/app/assessment/use-cases.js';
import { DEFAULT_SCHEME, COMPUTED_INDICATORS, type SchemeDef } from '../../../src/domain/assessment/scheme.js';
import { AUDIT_ACTION_LABELS } from '../../../src/domain/audit/audit-labels.js';
import type { AppError } from '../../../src/app/errors.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { Organization } from '../../../src/domain/orgs/organization.js';

const fieldErrors = (e: unknown) => (e as AppError).fieldErrors ?? {};

for (const dialect of DIALECTS) {
  describe(`assessment schemes (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: Actor;
    let root: Organization;
    let edu: Organization;
    const uc = () => assessmentUseCases(rt.ctx);
    const audited = async (action: string) => (await rt.ctx.repos.audit.list({ action }, { limit: 50 })).length;

    before(async () => {
      rt = await openTestRuntime(dialect);
      const orgs = await demoOrgs(rt);
      root = orgs.root;
      edu = orgs.named('示例区教育局');
      admin = await makeStaff(rt, 'kh_admin', ['admin'], root.id);
    });
    after(() => rt.close());

    test('should copy last year’s scheme with its edited weights, and keep the source', async () => {
      const last = await uc().createScheme(admin, {
        year: 2024,
        scopeOrgId: root.id,
        name: '2024年度政务公开考核方案',
      });
      const def: SchemeDef = {
        ...DEFAULT_SCHEME,
        indicators: DEFAULT_SCHEME.indicators.map((i) => (i.id === 'training' ? { ...i, max: 20 } : i)),
      };
      await uc().updateScheme(admin, last.id, { name: last.name, def });
      const copy = await uc().copyScheme(admin, last.id, { year: 2025 });
      assert.equal(copy.name, '2025年度政务公开考核方案');
      assert.equal(copy.copiedFrom, last.id);
      assert.equal(copy.state, 'draft');
      assert.equal(copy.def.indicators.find((i) => i.id === 'training')?.max, 20);
      assert.deepEqual(
        (await uc().listSchemes(admin)).map((s) => s.year),
        [2025, 2024],
      );
      assert.equal(await audited('assessment.scheme_copied'), 1);
      assert.equal(AUDIT_ACTION_LABELS['assessment.scheme_copied'], '复制考核方案');
    });

    test('should refuse a bad scheme with every error at once, and keep the scheme as it was', async () => {
      const s = await uc().createScheme(admin, { year: 2023, scopeOrgId: root.id, name: '旧方案' });
      const [first, ...rest] = DEFAULT_SCHEME.indicators;
      const bad: SchemeDef = {
        ...DEFAULT_SCHEME,
        grades: [...DEFAULT_SCHEME.grades].reverse(),
        indicators: [{ ...first!, max: 0 }, { ...first!, formula: '' }, ...rest],
      };
      await assert.rejects(uc().updateScheme(admin, s.id, { name: '旧方案', def: bad }), (e) => {
        const f = fieldErrors(e);
        return /正数/.test(f['indicators.0.max'] ?? '') && /重复/.test(f['indicators.1.id'] ?? '') && !!f.grades;
      });
      assert.equal((await uc().getScheme(admin, s.id)).def.indicators[0]?.max, first?.max);
      await uc().deleteScheme(admin, s.id);
      await assert.rejects(uc().getScheme(admin, s.id), (e: AppError) => e.code === 'not_found');
      assert.equal(await audited('assessment.scheme_deleted'), 1);
    });

    test('should refuse an adjustment without a reason, and show one with its reason in the table', async () => {
      const s = await uc().createScheme(admin, { year: 2025, scopeOrgId: root.id, name: '调整测试' });
      for (const reason of ['', '   ']) {
        await assert.rejects(
          uc().adjust(admin, s.id, { orgId: edu.id, indicatorId: 'training', points: -2, reason }),
          (e) => /必须填写理由/.test(fieldErrors(e).reason ?? ''),
        );
      }
      // The database refuses a blank reason too.
      await assert.rejects(
        withDb(rt, (db) =>
          (db as never as { insertInto: (t: string) => { values: (v: object) => { execute: () => Promise<unknown> } } })
            .insertInto('assessment_adjustment')
            .values({
              id: 'blank-reason',
              scheme_id: s.id,
              org_id: edu.id,
              indicator_id: null,
              points: '-1',
              reason: ' ',
              actor_label: 'x',
              created_at: '2025-01-01T00:00:00Z',
            })
            .execute(),
        ),
      );
      const before = (await uc().compute(admin, s.id)).rows.find((r) => r.orgId === edu.id);
      const adj = await uc().adjust(admin, s.id, {
        orgId: edu.id,
        indicatorId: null,
        points: -3,
        reason: '信息公开工作被通报批评',
      });
      assert.equal(adj.reason, '信息公开工作被通报批评');
      const row = (await uc().compute(admin, s.id)).rows.find((r) => r.orgId === edu.id);
      assert.equal(row?.total, (before?.total ?? 0) - 3);
      assert.deepEqual(
        row?.adjustments.map((a) => [a.points, a.reason]),
        [[-3, '信息公开工作被通报批评']],
      );
      assert.equal(await audited('assessment.adjusted'), 1);
    });

    test('should take an entered value only with its evidence, and score it', async () => {
      const s = await uc().createScheme(admin, { year: 2025, scopeOrgId: root.id, name: '录入测试' });
      const def: SchemeDef = {
        ...s.def,
        indicators: [
          ...s.def.indicators.filter((i) => i.id !== 'training'),
          {
            id: 'social_review',
            name: '社会评议',
            mode: 'entered',
            valueKind: 'share',
            max: 10,
            formula: '评议满意率 × 10分',
          },
        ],
      };
      await uc().updateScheme(admin, s.id, { name: s.name, def });
      await assert.rejects(
        uc().enterValue(admin, s.id, { orgId: edu.id, indicatorId: 'social_review', value: 0.9, evidence: ' ' }),
        (e) => !!fieldErrors(e).evidence,
      );
      await uc().enterValue(admin, s.id, {
        orgId: edu.id,
        indicatorId: 'social_review',
        value: 0.9,
        evidence: '评议报告',
      });
      const row = (await uc().compute(admin, s.id)).rows.find((r) => r.orgId === edu.id);
      assert.deepEqual(row?.items.social_review, { score: 9, value: 0.9, max: 10 });
      const items = await uc().drill(admin, s.id, edu.id, 'social_review');
      assert.equal(items[0]?.subject, '评议报告');
    });

    test('should freeze a published scheme: no edit, adjustment, second publication or deletion; the table stays', async () => {
      const s = await uc().createScheme(admin, { year: 2022, scopeOrgId: root.id, name: '发布测试' });
      await uc().adjust(admin, s.id, { orgId: edu.id, indicatorId: 'training', points: -1, reason: '培训缺席' });
      const published = await uc().publish(admin, s.id);
      assert.equal(published.state, 'published');
      const frozen = await uc().compute(admin, s.id);
      assert.equal(frozen.frozen, true);
      const refused = (e: AppError) => e.code === 'conflict';
      await assert.rejects(uc().updateScheme(admin, s.id, { name: '改名', def: s.def }), refused);
      await assert.rejects(
        uc().adjust(admin, s.id, { orgId: edu.id, indicatorId: null, points: 1, reason: '理由' }),
        refused,
      );
      await assert.rejects(uc().deleteScheme(admin, s.id), refused);
      await assert.rejects(uc().publish(admin, s.id), refused);
      assert.deepEqual(await uc().compute(admin, s.id), frozen);
      await uc().linkPublication(admin, s.id, 'publication-draft-1');
      assert.equal((await uc().getScheme(admin, s.id)).publicationId, 'publication-draft-1');
      assert.equal(await audited('assessment.published'), 1);
    });
  });

  describe(`gongkai assess (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'assess');
    const gk = (...args: string[]) => runGongkaiInProcess(args, box.env);
    after(() => box.cleanup());

    test('should print the JSON of its contract: one row per organization, every default indicator', async () => {
      const r = await gk('assess', '--year', '2025', '--json');
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.lastLine) as Record<string, unknown> & { rows: Record<string, unknown>[] };
      assert.deepEqual(Object.keys(doc), ['year', 'scheme', 'rows']);
      assert.equal(doc.year, 2025);
      assert.deepEqual(doc.scheme, { id: null, name: '默认考核方案' });
      assert.equal(doc.rows.length, 8);
      for (const row of doc.rows) {
        assert.deepEqual(Object.keys(row), ['org', 'creditCode', 'total', 'rank', 'grade', 'items']);
        const items = row.items as Record<string, Record<string, unknown>>;
        assert.deepEqual(Object.keys(items), [...COMPUTED_INDICATORS]);
        for (const item of Object.values(items)) {
          assert.deepEqual(Object.keys(item), ['score', 'value', 'max']);
          assert.ok(item.value === null || typeof item.value === 'number');
        }
      }
    });

    test('should print a Chinese table for a subtree, and refuse an unknown organization and a bad year', async () => {
      const r = await gk('assess', '--year', '2025', '--org', '11999901MB00000126');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /2025年度政务公开考核（默认考核方案）/);
      assert.match(r.stdout, /示例区教育局/);
      assert.doesNotMatch(r.stdout, /示例区财政局/);
      const unknown = await gk('assess', '--year', '2025', '--org', 'NOSUCHCODE');
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /统一社会信用代码为NOSUCHCODE的机构不存在/);
      assert.equal((await gk('assess', '--year', '25')).code, 2);
    });
  });
}

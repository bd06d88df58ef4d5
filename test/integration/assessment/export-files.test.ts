// The files of an assessment on both dialects, over the scope with known records (./fixture.ts): a scheme exported
// to XLSX and imported back is the same scheme; a wrong workbook is refused with its sheet, row and column and
// changes nothing; a hostile workbook is refused by the guarded reader; the result table's XLSX holds every unit,
// value, score and the adjustment with its reason; its PDF's text (pdftotext) says the same; publishing freezes the
// scheme and makes a publication draft of the frozen table, linked to the scheme, once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { makeStaff } from '../../factories/staff.js';
import { xlsxBomb } from '../../support/document-bombs.js';
import { pdfText } from '../../support/libreoffice.js';
import { assessmentUseCases } from '../../../src/app/assessment/use-cases.js';
import {
  INDICATOR_HEADER,
  exportResult,
  exportScheme,
  importScheme,
  schemeSheets,
} from '../../../src/app/assessment/export.js';
import { publishResult } from '../../../src/app/assessment/publish-result.js';
import type { SchemeDef } from '../../../src/domain/assessment/scheme.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import { AppError } from '../../../src/app/errors.js';
import { YEAR, makeAssessedTree, type Tree } from './fixture.js';

const REASON = '经复核，该局已在期限内补正答复';

for (const dialect of DIALECTS) {
  describe(
    `assessment files: scheme workbook, result XLSX and PDF, publication (${dialect})`,
    {
      skip: skipReason(dialect),
    },
    () => {
      let rt: TestRuntime;
      let tree: Tree;
      let assessor: Actor;
      let schemeId = '';
      const out = mkdtempSync(join(tmpdir(), 'gongkai-assessment-files-'));
      const uc = () => assessmentUseCases(rt.ctx);

      before(async () => {
        rt = await openTestRuntime(dialect);
        tree = await makeAssessedTree(rt);
        assessor = await makeStaff(rt, 'kh_files', ['supervisor', 'editor'], tree.scope.id);
        schemeId = (await uc().createScheme(assessor, { year: YEAR, scopeOrgId: tree.scope.id, name: '2024年度考核' }))
          .id;
      });
      after(async () => {
        await rt.close();
        rmSync(out, { recursive: true, force: true });
      });

      test('should read back an exported scheme as the same scheme, edits included', async () => {
        const before = await uc().getScheme(assessor, schemeId);
        const def: SchemeDef = {
          ...before.def,
          grades: [
            { grade: '优秀', min: 92 },
            { grade: '良好', min: 81 },
            { grade: '合格', min: 65 },
            { grade: '不合格', min: 0 },
          ],
          noData: 'zero',
          indicators: [
            ...before.def.indicators.map((i) => (i.id === 'training' ? { ...i, max: 8 } : i)),
            {
              id: 'social_review',
              name: '社会评议',
              mode: 'entered',
              valueKind: 'share',
              max: 2,
              formula: '社会评议满意率 × 2分',
            },
          ],
        };
        await uc().updateScheme(assessor, schemeId, { name: '2024年度考核（修订）', def });
        const { bytes } = await exportScheme(rt.ctx, uc(), assessor, schemeId);
        // Import into a fresh draft: the workbook carries the whole scheme.
        const other = await uc().createScheme(assessor, { year: YEAR + 1, scopeOrgId: tree.scope.id, name: '空白' });
        const r = await importScheme(rt.ctx, uc(), assessor, other.id, bytes);
        assert.ok(r.ok, JSON.stringify(r));
        const read = await uc().getScheme(assessor, other.id);
        assert.equal(read.name, '2024年度考核（修订）');
        assert.deepEqual(read.def, def);
      });

      test('should refuse a wrong workbook with sheet, row and column, and change nothing', async () => {
        const scheme = await uc().getScheme(assessor, schemeId);
        const [ind, rules] = schemeSheets(scheme.name, scheme.def);
        assert.ok(ind && rules);
        const rows = ind.rows.map((r) => [...r]);
        rows[2]![5] = '十分'; // 分值 of the second indicator, row 3 column F
        rows[3]![0] = rows[1]![0]!; // a repeated id on row 4
        rows[5]![2] = '估算'; // 取值方式 on row 6
        const grades = rules.rows.map((r) => (r[0] === '良好最低分' ? [r[0], '95'] : [...r]));
        const bytes = await rt.ctx.catalogueSheets.write([
          { ...ind, rows },
          { ...rules, rows: grades },
        ]);
        const r = await importScheme(rt.ctx, uc(), assessor, schemeId, bytes);
        assert.equal(r.ok, false);
        const where = r.ok ? [] : r.errors.map((e) => `${e.sheet}!${e.column}${e.row}`);
        assert.deepEqual(where.sort(), ['等级与规则!B4', '考核指标!A4', '考核指标!C6', '考核指标!F3'].sort());
        assert.equal((await uc().getScheme(assessor, schemeId)).name, scheme.name, 'nothing changed');
        assert.equal(INDICATOR_HEADER.length, 8);
      });

      test('should refuse a hostile workbook through the guarded reader, and a file that is no workbook', async () => {
        await assert.rejects(
          importScheme(rt.ctx, uc(), assessor, schemeId, await xlsxBomb(300_000)),
          (e: unknown) => e instanceof AppError && e.code === 'invalid',
        );
        await assert.rejects(
          importScheme(rt.ctx, uc(), assessor, schemeId, new TextEncoder().encode('指标编号,指标名称\n')),
          (e: unknown) => e instanceof AppError && e.code === 'invalid' && /无法读取/.test(e.message),
        );
      });

      test('should write the result table with values, scores and the adjustment with its reason', async () => {
        await uc().adjust(assessor, schemeId, {
          orgId: tree.a.id,
          indicatorId: 'applications_on_time',
          points: 1,
          reason: REASON,
        });
        const table = await uc().compute(assessor, schemeId);
        const xlsx = await exportResult(rt.ctx, uc(), assessor, schemeId, 'xlsx');
        assert.match(xlsx.name, /考核测试区2024年度政务公开工作考核结果\.xlsx$/);
        const { sheets } = await rt.ctx.catalogueSheets.read(xlsx.bytes);
        const result = sheets.find((s) => s.name === '考核结果');
        assert.ok(result, 'sheet 考核结果');
        const header = result.rows[2] ?? [];
        for (const r of table.rows) {
          const line: string[] | undefined = result.rows.find((x) => x[1] === r.org);
          assert.ok(line, `a row for ${r.org}`);
          assert.equal(Number(line[0]), r.rank);
          assert.equal(Number(line[header.indexOf('总分')]), r.total);
          assert.equal(line[header.indexOf('等级')], r.grade);
          const score = header.findIndex((h) => h.startsWith('依申请公开按期答复（得分'));
          assert.equal(Number(line[score]), r.items.applications_on_time?.score);
        }
        const adj = sheets.find((s) => s.name === '人工调整');
        assert.ok(
          adj?.rows.some((x) => x.includes(REASON) && x.includes('考核测试区甲局')),
          'the adjustment and reason',
        );
        const rules = sheets.find((s) => s.name === '计分规则');
        for (const i of table.def.indicators) {
          assert.ok(
            rules?.rows.some((x) => x[3] === i.formula),
            `the formula of ${i.name}`,
          );
        }

        const pdf = await exportResult(rt.ctx, uc(), assessor, schemeId, 'pdf');
        const file = join(out, `result-${dialect}.pdf`);
        writeFileSync(file, pdf.bytes);
        const text = (await pdfText(file)).replace(/\s+/g, '');
        assert.ok(text.includes('考核测试区2024年度政务公开工作考核结果'), 'the title');
        for (const r of table.rows) assert.ok(text.includes(r.org), `the unit ${r.org}`);
        assert.ok(text.includes(REASON), 'the adjustment’s reason');
        assert.ok(text.includes('计分规则'), 'the rules');
      });

      test('should freeze the scheme and draft the publication of its result once', async () => {
        const live = await uc().compute(assessor, schemeId);
        const draft = await publishResult(rt.ctx, uc(), assessor, schemeId);
        const scheme = await uc().getScheme(assessor, schemeId);
        assert.equal(scheme.state, 'published');
        assert.equal(scheme.publicationId, draft.id);
        const pub = await rt.ctx.repos.publications.byId(draft.id);
        assert.ok(pub);
        assert.equal(pub.state, 'draft', 'a draft: the review chain publishes it');
        assert.equal(pub.orgId, tree.scope.id);
        assert.equal(pub.title, '考核测试区2024年度政务公开工作考核结果');
        for (const r of live.rows) assert.ok(pub.bodyHtml.includes(r.org), `the body names ${r.org}`);
        assert.ok(pub.bodyHtml.includes(REASON), 'the adjustment is published with its reason');
        await assert.rejects(
          publishResult(rt.ctx, uc(), assessor, schemeId),
          (e: unknown) => e instanceof AppError && e.code === 'conflict',
        );
        await assert.rejects(
          uc().adjust(assessor, schemeId, { orgId: tree.a.id, indicatorId: null, points: 1, reason: '发布后' }),
          (e: unknown) => e instanceof AppError && e.code === 'conflict',
        );
      });

      test('should refuse publication by a supervisor who is no editor, before anything is frozen', async () => {
        const other = await uc().createScheme(assessor, {
          year: YEAR + 2,
          scopeOrgId: tree.scope.id,
          name: '另一方案',
        });
        const supervisor = await makeStaff(rt, 'kh_only_sup', ['supervisor'], tree.scope.id);
        await assert.rejects(
          publishResult(rt.ctx, uc(), supervisor, other.id),
          (e: unknown) => e instanceof AppError && e.code === 'forbidden',
        );
        assert.equal((await uc().getScheme(assessor, other.id)).state, 'draft', 'not frozen');
      });
    },
  );
}

// Section 二 item (一) of the 2021 format from the system's own publications, by one rule on both dialects: a
// withdrawn (撤稿) item counts as never published, in every year, even when it was withdrawn after the year's end; a
// document 废止 or 失效 counts in 本年废止 in the year of its validity date (never before it was published) and
// leaves 现行有效 — so 现行有效 of 2024 + 本年新制发 − 本年废止 of 2025 equals 现行有效 of 2025 and R7 finds nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { datedPublishing, moveAlongChain } from '../../factories/publications.js';
import { loadReport, type ReportRecord } from '../../../src/app/reports/annual-reports.js';

for (const dialect of DIALECTS) {
  describe(`section 二 counts by one rule (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    const record: Record<2024 | 2025, ReportRecord> = {} as never;
    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2024-01-05T02:00:00Z' });
      const p = await datedPublishing(rt, 'rule');
      const doc = (n: number, over: Record<string, unknown> = {}) => ({ docNo: `示政规〔2024〕${n}号`, ...over });
      await p.published('2024-03-01', '2024-03-01', doc(1)); // in force throughout
      const withdrawn = await p.published('2024-04-01', '2024-04-01', doc(2));
      await p.published('2024-05-01', '2024-05-01', doc(3, { validity: 'expired', validityOn: '2025-06-30' }));
      // Put online in 2025 after its repeal in 2024: made and repealed in 2025, never in force.
      await p.published('2025-03-01', '2025-03-01', doc(4, { validity: 'repealed', validityOn: '2024-10-01' }));
      // Withdrawn (撤稿) after the end of 2024: it counts in neither year.
      p.at('2025-02-01');
      await moveAlongChain(rt, p, withdrawn, 'withdrawn', { reason: '发布有误' });
      p.at('2026-01-20');
      record[2024] = await loadReport(rt.ctx, null, p.root.id, 2024);
      record[2025] = await loadReport(rt.ctx, null, p.root.id, 2025);
    });
    after(() => rt?.close());

    test('should count a withdrawn item as never published, in the year it went out too', () => {
      assert.deepEqual(record[2024].report.article20.normative, { made: 2, repealed: 0, in_force: 2 });
    });

    test('should count 失效 and 废止 in the year of the validity date, never before publication', () => {
      assert.deepEqual(record[2025].report.article20.normative, { made: 1, repealed: 2, in_force: 1 });
    });

    test('should keep last year’s 现行有效 + 新制发 − 废止 equal to this year’s: no R7 finding', () => {
      const [before2025, now] = [record[2024].report.article20.normative!, record[2025].report.article20.normative!];
      assert.equal(now.in_force, (before2025.in_force ?? 0) + (now.made ?? 0) - (now.repealed ?? 0));
      assert.deepEqual(
        record[2025].findings.filter((f) => f.rule === 'R7'),
        [],
      );
    });

    test('should explain the computed figures beside them (the same rule in words)', () => {
      assert.match(record[2025].figureNotes.article20, /已撤稿的信息视为从未发布/);
      assert.match(record[2025].figureNotes.article20, /本年废止＝失效或废止日期在本年的文件/);
      assert.match(record[2025].figureNotes.reviews, /按结果年度统计/);
    });
  });
}

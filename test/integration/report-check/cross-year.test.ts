import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportText } from '../../../src/domain/report-check/check-text.js';
import { addPreviousYearFindings } from '../../../src/domain/report-check/previous-year.js';
import { CORPUS_DIR } from '../../support/report-check-truth.js';

const read = (name: string) =>
  checkReportText(readFileSync(join(CORPUS_DIR, 'complete', name), 'utf8'), { file: name });

test("the corpus's real consecutive pair (洪泽区 2023 → 2024) is paired and agrees: no R6/R7", () => {
  const reports = ['001.txt', '004.txt', '009.txt', '010.txt', '011.txt', '012.txt'].map(read);
  const before = reports.map((r) => r.findings.length);
  const pairs = addPreviousYearFindings(reports);
  // 平潭 2019 and 2021 are two years apart; 淮安市 2024 has no 2023 report here.
  assert.deepEqual(
    pairs.map(([a, b]) => [a.file, b.file]),
    [['010.txt', '009.txt']],
  );
  assert.deepEqual(
    reports.map((r) => r.findings.length),
    before,
  );
  // 行政规范性文件 in force: 5 (2023) + 3 made − 0 repealed = 8 (2024), so R7 was really compared.
  assert.equal(reports[2]!.article20.normative?.in_force, 5);
  assert.deepEqual(reports[3]!.article20.normative, { made: 3, repealed: 0, in_force: 8 });
});

test("the same pair with 2024's 上年结转 altered gives R6 errors on 010 naming 009", () => {
  const y2023 = read('009.txt');
  const y2024 = read('010.txt');
  y2024.applications.carried_over = { ...y2024.applications.carried_over, natural_person: 4, total: 4 };
  addPreviousYearFindings([y2023, y2024]);
  const r6 = y2024.findings.filter((f) => f.rule === 'R6');
  assert.deepEqual(
    r6.map((f) => [f.where.column, f.where.previousFile]),
    [
      ['natural_person', '009.txt'],
      ['total', '009.txt'],
    ],
  );
});

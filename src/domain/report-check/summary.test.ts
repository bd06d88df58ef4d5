// The batch audit's model: ranking by findings, the cells' statuses, sums of rows, and the totals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../reports/finding.js';
import { checkReportText, type CheckedReport } from './check-text.js';
import { SUMMARY_COLUMNS, buildReportSummary, summaryCell, type SummaryColumn } from './summary.js';

const finding = (severity: Finding['severity'], rule: Finding['rule'] = 'R1'): Finding => ({
  rule,
  severity,
  message: '示例',
  where: {},
});

function report(file: string, errors: number, warnings: number, extra: Partial<CheckedReport> = {}): CheckedReport {
  const r = checkReportText('', { file });
  r.findings = [
    ...Array.from({ length: warnings }, () => finding('warning', 'prose')),
    ...Array.from({ length: errors }, () => finding('error')),
  ];
  return Object.assign(r, extra);
}

const column = (id: string): SummaryColumn => SUMMARY_COLUMNS.find((c) => c.id === id)!;

test('should rank by errors, then warnings, then file; equal counts share a rank', () => {
  const summary = buildReportSummary(
    [report('e.txt', 0, 0), report('a.txt', 2, 0), report('d.txt', 0, 3), report('b.txt', 2, 1), report('c.txt', 0, 0)],
    '各单位',
  );
  assert.deepEqual(
    summary.reports.map((r) => [r.file, r.rank]),
    [
      ['b.txt', 1],
      ['a.txt', 2],
      ['d.txt', 3],
      ['c.txt', 4],
      ['e.txt', 4],
    ],
  );
  assert.equal(summary.reports[0]!.mainProblem?.severity, 'error', 'the first error, before any warning');
  assert.equal(summary.reports[2]!.mainProblem?.rule, 'prose');
  assert.equal(summary.reports[3]!.mainProblem, null);
  assert.deepEqual(
    { ...summary.totals, figuresRead: 0, figuresSought: 0 },
    {
      reports: 5,
      complete: 0,
      withErrors: 2,
      withWarningsOnly: 1,
      tampered: 0,
      figuresRead: 0,
      figuresSought: 0,
      inferred: 0,
    },
  );
  assert.equal(summary.totals.figuresSought, 5 * SUMMARY_COLUMNS.length);
  assert.equal(summary.target, '各单位');
});

test('should say of each cell whether it was read, blank, inferred or not read', () => {
  const r = report('x.txt', 0, 0, { format: '2021' });
  r.applications = {
    new: { total: 12 },
    carried_over: { total: null },
    'withheld.state_secret': { total: 1 },
    'withheld.prohibited_by_law': { total: 2 },
  };
  r.provenance = {
    article20: {},
    applications: { new: { total: { how: 'inferred', confidence: 0.9, snippet: '1220' } } },
    reviews: {},
  };
  assert.deepEqual(summaryCell(r, column('applications.new.total')), {
    value: 12,
    status: 'inferred',
    confidence: 0.9,
  });
  assert.deepEqual(summaryCell(r, column('applications.carried_over.total')), { value: null, status: 'blank' });
  assert.deepEqual(summaryCell(r, column('applications.total.total')), { value: null, status: 'missing' });
  // A group sums its rows, and is not read while one of them is not.
  assert.deepEqual(summaryCell(r, column('applications.withheld.total')), { value: null, status: 'missing' });
  for (const row of column('applications.withheld.total').keys['2021']) {
    const code = row.split('|')[1]!;
    r.applications[code as 'withheld.state_secret'] ??= { total: null };
  }
  assert.deepEqual(summaryCell(r, column('applications.withheld.total')), { value: 3, status: 'read' });
  r.provenance = {
    article20: {},
    applications: {
      'withheld.state_secret': { total: { how: 'inferred', confidence: 0.7, snippet: '1' } },
      'withheld.prohibited_by_law': { total: { how: 'inferred', confidence: 0.6, snippet: '2' } },
    },
    reviews: {},
  };
  assert.deepEqual(summaryCell(r, column('applications.withheld.total')), {
    value: 3,
    status: 'inferred',
    confidence: 0.6,
  });
  r.provenance = {
    article20: {},
    applications: { new: { total: { how: 'text', confidence: 1, snippet: '12' } } },
    reviews: {},
  };
  assert.deepEqual(summaryCell(r, column('applications.new.total')), { value: 12, status: 'read' });
});

test('should read a 2021 report that prints the 2019 tables from their rows', () => {
  const r = report('y.txt', 0, 0, { format: '2021' });
  r.applications = { other: { total: 4 } };
  r.article20 = { rules: { total_published: 7 } };
  assert.deepEqual(summaryCell(r, column('applications.other.total')), { value: 4, status: 'read' });
  assert.deepEqual(summaryCell(r, column('article20.rules.in_force')), { value: 7, status: 'read' });
  r.applications = { 'other.correction_lapsed': { total: 1 }, 'other.fee_unpaid': { total: null } };
  r.applications['other.other'] = { total: 2 };
  assert.deepEqual(summaryCell(r, column('applications.other.total')), { value: 3, status: 'read' });
});

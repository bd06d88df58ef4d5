import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReportText, type CheckedReport } from './check-text.js';
import { findCreditCode, validCreditCode } from './meta.js';
import {
  addPreviousYearFindings,
  explicitPreviousFindings,
  findPreviousReports,
  normalizeIssuerName,
  sameIssuer,
} from './previous-year.js';

/** A checked report with just the parts pairing looks at. */
function report(
  file: string,
  year: number | null,
  name: string | null,
  creditCode: string | null,
  forward?: number,
  carried?: number,
): CheckedReport {
  const r = checkReportText('', { file });
  r.year = year;
  r.organization = { name, creditCode };
  if (forward !== undefined) r.applications.carried_forward = { natural_person: forward, total: forward };
  if (carried !== undefined) r.applications.carried_over = { natural_person: carried, total: carried };
  r.findings = [];
  return r;
}

test('issuer names are compared without spaces, punctuation, brackets or width differences', () => {
  assert.equal(normalizeIssuerName(' 某某县 交通运输局（本级）'), '某某县交通运输局本级');
  assert.ok(sameIssuer(report('a', 2021, '某某县 交通运输局', null), report('b', 2022, '某某县交通运输局', null)));
  assert.ok(!sameIssuer(report('a', 2021, '某某县交通运输局', null), report('b', 2022, '某某县教育局', null)));
  assert.ok(!sameIssuer(report('a', 2021, null, null), report('b', 2022, null, null)), 'no name, no pairing');
});

test('the credit code decides when both reports state one; otherwise the name does', () => {
  const a = '91110000802100433B';
  const b = '91350100M000100Y43';
  assert.ok(sameIssuer(report('x', 2021, '甲局', a), report('y', 2022, '乙局（更名）', a)), 'renamed body, same code');
  assert.ok(!sameIssuer(report('x', 2021, '甲局', a), report('y', 2022, '甲局', b)), 'same name, two codes');
  assert.ok(sameIssuer(report('x', 2021, '甲局', a), report('y', 2022, '甲局', null)));
});

test('统一社会信用代码 is read from the text only with a valid check character', () => {
  assert.ok(validCreditCode('91110000802100433B'));
  assert.ok(!validCreditCode('91110000802100433C'));
  assert.equal(findCreditCode('本机关统一社会信用代码：91110000802100433b。'), '91110000802100433B');
  assert.equal(findCreditCode('统一社会信用代码 91110000802100433C'), null);
  assert.equal(checkReportText('统一社会信用代码：91350100M000100Y43\n').organization.creditCode, '91350100M000100Y43');
});

test('pairs year Y with Y-1 of the same issuer; prefers the copy with figures; adds R6 naming its file', () => {
  const pdf = report('2021.pdf', 2021, '甲局', null);
  const txt = report('2021.txt', 2021, '甲局', null, 1);
  const now = report('2022.txt', 2022, '甲局', null, 0, 3);
  const other = report('乙.txt', 2021, '乙局', null, 3);
  const early = report('2019.txt', 2019, '甲局', null, 3);
  const prev = findPreviousReports([pdf, txt, now, other, early]);
  assert.deepEqual(
    prev.map((p) => p?.file ?? null),
    [null, null, '2021.txt', null, null],
  );
  const pairs = addPreviousYearFindings([pdf, txt, now, other, early]);
  assert.deepEqual(
    pairs.map(([a, b]) => [a.file, b.file]),
    [['2022.txt', '2021.txt']],
  );
  assert.deepEqual(
    now.findings.map((f) => [f.rule, f.where.column, f.where.previousFile]),
    [
      ['R6', 'natural_person', '2021.txt'],
      ['R6', 'total', '2021.txt'],
    ],
  );
  assert.deepEqual(
    [pdf, txt, other, early].flatMap((r) => r.findings),
    [],
  );
});

test('an explicit previous report without figures to compare is a missing warning', () => {
  const now = report('2022.txt', 2022, '甲局', null, 0, 3);
  const empty = report('old.txt', 2021, '甲局', null);
  const f = explicitPreviousFindings(now, empty);
  assert.deepEqual(
    f.map((x) => [x.rule, x.severity, x.where.previousFile]),
    [['missing', 'warning', 'old.txt']],
  );
  assert.deepEqual(explicitPreviousFindings(now, report('old.txt', 2021, '甲局', null, 3)), []);
});

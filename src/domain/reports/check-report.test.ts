import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICANT_COLUMNS, applicationRows, type Applications, type ReportFigures } from './annual-report.js';
import { checkReport } from './check-report.js';

/** A consistent 2019-format report: 18 new applications, as in the seed report. */
function seedFigures(): ReportFigures {
  const zero = () => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0]));
  const applications: Applications = {};
  for (const row of applicationRows('2019')) applications[row] = zero();
  applications.new = { ...zero(), natural_person: 17, business: 1, total: 18 };
  applications.total = { ...zero(), natural_person: 17, business: 1, total: 18 };
  applications.disclosed = { ...zero(), natural_person: 5, business: 1, total: 6 };
  applications.partially_disclosed = { ...zero(), natural_person: 1, total: 1 };
  applications['withheld.internal_affairs'] = { ...zero(), natural_person: 2, total: 2 };
  applications['unavailable.not_held'] = { ...zero(), natural_person: 6, total: 6 };
  applications.other = { ...zero(), natural_person: 3, total: 3 };
  const review = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
  return {
    format: '2019',
    article20: {
      licensing: { previous_items: 172, change: 8, decisions: 22990 },
      other_services: { previous_items: 585, change: -21, decisions: 22605 },
      procurement: { projects: 518, amount: 78874.11, unit: '万元' },
    },
    applications,
    reviews: {
      reconsideration: { ...review },
      litigation_direct: { ...review },
      litigation_after_reconsideration: { ...review },
    },
  };
}

test('the seed figures pass every rule', () => {
  assert.deepEqual(checkReport(seedFigures()), []);
});

test('one changed cell fails R1 (and R4) naming that column', () => {
  const r = seedFigures();
  r.applications.total!.natural_person = 16;
  const findings = checkReport(r);
  const r1 = findings.filter((f) => f.rule === 'R1');
  assert.equal(r1.length, 1);
  assert.equal(r1[0]!.where.column, 'natural_person');
  assert.match(r1[0]!.message, /自然人/);
  assert.ok(findings.some((f) => f.rule === 'R3' && f.where.row === 'total'));
  assert.ok(findings.some((f) => f.rule === 'R4' && f.where.column === 'natural_person'));
});

test('a blank total over non-zero parts is an R3 finding; blank parts count as 0', () => {
  const r = seedFigures();
  // Every column blank but 自然人.
  const blankRow = (naturalPerson: number | null) =>
    Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, c === 'natural_person' ? naturalPerson : null]));
  r.applications.carried_forward = blankRow(1);
  const r3 = checkReport(r).filter((f) => f.rule === 'R3');
  assert.equal(r3.length, 1);
  assert.equal(r3[0]!.where.row, 'carried_forward');
  assert.match(r3[0]!.message, /为空/);
  r.applications.carried_forward = blankRow(null);
  assert.deepEqual(
    checkReport(r).filter((f) => f.rule === 'R3'),
    [],
  );
});

test('R5 flags a section-四 group whose total is wrong', () => {
  const r = seedFigures();
  r.reviews.reconsideration = { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 };
  const r5 = checkReport(r).filter((f) => f.rule === 'R5');
  assert.equal(r5.length, 1);
  assert.equal(r5[0]!.where.row, 'reconsideration');
});

test('R6 and R7 compare with last year only when it is given', () => {
  const r = seedFigures();
  r.format = '2021';
  r.article20 = { normative: { made: 3, repealed: 0, in_force: 8 } };
  const previous = seedFigures();
  previous.applications.carried_forward!.natural_person = 2;
  previous.applications.carried_forward!.total = 2;
  previous.article20 = { normative: { made: 0, repealed: 0, in_force: 4 } };
  assert.deepEqual(
    checkReport(r).filter((f) => f.rule === 'R6' || f.rule === 'R7'),
    [],
  );
  const findings = checkReport(r, { previous });
  assert.deepEqual(
    findings.filter((f) => f.rule === 'R6').map((f) => f.where.column),
    ['natural_person', 'total'],
  );
  const r7 = findings.filter((f) => f.rule === 'R7');
  assert.equal(r7.length, 1);
  assert.equal(r7[0]!.severity, 'warning');
});

test('R8: counts are non-negative integers, 本年增/减 may be negative, amounts may be decimal', () => {
  const r = seedFigures();
  assert.deepEqual(
    checkReport(r).filter((f) => f.rule === 'R8'),
    [],
  );
  r.article20.licensing!.decisions = -3;
  r.applications.disclosed!.business = 0.5;
  const r8 = checkReport(r).filter((f) => f.rule === 'R8');
  assert.deepEqual(r8.map((f) => `${f.where.row}.${f.where.column}`).sort(), [
    'disclosed.business',
    'licensing.decisions',
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import type { Actor } from '../policies/actor.js';
import {
  DEFAULT_REVIEW_COUNTING,
  REVIEW_COUNTING_NOTES,
  caseTypeLabel,
  countedResult,
  parseReviewCase,
  resultAtYearEnd,
  summarizeReviews,
  type ReviewCaseDetails,
  type ReviewCaseText,
} from './review-case.js';
import { canReview } from './review-policy.js';

const today = localDate('2025-09-28');

const text = (over: ReviewCaseText = {}): ReviewCaseText => ({
  kind: 'reconsideration',
  caseNo: '示复决字〔2025〕12号',
  filedOn: '2025-03-01',
  body: '示例区人民政府',
  claimantName: '张三',
  subject: '不予公开告知书',
  result: 'pending',
  resultOn: '',
  ...over,
});

const errorsOf = (over: ReviewCaseText): Record<string, string> => {
  const r = parseReviewCase(text(over), today);
  return r.ok ? {} : r.error;
};

const c = (
  kind: ReviewCaseDetails['kind'],
  filedOn: string,
  result: ReviewCaseDetails['result'],
  resultOn: string | null,
  route: ReviewCaseDetails['litigationRoute'] = null,
) => ({
  kind,
  litigationRoute: route,
  filedOn: localDate(filedOn),
  result,
  resultOn: resultOn === null ? null : localDate(resultOn),
});

test('should parse a pending reconsideration with trimmed text', () => {
  const r = parseReviewCase(text({ body: '  示例区人民政府 ' }), today);
  assert.ok(r.ok);
  assert.equal(r.value.body, '示例区人民政府');
  assert.equal(r.value.resultOn, null);
  assert.equal(r.value.litigationRoute, null);
});

test('should ask for the missing required fields in Chinese', () => {
  const r = parseReviewCase({}, today);
  assert.ok(!r.ok);
  assert.deepEqual(Object.keys(r.error).sort(), ['body', 'filedOn', 'kind', 'subject']);
  assert.match(r.error.filedOn ?? '', /请填写立案/);
});

test('should refuse malformed and impossible dates', () => {
  assert.match(errorsOf({ filedOn: '2025-02-30' }).filedOn ?? '', /YYYY-MM-DD/);
  assert.match(errorsOf({ filedOn: '2025-10-01' }).filedOn ?? '', /不能晚于今天/);
  assert.match(errorsOf({ result: 'upheld', resultOn: '2025-13-01' }).resultOn ?? '', /YYYY-MM-DD/);
});

test('should require the result date unless pending, never before filing', () => {
  assert.match(errorsOf({ result: 'upheld' }).resultOn ?? '', /请填写审结/);
  assert.match(errorsOf({ result: 'pending', resultOn: '2025-05-01' }).resultOn ?? '', /尚未审结的案件不应填写/);
  assert.match(errorsOf({ result: 'corrected', resultOn: '2025-02-28' }).resultOn ?? '', /不能早于立案/);
  assert.match(errorsOf({ result: 'corrected', resultOn: '2025-09-29' }).resultOn ?? '', /不能晚于今天/);
  assert.deepEqual(errorsOf({ result: 'corrected', resultOn: '2025-03-01' }), {});
});

test('should require a route for litigation and drop one chosen for other kinds', () => {
  assert.match(errorsOf({ kind: 'litigation' }).litigationRoute ?? '', /未经复议直接起诉/);
  assert.match(errorsOf({ kind: 'litigation', litigationRoute: 'appeal' }).litigationRoute ?? '', /无效/);
  const r = parseReviewCase(text({ kind: 'complaint', litigationRoute: 'direct' }), today);
  assert.ok(r.ok);
  assert.equal(r.value.litigationRoute, null);
  const l = parseReviewCase(text({ kind: 'litigation', litigationRoute: 'after_reconsideration' }), today);
  assert.ok(l.ok);
  assert.equal(caseTypeLabel(l.value), '复议后起诉');
});

test('should refuse unknown codes and overlong text', () => {
  assert.equal(errorsOf({ kind: 'appeal' }).kind, '请选择类别');
  assert.equal(errorsOf({ result: 'won' }).result, '请选择结果');
  assert.match(errorsOf({ subject: '事'.repeat(501) }).subject ?? '', /500/);
});

test('should take the result as it stood at the year end', () => {
  assert.equal(resultAtYearEnd(c('reconsideration', '2024-11-01', 'upheld', '2024-12-31'), 2024), 'upheld');
  assert.equal(resultAtYearEnd(c('reconsideration', '2024-11-01', 'upheld', '2025-01-02'), 2024), 'pending');
  assert.equal(resultAtYearEnd(c('reconsideration', '2024-11-01', 'pending', null), 2024), 'pending');
});

test('should compute section 四 by filing year for a year with mixed cases', () => {
  const cases = [
    c('reconsideration', '2024-02-01', 'upheld', '2024-04-01'),
    c('reconsideration', '2024-03-01', 'corrected', '2024-05-01'),
    c('reconsideration', '2024-12-20', 'upheld', '2025-02-01'), // decided after the year end: pending in 2024
    c('reconsideration', '2023-12-01', 'corrected', '2024-01-15'), // filed in 2023: counted in 2023 only
    c('litigation', '2024-06-01', 'other', '2024-08-01', 'direct'),
    c('litigation', '2024-07-01', 'pending', null, 'direct'),
    c('litigation', '2024-09-01', 'upheld', '2024-11-30', 'after_reconsideration'),
    c('complaint', '2024-05-01', 'corrected', '2024-05-20'), // complaints are not in section 四
    c('litigation', '2025-01-03', 'upheld', '2025-03-01', 'after_reconsideration'),
  ];
  assert.deepEqual(summarizeReviews(cases, 2024, 'filing_year'), {
    reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
    litigation_direct: { upheld: 0, corrected: 0, other: 1, pending: 1, total: 2 },
    litigation_after_reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
  });
  // Filed in 2023 and decided in 2024: 尚未审结 in 2023's report, and not counted again in 2024.
  assert.deepEqual(summarizeReviews(cases, 2023, 'filing_year').reconsideration, {
    upheld: 0,
    corrected: 0,
    other: 0,
    pending: 1,
    total: 1,
  });
  assert.equal(summarizeReviews(cases, 2025, 'filing_year').litigation_after_reconsideration.upheld, 1);
  assert.equal(summarizeReviews(cases, 2022, 'filing_year').reconsideration.total, 0);
});

// Cases spanning years: filed 2024 and decided 2025; filed 2025 and still open at its end (decided in
// 2026 or never); filed and decided in 2025.
const spanning = {
  decidedNextYear: c('reconsideration', '2024-11-18', 'corrected', '2025-02-10'),
  openAtYearEnd: c('reconsideration', '2025-12-15', 'upheld', '2026-01-20'),
  stillPending: c('litigation', '2025-10-09', 'pending', null, 'direct'),
  sameYear: c('litigation', '2025-03-03', 'upheld', '2025-06-30', 'after_reconsideration'),
};

test('should count a case in the year its result is known by default, open cases as 尚未审结 at each year end', () => {
  assert.equal(DEFAULT_REVIEW_COUNTING, 'result_year');
  const rule = DEFAULT_REVIEW_COUNTING;
  // Filed 2024, decided 2025: 尚未审结 in 2024, its result in 2025, nothing in 2026.
  assert.equal(countedResult(spanning.decidedNextYear, 2024, rule), 'pending');
  assert.equal(countedResult(spanning.decidedNextYear, 2025, rule), 'corrected');
  assert.equal(countedResult(spanning.decidedNextYear, 2026, rule), null);
  assert.equal(countedResult(spanning.decidedNextYear, 2023, rule), null);
  // Filed 2025, still open on 31 December 2025: 尚未审结 in 2025, its result in 2026.
  assert.equal(countedResult(spanning.openAtYearEnd, 2025, rule), 'pending');
  assert.equal(countedResult(spanning.openAtYearEnd, 2026, rule), 'upheld');
  // Never decided: 尚未审结 in every year from its filing.
  assert.equal(countedResult(spanning.stillPending, 2025, rule), 'pending');
  assert.equal(countedResult(spanning.stillPending, 2026, rule), 'pending');
  // Filed and decided the same year: once, with its result.
  assert.equal(countedResult(spanning.sameYear, 2025, rule), 'upheld');
  assert.equal(countedResult(spanning.sameYear, 2026, rule), null);
  const cases = Object.values(spanning);
  assert.deepEqual(summarizeReviews(cases, 2025, rule), {
    reconsideration: { upheld: 0, corrected: 1, other: 0, pending: 1, total: 2 },
    litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    litigation_after_reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
  });
  assert.deepEqual(summarizeReviews(cases, 2024, rule).reconsideration, {
    upheld: 0,
    corrected: 0,
    other: 0,
    pending: 1,
    total: 1,
  });
  assert.equal(summarizeReviews(cases, 2026, rule).reconsideration.upheld, 1);
});

test('should count a case only in its filing year under the filing-year rule, losing a result of the next year', () => {
  const rule = 'filing_year';
  assert.equal(countedResult(spanning.decidedNextYear, 2024, rule), 'pending');
  assert.equal(countedResult(spanning.decidedNextYear, 2025, rule), null);
  assert.equal(countedResult(spanning.openAtYearEnd, 2025, rule), 'pending');
  assert.equal(countedResult(spanning.openAtYearEnd, 2026, rule), null);
  assert.equal(countedResult(spanning.stillPending, 2026, rule), null);
  assert.equal(countedResult(spanning.sameYear, 2025, rule), 'upheld');
  const cases = Object.values(spanning);
  assert.deepEqual(summarizeReviews(cases, 2025, rule), {
    reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    litigation_after_reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
  });
  // The 2025 result of the 2024 case appears in no year.
  for (const year of [2024, 2025, 2026]) {
    assert.equal(summarizeReviews(cases, year, rule).reconsideration.corrected, 0, String(year));
  }
});

test('should state each counting rule in words for the report notes', () => {
  assert.match(REVIEW_COUNTING_NOTES.result_year, /按结果年度统计/);
  assert.match(REVIEW_COUNTING_NOTES.filing_year, /按立案年度统计/);
});

test('should keep every section 四 total equal to the sum of its results (R5)', () => {
  const results = ['upheld', 'corrected', 'other', 'pending'] as const;
  const cases = Array.from({ length: 40 }, (_, i) => {
    const result = results[i % 4] ?? 'pending';
    return c(
      i % 3 === 0 ? 'reconsideration' : 'litigation',
      `2024-0${(i % 9) + 1}-10`,
      result,
      result === 'pending' ? null : '2024-12-01',
      i % 3 === 0 ? null : i % 2 === 0 ? 'direct' : 'after_reconsideration',
    );
  });
  for (const rule of ['result_year', 'filing_year'] as const) {
    for (const row of Object.values(summarizeReviews(cases, 2024, rule))) {
      assert.equal(row.total, row.upheld + row.corrected + row.other + row.pending);
    }
  }
});

const actor = (roles: Actor['roles']): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: '',
  homeOrgId: 'gov',
  roles,
});
const DEPT = ['gov', 'dept'];

test('should allow register actions by role and place in the tree, denying by default', () => {
  const table: [Actor['roles'], boolean, boolean][] = [
    [[{ orgId: 'dept', role: 'handler' }], true, true],
    [[{ orgId: 'dept', role: 'office_head' }], true, true],
    [[{ orgId: 'dept', role: 'legal_reviewer' }], true, true],
    // Writing the register needs the role at the organization itself (docs/security/privacy.md).
    [[{ orgId: 'dept', role: 'admin' }], true, true],
    [[{ orgId: 'gov', role: 'admin' }], true, false],
    [[{ orgId: 'gov', role: 'supervisor' }], true, false],
    [[{ orgId: 'other', role: 'handler' }], false, false],
    [[{ orgId: 'dept', role: 'signer' }], false, false],
    [[{ orgId: 'dept', role: 'editor' }], false, false],
    [[], false, false],
  ];
  for (const [roles, read, write] of table) {
    const who = JSON.stringify(roles);
    assert.equal(canReview(actor(roles), 'review.read', DEPT), read, `read ${who}`);
    assert.equal(canReview(actor(roles), 'review.write', DEPT), write, `write ${who}`);
  }
  assert.equal(
    canReview(actor([{ orgId: 'dept', role: 'handler' }]), 'review.write', ['gov']),
    false,
    'a department handler does not write for its parent',
  );
  assert.equal(canReview(actor([{ orgId: 'dept', role: 'admin' }]), 'review.write', []), false, 'unknown organization');
});

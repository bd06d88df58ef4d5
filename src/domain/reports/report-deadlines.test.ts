// Unit tests of the annual report's due dates (《政府信息公开条例》第四十九条).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import {
  DEFAULT_UNREGULATED_DUE,
  dueInFollowingYear,
  effectiveDueOn,
  hasStatutoryDue,
  isLate,
  statutoryDueOn,
} from './report-deadlines.js';

test('departments by 31 January, the government by 31 March of the next year', () => {
  assert.equal(statutoryDueOn(2023, 'department'), '2024-01-31');
  assert.equal(statutoryDueOn(2023, 'government'), '2024-03-31');
  assert.ok(hasStatutoryDue('department') && hasStatutoryDue('government'));
});

test('townships, streets and other bodies take the configured date (default 31 January)', () => {
  assert.equal(DEFAULT_UNREGULATED_DUE, '01-31');
  assert.equal(statutoryDueOn(2023, 'township'), '2024-01-31');
  assert.equal(statutoryDueOn(2023, 'street', '02-20'), '2024-02-20');
  assert.equal(statutoryDueOn(2023, 'other', '03-15'), '2024-03-15');
  assert.equal(statutoryDueOn(2023, 'department', '02-20'), '2024-01-31', 'the statutory date wins');
  assert.ok(!hasStatutoryDue('township'));
});

test('29 February falls back to 28 February outside leap years; bad dates are refused in Chinese', () => {
  assert.equal(dueInFollowingYear(2023, '02-29'), '2024-02-29');
  assert.equal(dueInFollowingYear(2024, '02-29'), '2025-02-28');
  assert.throws(() => dueInFollowingYear(2023, '02-30'), /不是有效的日期/);
  assert.throws(() => dueInFollowingYear(2023, '2-3'), /应为“月-日”格式/);
});

test('late: done after the due date, or not done and today past it', () => {
  const due = localDate('2024-01-31');
  assert.equal(isLate(due, localDate('2024-01-31'), localDate('2024-03-01')), false);
  assert.equal(isLate(due, localDate('2024-02-01'), localDate('2024-02-01')), true);
  assert.equal(isLate(due, null, localDate('2024-01-31')), false);
  assert.equal(isLate(due, null, localDate('2024-02-01')), true);
});

describe('effectiveDueOn', () => {
  const d = (dueOn: string, internalDueOn: string | null, statutory: boolean) => ({
    dueOn: localDate(dueOn),
    internalDueOn: internalDueOn === null ? null : localDate(internalDueOn),
    statutory,
  });
  test('an internal date brings a statutory date forward but never extends it (art. 49)', () => {
    assert.equal(effectiveDueOn(d('2026-03-31', '2026-01-20', true)), '2026-01-20');
    assert.equal(effectiveDueOn(d('2026-01-31', '2026-02-20', true)), '2026-01-31');
    assert.equal(effectiveDueOn(d('2026-01-31', null, true)), '2026-01-31');
  });
  test('for bodies without a statutory date the internal date replaces the default', () => {
    assert.equal(effectiveDueOn(d('2026-01-31', '2026-02-20', false)), '2026-02-20');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from './domain-error.js';
import {
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  isLocalDate,
  isWeekend,
  localDate,
  parseLocalDate,
  yearOf,
  type LocalDate,
} from './local-date.js';

describe('parseLocalDate', () => {
  const valid = ['2025-09-28', '2024-02-29', '2000-02-29', '2020-12-31', '1000-01-01', '9999-12-31'];
  for (const text of valid) {
    it(`accepts ${text}`, () => {
      const result = parseLocalDate(text);
      assert.deepEqual(result, { ok: true, value: text });
    });
  }

  const invalid = [
    '',
    '2025-9-28',
    '2025/09/28',
    '2025-09-28T00:00:00Z',
    ' 2025-09-28',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-02-29',
    '1900-02-29',
    '2025-01-00',
    '0999-12-31',
    '２０２５-０１-０１',
  ];
  for (const text of invalid) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      const result = parseLocalDate(text);
      assert.ok(!result.ok);
      assert.ok(result.error instanceof DomainError);
      assert.equal(result.error.code, 'invalid_local_date');
      assert.match(result.error.message, /日期无效/);
      assert.equal(isLocalDate(text), false);
    });
  }

  it('localDate throws a DomainError on bad input', () => {
    assert.throws(
      () => localDate('2025-02-30'),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid_local_date',
    );
  });
});

describe('addDays', () => {
  const cases: [string, number, string][] = [
    ['2025-09-28', 0, '2025-09-28'],
    ['2025-09-28', 1, '2025-09-29'],
    ['2025-09-30', 1, '2025-10-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ];
  for (const [start, n, expected] of cases) {
    it(`${start} + ${n} = ${expected}`, () => {
      assert.equal(addDays(localDate(start), n), expected);
      assert.equal(daysBetween(localDate(start), localDate(expected)), n);
    });
  }

  it('rejects a fractional number of days', () => {
    assert.throws(() => addDays(localDate('2025-01-01'), 0.5), DomainError);
  });

  it('rejects results outside the supported years', () => {
    assert.throws(() => addDays(localDate('9999-12-31'), 1), DomainError);
  });
});

describe('dayOfWeek / isWeekend', () => {
  const cases: [string, number][] = [
    ['2025-09-28', 0], // Sunday, a make-up workday in 2025
    ['2025-10-11', 6], // Saturday
    ['2025-10-31', 5],
    ['2020-02-03', 1],
    ['2000-01-01', 6],
    ['2027-01-01', 5],
  ];
  for (const [text, dow] of cases) {
    it(`${text} is day ${dow}`, () => {
      const d = localDate(text);
      assert.equal(dayOfWeek(d), dow);
      assert.equal(isWeekend(d), dow === 0 || dow === 6);
    });
  }
});

describe('compareDates / yearOf', () => {
  it('orders chronologically and sorts', () => {
    const a = localDate('2025-09-28');
    const b = localDate('2025-10-01');
    assert.equal(compareDates(a, b), -1);
    assert.equal(compareDates(b, a), 1);
    assert.equal(compareDates(a, localDate('2025-09-28')), 0);
    const list: LocalDate[] = [b, localDate('2024-12-31'), a];
    assert.deepEqual([...list].sort(compareDates), ['2024-12-31', '2025-09-28', '2025-10-01']);
  });

  it('yearOf returns the calendar year', () => {
    assert.equal(yearOf(localDate('2027-02-06')), 2027);
  });
});

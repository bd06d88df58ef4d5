import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import { buildHolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addWorkingDays, isWorkingDay } from '../../domain/calendar/working-days.js';
import { addDays, localDate, type LocalDate } from '../../domain/core/local-date.js';
import { chineseDaysSnapshot } from './chinese-days.js';

const snapshot = chineseDaysSnapshot();
const kindOf = (date: string): string | undefined => snapshot.days.find((d) => d.date === date)?.kind;

describe('chineseDaysSnapshot', () => {
  it('names its source with the installed version', () => {
    assert.equal(snapshot.source, 'chinese-days@1.5.7');
  });

  it('covers exactly 2004–2026, derived from the data', () => {
    assert.deepEqual(
      snapshot.years,
      Array.from({ length: 23 }, (_, i) => 2004 + i),
    );
    assert.equal(
      snapshot.days.some((d) => d.date.startsWith('2027-')),
      false,
    );
    assert.equal(
      snapshot.days.some((d) => d.date.startsWith('2003-')),
      false,
    );
  });

  it('holds days in date order, each date once', () => {
    const dates = snapshot.days.map((d) => d.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(new Set(dates).size, dates.length);
  });

  const known: [string, 'holiday' | 'workday' | undefined, string | undefined][] = [
    ['2020-02-01', 'holiday', '春节'], // planned make-up day, became a rest day with the 2020 extension
    ['2020-02-02', 'holiday', '春节'],
    ['2020-02-03', undefined, undefined],
    ['2020-01-19', 'workday', '春节'],
    ['2025-09-28', 'workday', '国庆节'],
    ['2025-10-11', 'workday', '国庆节'],
    ['2025-10-08', 'holiday', '国庆节'],
    // STACK §2.4: 2026 adjusted workdays 01-04, 02-14, 02-28, 05-09, 09-20, 10-10
    ['2026-01-04', 'workday', '元旦'],
    ['2026-02-14', 'workday', '春节'],
    ['2026-02-28', 'workday', '春节'],
    ['2026-05-09', 'workday', '劳动节'],
    ['2026-09-20', 'workday', '国庆节'],
    ['2026-10-10', 'workday', '国庆节'],
    ['2027-01-01', undefined, undefined],
  ];
  for (const [date, kind, name] of known) {
    it(`${date} is ${kind ?? 'not listed'}`, () => {
      assert.equal(kindOf(date), kind);
      if (name !== undefined) {
        assert.equal(snapshot.days.find((d) => d.date === date)?.name, name);
      }
    });
  }

  it('lists exactly six make-up workdays for 2026', () => {
    const workdays2026 = snapshot.days
      .filter((d) => d.kind === 'workday' && d.date.startsWith('2026-'))
      .map((d) => d.date);
    assert.deepEqual(workdays2026, [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

// chinese-days' own API parses "YYYY-MM-DD" as UTC midnight (new Date(string)) and then reads the
// local weekday, so west of UTC it is off by one day (e.g. findWorkday(20, '2025-09-28') gives
// 2025-11-03 under TZ=America/Los_Angeles). Our code is zone-independent; the comparison with the
// library is only meaningful where the library is right. scripts/test.mjs runs with TZ=UTC.
const libraryIsReliableHere = new Date(2025, 0, 1).getTimezoneOffset() <= 0;

describe('the seeded calendar agrees with chinese-days itself', { skip: !libraryIsReliableHere }, () => {
  const cal = buildHolidayCalendar(snapshot.days, [], snapshot.years);

  it('on every day 2004-01-01 … 2026-12-31 (isWorkingDay = isWorkday)', () => {
    for (let d: LocalDate = localDate('2004-01-01'); d <= localDate('2026-12-31'); d = addDays(d, 1)) {
      assert.equal(isWorkingDay(d, cal), chineseDays.isWorkday(d), d);
    }
  });

  it('on 20 working days from every day of 2019–2026 (addWorkingDays = findWorkday)', () => {
    assert.equal(chineseDays.findWorkday(20, '2025-09-28'), '2025-10-31');
    for (let d: LocalDate = localDate('2019-01-01'); d <= localDate('2026-11-30'); d = addDays(d, 1)) {
      assert.equal(addWorkingDays(d, 20, cal), chineseDays.findWorkday(20, d), d);
    }
  });
});

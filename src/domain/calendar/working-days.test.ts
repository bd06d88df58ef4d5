import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
// A test may use the seed module: it gives the real State Council schedules 2004–2026.
import { chineseDaysSnapshot } from '../../db/seeds/chinese-days.js';
import { DomainError } from '../core/domain-error.js';
import { addDays, localDate, type LocalDate } from '../core/local-date.js';
import {
  buildHolidayCalendar,
  isProvisionalDate,
  isProvisionalYear,
  lastPublishedYear,
  type CalendarDayKind,
  type CalendarDayRecord,
  type HolidayCalendar,
  type OverrideRecord,
} from './holiday-calendar.js';
import { addWorkingDays, computeDeadline, isWorkingDay, workingDaysBetween } from './working-days.js';

const D = localDate;

function days(from: string, to: string, kind: CalendarDayKind, name: string): CalendarDayRecord[] {
  const list: CalendarDayRecord[] = [];
  for (let d = D(from); d <= D(to); d = addDays(d, 1)) {
    list.push({ date: d, kind, name });
  }
  return list;
}

// Hand-written from the State Council's yearly 部分节假日安排 notices (国务院办公厅关于…年部分节假日安排的通知).
// 2020: http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm — 春节 01-24…01-30 off,
// Sun 01-19 and Sat 02-01 work; then http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm
// "延长2020年春节假期至2月2日…2月3日（星期一）起正常上班", so the make-up day 02-01 became a rest day.
const SPRING_2020_EXTENDED = [
  ...days('2020-01-24', '2020-02-02', 'holiday', '春节'),
  ...days('2020-01-19', '2020-01-19', 'workday', '春节'),
];
const SPRING_2020_AS_FIRST_PUBLISHED = [
  ...days('2020-01-24', '2020-01-30', 'holiday', '春节'),
  ...days('2020-01-19', '2020-01-19', 'workday', '春节'),
  ...days('2020-02-01', '2020-02-01', 'workday', '春节'),
];
// 2025 (https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm): "端午节：5月31日（周六）至6月2日（周一）放假" ;
// "国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，
// 共8天。9月28日（周日）、10月11日（周六）上班。"
const SUMMER_AUTUMN_2025 = [
  ...days('2025-05-31', '2025-06-02', 'holiday', '端午节'),
  ...days('2025-10-01', '2025-10-08', 'holiday', '国庆节、中秋节'),
  ...days('2025-09-28', '2025-09-28', 'workday', '国庆节、中秋节'),
  ...days('2025-10-11', '2025-10-11', 'workday', '国庆节、中秋节'),
];

const snapshot = chineseDaysSnapshot();
const calendars: Record<'real' | 'hand', HolidayCalendar> = {
  real: buildHolidayCalendar(snapshot.days, [], snapshot.years),
  hand: buildHolidayCalendar([...SPRING_2020_EXTENDED, ...SUMMER_AUTUMN_2025], [], [2020, 2025]),
};

type Case = { name: string; start: string; n: number; due: string; provisional?: boolean };

function checkCases(cases: Case[], cal: HolidayCalendar): void {
  for (const { name, start, n, due, provisional = false } of cases) {
    it(`${name}: ${start} + ${n} working days → ${due}${provisional ? ' (暂定)' : ''}`, () => {
      assert.equal(addWorkingDays(D(start), n, cal), due);
      assert.deepEqual(computeDeadline(D(start), n, cal), { due, provisional });
      assert.equal(workingDaysBetween(D(start), D(due), cal), n);
    });
  }
}

describe('addWorkingDays / computeDeadline on real schedules (chinese-days seed and hand-written tables)', () => {
  const cases: Case[] = [
    // 2025 National Day week: 10-01…10-08 off, Sun 09-28 and Sat 10-11 make-up workdays (国办发明电〔2024〕12号).
    {
      name: '2025 国庆, receipt on the Sunday make-up day (not counted)',
      start: '2025-09-28',
      n: 20,
      due: '2025-10-31',
    },
    { name: '2025 国庆, first working day after 09-30', start: '2025-09-30', n: 1, due: '2025-10-09' },
    { name: '2025 国庆, Saturday 10-11 counts', start: '2025-10-10', n: 1, due: '2025-10-11' },
    { name: 'receipt on a holiday', start: '2025-10-03', n: 1, due: '2025-10-09' },
    { name: 'receipt on a holiday, art. 33 reply period', start: '2025-10-03', n: 20, due: '2025-11-04' },
    { name: 'Friday before 端午 2025 (Sat–Mon off)', start: '2025-05-30', n: 1, due: '2025-06-03' },
    { name: 'Friday before 端午 2025, 20 days', start: '2025-05-30', n: 20, due: '2025-06-30' },
    { name: 'Friday before 国庆 2025, Sunday make-up day counts first', start: '2025-09-26', n: 1, due: '2025-09-28' },
    // 2020 Spring Festival, extended to 02-02; 02-01 no longer a make-up day.
    { name: '2020 春节 extended, last day before the holiday', start: '2020-01-23', n: 1, due: '2020-02-03' },
    { name: '2020 春节 extended, receipt during the holiday', start: '2020-01-28', n: 1, due: '2020-02-03' },
    { name: '2020 春节 extended, art. 33 reply period', start: '2020-01-20', n: 20, due: '2020-02-25' },
    { name: 'Friday before 春节 2020, art. 30 补正 notice', start: '2020-01-17', n: 7, due: '2020-02-04' },
    { name: 'Friday before 春节 2020, Sunday 01-19 make-up day', start: '2020-01-17', n: 1, due: '2020-01-19' },
    { name: 'Friday before 春节 2020, 20 days', start: '2020-01-17', n: 20, due: '2020-02-21' },
    // n = 0: d itself, whatever kind of day it is.
    { name: 'n = 0 on a working day', start: '2025-09-29', n: 0, due: '2025-09-29' },
    { name: 'n = 0 on a holiday', start: '2025-10-03', n: 0, due: '2025-10-03' },
  ];
  describe('seeded from chinese-days', () => checkCases(cases, calendars.real));
  describe('hand-written tables', () => checkCases(cases, calendars.hand));

  it('2020-02-01 (planned make-up day, cancelled by the extension) is a rest day; 2020-02-03 a working day', () => {
    for (const cal of Object.values(calendars)) {
      assert.equal(isWorkingDay(D('2020-02-01'), cal), false);
      assert.equal(isWorkingDay(D('2020-02-02'), cal), false);
      assert.equal(isWorkingDay(D('2020-02-03'), cal), true);
    }
  });

  it('the extension moves a reply due date from 02-21 to 02-25', () => {
    const firstPublished = buildHolidayCalendar(SPRING_2020_AS_FIRST_PUBLISHED, [], [2020]);
    assert.equal(addWorkingDays(D('2020-01-20'), 20, firstPublished), '2020-02-21');
    assert.equal(addWorkingDays(D('2020-01-20'), 20, calendars.real), '2020-02-25');
  });
});

describe('provisional (暂定) deadlines in a year without a published schedule', () => {
  const cases: Case[] = [
    { name: 'inside 2027, weekends only', start: '2027-01-04', n: 20, due: '2027-02-01', provisional: true },
    {
      name: 'from 2026 into 2027; 2027-01-01 counts as a plain Friday',
      start: '2026-12-18',
      n: 20,
      due: '2027-01-15',
      provisional: true,
    },
    {
      name: 'from the last day of 2026, first day counted is in 2027',
      start: '2026-12-31',
      n: 1,
      due: '2027-01-01',
      provisional: true,
    },
    { name: 'n = 0 counts no day', start: '2026-12-31', n: 0, due: '2026-12-31' },
    { name: 'a 2026 deadline that stays in 2026', start: '2026-12-01', n: 20, due: '2026-12-29' },
    { name: 'before the first year of data', start: '2003-12-01', n: 1, due: '2003-12-02', provisional: true },
  ];
  checkCases(cases, calendars.real);

  it('is recomputed and final once the 2027 schedule is loaded', () => {
    const with2027 = buildHolidayCalendar(
      [...snapshot.days, ...days('2027-01-01', '2027-01-03', 'holiday', '元旦')],
      [],
      [...snapshot.years, 2027],
    );
    assert.deepEqual(computeDeadline(D('2026-12-18'), 20, with2027), { due: '2027-01-18', provisional: false });
  });

  it('isProvisionalYear / isProvisionalDate / lastPublishedYear', () => {
    assert.equal(isProvisionalYear(2026, calendars.real), false);
    assert.equal(isProvisionalYear(2027, calendars.real), true);
    assert.equal(isProvisionalDate(D('2027-06-01'), calendars.real), true);
    assert.equal(lastPublishedYear(calendars.real), 2026);
    assert.equal(lastPublishedYear(buildHolidayCalendar([], [], [])), undefined);
  });
});

describe('overrides (admin-entered closures and extra working days)', () => {
  const withOverrides = (overrides: OverrideRecord[]): HolidayCalendar =>
    buildHolidayCalendar(snapshot.days, overrides, snapshot.years);
  const closed = (date: string): OverrideRecord => ({ date: D(date), working: false, reason: '本区临时闭馆' });
  const open = (date: string): OverrideRecord => ({ date: D(date), working: true, reason: '本区加班' });

  it('a local closure on a working day pushes the due date', () => {
    const cal = withOverrides([closed('2025-10-09')]);
    assert.equal(isWorkingDay(D('2025-10-09'), cal), false);
    assert.deepEqual(computeDeadline(D('2025-09-28'), 20, cal), { due: '2025-11-03', provisional: false });
  });

  it('a closure on a make-up workday wins over the national schedule', () => {
    const cal = withOverrides([closed('2025-10-11')]);
    assert.equal(isWorkingDay(D('2025-10-11'), cal), false);
    assert.equal(addWorkingDays(D('2025-09-28'), 20, cal), '2025-11-03');
  });

  it('an extra working day on a weekend or holiday wins too', () => {
    const cal = withOverrides([open('2025-10-18'), open('2025-10-08')]);
    assert.equal(isWorkingDay(D('2025-10-18'), cal), true);
    assert.equal(isWorkingDay(D('2025-10-08'), cal), true);
    assert.equal(addWorkingDays(D('2025-09-28'), 20, cal), '2025-10-29');
  });

  it('overrides also apply in provisional years', () => {
    const cal = withOverrides([closed('2027-01-01')]);
    assert.deepEqual(computeDeadline(D('2026-12-18'), 20, cal), { due: '2027-01-18', provisional: true });
  });
});

describe('workingDaysBetween: the (a, b] convention', () => {
  const cal = calendars.real;
  const cases: [string, string, number][] = [
    ['2025-09-28', '2025-09-28', 0],
    ['2025-09-27', '2025-09-28', 1], // the Sunday make-up day counts
    ['2025-09-30', '2025-10-08', 0], // the whole holiday
    ['2025-09-28', '2025-10-31', 20],
    ['2025-10-31', '2025-09-28', -20], // negative when b is before a
    ['2020-01-23', '2020-02-02', 0],
  ];
  for (const [a, b, expected] of cases) {
    it(`(${a}, ${b}] has ${expected}`, () => assert.equal(workingDaysBetween(D(a), D(b), cal), expected));
  }

  it('inverts addWorkingDays for every start day of 2019–2021 and 2025–2026 and n up to 45', () => {
    for (const [from, to] of [
      ['2019-12-01', '2021-01-31'],
      ['2025-01-01', '2026-12-31'],
    ] as const) {
      for (let d: LocalDate = D(from); d <= D(to); d = addDays(d, 1)) {
        for (const n of [0, 1, 7, 15, 20, 40, 45]) {
          assert.equal(workingDaysBetween(d, addWorkingDays(d, n, cal), cal), n, `${d} + ${n}`);
        }
      }
    }
  });
});

describe('invalid input', () => {
  for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2501]) {
    it(`addWorkingDays rejects n = ${n}`, () => {
      assert.throws(
        () => addWorkingDays(D('2025-01-01'), n, calendars.real),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_working_day_count',
      );
    });
  }

  it('buildHolidayCalendar rejects a date both holiday and workday, and two overrides for one date', () => {
    const isConflict = (e: unknown): boolean => e instanceof DomainError && e.code === 'calendar_conflict';
    assert.throws(
      () =>
        buildHolidayCalendar(
          [
            ...days('2027-02-06', '2027-02-06', 'holiday', '春节'),
            ...days('2027-02-06', '2027-02-06', 'workday', '春节'),
          ],
          [],
          [],
        ),
      isConflict,
    );
    const o: OverrideRecord = { date: D('2027-02-06'), working: true, reason: 'x' };
    assert.throws(() => buildHolidayCalendar([], [o, { ...o, working: false }], []), isConflict);
  });
});

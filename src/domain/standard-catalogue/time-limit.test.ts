// parseTimeLimit on the phrasings of real catalogues (as counties publish them), and dueDate over a calendar.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dueDate, parseTimeLimit, readNumber, type TimeLimitRule } from './time-limit.js';
import { buildHolidayCalendar } from '../calendar/holiday-calendar.js';
import { localDate } from '../core/local-date.js';

const CASES: [string, TimeLimitRule | null][] = [
  ['信息形成或者变更之日起20个工作日内', { kind: 'working_days_after_change', days: 20 }],
  ['信息形成或变更之日起20个工作日内', { kind: 'working_days_after_change', days: 20 }],
  ['制定或获取信息之日起10个工作日内', { kind: 'working_days_after_change', days: 10 }],
  ['自信息形成之日起二十个工作日内', { kind: 'working_days_after_change', days: 20 }],
  ['信息形成之日起２０个工作日内', { kind: 'working_days_after_change', days: 20 }],
  ['除处罚决定外长期公开；处罚决定20个工作日内', { kind: 'working_days_after_change', days: 20 }],
  ['作出决定之日起7日内', { kind: 'days_after', days: 7 }],
  ['每年1月31日前', { kind: 'annual_by', month: 1, day: 31 }],
  ['每年3月31日之前公开上年度情况', { kind: 'annual_by', month: 3, day: 31 }],
  ['每月10日前', { kind: 'monthly_by', day: 10 }],
  ['实时公开', { kind: 'realtime' }],
  ['长期公开（动态调整）', { kind: 'standing' }],
  ['常态化公开', { kind: 'standing' }],
  ['公示期7个工作日', { kind: 'notice_period', days: 7, working: true }],
  ['及时公开', null],
  ['', null],
];

describe('parseTimeLimit', () => {
  for (const [text, rule] of CASES) {
    test(`should read “${text}”`, () => assert.deepEqual(parseTimeLimit(text), rule));
  }
  test('should read Chinese numerals up to 99', () => {
    assert.deepEqual(
      [
        readNumber('七'),
        readNumber('十'),
        readNumber('十五'),
        readNumber('二十'),
        readNumber('三十一'),
        readNumber('20'),
      ],
      [7, 10, 15, 20, 31, 20],
    );
    assert.ok(Number.isNaN(readNumber('百')));
  });
});

describe('dueDate', () => {
  // 2025 National Day: 10-01…10-08 off, 09-28 (Sunday) and 10-11 (Saturday) worked (国办发明电〔2024〕12号).
  const holidays = ['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({
    date: localDate(`2025-10-${d}`),
    kind: 'holiday' as const,
    name: '国庆节',
  }));
  const work = ['2025-09-28', '2025-10-11'].map((d) => ({
    date: localDate(d),
    kind: 'workday' as const,
    name: '国庆节',
  }));
  const cal = buildHolidayCalendar([...holidays, ...work], [], [2025]);
  test('should count working days over the National Day holiday', () => {
    assert.equal(dueDate({ kind: 'working_days_after_change', days: 5 }, localDate('2025-09-26'), cal), '2025-10-10');
  });
  test('should count calendar days, realtime, and no date for standing rules', () => {
    assert.equal(dueDate({ kind: 'days_after', days: 7 }, localDate('2025-12-28'), cal), '2026-01-04');
    assert.equal(dueDate({ kind: 'realtime' }, localDate('2025-03-03'), cal), '2025-03-03');
    assert.equal(dueDate({ kind: 'standing' }, localDate('2025-03-03'), cal), null);
  });
  test('should give the next yearly and monthly deadline on or after the base date', () => {
    const jan31: TimeLimitRule = { kind: 'annual_by', month: 1, day: 31 };
    assert.equal(dueDate(jan31, localDate('2025-01-31'), cal), '2025-01-31');
    assert.equal(dueDate(jan31, localDate('2025-02-01'), cal), '2026-01-31');
    assert.equal(dueDate({ kind: 'monthly_by', day: 31 }, localDate('2025-02-10'), cal), '2025-02-28');
    assert.equal(dueDate({ kind: 'monthly_by', day: 10 }, localDate('2025-12-11'), cal), '2026-01-10');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { localDate } from '../core/local-date.js';
import { buildHolidayCalendar } from './holiday-calendar.js';
import { parseScheduleFile, type ScheduleFileError } from './schedule-file.js';
import { computeDeadline, isWorkingDay } from './working-days.js';

const SAMPLE = readFileSync(new URL('../../../test/fixtures/calendar/2027-sample.txt', import.meta.url), 'utf8');

function errorsOf(text: string): ScheduleFileError[] {
  const result = parseScheduleFile(text);
  assert.ok(!result.ok, 'expected the file to be rejected');
  return result.error;
}

describe('parseScheduleFile: the 2027 sample fixture', () => {
  const result = parseScheduleFile(SAMPLE);

  it('parses', () => {
    assert.equal(result.ok, true, JSON.stringify(result.ok ? null : result.error));
  });

  it('returns the declared year, the source and the days in date order', () => {
    assert.ok(result.ok);
    assert.deepEqual(result.value.years, [2027]);
    assert.match(result.value.source ?? '', /虚构/);
    const dates = result.value.days.map((d) => d.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(result.value.days.filter((d) => d.kind === 'workday').length, 6);
    assert.equal(result.value.days.filter((d) => d.kind === 'holiday').length, 3 + 9 + 3 + 5 + 1 + 1 + 7);
    assert.deepEqual(
      result.value.days.find((d) => d.date === '2027-05-08'),
      { date: '2027-05-08', kind: 'workday', name: '劳动节' },
    );
  });

  it('feeds a calendar that makes 2027 deadlines final', () => {
    assert.ok(result.ok);
    const cal = buildHolidayCalendar(result.value.days, [], [2026, ...result.value.years]);
    assert.equal(isWorkingDay(localDate('2027-02-08'), cal), false);
    assert.equal(isWorkingDay(localDate('2027-02-14'), cal), true);
    // From Thursday 2027-02-04: 02-14 (Sun, make-up), 15, 16, 17, 18, 19, 20 (Sat, make-up), 22 …
    assert.deepEqual(computeDeadline(localDate('2027-02-04'), 7, cal), { due: '2027-02-20', provisional: false });
  });
});

describe('parseScheduleFile: accepted syntax', () => {
  it('accepts Chinese keywords, CRLF, a BOM, inline comments and several years', () => {
    const text = '\uFEFF年份 2027 2028\r\n来源 示例\r\n2027-02-06 放假 春节 # 初一\r\n2028-01-29 调休上班 春节\r\n';
    const result = parseScheduleFile(text);
    assert.ok(result.ok, JSON.stringify(result.ok ? null : result.error));
    assert.deepEqual(result.value, {
      years: [2027, 2028],
      source: '示例',
      days: [
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
        { date: '2028-01-29', kind: 'workday', name: '春节' },
      ],
    });
  });

  it('accepts a holiday on a weekend and late-December days of the previous year (元旦 crossing the year)', () => {
    // The 2023 notice: "元旦：2022年12月31日至2023年1月2日放假调休，共3天。"
    const result = parseScheduleFile('year 2023\n2022-12-31..2023-01-02 holiday 元旦\n');
    assert.ok(result.ok);
    assert.deepEqual(result.value.years, [2023]);
    assert.deepEqual(
      result.value.days.map((d) => d.date),
      ['2022-12-31', '2023-01-01', '2023-01-02'],
    );
  });

  it('omits source when none is given', () => {
    const result = parseScheduleFile('year 2027\n2027-01-01 holiday 元旦\n');
    assert.ok(result.ok);
    assert.equal('source' in result.value, false);
  });
});

describe('parseScheduleFile: rejected input, every bad line with its number', () => {
  const cases: { name: string; text: string; expected: { line: number; pattern: RegExp }[] }[] = [
    { name: 'no year declared', text: '2027-01-01 holiday 元旦\n', expected: [{ line: 0, pattern: /没有声明年份/ }] },
    { name: 'empty file', text: '', expected: [{ line: 0, pattern: /没有声明年份/ }] },
    {
      name: 'bad year',
      text: 'year 27\nyear\n',
      expected: [
        { line: 0, pattern: /没有声明年份/ },
        { line: 1, pattern: /年份无效/ },
        { line: 2, pattern: /缺少年份/ },
      ],
    },
    {
      name: 'invalid dates and unknown lines',
      text: 'year 2027\n2027-02-30 holiday 春节\n2027-02-06 holidays 春节\nhello\n2027-02-07 holiday 春节\n',
      expected: [
        { line: 2, pattern: /日期无效/ },
        { line: 3, pattern: /无法识别/ },
        { line: 4, pattern: /无法识别/ },
      ],
    },
    {
      name: 'missing name',
      text: 'year 2027\n2027-02-06 holiday\n2027-02-07 holiday 春节\n',
      expected: [{ line: 2, pattern: /缺少节日名称/ }],
    },
    {
      name: 'date outside the declared year',
      text: 'year 2027\n2026-10-01 holiday 国庆节\n2028-01-01 holiday 元旦\n2027-01-01 holiday 元旦\n',
      expected: [
        { line: 2, pattern: /不在声明的年份（2027）内/ },
        { line: 3, pattern: /不在声明的年份/ },
      ],
    },
    {
      name: 'duplicate date',
      text: 'year 2027\n2027-02-06 holiday 春节\n2027-02-05..2027-02-07 holiday 春节\n',
      expected: [{ line: 3, pattern: /2027-02-06 重复（第 2 行已列出）/ }],
    },
    {
      name: 'date both holiday and workday',
      text: 'year 2027\n2027-02-13 holiday 春节\n2027-02-13 workday 春节\n',
      expected: [{ line: 3, pattern: /既标为放假又标为上班（见第 2 行）/ }],
    },
    {
      name: 'workday on a weekday',
      text: 'year 2027\n2027-02-06 holiday 春节\n2027-02-10 workday 春节\n',
      expected: [{ line: 3, pattern: /2027-02-10 是星期三，本来就是工作日/ }],
    },
    {
      name: 'backwards or too long range',
      text: 'year 2027\n2027-02-13..2027-02-06 holiday 春节\n2027-01-01..2027-03-01 holiday 春节\n2027-05-01 holiday 劳动节\n',
      expected: [
        { line: 2, pattern: /日期区间.*无效/ },
        { line: 3, pattern: /日期区间.*无效/ },
      ],
    },
    {
      name: 'declared year without days, and a second source',
      text: 'year 2027\nyear 2028\nsource a\nsource b\n2027-01-01 holiday 元旦\n',
      expected: [
        { line: 2, pattern: /2028.*没有列出/ },
        { line: 4, pattern: /只能写一次/ },
      ],
    },
  ];

  for (const { name, text, expected } of cases) {
    it(name, () => {
      const errors = errorsOf(text);
      assert.deepEqual(
        errors.map((e) => e.line),
        expected.map((e) => e.line),
        JSON.stringify(errors),
      );
      expected.forEach(({ pattern }, i) => assert.match(errors[i]?.message ?? '', pattern));
    });
  }
});

// Parser of the schedule file that `gongkai calendar import FILE` loads when the State Council
// publishes a year's 部分节假日安排 notice (国务院办公厅关于…年部分节假日安排的通知). Pure: it gets the file's text, not a path.
//
// Format (UTF-8, one item per line; a leading BOM and CRLF line ends are accepted):
//
//   # comment — from "#" at the start of a line or after a space, to the end of the line
//   year 2027                         declared year(s) (also: 年份); one or more per line, repeatable
//   source 国办发明电〔2026〕N号 https://www.gov.cn/…   optional provenance (also: 来源), at most once
//   2027-01-01 holiday 元旦            a rest day (also: 放假) and the holiday period's name
//   2027-02-05..2027-02-11 holiday 春节 an inclusive range of rest days (at most 31 days)
//   2027-02-13 workday 春节            a weekend make-up working day (also: 上班 / 调休上班)
//
// Rules, each reported with its line number (line 0 = the file as a whole), all at once:
//   - at least one year must be declared, and every declared year must have at least one day;
//   - each date must lie in a declared year — except 12-25…12-31 of the year before one, because a
//     notice's 元旦 arrangement may start in late December (2023 notice: "元旦：2022年12月31日至
//     2023年1月2日放假调休"; 2019 notice: "12月29日（星期六）上班");
//   - a date may appear only once: no duplicates and no date both holiday and workday;
//   - a workday must be a Saturday or Sunday (weekdays are working days already); a holiday may
//     fall on a weekend, as the weekend days inside every holiday period do;
//   - every day line needs a name.

import type { CalendarDayKind, CalendarDayRecord } from './holiday-calendar.js';
import {
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  isWeekend,
  parseLocalDate,
  yearOf,
  type LocalDate,
} from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';

/** A successfully parsed schedule file. */
export type ScheduleFile = {
  /** Declared years, ascending; these become published (no longer provisional) on import. */
  readonly years: number[];
  /** Holidays and make-up workdays in date order. */
  readonly days: CalendarDayRecord[];
  /** Provenance from the `source` line (notice number, URL), if given. */
  readonly source?: string;
};

/** One problem in a schedule file; `line` is 1-based, 0 for the file as a whole; `message` is Chinese. */
export type ScheduleFileError = { readonly line: number; readonly message: string };

/** Longest range accepted on one line; the longest real period so far is the 10-day 2020 Spring Festival. */
export const MAX_RANGE_DAYS = 31;

const YEAR_WORDS = new Set(['year', '年份']);
const SOURCE_WORDS = new Set(['source', '来源']);
const KIND_WORDS: ReadonlyMap<string, CalendarDayKind> = new Map([
  ['holiday', 'holiday'],
  ['放假', 'holiday'],
  ['workday', 'workday'],
  ['上班', 'workday'],
  ['调休上班', 'workday'],
]);
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

type Entry = { line: number; dates: LocalDate[]; kind: CalendarDayKind; name: string };
type Parsed = { years: Map<number, number>; entries: Entry[]; source?: string; errors: ScheduleFileError[] };

/**
 * Parses and validates a schedule file.
 * @param text the whole file content
 * @returns the years and days, or every problem found, sorted by line
 */
export function parseScheduleFile(text: string): Result<ScheduleFile, ScheduleFileError[]> {
  const parsed = parseLines(text);
  const days = validateEntries(parsed);
  const errors = [...parsed.errors].sort((a, b) => a.line - b.line);
  if (errors.length > 0) {
    return err(errors);
  }
  const years = [...parsed.years.keys()].sort((a, b) => a - b);
  const file: ScheduleFile = parsed.source === undefined ? { years, days } : { years, days, source: parsed.source };
  return ok(file);
}

function parseLines(text: string): Parsed {
  const parsed: Parsed = { years: new Map(), entries: [], errors: [] };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => parseLine(raw.replace(/(^|\s)#.*$/, '').trim(), index + 1, parsed));
  return parsed;
}

function parseLine(content: string, line: number, parsed: Parsed): void {
  if (content === '') {
    return;
  }
  const [head = '', ...rest] = content.split(/\s+/);
  if (YEAR_WORDS.has(head)) {
    parseYears(rest, line, parsed);
  } else if (SOURCE_WORDS.has(head)) {
    parseSource(rest.join(' '), line, parsed);
  } else {
    parseEntry(head, rest, line, parsed);
  }
}

function parseYears(tokens: string[], line: number, parsed: Parsed): void {
  if (tokens.length === 0) {
    parsed.errors.push({ line, message: 'year 后面缺少年份，例如 “year 2027”' });
  }
  for (const token of tokens) {
    const year = /^\d{4}$/.test(token) ? Number(token) : NaN;
    if (Number.isNaN(year) || year < 1000) {
      parsed.errors.push({ line, message: `年份无效：“${token}”，应为四位数字，例如 2027` });
    } else if (!parsed.years.has(year)) {
      parsed.years.set(year, line);
    }
  }
}

function parseSource(value: string, line: number, parsed: Parsed): void {
  if (value === '') {
    parsed.errors.push({ line, message: 'source 后面缺少出处（文号或网址）' });
  } else if (parsed.source !== undefined) {
    parsed.errors.push({ line, message: '出处（source）只能写一次' });
  } else {
    parsed.source = value;
  }
}

function parseEntry(dateToken: string, rest: string[], line: number, parsed: Parsed): void {
  const [kindToken, ...nameTokens] = rest;
  const kind = kindToken === undefined ? undefined : KIND_WORDS.get(kindToken);
  if (kind === undefined) {
    parsed.errors.push({
      line,
      message: `无法识别的行：应为 “YYYY-MM-DD holiday 名称” 或 “YYYY-MM-DD workday 名称”（也可写 放假 / 上班）`,
    });
    return;
  }
  const dates = parseDateOrRange(dateToken, line, parsed.errors);
  if (nameTokens.length === 0) {
    parsed.errors.push({ line, message: '缺少节日名称，例如 “春节”' });
    return;
  }
  if (dates !== undefined) {
    parsed.entries.push({ line, dates, kind, name: nameTokens.join(' ') });
  }
}

function parseDateOrRange(token: string, line: number, errors: ScheduleFileError[]): LocalDate[] | undefined {
  const [startText = '', endText, ...extra] = token.split('..');
  const start = parseDateToken(startText, line, errors);
  if (endText === undefined) {
    return start === undefined ? undefined : [start];
  }
  const end = parseDateToken(endText, line, errors);
  if (start === undefined || end === undefined || extra.length > 0) {
    return undefined;
  }
  const length = daysBetween(start, end) + 1;
  if (length < 1 || length > MAX_RANGE_DAYS) {
    errors.push({
      line,
      message: `日期区间 ${start}..${end} 无效：结束日期须不早于开始日期，且不超过 ${MAX_RANGE_DAYS} 天`,
    });
    return undefined;
  }
  return Array.from({ length }, (_, i) => addDays(start, i));
}

function parseDateToken(text: string, line: number, errors: ScheduleFileError[]): LocalDate | undefined {
  const result = parseLocalDate(text);
  if (!result.ok) {
    errors.push({ line, message: result.error.message });
    return undefined;
  }
  return result.value;
}

function validateEntries(parsed: Parsed): CalendarDayRecord[] {
  if (parsed.years.size === 0) {
    parsed.errors.push({ line: 0, message: '文件中没有声明年份：请加一行 “year 2027”' });
  }
  const seen = new Map<LocalDate, Entry>();
  const days: CalendarDayRecord[] = [];
  for (const entry of parsed.entries) {
    for (const date of entry.dates) {
      const problem = checkDay(date, entry, parsed.years, seen);
      if (problem !== undefined) {
        parsed.errors.push({ line: entry.line, message: problem });
        continue;
      }
      seen.set(date, entry);
      days.push({ date, kind: entry.kind, name: entry.name });
    }
  }
  checkYearsHaveDays(parsed, days);
  return days.sort((a, b) => compareDates(a.date, b.date));
}

function checkDay(
  date: LocalDate,
  entry: Entry,
  years: ReadonlyMap<number, number>,
  seen: ReadonlyMap<LocalDate, Entry>,
): string | undefined {
  if (years.size > 0 && !isInDeclaredYears(date, years)) {
    return `日期 ${date} 不在声明的年份（${[...years.keys()].join('、')}）内`;
  }
  const earlier = seen.get(date);
  if (earlier !== undefined) {
    return earlier.kind === entry.kind
      ? `日期 ${date} 重复（第 ${earlier.line} 行已列出）`
      : `日期 ${date} 既标为放假又标为上班（见第 ${earlier.line} 行）`;
  }
  if (entry.kind === 'workday' && !isWeekend(date)) {
    return `${date} 是${WEEKDAY_NAMES[dayOfWeek(date)] ?? ''}，本来就是工作日，不能标为调休上班日`;
  }
  return undefined;
}

function isInDeclaredYears(date: LocalDate, years: ReadonlyMap<number, number>): boolean {
  const year = yearOf(date);
  if (years.has(year)) {
    return true;
  }
  return years.has(year + 1) && date.slice(5) >= '12-25';
}

function checkYearsHaveDays(parsed: Parsed, days: readonly CalendarDayRecord[]): void {
  const withDays = new Set(days.map((day) => yearOf(day.date)));
  for (const [year, line] of parsed.years) {
    if (!withDays.has(year)) {
      parsed.errors.push({ line, message: `声明了年份 ${year}，但没有列出该年的任何放假或上班日期` });
    }
  }
}

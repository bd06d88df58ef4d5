// HolidayCalendar: the injected data that decides which dates are working days (工作日).
//
// Three sources, in increasing priority:
//   1. the ordinary week — Saturday and Sunday are rest days
//      (《国务院关于职工工作时间的规定》第七条: "国家机关、事业单位实行统一的工作时间，星期六和星期日为周休息日");
//   2. the State Council's yearly 部分节假日安排 notice — holidays (放假) and weekend make-up
//      working days (调休上班) — for each year in `publishedYears`;
//   3. admin-entered overrides, e.g. a local closure or a national correction.
// A year not in `publishedYears` is provisional (暂定): only weekends and overrides apply to it.

import { DomainError } from '../core/domain-error.js';
import { yearOf, type LocalDate } from '../core/local-date.js';

/**
 * `holiday` = declared rest day (放假, incl. weekend days inside a holiday period); `workday` = make-up working day
 * (调休上班).
 */
export type CalendarDayKind = 'holiday' | 'workday';

/** One day of an official schedule, as stored in `calendar_day` or read from a schedule file. */
export type CalendarDayRecord = {
  readonly date: LocalDate;
  readonly kind: CalendarDayKind;
  /** The holiday period it belongs to, e.g. `春节` or `国庆节`. */
  readonly name: string;
};

/** An admin-entered exception to the official schedule. */
export type OverrideRecord = {
  readonly date: LocalDate;
  /** true = the office works that day, false = it is closed. */
  readonly working: boolean;
  /** Why, e.g. `本区因疫情防控延迟复工`. */
  readonly reason: string;
};

/** The calendar the working-day functions take as a parameter. */
export type HolidayCalendar = {
  /** Declared rest days (放假) in published years. */
  readonly holidays: ReadonlySet<LocalDate>;
  /** Weekend days declared working days (调休上班). */
  readonly extraWorkingDays: ReadonlySet<LocalDate>;
  /** Years whose official schedule is loaded; other years are provisional (暂定). */
  readonly publishedYears: ReadonlySet<number>;
  /** Per-date override: true = working, false = closed. Wins over everything else. */
  readonly overrides?: ReadonlyMap<LocalDate, boolean>;
};

/** Error code for inconsistent calendar input. */
export const CALENDAR_CONFLICT = 'calendar_conflict';

/**
 * Builds a calendar from stored rows.
 * @param days official schedule days (holidays and make-up workdays)
 * @param overrides admin overrides; at most one per date
 * @param publishedYears years whose official schedule is complete in `days`
 * @returns the calendar
 * @throws DomainError `calendar_conflict` when a date is both holiday and workday, or has two overrides
 */
export function buildHolidayCalendar(
  days: readonly CalendarDayRecord[],
  overrides: readonly OverrideRecord[],
  publishedYears: readonly number[],
): HolidayCalendar {
  const holidays = new Set<LocalDate>();
  const extraWorkingDays = new Set<LocalDate>();
  for (const day of days) {
    const [own, other] = day.kind === 'holiday' ? [holidays, extraWorkingDays] : [extraWorkingDays, holidays];
    if (other.has(day.date)) {
      throw new DomainError(CALENDAR_CONFLICT, `${day.date} 同时被标为放假日和调休上班日`);
    }
    own.add(day.date);
  }
  return {
    holidays,
    extraWorkingDays,
    publishedYears: new Set(publishedYears),
    overrides: buildOverrides(overrides),
  };
}

/**
 * Is the year's schedule still unknown, so that dates in it are only provisional (暂定)?
 * @param year a calendar year
 * @param cal the calendar
 * @returns true when the year is not in `publishedYears`
 */
export function isProvisionalYear(year: number, cal: HolidayCalendar): boolean {
  return !cal.publishedYears.has(year);
}

/**
 * Is the date in a year whose official schedule is not loaded?
 * @param d a date
 * @param cal the calendar
 * @returns true when the date is provisional (暂定)
 */
export function isProvisionalDate(d: LocalDate, cal: HolidayCalendar): boolean {
  return isProvisionalYear(yearOf(d), cal);
}

/**
 * The latest published year, e.g. for a "schedule known up to …" notice.
 * @param cal the calendar
 * @returns the highest year in `publishedYears`, or undefined when none
 */
export function lastPublishedYear(cal: HolidayCalendar): number | undefined {
  let last: number | undefined;
  for (const year of cal.publishedYears) {
    if (last === undefined || year > last) {
      last = year;
    }
  }
  return last;
}

function buildOverrides(records: readonly OverrideRecord[]): ReadonlyMap<LocalDate, boolean> {
  const map = new Map<LocalDate, boolean>();
  for (const record of records) {
    if (map.has(record.date)) {
      throw new DomainError(CALENDAR_CONFLICT, `${record.date} 有多条例外设置`);
    }
    map.set(record.date, record.working);
  }
  return map;
}

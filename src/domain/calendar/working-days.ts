// Working-day (工作日) arithmetic over an injected HolidayCalendar: the single place where the
// counting convention for every statutory period of the Regulation is pinned down.
//
// Periods in 《中华人民共和国政府信息公开条例》(国令第711号) are counted in working days, e.g.
// art. 33: "不能当场答复的，应当自收到申请之日起20个工作日内予以答复"; art. 30 (补正, 7 days),
// arts. 32/34 (consultation, 15 days), art. 26 (proactive publication, 20 days).
//
// Counting convention (not in the Regulation itself; the usual reading in practice): the start day —
// the receipt date as fixed by art. 31 at intake — is day zero and never counts, whether or not it
// is a working day; counting starts on the following day. A working day is any day that is not a
// weekend or declared rest day, plus every weekend day declared a make-up working day (调休上班日),
// which is the holiday notices' own terminology (not a legal definition).

import { DomainError } from '../core/domain-error.js';
import { addDays, compareDates, isWeekend, yearOf, type LocalDate } from '../core/local-date.js';
import { isProvisionalYear, type HolidayCalendar } from './holiday-calendar.js';

/** A computed due date; `provisional` (暂定) when a counted day lies in a year whose schedule is not published. */
export type Deadline = {
  readonly due: LocalDate;
  readonly provisional: boolean;
};

/** Error code for a working-day count that is negative, fractional or absurdly large. */
export const INVALID_WORKING_DAY_COUNT = 'invalid_working_day_count';

/**
 * Upper bound on n: the longest statutory period is 20 + 20 working days (art. 33), so ten years of
 * working days is far beyond any real deadline and keeps a bad input from looping for long.
 */
export const MAX_WORKING_DAYS = 2500;

/**
 * Is the date a working day? Priority: override, then declared holiday (放假), then make-up
 * working day (调休上班), then the ordinary week (Monday–Friday work, Saturday and Sunday rest).
 * In provisional years the holiday sets are normally empty, so only weekends and overrides apply.
 * @param d the date
 * @param cal the calendar
 * @returns true when the disclosure office works that day
 */
export function isWorkingDay(d: LocalDate, cal: HolidayCalendar): boolean {
  const override = cal.overrides?.get(d);
  if (override !== undefined) {
    return override;
  }
  if (cal.holidays.has(d)) {
    return false;
  }
  if (cal.extraWorkingDays.has(d)) {
    return true;
  }
  return !isWeekend(d);
}

/**
 * The n-th working day after d. d itself never counts; n = 0 returns d unchanged.
 * @param d the start date (day zero), e.g. the receipt date under art. 31
 * @param n number of working days, an integer 0…{@link MAX_WORKING_DAYS}
 * @param cal the calendar
 * @returns the date on which the n-th working day after d falls
 * @throws DomainError `invalid_working_day_count` when n is out of range
 */
export function addWorkingDays(d: LocalDate, n: number, cal: HolidayCalendar): LocalDate {
  assertCount(n);
  let current = d;
  let remaining = n;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, cal)) {
      remaining -= 1;
    }
  }
  return current;
}

/**
 * Counts working days in the half-open interval (a, b]: a is excluded, b included — the same
 * convention as {@link addWorkingDays}, so `workingDaysBetween(d, addWorkingDays(d, n, cal), cal) === n`.
 * When b is before a the result is the negated count of (b, a], e.g. how many working days a
 * deadline is overdue: `-workingDaysBetween(today, due)`.
 * @param a the start date (excluded)
 * @param b the end date (included)
 * @param cal the calendar
 * @returns the signed number of working days
 */
export function workingDaysBetween(a: LocalDate, b: LocalDate, cal: HolidayCalendar): number {
  const order = compareDates(a, b);
  if (order > 0) {
    return -workingDaysBetween(b, a, cal);
  }
  let count = 0;
  for (let current = a; compareDates(current, b) < 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current, cal)) {
      count += 1;
    }
  }
  return count;
}

/**
 * Computes a statutory due date: {@link addWorkingDays}, plus whether it is provisional (暂定).
 * It is provisional when any counted day, i.e. any day in (d, due], lies in a year missing from
 * `publishedYears`; such a date must be recomputed once that year's schedule is loaded.
 * @param d the start date (day zero)
 * @param n number of working days
 * @param cal the calendar
 * @returns the due date and the provisional flag
 * @throws DomainError `invalid_working_day_count` when n is out of range
 */
export function computeDeadline(d: LocalDate, n: number, cal: HolidayCalendar): Deadline {
  const due = addWorkingDays(d, n, cal);
  if (n === 0) {
    return { due, provisional: false };
  }
  return { due, provisional: anyProvisionalYear(yearOf(addDays(d, 1)), yearOf(due), cal) };
}

function anyProvisionalYear(fromYear: number, toYear: number, cal: HolidayCalendar): boolean {
  for (let year = fromYear; year <= toYear; year += 1) {
    if (isProvisionalYear(year, cal)) {
      return true;
    }
  }
  return false;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new DomainError(INVALID_WORKING_DAY_COUNT, `工作日天数必须是 0 到 ${MAX_WORKING_DAYS} 之间的整数：${n}`);
  }
}

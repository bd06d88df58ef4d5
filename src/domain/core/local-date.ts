// LocalDate: a calendar date without time or zone ("YYYY-MM-DD"), with pure arithmetic on it.
//
// Deadlines under the Regulation are counted in whole days (工作日), never in instants, so the
// domain works on date strings. Arithmetic goes through Date.UTC with explicit arguments, which
// is independent of the process time zone; the current time is never read here.

import { DomainError } from './domain-error.js';
import { err, ok, type Result } from './result.js';

declare const localDateBrand: unique symbol;

/** A valid ISO calendar date `YYYY-MM-DD` (years 1000–9999). Obtain one via {@link parseLocalDate}. */
export type LocalDate = string & { readonly [localDateBrand]: true };

/** Day of the week as in `Date.prototype.getUTCDay`: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Error code used for every malformed or out-of-range date. */
export const INVALID_LOCAL_DATE = 'invalid_local_date';

const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Validates a `YYYY-MM-DD` string (real calendar day, leap years included).
 * @param text the candidate date
 * @returns the branded date, or a DomainError with code `invalid_local_date`
 */
export function parseLocalDate(text: string): Result<LocalDate, DomainError> {
  const parts = splitDate(text);
  if (parts === undefined) {
    return err(new DomainError(INVALID_LOCAL_DATE, `日期无效：“${text}”，应为 YYYY-MM-DD 格式的真实日期`));
  }
  return ok(text as LocalDate);
}

/**
 * Like {@link parseLocalDate} but throws; meant for literals and already-validated storage values.
 * @param text the date string
 * @returns the branded date
 * @throws DomainError `invalid_local_date` when the text is not a valid date
 */
export function localDate(text: string): LocalDate {
  const result = parseLocalDate(text);
  if (!result.ok) {
    throw result.error;
  }
  return result.value;
}

/**
 * Type guard: is the string a valid LocalDate?
 * @param text the candidate
 * @returns true when {@link parseLocalDate} would accept it
 */
export function isLocalDate(text: string): text is LocalDate {
  return splitDate(text) !== undefined;
}

/**
 * Adds (or, when negative, subtracts) calendar days.
 * @param d the start date
 * @param days integer number of days
 * @returns the shifted date
 * @throws DomainError `invalid_local_date` when `days` is not an integer or the result leaves years 1000–9999
 */
export function addDays(d: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) {
    throw new DomainError(INVALID_LOCAL_DATE, `天数必须是整数：${days}`);
  }
  return fromEpochDay(toEpochDay(d) + days);
}

/**
 * @param d a date
 * @returns its day of the week (0 = Sunday … 6 = Saturday)
 */
export function dayOfWeek(d: LocalDate): DayOfWeek {
  return new Date(toEpochDay(d) * MS_PER_DAY).getUTCDay() as DayOfWeek;
}

/**
 * @param d a date
 * @returns true on Saturday and Sunday (the ordinary weekly rest days, 《国务院关于职工工作时间的规定》第七条)
 */
export function isWeekend(d: LocalDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

/**
 * Orders two dates; usable directly as an `Array.prototype.sort` comparator.
 * @returns -1 if a is earlier, 1 if later, 0 if equal
 */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  // Fixed-width ISO strings sort chronologically.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @param d a date
 * @returns the calendar year, e.g. 2025
 */
export function yearOf(d: LocalDate): number {
  return Number(d.slice(0, 4));
}

/**
 * Number of calendar days from a to b (positive when b is later).
 * @returns b − a in days
 */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

function splitDate(text: string): [number, number, number] | undefined {
  const match = PATTERN.exec(text);
  if (match === null) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) {
    return undefined;
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return [year, month, day];
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDay(d: LocalDate): number {
  const parts = splitDate(d);
  if (parts === undefined) {
    // Only reachable if a plain string was cast to LocalDate without validation.
    throw new DomainError(INVALID_LOCAL_DATE, `日期无效：“${d}”`);
  }
  const [year, month, day] = parts;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LocalDate {
  const date = new Date(epochDay * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainError(INVALID_LOCAL_DATE, `日期超出支持范围（${MIN_YEAR}–${MAX_YEAR} 年）`);
  }
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}` as LocalDate;
}

/**
 * Formats a date as official documents print it (GB/T 9704: Arabic numerals, year in full).
 * @returns e.g. 2025年3月4日
 */
export function formatChineseDate(d: LocalDate): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

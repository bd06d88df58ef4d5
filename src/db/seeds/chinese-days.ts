// Seed snapshot of the official holiday schedules 2004–2026, taken from the npm package chinese-days
// (MIT, vsme/chinese-days), to be written into the calendar_day table (docs/decisions/0006-calendar-source.md).
//
// The package's JSON has three maps, each "YYYY-MM-DD" → "English name,中文名,statutory days":
//   holidays   — every rest day of a holiday period (放假), weekend days inside the period included;
//   workdays   — weekend days declared working days (调休上班);
//   inLieuDays — the subset of `holidays` that are 调休 rest days (isInLieu = "adjusted rest day",
//                upstream issue #46). It adds nothing for working-day arithmetic and is not copied.

import { createRequire } from 'node:module';
import type { CalendarDayKind, CalendarDayRecord } from '../../domain/calendar/holiday-calendar.js';
import { compareDates, localDate, yearOf } from '../../domain/core/local-date.js';

/** A versioned copy of an external holiday data set. */
export type CalendarSnapshot = {
  /** Where the data came from, e.g. `chinese-days@1.5.7`. */
  readonly source: string;
  /** Years whose complete official schedule is in `days`, ascending. */
  readonly years: number[];
  /** Holidays and make-up workdays, in date order. */
  readonly days: CalendarDayRecord[];
};

type DayMap = Readonly<Record<string, string>>;

/**
 * Every holiday and make-up working day chinese-days knows, with the years it covers.
 * A year counts as covered when the data holds its Spring Festival (春节) holidays: every
 * State Council notice since 1999 schedules 春节, and a stray late-December entry carried by the
 * next year's notice (e.g. 2018-12-29 上班, from the 2019 notice) must not make a year look published.
 * @returns the snapshot, labelled with the installed package version
 * @throws DomainError `invalid_local_date` if the package data contains a malformed date
 */
export function chineseDaysSnapshot(): CalendarSnapshot {
  // Read on the first start of a database only: a server that finds its calendar loaded never holds the data set.
  const require = createRequire(import.meta.url);
  const packageJson = require('chinese-days/package.json') as { version: string };
  const data = require('chinese-days/dist/chinese-days.json') as { holidays: DayMap; workdays: DayMap };
  const days = [...toRecords(data.holidays, 'holiday'), ...toRecords(data.workdays, 'workday')].sort((a, b) =>
    compareDates(a.date, b.date),
  );
  const years = [...new Set(days.filter(isSpringFestivalHoliday).map((day) => yearOf(day.date)))].sort((a, b) => a - b);
  return { source: `chinese-days@${packageJson.version}`, years, days };
}

function toRecords(map: DayMap, kind: CalendarDayKind): CalendarDayRecord[] {
  return Object.entries(map).map(([date, label]) => ({ date: localDate(date), kind, name: chineseName(label) }));
}

function chineseName(label: string): string {
  // "Spring Festival,春节,4" → "春节"; fall back to the whole label if the format ever changes.
  return label.split(',')[1]?.trim() || label;
}

function isSpringFestivalHoliday(day: CalendarDayRecord): boolean {
  return day.kind === 'holiday' && day.name === '春节';
}

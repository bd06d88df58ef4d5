// The back office's calendar page: a year's grid of days classified by the domain's working-day rule, the
// loaded schedule's source, the local overrides, and whether the actor may change the calendar.
import type { Actor } from '../../domain/policies/actor.js';
import { buildHolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { isWorkingDay } from '../../domain/calendar/working-days.js';
import { addDays, isWeekend, localDate, type LocalDate } from '../../domain/core/local-date.js';
import type { Clock } from '../ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { CalendarDayRow, CalendarOverrideRow, CalendarRepos } from './ports.js';
import { mayChangeCalendar } from './calendar.js';

/** One day of the grid, classified for display. */
export type DayCell = {
  date: LocalDate;
  weekend: boolean;
  working: boolean;
  kind: 'holiday' | 'workday' | null;
  name: string;
  override: { working: boolean; reason: string } | null;
};

/** What the calendar page shows of a year, and what the actor may do. */
export type CalendarPage = {
  year: number;
  today: LocalDate;
  /** The year's loaded schedule, or null when the year is provisional (暂定). */
  source: { source: string; loadedAt: string } | null;
  publishedYears: number[];
  /** Twelve months of days. */
  months: DayCell[][];
  overrides: CalendarOverrideRow[];
  can: { edit: boolean };
};

/**
 * Classifies every day of a year for the grid (the rule stays in the domain's isWorkingDay).
 * @param days the official schedule rows of the year
 * @param overrides the override rows of the year
 */
export function yearGrid(
  year: number,
  days: readonly CalendarDayRow[],
  overrides: readonly CalendarOverrideRow[],
): DayCell[][] {
  const official = new Map(days.map((d) => [d.date, d]));
  const local = new Map(overrides.map((o) => [o.date, o]));
  const cal = buildHolidayCalendar(
    days.map((d) => ({ date: localDate(d.date), kind: d.kind, name: d.name })),
    overrides.map((o) => ({ date: localDate(o.date), working: o.isWorking, reason: o.reason })),
    [year],
  );
  const months: DayCell[][] = Array.from({ length: 12 }, () => []);
  for (let d = localDate(`${year}-01-01`); d.startsWith(String(year)); d = addDays(d, 1)) {
    const o = local.get(d);
    months[Number(d.slice(5, 7)) - 1]?.push({
      date: d,
      weekend: isWeekend(d),
      working: isWorkingDay(d, cal),
      kind: official.get(d)?.kind ?? null,
      name: official.get(d)?.name ?? '',
      override: o ? { working: o.isWorking, reason: o.reason } : null,
    });
  }
  return months;
}

/** The calendar page of a year. */
export async function calendarPage(
  ctx: { repos: CalendarRepos & OrgRepos; clock: Clock },
  actor: Actor,
  year: number,
): Promise<CalendarPage> {
  const [days, overrides, years, canEdit] = await Promise.all([
    ctx.repos.calendar.days({ from: `${year}-01-01`, to: `${year}-12-31` }),
    ctx.repos.calendar.overrides(),
    ctx.repos.calendar.years(),
    mayChangeCalendar(ctx, actor),
  ]);
  const loaded = years.find((y) => y.year === year);
  return {
    year,
    today: ctx.clock.today(),
    source: loaded ? { source: loaded.source, loadedAt: loaded.loadedAt } : null,
    publishedYears: years.map((y) => y.year),
    months: yearGrid(
      year,
      days,
      overrides.filter((o) => o.date.startsWith(String(year))),
    ),
    overrides,
    can: { edit: canEdit },
  };
}

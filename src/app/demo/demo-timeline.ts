// The demo district's history as a timeline: each event (an item published, a case moved on, a report
// published) happens on its office day, and the events run in date order under the demo clock, so that the
// stored dates, deadlines and the audit trail read as if the work had been done on those days.
import {
  addDays,
  compareDates,
  daysBetween,
  isWeekend,
  localDate,
  type LocalDate,
} from '../../domain/core/local-date.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { AppContext } from '../context.js';
import type { DemoClock } from './demo-clock.js';
import type { DemoOrg } from './demo-district.js';
import type { CaseStaff } from './application-moves.js';
import type { PublishingStaff } from './publication-moves.js';

/** One event of the history: its office day and what happens on it. */
export type DemoEvent = { day: LocalDate; run: () => Promise<void> };

/** A demo organization as stored, with its demo definition (发文机关代字) and its place in DEMO_ORGS. */
export type DemoOrgRef = { org: Organization; demo: DemoOrg; index: number };

/** What the events are made with: the context under the demo clock, the dates, the organizations and the staff. */
export type DemoWorld = {
  ctx: AppContext;
  clock: DemoClock;
  /** The office day the demo is made on: the newest events happen on it. */
  today: LocalDate;
  /** The first day of the history (staff and the standard catalogue exist from it). */
  start: LocalDate;
  /** This year and last year (the annual report's year). */
  year: number;
  lastYear: number;
  orgs: DemoOrgRef[];
  /** The root government's publishing chain; its roles hold over the whole district. */
  publishing: PublishingStaff;
  /** The case workers of the organizations that receive demo applications, by DEMO_ORGS index. */
  caseStaff: Map<number, CaseStaff>;
};

/** The working day on or before `day` (weekends skipped; the holiday calendar is not consulted), not before `floor`. */
export function workdayBefore(day: LocalDate, floor: LocalDate): LocalDate {
  let d = day;
  while (isWeekend(d) && compareDates(d, floor) > 0) d = addDays(d, -1);
  return compareDates(d, floor) < 0 ? floor : d;
}

/** The working day on or after `day` (weekends skipped), not after `ceiling`. */
export function workdayAfter(day: LocalDate, ceiling: LocalDate): LocalDate {
  let d = day;
  while (isWeekend(d) && compareDates(d, ceiling) < 0) d = addDays(d, 1);
  return compareDates(d, ceiling) > 0 ? ceiling : d;
}

/** The first day of the history: the first working day of last year from its 5 January. */
export function historyStart(today: LocalDate): LocalDate {
  const start = localDate(`${Number(today.slice(0, 4)) - 1}-01-05`);
  return workdayAfter(start, today);
}

/** A day `back` days before today, on a working day, within the history. */
export function daysAgo(w: Pick<DemoWorld, 'today' | 'start'>, back: number): LocalDate {
  const span = daysBetween(w.start, w.today);
  return workdayBefore(addDays(w.today, -Math.min(back, span)), w.start);
}

/**
 * Runs the events in date order (events of one day in the order given), moving the clock to each event's day.
 * @param onProgress called after each event with how many ran and how many there are
 */
export async function runTimeline(
  clock: DemoClock,
  events: readonly DemoEvent[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => compareDates(a.e.day, b.e.day) || a.i - b.i);
  for (const [n, { e }] of ordered.entries()) {
    clock.at(e.day);
    await e.run();
    onProgress?.(n + 1, ordered.length);
  }
}

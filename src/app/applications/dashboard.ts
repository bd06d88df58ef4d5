// Deadline views of the case lists: each row's deadline status, the overdue and due-soon filters,
// and the dashboard's counts with the most urgent cases.
import type { AppContext, ApplicationFilter } from '../ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { LocalDate } from '../../domain/shared/local-date.js';
import { addDays } from '../../domain/shared/local-date.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { status, type DeadlineStatus } from '../../domain/applications/deadlines.js';
import { rulesFor } from '../../domain/applications/rules.js';
import { OPEN_STATES } from '../../domain/applications/transition-table.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { listApplications, type CaseRow } from './application-queries.js';
import { today } from './case-context.js';

/** A list row with its display status on today's date. */
export type StatusRow = CaseRow & { status: DeadlineStatus };

/** The deadline filters of the case lists. */
export type DeadlineFilter = 'overdue' | 'due_soon';

/** What the dashboard shows about disclosure applications. */
export type ApplicationDashboard = {
  /** Received, not yet registered (登记). */
  unregistered: number;
  /** Due within the rules' due-soon window (today included), not yet overdue. */
  dueSoon: number;
  overdue: number;
  /** Up to 10 open cases with the earliest due dates, overdue first. */
  urgent: StatusRow[];
};

const URGENT_COUNT = 10;
/** Enough open cases to find the most urgent ones; an office has far fewer running at once. */
const URGENT_SCAN = 500;

/**
 * The stored-field filter for a deadline list. Overdue: open, due before today. Due soon: open,
 * due on or before the end of the due-soon window — the list repository has no lower bound on
 * the due date, so this list includes the overdue cases too (each row carries its status).
 * @param ctx the use-case context (clock and calendar)
 * @param which the list
 * @returns states and due-date bound to merge into an ApplicationFilter
 */
export async function deadlineFilter(ctx: AppContext, which: DeadlineFilter): Promise<Pick<ApplicationFilter, 'states' | 'dueOnOrBefore'>> {
  const day = today(ctx);
  if (which === 'overdue') {
    return { states: OPEN_STATES, dueOnOrBefore: addDays(day, -1) };
  }
  return { states: OPEN_STATES, dueOnOrBefore: dueSoonHorizon(day, await loadHolidayCalendar(ctx.repos)) };
}

/**
 * Adds each row's deadline status (on_time, due_soon, overdue, closed, paused) for today.
 * @param ctx the use-case context
 * @param rows rows from listApplications
 */
export async function withDeadlineStatus(ctx: AppContext, rows: readonly CaseRow[]): Promise<StatusRow[]> {
  const calendar = await loadHolidayCalendar(ctx.repos);
  const day = today(ctx);
  return rows.map((r) => ({ ...r, status: status({ state: r.state, dueOn: r.dueOn as LocalDate | null }, day, rulesFor(r.receivedOn as LocalDate), calendar) }));
}

/**
 * Loads the dashboard's application cards for the cases the actor may see.
 * @param ctx the use-case context
 * @param actor the signed-in user
 */
export async function loadApplicationDashboard(ctx: AppContext, actor: Actor): Promise<ApplicationDashboard> {
  const calendar = await loadHolidayCalendar(ctx.repos);
  const day = today(ctx);
  const one = { limit: 1, offset: 0 };
  const [unregistered, overdue, soonOrOverdue, running] = await Promise.all([
    listApplications(ctx, actor, { states: ['received'] }, one),
    listApplications(ctx, actor, { states: OPEN_STATES, dueOnOrBefore: addDays(day, -1) }, one),
    listApplications(ctx, actor, { states: OPEN_STATES, dueOnOrBefore: dueSoonHorizon(day, calendar) }, one),
    // Every open case is due within the longest period (20 + 20 working days) plus pauses; look a
    // little further so that the ten earliest are found without scanning closed cases.
    listApplications(ctx, actor, { states: OPEN_STATES, dueOnOrBefore: addWorkingDays(day, 60, calendar) }, { limit: URGENT_SCAN, offset: 0 }),
  ]);
  const urgent = [...running.items].sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.receivedOn.localeCompare(b.receivedOn)).slice(0, URGENT_COUNT);
  return {
    unregistered: unregistered.total,
    overdue: overdue.total,
    dueSoon: soonOrOverdue.total - overdue.total,
    urgent: await withDeadlineStatus(ctx, urgent),
  };
}

/** The last day of the due-soon window: `dueSoonWorkingDays` working days after today (deadlines.ts `status`). */
function dueSoonHorizon(day: LocalDate, calendar: HolidayCalendar): LocalDate {
  return addWorkingDays(day, rulesFor(day).dueSoonWorkingDays, calendar);
}

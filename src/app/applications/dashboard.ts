// The dashboard's view of disclosure applications: how many await registration, are due soon or
// overdue, and the most urgent open cases.
import type { ApplicationContext } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import { addDays } from '../../domain/core/local-date.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { OPEN_STATES } from '../../domain/applications/transition-table.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { listApplications } from './application-queries.js';
import { dueSoonHorizon, withDeadlineStatus, type StatusRow } from './case-lists.js';
import { today } from './case-context.js';

/** What the dashboard shows about disclosure applications. */
export type ApplicationDashboard = {
  /** Received, not yet registered (登记). */
  unregistered: number;
  /** Due within the due-soon window (today included), not yet overdue. */
  dueSoon: number;
  overdue: number;
  /** Up to 10 open cases with the earliest due dates (overdue first). */
  urgent: StatusRow[];
};

const URGENT_COUNT = 10;
/** Open cases scanned for the most urgent ones; an office has far fewer running at once. */
const URGENT_SCAN = 500;
/**
 * How far ahead to look for them: the longest reply period (20 + 20 working days) plus room for
 * pauses, so every running case is found without reading closed ones.
 */
const URGENT_WINDOW_WORKING_DAYS = 60;

/**
 * Loads the dashboard's application cards over the cases the actor may see.
 * @param ctx the use-case context
 * @param actor the signed-in user
 */
export async function loadApplicationDashboard(ctx: ApplicationContext, actor: Actor): Promise<ApplicationDashboard> {
  const calendar = await loadHolidayCalendar(ctx.repos);
  const day = today(ctx);
  const count = { limit: 1, offset: 0 };
  const [unregistered, overdue, soonOrOverdue, running] = await Promise.all([
    listApplications(ctx, actor, { states: ['received'] }, count),
    listApplications(ctx, actor, { states: OPEN_STATES, dueOnOrBefore: addDays(day, -1) }, count),
    listApplications(ctx, actor, { states: OPEN_STATES, dueOnOrBefore: dueSoonHorizon(day, calendar) }, count),
    listApplications(
      ctx,
      actor,
      { states: OPEN_STATES, dueOnOrBefore: addWorkingDays(day, URGENT_WINDOW_WORKING_DAYS, calendar) },
      { limit: URGENT_SCAN, offset: 0 },
    ),
  ]);
  // The repository orders by receipt date; the urgent list wants the earliest due date first.
  const urgent = [...running.items]
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.receivedOn.localeCompare(b.receivedOn))
    .slice(0, URGENT_COUNT);
  return {
    unregistered: unregistered.total,
    overdue: overdue.total,
    dueSoon: soonOrOverdue.total - overdue.total,
    urgent: await withDeadlineStatus(ctx, urgent),
  };
}

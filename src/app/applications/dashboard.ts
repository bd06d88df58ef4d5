// The dashboard's view of disclosure applications: the actor's work queues with their counts, and the most
// urgent open cases.
import type { ApplicationContext } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { OPEN_STATES } from '../../domain/applications/transition-table.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { listApplications } from './application-queries.js';
import { listCases, queuesFor, withDeadlineStatus, type StatusRow } from './case-lists.js';
import type { Queue } from '../../domain/applications/queues.js';
import { today } from './case-context.js';

/** What the dashboard shows about disclosure applications. */
export type ApplicationDashboard = {
  /** The actor's work queues (only those its roles work) with how many cases wait in each. */
  queues: { queue: Queue; count: number }[];
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
  const [queues, running] = await Promise.all([
    Promise.all(
      queuesFor(actor).map(async (queue) => ({ queue, count: (await listCases(ctx, actor, { queue }, count)).total })),
    ),
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
  return { queues, urgent: await withDeadlineStatus(ctx, urgent) };
}

// One run of the daily jobs (the server runs it on a timer; `gongkai applications daily` runs it once).
import type { AppContext } from '../context.js';
import { flushOutbox } from '../mail/outbox.js';
import { enqueueDeadlineReminders, proposeLapses } from './daily-jobs.js';

/** What one run did, and how many messages still wait in the outbox. */
export type DailyRun = { proposedLapses: number; reminders: number; sent: number; failed: number; pending: number };

/**
 * Proposes ending cases whose correction or fee period expired (the handler confirms), queues the staff reminders,
 * then sends the outbox.
 */
export async function runDailyJobs(ctx: AppContext): Promise<DailyRun> {
  const proposed = await proposeLapses(ctx);
  const reminders = await enqueueDeadlineReminders(ctx);
  const mail = await flushOutbox(ctx);
  return { proposedLapses: proposed.length, reminders, ...mail, pending: await ctx.repos.outbox.pending() };
}

// One run of the daily jobs (the server runs it on a timer; `gongkai applications daily` runs it once).
import type { AppContext } from '../context.js';
import { flushOutbox } from '../mail/outbox.js';
import { enqueueDeadlineReminders, sweepLapses } from './daily-jobs.js';

/** What one run did, and how many messages still wait in the outbox. */
export type DailyRun = { lapsed: number; reminders: number; sent: number; failed: number; pending: number };

/** Lapses expired correction and fee periods, queues the staff reminders, then sends the outbox. */
export async function runDailyJobs(ctx: AppContext): Promise<DailyRun> {
  const lapsed = await sweepLapses(ctx);
  const reminders = await enqueueDeadlineReminders(ctx);
  const mail = await flushOutbox(ctx);
  return { lapsed: lapsed.length, reminders, ...mail, pending: await ctx.repos.outbox.pending() };
}

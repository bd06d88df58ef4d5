// One run of every background job (`gongkai applications daily`; a server runs them through the job engine).
import type { AppContext } from '../context.js';
import { BACKGROUND_JOBS, type JobHost } from '../jobs/background-jobs.js';

/** What one run did: each job's label and result, and how many messages still wait in the outbox. */
export type DailyRun = { results: { queue: string; label: string; result: unknown }[]; pending: number };

/**
 * Runs each background job once, in order: proposes ending cases whose correction or fee period expired (the
 * handler confirms), queues the staff reminders, releases scheduled publications that came due, then sends the
 * outbox (claiming each message, so a server running at the same time never sends it too).
 */
export async function runDailyJobs(ctx: AppContext, host: JobHost): Promise<DailyRun> {
  const results = [];
  for (const job of BACKGROUND_JOBS) {
    results.push({ queue: job.queue, label: job.label, result: await job.run(ctx, host) });
  }
  return { results, pending: await ctx.repos.outbox.pending() };
}

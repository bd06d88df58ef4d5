// What both job engines share: the key that makes a recurring job unique (its office day or its period), the
// timer that queues it, the failure message kept for the back office, and the counts per queue.
import { JOB_STATES, type JobRecord, type JobState, type QueueCounts, type Recurrence } from '../../app/jobs/ports.js';

/** How long after start a recurring job is first queued. */
const FIRST_RUN_DELAY_MS = 3000;
/** How often a daily job checks whether the office day changed. */
const DAILY_CHECK_MS = 60_000;

/**
 * The unique key of the recurrence now: the office day (`today`, in GONGKAI_TZ) for a daily job, else the
 * number of the period (since 1970) of `everySeconds`, so every process computes the same key in the same period.
 */
export function recurrenceKey(when: Recurrence, nowMs: number, today: () => string): string {
  return 'daily' in when ? today() : `every-${when.everySeconds}s-${Math.floor(nowMs / (when.everySeconds * 1000))}`;
}

/**
 * Calls `fire` shortly after start and then at each period (a daily job: every minute, its key changing at the office's
 * midnight). The timer does not keep the process alive.
 * @returns a function that stops it
 */
export function everyRecurrence(when: Recurrence, fire: () => void): () => void {
  const timer = setInterval(fire, 'daily' in when ? DAILY_CHECK_MS : when.everySeconds * 1000);
  timer.unref();
  // The first run waits until the server has settled (it starts answering requests meanwhile).
  const first = setTimeout(fire, FIRST_RUN_DELAY_MS);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** The message of what a handler threw, for the back office. */
export function failureMessage(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 2000);
}

/** How long `stop` waits for running jobs before giving up on them (pg-boss then fails them for a retry). */
export const STOP_TIMEOUT_MS = 10_000;

/** Jobs counted per queue and state (`n`: that many jobs, default one). */
export function countByQueue(jobs: readonly (Pick<JobRecord, 'queue' | 'state'> & { n?: number })[]): QueueCounts[] {
  const byQueue = new Map<string, Record<JobState, number>>();
  for (const j of jobs) {
    const counts =
      byQueue.get(j.queue) ?? (Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>);
    counts[j.state] += j.n ?? 1;
    byQueue.set(j.queue, counts);
  }
  return [...byQueue].map(([queue, counts]) => ({ queue, counts })).sort((a, b) => a.queue.localeCompare(b.queue));
}

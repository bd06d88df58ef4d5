// The job engine of a SQLite deployment (one process): jobs kept in memory, each queue running one job at a time,
// failed attempts retried with a doubling delay. Nothing durable is lost with the memory: the work itself (the
// outbox, scheduled items, open cases) is in the database, and each job re-derives it when it runs; after a
// restart the day's sweeps run again, and they are idempotent (docs/decisions/0014-job-engine.md).
import { randomUUID } from 'node:crypto';
import type { JobEngine, JobHandler, JobRecord, Recurrence, RetryPolicy } from '../../app/jobs/ports.js';
import { countByQueue, everyRecurrence, failureMessage, recurrenceKey, STOP_TIMEOUT_MS } from './engine-kit.js';

/** Finished jobs kept for the back office. */
const HISTORY = 1000;
/** Keys remembered (a key used once is refused again while remembered: days and periods only move forward). */
const KEYS = 10_000;

type Job = JobRecord & { data: Record<string, unknown>; runAfter: number };
type Queue = { handler: JobHandler; retry: RetryPolicy; busy: boolean; wakeAt?: number };

/**
 * An engine in this process.
 * @param opts.today the office day (the daily jobs' key)
 */
export function inProcessJobEngine(opts: { today: () => string }): JobEngine {
  const queues = new Map<string, Queue>();
  const jobs: Job[] = [];
  const keys = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const stoppers: (() => void)[] = [];
  const running = new Set<Promise<void>>();
  let started = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };

  /**
   * Runs the queue's next due job unless one is running; the next one follows when it ends. When only jobs waiting
   * for a retry are left, it comes back when the first is due (a timer may fire a millisecond before Date.now()
   * reaches that time: it then simply waits again, so a retry is never stranded).
   */
  const pump = (name: string) => {
    const queue = queues.get(name);
    if (!started || !queue || queue.busy) return;
    const now = Date.now();
    const waiting = jobs.filter((j) => j.queue === name && (j.state === 'created' || j.state === 'retry'));
    const job = waiting.find((j) => j.runAfter <= now);
    if (!job) {
      if (waiting.length === 0) return;
      const due = Math.min(...waiting.map((j) => j.runAfter));
      // One wake-up per queue: a pump called again while waiting does not add timers.
      if (queue.wakeAt !== undefined && queue.wakeAt > now && queue.wakeAt <= due + 1) return;
      queue.wakeAt = due + 1;
      later(due - now + 1, () => {
        queue.wakeAt = undefined;
        pump(name);
      });
      return;
    }
    queue.busy = true;
    Object.assign(job, { state: 'active', startedAt: new Date().toISOString() });
    const run = attempt(queue, job).finally(() => {
      running.delete(run);
      queue.busy = false;
      pump(name);
    });
    running.add(run);
  };

  const attempt = async (queue: Queue, job: Job) => {
    try {
      await queue.handler(job.data);
      Object.assign(job, { state: 'completed', finishedAt: new Date().toISOString(), error: null });
    } catch (e) {
      const error = failureMessage(e);
      if (job.retries < queue.retry.retryLimit) {
        const delay = queue.retry.retryDelaySeconds * 1000 * 2 ** job.retries;
        // The pump that follows this attempt waits until the retry is due.
        Object.assign(job, { state: 'retry', error, retries: job.retries + 1, runAfter: Date.now() + delay });
      } else {
        Object.assign(job, { state: 'failed', error, finishedAt: new Date().toISOString() });
      }
    }
    prune();
  };

  const prune = () => {
    const finished = jobs.filter((j) => j.state === 'completed' || j.state === 'failed' || j.state === 'cancelled');
    for (const j of finished.slice(0, Math.max(0, finished.length - HISTORY))) jobs.splice(jobs.indexOf(j), 1);
  };

  const engine: JobEngine = {
    kind: 'in-process',
    start() {
      started = true;
      for (const name of queues.keys()) pump(name);
      return Promise.resolve();
    },
    work(name, handler, retry) {
      queues.set(name, { handler, retry, busy: false });
      pump(name);
      return Promise.resolve();
    },
    enqueue(name, data = {}, o = {}) {
      if (o.onceKey !== undefined) {
        const k = `${name}\n${o.onceKey}`;
        if (keys.has(k)) return Promise.resolve(null);
        keys.add(k);
        if (keys.size > KEYS) keys.delete(keys.values().next().value as string);
      }
      const job: Job = {
        id: randomUUID(),
        queue: name,
        state: 'created',
        key: o.onceKey ?? null,
        retries: 0,
        createdAt: new Date().toISOString(),
        startedAt: null,
        finishedAt: null,
        error: null,
        data,
        runAfter: 0,
      };
      jobs.push(job);
      pump(name);
      return Promise.resolve(job.id);
    },
    schedule(name, when: Recurrence) {
      stoppers.push(
        everyRecurrence(
          when,
          () => void engine.enqueue(name, {}, { onceKey: recurrenceKey(when, Date.now(), opts.today) }),
        ),
      );
      return Promise.resolve();
    },
    list(filter) {
      const chosen = jobs.filter(
        (j) => (!filter.state || j.state === filter.state) && (!filter.queue || j.queue === filter.queue),
      );
      const records = chosen
        .slice(-filter.limit)
        .reverse()
        .map(({ data: _d, runAfter: _r, ...record }) => record);
      return Promise.resolve({ engine: 'in-process', running: started, jobs: records, queues: countByQueue(jobs) });
    },
    async stop() {
      started = false;
      stoppers.splice(0).forEach((s) => s());
      for (const t of timers) clearTimeout(t);
      timers.clear();
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise((r) => (timeout = setTimeout(r, STOP_TIMEOUT_MS).unref())),
      ]);
      clearTimeout(timeout);
    },
  };
  return engine;
}

// Ports of the job engine: background work (the outbox, the daily sweeps, scheduled publication) queued and run
// exactly once across processes, retried with backoff, and listed in the back office (docs/security/jobs.md).
// Adapters: pg-boss on PostgreSQL, an in-process engine on SQLite (src/adapters/jobs/).

/** A job's state (pg-boss's names): queued, waiting to retry, running, done, cancelled, failed for good. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** Every state, in the order the back office shows them. */
export const JOB_STATES: readonly JobState[] = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'];

/** One job as the back office shows it. */
export type JobRecord = {
  id: string;
  queue: string;
  state: JobState;
  /** The key that made it unique (an office day, a period), if any. */
  key: string | null;
  /** Attempts that failed before this one (0 on the first). */
  retries: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The last failure's message (a failed job, or one waiting to retry). */
  error: string | null;
};

/** Jobs of one queue counted by state. */
export type QueueCounts = { queue: string; counts: Record<JobState, number> };

/** What the engine holds: its newest jobs (filtered) and every queue's counts. */
export type JobListing = {
  engine: 'pg-boss' | 'in-process';
  /** Whether this process runs the engine (false: a CLI or a server started without background jobs). */
  running: boolean;
  jobs: JobRecord[];
  queues: QueueCounts[];
};

/** How a queue's failed jobs are retried: `retryLimit` more attempts, the delay doubling from `retryDelaySeconds`. */
export type RetryPolicy = { retryLimit: number; retryDelaySeconds: number };

/** When a recurring job is queued: once per period of `everySeconds`, or once per office day. */
export type Recurrence = { everySeconds: number } | { daily: true };

/** The handler of a queue's jobs; a throw fails the attempt (retried by the queue's policy). */
export type JobHandler = (data: Record<string, unknown>) => Promise<unknown>;

/**
 * The job engine. `enqueue` with a `onceKey` queues at most one job per queue and key across every process, so
 * processes that each schedule the same work (a day's sweep, a period's outbox run) queue it once; the engine hands
 * each job to one worker.
 */
export interface JobEngine {
  readonly kind: JobListing['engine'];
  /** Starts the engine (creates its tables where it has any). */
  start(): Promise<void>;
  /** Registers the handler of a queue (creating the queue with its retry policy) and starts taking its jobs. */
  work(queue: string, handler: JobHandler, retry: RetryPolicy): Promise<void>;
  /** Queues a job; null when `onceKey` was already used for this queue. */
  enqueue(queue: string, data?: Record<string, unknown>, opts?: { onceKey?: string }): Promise<string | null>;
  /** Queues the queue's job now and at each recurrence (once per period or office day, whatever the processes). */
  schedule(queue: string, when: Recurrence): Promise<void>;
  /** The newest jobs (optionally of one state or queue) and the counts per queue. */
  list(filter: { state?: JobState; queue?: string; limit: number }): Promise<JobListing>;
  /** Stops taking jobs, waits for those running (up to a timeout), and releases the engine's timers. */
  stop(): Promise<void>;
}

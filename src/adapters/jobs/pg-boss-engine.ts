// The job engine on PostgreSQL: pg-boss 10 (docs/decisions/0014-job-engine.md), its tables in gongkai's own
// schema (DATABASE_SCHEMA). pg-boss hands each job to one worker (`FOR UPDATE SKIP LOCKED`), retries a failed
// one with a doubling delay, and fails a job whose worker died when it expires, for a retry. A recurring job is
// sent with an id derived from its queue and key (its office day or period), so the processes that each send it
// insert one job: the others' inserts conflict and do nothing. pg-boss loads on start (no cost to the CLI).
import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { JobEngine, JobRecord, JobState, RetryPolicy } from '../../app/jobs/ports.js';
import { countByQueue, everyRecurrence, failureMessage, recurrenceKey, STOP_TIMEOUT_MS } from './engine-kit.js';

/** How long finished jobs stay listed before pg-boss archives them: longer than a day, so a day's key holds. */
const KEEP_FINISHED_SECONDS = 3 * 24 * 3600;
/** An active job whose worker stopped answering is failed (and retried) after this. */
const EXPIRE_SECONDS = 15 * 60;

/** Options of the pg-boss engine. */
export type PgBossEngineOptions = {
  url: string;
  /** gongkai's schema (DATABASE_SCHEMA, default public): pg-boss's tables go there too. */
  schema: string;
  /** The office day (the daily jobs' key). */
  today: () => string;
  /** Names the engine's connections in pg_stat_activity. */
  applicationName: string;
  /** How often an idle worker looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
};

/** A UUID that is the same for the same queue and key in every process. */
export function onceId(queue: string, key: string): string {
  const h = createHash('sha256').update(`${queue}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Row = {
  id: string;
  name: string;
  state: JobState;
  singleton_key: string | null;
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The error pg-boss kept in a failed attempt's output ({ message, stack } of what the handler threw). */
function errorOf(row: Row): string | null {
  if (row.state !== 'failed' && row.state !== 'retry') return null;
  const out = row.output as { message?: unknown } | null;
  if (out && typeof out.message === 'string') return out.message;
  return out === null ? null : JSON.stringify(out);
}

/** PostgreSQL's code for a transaction it aborted to break a deadlock: retrying it is the documented remedy. */
const DEADLOCK = '40P01';
const DEADLOCK_ATTEMPTS = 5;

/**
 * Runs `fn`, again after a short random pause when PostgreSQL aborted it to break a deadlock. Servers starting
 * together create the same queues at once (pg-boss adds a partition of its job table per queue), and one of them
 * is then chosen as the deadlock victim.
 */
async function afterDeadlocks<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if ((e as { code?: unknown }).code !== DEADLOCK || attempt >= DEADLOCK_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

/** Builds the engine (nothing connects before `start`). */
export function pgBossJobEngine(opts: PgBossEngineOptions): JobEngine {
  let boss: PgBoss | null = null;
  const created = new Map<string, Promise<void>>();
  const stoppers: (() => void)[] = [];
  const schema = opts.schema;

  const ensureQueue = (name: string, retry?: RetryPolicy) => {
    const make = async () => {
      const b = started();
      const options = retry
        ? { retryLimit: retry.retryLimit, retryDelay: retry.retryDelaySeconds, retryBackoff: true }
        : { retryLimit: 2, retryDelay: 30, retryBackoff: true };
      await afterDeadlocks(() => b.createQueue(name, { name, ...options, expireInSeconds: EXPIRE_SECONDS }));
      await afterDeadlocks(() => b.updateQueue(name, { name, ...options, expireInSeconds: EXPIRE_SECONDS }));
    };
    const existing = created.get(name);
    if (existing && !retry) return existing;
    // A failed setup is forgotten, so the next call tries again instead of failing for good.
    const p = make().catch((e: unknown) => {
      created.delete(name);
      throw e;
    });
    created.set(name, p);
    return p;
  };

  const started = (): PgBoss => {
    if (!boss) throw new Error('任务引擎尚未启动 / job engine not started');
    return boss;
  };

  const sql = async <T>(text: string, values: unknown[]): Promise<T[]> =>
    (await started().getDb().executeSql(text, values)).rows as T[];

  const engine: JobEngine = {
    kind: 'pg-boss',
    async start() {
      const { default: PgBossClass } = await import('pg-boss');
      const b = new PgBossClass({
        connectionString: opts.url,
        schema,
        application_name: opts.applicationName,
        max: 4,
        // Recurrence is ours (a key per day or period); pg-boss's cron is not needed.
        schedule: false,
        archiveCompletedAfterSeconds: KEEP_FINISHED_SECONDS,
        archiveFailedAfterSeconds: KEEP_FINISHED_SECONDS,
        deleteAfterDays: 30,
      });
      b.on('error', (e) => console.error('任务引擎错误 / job engine error:', failureMessage(e)));
      await b.start();
      boss = b;
    },
    async work(name, handler, retry) {
      await ensureQueue(name, retry);
      await started().work<Record<string, unknown>>(
        name,
        { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([job]) => (job ? handler(job.data ?? {}) : undefined),
      );
    },
    async enqueue(name, data = {}, o = {}) {
      await ensureQueue(name);
      const once = o.onceKey === undefined ? {} : { id: onceId(name, o.onceKey), singletonKey: o.onceKey };
      return started().send(name, data, once);
    },
    schedule(name, when) {
      const fire = () =>
        void engine
          .enqueue(name, {}, { onceKey: recurrenceKey(when, Date.now(), opts.today) })
          .catch((e: unknown) => console.error(`任务排程失败 / scheduling ${name} failed:`, failureMessage(e)));
      stoppers.push(everyRecurrence(when, fire));
      return Promise.resolve();
    },
    async list(filter) {
      if (!boss) return { engine: 'pg-boss', running: false, jobs: [], queues: [] };
      const rows = await sql<Row>(
        `SELECT id, name, state, singleton_key, retry_count, created_on, started_on, completed_on, output
           FROM ${schema}.job
          WHERE ($1::text IS NULL OR state::text = $1) AND ($2::text IS NULL OR name = $2)
          ORDER BY created_on DESC, id LIMIT $3`,
        [filter.state ?? null, filter.queue ?? null, filter.limit],
      );
      const counts = await sql<{ name: string; state: JobState; n: number }>(
        `SELECT name, state::text AS state, count(*)::int AS n FROM ${schema}.job GROUP BY name, state`,
        [],
      );
      const jobs: JobRecord[] = rows.map((r) => ({
        id: r.id,
        queue: r.name,
        state: r.state,
        key: r.singleton_key,
        retries: Number(r.retry_count),
        createdAt: iso(r.created_on) ?? '',
        startedAt: iso(r.started_on),
        finishedAt: iso(r.completed_on),
        error: errorOf(r),
      }));
      const queues = countByQueue(counts.map((c) => ({ queue: c.name, state: c.state, n: Number(c.n) })));
      return { engine: 'pg-boss', running: true, jobs, queues };
    },
    async stop() {
      stoppers.splice(0).forEach((s) => s());
      const b = boss;
      boss = null;
      await b?.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
    },
  };
  return engine;
}

// `gongkai serve --workers N` (docs/deploy.md): the primary process forks N worker processes (node:cluster) that
// share the listening port; each worker is an ordinary `serve` (its own database pool, page rendering and job
// engine). PostgreSQL only: every state several workers must agree on lives in the database (sessions, login
// counters, every rate limit of src/app/throttle, the outbox's claims), and the job engine (pg-boss) hands each
// job to one process (docs/decisions/0014-job-engine.md). The primary loads no database code: it forks the first
// worker, waits until it listens (it applies the migrations and the first start's bootstrap alone), then forks
// the others; a worker that dies is forked again after a doubling delay; SIGTERM or SIGINT stops every worker
// gracefully (each closes its server, its job engine and its pool) and then the primary.
import cluster, { type Worker } from 'node:cluster';

/**
 * V8 options a server process starts with (`npm start`, the systemd unit of docs/deploy.md, every worker forked
 * here, the benches; docs/deploy.md "Memory"): a young generation of 2 × 4 MB instead of V8's default 2 × 16 MB,
 * and an old generation capped at 1 GB instead of V8's ~4 GB on a large machine. V8 sizes the old generation's
 * growth between collections by that cap: with ~4 GB it lets a busy server's heap grow to ~3.4 times what is live
 * (32 MB live → ~110 MB) before a full collection, with 1 GB to ~1.7 times. A server holds ~35 MB live; a process
 * that ever needs more than 1 GB of heap stops with an out-of-memory error and is started again (systemd, or the
 * primary of `--workers`).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--max-old-space-size=1024'];

/** The primary's V8 options with SERVER_NODE_FLAGS added where the primary was not started with its own. */
export function workerExecArgv(primary: readonly string[]): string[] {
  const named = (flag: string) => flag.split('=')[0] ?? flag;
  const have = new Set(primary.map(named));
  return [...primary, ...SERVER_NODE_FLAGS.filter((f) => !have.has(named(f)))];
}

/** The fewest and most workers `--workers` accepts. */
export const WORKERS_RANGE = { min: 1, max: 64 } as const;

/** Restart delays: the first restart waits `baseMs`, each further one twice as long, up to `maxMs`. */
export type Backoff = {
  baseMs: number;
  maxMs: number;
  /** a worker that lived this long resets the count */ stableMs: number;
};

/** The stated defaults: 1 s, 2 s, 4 s … at most 30 s; a worker up for a minute counts as healthy again. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/** How long the primary waits for the workers to stop after SIGTERM before it kills them. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * The `--workers` value as a number of workers.
 * @returns null when it is not an integer in WORKERS_RANGE
 */
export function parseWorkers(value: string): number | null {
  if (!/^\d{1,3}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= WORKERS_RANGE.min && n <= WORKERS_RANGE.max ? n : null;
}

/**
 * The delay before restarting a worker slot that died `failures` times in a row (1 = the first death).
 */
export function restartDelayMs(failures: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failures));
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(n - 1, 20));
}

/** Whether this process is a worker forked by `serve --workers` (it then serves as a single server does). */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** One worker slot: its current process and its run of deaths. */
type Slot = { index: number; worker?: Worker; startedAt: number; failures: number; timer?: NodeJS.Timeout };

/**
 * Runs the primary: forks `workers` workers (the first alone, the rest once it listens), restarts the ones that
 * die, and on SIGTERM/SIGINT stops them all.
 * @param opts.log one line of the primary's log (standard error)
 * @returns 0 once every worker has stopped after a signal
 */
export function runPrimary(opts: {
  workers: number;
  log: (line: string) => void;
  /** Variables every worker gets besides the primary's environment (the shared signing key). */
  env?: Record<string, string>;
  backoff?: Backoff;
}): Promise<number> {
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const slots: Slot[] = Array.from({ length: opts.workers }, (_, index) => ({ index, startedAt: 0, failures: 0 }));
  let stopping = false;
  let firstUp = false;

  return new Promise((resolve) => {
    const fork = (slot: Slot) => {
      slot.timer = undefined;
      slot.startedAt = Date.now();
      const worker = cluster.fork({ ...opts.env, GONGKAI_WORKER_INDEX: String(slot.index) });
      slot.worker = worker;
      worker.once('listening', () => {
        if (!firstUp) {
          firstUp = true;
          if (opts.workers > 1) {
            opts.log(`主进程 ${process.pid}：首个工作进程已就绪，启动其余 ${opts.workers - 1} 个 / first worker up`);
          }
          for (const s of slots) if (s !== slot && !s.worker && !s.timer) fork(s);
        }
      });
      worker.once('exit', (code, signal) => {
        slot.worker = undefined;
        if (stopping) {
          if (slots.every((s) => !s.worker)) finish();
          return;
        }
        const lived = Date.now() - slot.startedAt;
        slot.failures = lived >= backoff.stableMs ? 1 : slot.failures + 1;
        const wait = restartDelayMs(slot.failures, backoff);
        opts.log(
          `工作进程 ${worker.process.pid} 已退出（${signal ?? `退出码 ${code}`}），${(wait / 1000).toFixed(0)} 秒后重启 / ` +
            `worker exited (${signal ?? code}), restarting in ${wait} ms`,
        );
        slot.timer = setTimeout(() => fork(slot), wait);
      });
    };

    const finish = () => {
      process.removeListener('SIGTERM', stop);
      process.removeListener('SIGINT', stop);
      opts.log(`主进程 ${process.pid}：全部工作进程已停止 / every worker stopped`);
      resolve(0);
    };

    const stop = () => {
      if (stopping) return;
      stopping = true;
      opts.log(`主进程 ${process.pid}：正在停止 ${opts.workers} 个工作进程 / stopping the workers`);
      for (const s of slots) clearTimeout(s.timer);
      const running = slots.flatMap((s) => (s.worker ? [s.worker] : []));
      if (running.length === 0) {
        finish();
        return;
      }
      for (const w of running) w.process.kill('SIGTERM');
      setTimeout(() => {
        for (const s of slots) s.worker?.process.kill('SIGKILL');
      }, STOP_TIMEOUT_MS).unref();
    };

    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv) });
    opts.log(`主进程 ${process.pid}：启动 ${opts.workers} 个工作进程 / primary forking ${opts.workers} workers`);
    const first = slots[0];
    if (first) fork(first);
  });
}

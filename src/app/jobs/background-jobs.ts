// The background work of a gongkai server, each piece a queue of the job engine (app/jobs/ports.ts): the email
// outbox, scheduled publication coming due, and the daily sweeps of the statutory clock. A server registers
// them all (`startBackgroundJobs` in src/main.ts); `gongkai applications daily` runs each once (daily-run.ts).
// Adding a daily job is one line in DAILY_JOBS.
import type { AppContext } from '../context.js';
import type { JobEngine, Recurrence, RetryPolicy } from './ports.js';
import { enqueueDeadlineReminders, proposeLapses } from '../applications/daily-jobs.js';
import { publishScheduled } from '../publications/act-on-publication.js';
import { flushOutbox } from '../mail/outbox.js';
import { writeAuditAnchor } from '../audit/anchor-audit.js';
import { MONITOR_RUN_QUEUE } from '../monitoring/runs.js';
import { PROBE_QUEUE } from '../monitoring/probes.js';

/** What a job may need of the process that runs it. */
export type JobHost = {
  /** The data folder (GONGKAI_DATA_DIR): files a job writes go there. */
  dataDir: string;
  /** This process's name (host and pid): who claimed what. */
  worker: string;
  /** The outbox's period (GONGKAI_MAIL_INTERVAL_SECONDS). */
  mailIntervalSeconds: number;
  /** Where the audit chain's daily anchor goes (GONGKAI_AUDIT_ANCHOR_DIR); null: not written. */
  auditAnchorDir: string | null;
};

/** One piece of background work: its queue, its label in the back office, when it runs and what it does. */
export type BackgroundJob = {
  queue: string;
  label: string;
  when: (host: JobHost) => Recurrence;
  retry: RetryPolicy;
  /** Runs once; what it returns is kept as the job's result (a count, a summary). */
  run: (ctx: AppContext, host: JobHost) => Promise<unknown>;
};

/** A daily job: its queue, label and work. */
type DailyJob = Pick<BackgroundJob, 'queue' | 'label' | 'run'>;

/**
 * The daily jobs, each queued once per office day (a singleton key per day: two servers queue it once), retried
 * 3 times from 1 minute. Adding one is one entry here.
 */
export const DAILY_JOBS: readonly DailyJob[] = [
  // 《政府信息公开条例》第三十条、第四十二条: expired correction and fee periods proposed to the handler.
  {
    queue: 'applications-lapses',
    label: '提请确认终止（补正/缴费逾期）',
    run: async (ctx) => (await proposeLapses(ctx)).length,
  },
  { queue: 'applications-reminders', label: '答复期限提醒', run: (ctx) => enqueueDeadlineReminders(ctx) },
  // The chain head's anchor outside the database (docs/security/hardening.md), when a folder is configured.
  {
    queue: 'audit-anchor',
    label: '审计日志锚点',
    run: async (ctx, host) =>
      host.auditAnchorDir === null
        ? 'GONGKAI_AUDIT_ANCHOR_DIR 未配置'
        : (await writeAuditAnchor(ctx, host.auditAnchorDir)).file,
  },
];

const DAILY_RETRY: RetryPolicy = { retryLimit: 3, retryDelaySeconds: 60 };

/** Every background job, in the order a one-shot run takes them (the sweeps queue mail the outbox then sends). */
export const BACKGROUND_JOBS: readonly BackgroundJob[] = [
  ...DAILY_JOBS.map((j) => ({ ...j, when: () => ({ daily: true }) as const, retry: DAILY_RETRY })),
  {
    queue: 'publications-release',
    label: '定时发布到期的主动公开信息',
    when: () => ({ everySeconds: 60 }),
    retry: { retryLimit: 3, retryDelaySeconds: 30 },
    run: async (ctx) => (await publishScheduled(ctx)).length,
  },
  {
    queue: 'mail-flush',
    label: '发送邮件',
    when: (host) => ({ everySeconds: host.mailIntervalSeconds }),
    retry: { retryLimit: 2, retryDelaySeconds: 30 },
    run: (ctx, host) => flushOutbox(ctx, { claimer: host.worker }),
  },
];

/** The back office's label of each queue. */
export const JOB_LABELS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(BACKGROUND_JOBS.map((j) => [j.queue, j.label])),
  // Registered apart because they need the crawler (src/main.ts startBackgroundJobs).
  [MONITOR_RUN_QUEUE]: '网站监测',
  [PROBE_QUEUE]: '网站首页可用性监测（每30分钟）',
};

/**
 * Registers every background job on a started engine: its handler and its recurrence.
 * @param jobs the jobs (default: all of them)
 */
export async function registerBackgroundJobs(
  ctx: AppContext,
  engine: JobEngine,
  host: JobHost,
  jobs: readonly BackgroundJob[] = BACKGROUND_JOBS,
): Promise<void> {
  for (const job of jobs) {
    await engine.work(job.queue, () => job.run(ctx, host), job.retry);
    await engine.schedule(job.queue, job.when(host));
  }
}

// Composition root: configuration → database → repositories → use cases → web server or CLI.
import type { Config } from './config/config.js';
import type { AppContext } from './app/context.js';
import type { Maintenance } from './app/system/ports.js';
import { openDb, migrateToLatest, type DbConfig } from './db/connect.js';
import { buildRepos, unitOfWork } from './db/unit-of-work.js';
import { maintenance } from './db/maintenance.js';
import { chineseDaysSnapshot } from './db/seeds/chinese-days.js';
import { systemClock } from './adapters/clock.js';
import { nodeCrypto } from './adapters/security/crypto.js';
import { zxcvbnJudge } from './adapters/security/password-judge.js';
import { htmlSanitizer } from './adapters/security/sanitize-html.js';
import { zipWriter } from './adapters/documents/zip.js';
import { htmlReader } from './adapters/html/html-reader.js';
import { httpFeedReader } from './adapters/feeds/feed-reader.js';
import { textFileWriter } from './adapters/text-files.js';
import { portalUrls } from './web/public/portal/portal-urls.js';
import { bootstrap, type BootstrapResult, type CalendarSeed } from './app/bootstrap.js';
import type { DemoProgress } from './app/demo/demo-content.js';
import type { Clock } from './app/ports.js';
import { applicationCalendarStep, applicationHandoverStep } from './app/applications/application-hooks.js';
import { registerBackgroundJobs, type JobHost } from './app/jobs/background-jobs.js';
import type { JobEngine } from './app/jobs/ports.js';
import { inProcessJobEngine } from './adapters/jobs/in-process-engine.js';
import { pgBossJobEngine } from './adapters/jobs/pg-boss-engine.js';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LIMITS, type AbuseLimits } from './app/throttle/limits.js';
import type { DocumentLimits } from './adapters/documents/document-limits.js';
import { DEFAULT_API_TOKEN_DAYS } from './domain/users/api-token.js';
import type { WebOptions } from './web/common/env.js';
import {
  documentReaders,
  siteCheckPorts,
  noticeRenderer,
  monitorLetterRenderer,
  websiteReportDocuments,
  passwordHasher,
  reportDocumentRenderers,
  assessmentDocumentRenderers,
  smtpMailerOnFirstUse,
} from './lazy-adapters.js';

/** A running instance: the use-case context plus database maintenance. */
export type Runtime = {
  ctx: AppContext;
  maintenance: Maintenance;
  dialect: 'sqlite' | 'postgres';
  /** The migrations this opening applied (none when the database was up to date). */
  migrated: string[];
  /** What the background jobs need of this process (the data folder, its name, the outbox's period). */
  jobHost: JobHost;
  /** Stops the job engine (when started), then closes the database. */
  close: () => Promise<void>;
};

/** The annual report's office documents, each library loaded on the first document. */
export { reportDocumentRenderers };

/** The national calendar shipped with gongkai. */
export const calendarSeed: CalendarSeed = chineseDaysSnapshot;

/**
 * Opens the database, applies migrations and builds the context.
 * @param opts.clock a clock to use instead of the system clock (tests)
 */
export async function openRuntime(
  db: DbConfig,
  opts: {
    timeZone: string;
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    /** Days a new API token lives by default (default 90). */
    apiTokenDays?: number;
    clock?: Clock;
    mail?: Config['mail'];
    secret?: string | null;
    /** Limits other than the defaults (app/throttle/limits.ts). */
    limits?: Partial<AbuseLimits>;
    /** Limits on parsing uploaded documents; unset ones take their defaults. */
    documents?: Partial<DocumentLimits>;
    /** The data folder (jobs write their files there; default ./data). */
    dataDir?: string;
    /** Where the daily audit anchor is written (GONGKAI_AUDIT_ANCHOR_DIR); null or absent: not written. */
    auditAnchorDir?: string | null;
  },
): Promise<Runtime> {
  const handle = openDb(db);
  const migrated = await migrateToLatest(handle);
  const clock = opts.clock ?? systemClock(opts.timeZone);
  const jobs = jobEngine(db, handle.schema, () => clock.today());
  const { documentReader, catalogueSheets, wordBody } = documentReaders(opts.documents);
  const ctx: AppContext = {
    uow: unitOfWork(handle.kysely, handle.instanceId),
    repos: buildRepos(handle.kysely, handle.instanceId),
    clock,
    hasher: passwordHasher,
    crypto: nodeCrypto(clock, opts.secret),
    passwordJudge: zxcvbnJudge(),
    mailer: opts.mail ? smtpMailerOnFirstUse(opts.mail.url, opts.mail.from) : null,
    sanitizer: htmlSanitizer,
    renderer: noticeRenderer,
    letterRenderer: monitorLetterRenderer,
    websiteReportDocuments,
    handoverSteps: [applicationHandoverStep],
    calendarChangedSteps: [applicationCalendarStep],
    htmlReader,
    portalUrls,
    documentReader,
    wordBody,
    reportDocuments: reportDocumentRenderers,
    assessmentDocuments: assessmentDocumentRenderers,
    catalogueSheets,
    feedReader: httpFeedReader(opts.timeZone),
    packageWriter: zipWriter,
    jobs,
    textFiles: textFileWriter,
    pageChanges: handle.changes,
    settings: {
      sessionIdleMinutes: opts.sessionIdleMinutes,
      sessionMaxHours: opts.sessionMaxHours,
      apiTokenDays: opts.apiTokenDays ?? DEFAULT_API_TOKEN_DAYS,
      dialect: handle.dialect,
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
    },
  };
  const jobHost: JobHost = {
    dataDir: opts.dataDir ?? './data',
    worker: `${hostname()}-${process.pid}`,
    mailIntervalSeconds: opts.mail?.intervalSeconds ?? 30,
    auditAnchorDir: opts.auditAnchorDir ?? null,
  };
  const close = async () => {
    await jobs.stop();
    await handle.close();
  };
  return { ctx, maintenance: maintenance(handle), dialect: handle.dialect, migrated, jobHost, close };
}

/**
 * The job engine of a database (docs/decisions/0014-job-engine.md): pg-boss in gongkai's schema on PostgreSQL,
 * where several processes share the work; in this process on SQLite, which one process serves.
 */
function jobEngine(db: DbConfig, schema: string | undefined, today: () => string): JobEngine {
  return db.kind === 'postgres'
    ? pgBossJobEngine({
        url: db.url,
        schema: schema ?? 'public',
        today,
        applicationName: `gongkai-jobs-${process.pid}`,
      })
    : inProcessJobEngine({ today });
}

/**
 * Opens the configured database, migrated and bootstrapped (calendar, organizations, admin, the demo's content).
 * @param onProgress the progress of making the demo's content (first start only)
 */
export async function startRuntime(
  config: Config,
  onProgress?: DemoProgress,
): Promise<{ runtime: Runtime; boot: BootstrapResult }> {
  const runtime = await openRuntime(config.database, { ...config, mail: config.mail });
  const boot = await bootstrap(runtime.ctx, calendarSeed, config.demoData, onProgress ? { onProgress } : {});
  return { runtime, boot };
}

/**
 * Starts the job engine and registers the background jobs (app/jobs/background-jobs.ts): the outbox every
 * `mail.intervalSeconds`, scheduled publications every minute, the daily sweeps once per office day. Each job runs
 * once across every process sharing the database; failures are retried and listed at /admin/system/jobs.
 * @returns a function that stops the engine (closing the runtime stops it too)
 */
export async function startBackgroundJobs(runtime: Runtime): Promise<() => Promise<void>> {
  await runtime.ctx.jobs.start();
  await registerBackgroundJobs(runtime.ctx, runtime.ctx.jobs, runtime.jobHost);
  // Monitoring runs queued from the back office are crawled here, once however many servers run.
  // The home pages are probed every half hour for the 7-day availability rule.
  const [{ registerMonitorRuns }, { siteCheckerOf }, { registerAvailabilityProbes }, { sensitiveWordsOf }] =
    await Promise.all([
      import('./app/monitoring/runs.js'),
      import('./app/monitoring/site-checker.js'),
      import('./app/monitoring/probes.js'),
      import('./app/monitoring/sensitive-words.js'),
    ]);
  const ports = siteCheckPorts(runtime.ctx);
  const checker = siteCheckerOf(ports, { words: () => sensitiveWordsOf(runtime.ctx) });
  await registerMonitorRuns(runtime.ctx, runtime.ctx.jobs, checker);
  await registerAvailabilityProbes(runtime.ctx, runtime.ctx.jobs, ports);
  return () => runtime.ctx.jobs.stop();
}

/**
 * Starts the HTTP server on the configured host and port.
 * @returns the URL it listens on
 */
export async function serveHttp(
  runtime: Runtime,
  config: Config,
): Promise<{ url: string; close: () => Promise<void> }> {
  const [{ getRequestListener }, { createServer }, { createWebApp }, { fastPath, pageCacheOf }] = await Promise.all([
    import('@hono/node-server'),
    import('node:http'),
    import('./web/app.js'),
    import('./web/cache/page-cache-http.js'),
  ]);
  const opts: WebOptions = {
    secureCookies: config.secureCookies,
    uploadLimitBytes: config.uploadLimitBytes,
    dialect: runtime.dialect,
    logRequests: config.logRequests,
    timeZone: config.timeZone,
    trustedProxies: config.trustedProxies,
    pageCacheBytes: config.pageCacheBytes,
  };
  const app = createWebApp(runtime.ctx, opts);
  // Cached public pages are written before the framework sees the request (web/cache/page-cache-http.ts).
  const cache = pageCacheOf(runtime.ctx, config.pageCacheBytes);
  const server = createServer(fastPath(cache, getRequestListener(app.fetch), config.logRequests));
  return new Promise((resolve, reject) => {
    server.listen(config.port, config.host, () => {
      const info = server.address() as AddressInfo;
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      // Links without a configured public address use the address actually listened on, not the Host header.
      opts.listenOrigin = `http://${host}:${info.port}`;
      resolve({
        url: opts.listenOrigin,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
    server.on('error', reject);
    const stop = () => {
      server.close(() => void runtime.close().then(() => process.exit(0)));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

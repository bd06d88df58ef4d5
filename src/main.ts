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
import { textFileWriter } from './adapters/text-files.js';
import { portalUrls } from './web/public/portal/portal-urls.js';
import { bootstrap, type BootstrapResult, type CalendarSeed } from './app/bootstrap.js';
import type { Clock } from './app/ports.js';
import { applicationCalendarStep, applicationHandoverStep } from './app/applications/application-hooks.js';
import { runDailyJobs } from './app/applications/daily-run.js';
import { DEFAULT_LIMITS, type AbuseLimits } from './app/throttle/limits.js';
import type { DocumentLimits } from './adapters/documents/document-limits.js';
import type { WebOptions } from './web/common/env.js';
import {
  documentReaders,
  noticeRenderer,
  passwordHasher,
  reportDocumentRenderers,
  smtpMailerOnFirstUse,
} from './lazy-adapters.js';

/** A running instance: the use-case context plus database maintenance. */
export type Runtime = {
  ctx: AppContext;
  maintenance: Maintenance;
  dialect: 'sqlite' | 'postgres';
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
    clock?: Clock;
    mail?: Config['mail'];
    secret?: string | null;
    /** Limits other than the defaults (app/throttle/limits.ts). */
    limits?: Partial<AbuseLimits>;
    /** Limits on parsing uploaded documents; unset ones take their defaults. */
    documents?: Partial<DocumentLimits>;
  },
): Promise<Runtime> {
  const handle = openDb(db);
  await migrateToLatest(handle);
  const clock = opts.clock ?? systemClock(opts.timeZone);
  const { documentReader, catalogueSheets } = documentReaders(opts.documents);
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
    handoverSteps: [applicationHandoverStep],
    calendarChangedSteps: [applicationCalendarStep],
    htmlReader,
    portalUrls,
    documentReader,
    reportDocuments: reportDocumentRenderers,
    catalogueSheets,
    packageWriter: zipWriter,
    textFiles: textFileWriter,
    settings: {
      sessionIdleMinutes: opts.sessionIdleMinutes,
      sessionMaxHours: opts.sessionMaxHours,
      dialect: handle.dialect,
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
    },
  };
  return { ctx, maintenance: maintenance(handle), dialect: handle.dialect, close: handle.close };
}

/** Opens the configured database, migrated and bootstrapped (calendar, organizations, admin). */
export async function startRuntime(config: Config): Promise<{ runtime: Runtime; boot: BootstrapResult }> {
  const runtime = await openRuntime(config.database, { ...config, mail: config.mail });
  const boot = await bootstrap(runtime.ctx, calendarSeed, config.demoData);
  return { runtime, boot };
}

/**
 * Runs the background jobs while the server is up: the outbox every `mail.intervalSeconds`, and
 * once a day the lapse sweep and the deadline reminders. Errors are logged, never fatal.
 * @returns a function that stops them
 */
export function startBackgroundJobs(runtime: Runtime, config: Config): () => void {
  const tick = async () => {
    try {
      await runDailyJobs(runtime.ctx);
    } catch (e) {
      console.error('background job failed:', e instanceof Error ? e.message : e);
    }
  };
  const timer = setInterval(() => void tick(), (config.mail?.intervalSeconds ?? 300) * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/**
 * Starts the HTTP server on the configured host and port.
 * @returns the URL it listens on
 */
export async function serveHttp(
  runtime: Runtime,
  config: Config,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { serve } = await import('@hono/node-server');
  const { createWebApp } = await import('./web/app.js');
  const opts: WebOptions = {
    secureCookies: config.secureCookies,
    uploadLimitBytes: config.uploadLimitBytes,
    dialect: runtime.dialect,
    logRequests: config.logRequests,
    timeZone: config.timeZone,
    trustedProxies: config.trustedProxies,
  };
  const app = createWebApp(runtime.ctx, opts);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
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

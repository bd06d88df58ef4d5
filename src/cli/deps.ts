// What the CLI needs from the composition root (it never touches src/db or src/adapters directly), and
// where it reads and writes: the process's streams, or buffers when a test runs the program in-process.
import type { AppContext } from '../app/context.js';
import type { Maintenance } from '../app/system/ports.js';
import type { BootstrapResult } from '../app/bootstrap.js';
import type { JobHost } from '../app/jobs/background-jobs.js';
import type { IntegrityContext } from '../app/monitoring/integrity.js';
import type { DocumentReader, ReportDocumentRenderers, ReportSummaryXlsx } from '../app/reports/ports.js';
import type { SiteCheckPorts } from '../app/monitoring/crawl-ports.js';
import { lazyProgress } from './progress.js';
import type { SiteChecker } from '../app/monitoring/ports.js';

/** A started instance as the CLI sees it. */
export type CliRuntime = {
  ctx: AppContext;
  maintenance: Maintenance;
  dialect: 'sqlite' | 'postgres';
  /** The migrations opening the database applied. */
  migrated: string[];
  jobHost: JobHost;
  close: () => Promise<void>;
};

/** Standard input, output and error of one run. */
export type CliIo = {
  /** All of standard input ('' when it is a terminal). */
  stdin: () => Promise<string>;
  /** Writes text to standard output as it is (no newline added). */
  stdout: (text: string) => void;
  /** Writes text to standard error as it is. */
  stderr: (text: string) => void;
  /** Standard error when it is a terminal (progress bars redraw in place); absent otherwise. */
  stderrTerminal?: { columns: number };
};

/** Reads published annual reports for `report check`. */
export type ReportReader = {
  /** The text of a document (TXT, HTML, DOCX, PDF). */
  read: DocumentReader;
  /** The extensions read when a folder is checked. */
  extensions: readonly string[];
};

/** Injected by src/cli-main.ts. */
export type CliDeps = CliIo & {
  /**
   * Opens, migrates and bootstraps the configured database (creates it on first use, with the demo's content
   * unless configured otherwise; `onProgress` follows the making of that content).
   */
  start: (
    onProgress?: (done: number, total: number) => void,
  ) => Promise<{ runtime: CliRuntime; boot: BootstrapResult }>;
  /** Starts the HTTP server and the background jobs; resolves when it listens. `close` stops both. */
  serve: (runtime: CliRuntime) => Promise<{ url: string; close: () => Promise<void> }>;
  /**
   * `serve --workers N`: in the process started from the command line, checks that the database is PostgreSQL
   * (a CliFailure with status 2 otherwise), runs the primary of N workers and resolves with its exit status once
   * they stopped; in a forked worker, resolves 'worker' at once (it then serves as a single server does).
   */
  cluster: (workers: number) => Promise<'worker' | number>;
  /** Adds the demo district's missing organizations; returns how many were created. */
  seedDemo: (runtime: CliRuntime) => Promise<number>;
  /** The annual report's DOCX/XLSX/PDF writers, for `report render` (which opens no database). */
  reportDocuments: ReportDocumentRenderers;
  /** The batch audit of `report check --summary-xlsx` as a workbook. */
  reportSummaryXlsx: ReportSummaryXlsx;
  /** The report-document reader of `report check`, loaded on first use. */
  reportReader: () => Promise<ReportReader>;
  /** HTTP and the page reader of `monitor integrity`, loaded on first use. */
  integrityAdapters: () => Promise<Pick<IntegrityContext, 'integrityFetch' | 'integrityPage'>>;
  /** The crawler and the attachment reader of `monitor check` (which opens no database), loaded on first use. */
  siteCheckPorts: () => Promise<SiteCheckPorts>;
  /** The website checker of `monitor run` (the crawler and the checks), loaded on first use. */
  siteChecker: (ctx: AppContext) => Promise<SiteChecker>;
  /** Writes one line to standard output. */
  out: (line: string) => void;
  /** Writes one line to standard error. */
  err: (line: string) => void;
};

/** A failure that ends the run with its own exit status (2 for an invalid configuration), its message as is. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/**
 * Opens the runtime, prints the first-start notice, runs `fn`, and closes.
 * The admin's initial password is printed once, on standard error, when the account is created.
 */
export async function withRuntime<T>(deps: CliDeps, fn: (rt: CliRuntime) => Promise<T>): Promise<T> {
  const { runtime, boot } = await startWithProgress(deps);
  try {
    printBootNotice(deps, boot);
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/**
 * Opens the runtime, with a progress bar on standard error while a first start makes the demo's content (it takes a
 * few seconds; nothing is shown on any other start).
 */
export async function startWithProgress(
  deps: Pick<CliDeps, 'start' | 'stderr' | 'stderrTerminal'>,
): Promise<{ runtime: CliRuntime; boot: BootstrapResult }> {
  const progress = lazyProgress(deps, '生成示例数据 / making the demo data');
  return deps.start(progress.onProgress).finally(progress.stop);
}

/** Prints what bootstrapping did (only when it did something). */
export function printBootNotice(deps: Pick<CliDeps, 'err'>, boot: BootstrapResult): void {
  if (boot.calendarYears > 0) {
    deps.err(
      `已载入 ${boot.calendarYears} 个年度的法定节假日安排 / loaded the official holiday schedule for ${boot.calendarYears} years`,
    );
  }
  if (boot.demoContent) {
    const d = boot.demoContent;
    deps.err(
      `已生成示例区演示数据 / demo data made: ${d.publications} 条主动公开信息 / items, ${d.applications} 件依申请公开 / ` +
        `applications, ${d.reports} 份年度报告 / annual reports（均为虚构的示例数据 / all fictional）`,
    );
  }
  if (boot.demoContentError) {
    deps.err(
      `警告：示例数据未能生成，下次启动时将重试 / Warning: the demo data could not be made (retried at the next start): ` +
        boot.demoContentError,
    );
  }
  if (boot.adminPassword) {
    deps.err('');
    deps.err('==================================================================');
    deps.err(' 已创建管理员账号 / admin account created');
    deps.err(' 用户名 / username: admin');
    deps.err(` 初始密码 / initial password: ${boot.adminPassword}`);
    deps.err(' 此密码只显示这一次，首次登录后必须修改。');
    deps.err(' This password is shown only once and must be changed at first login.');
    deps.err('==================================================================');
    deps.err('');
  }
}

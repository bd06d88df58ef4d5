// What the CLI needs from the composition root (it never touches src/db directly).
import type { AppContext } from '../app/context.js';
import type { Maintenance } from '../app/system/ports.js';
import type { BootstrapResult } from '../app/bootstrap.js';
import type { ReportDocumentRenderers } from '../app/reports/ports.js';

/** A started instance as the CLI sees it. */
export type CliRuntime = {
  ctx: AppContext;
  maintenance: Maintenance;
  dialect: 'sqlite' | 'postgres';
  close: () => Promise<void>;
};

/** Injected by src/main.ts. */
export type CliDeps = {
  /** Opens, migrates and bootstraps the configured database (creates it on first use). */
  start: () => Promise<{ runtime: CliRuntime; boot: BootstrapResult }>;
  /** Starts the HTTP server and resolves when it listens. */
  serve: (runtime: CliRuntime) => Promise<{ url: string }>;
  /** Adds the demo district's missing organizations; returns how many were created. */
  seedDemo: (runtime: CliRuntime) => Promise<number>;
  stdin: () => Promise<string>;
  /** The annual report's DOCX/XLSX/PDF writers, for `report render` (which opens no database). */
  reportDocuments: ReportDocumentRenderers;
  out: (line: string) => void;
  err: (line: string) => void;
};

/**
 * Opens the runtime, prints the first-start notice, runs `fn`, and closes.
 * The admin's initial password is printed once, on standard error, when the account is created.
 */
export async function withRuntime<T>(deps: CliDeps, fn: (rt: CliRuntime) => Promise<T>): Promise<T> {
  const { runtime, boot } = await deps.start();
  printBootNotice(deps, boot);
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/** Prints what bootstrapping did (only when it did something). */
export function printBootNotice(deps: Pick<CliDeps, 'err'>, boot: BootstrapResult): void {
  if (boot.calendarYears > 0) {
    deps.err(
      `已载入 ${boot.calendarYears} 个年度的法定节假日安排 / loaded the official holiday schedule for ${boot.calendarYears} years`,
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

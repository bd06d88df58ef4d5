// Entry point of the `gongkai` command (bin/gongkai.js): wires the composition root into the CLI. Only the
// command tree loads up front; the configuration (zod) and src/main.ts (the database, the use cases) load when
// a command opens the database, and each document library on its first document (src/lazy-adapters.ts).
import type { Config } from './config/config.js';
import { runCli } from './cli/program.js';
import { CliFailure, type CliDeps, type CliIo } from './cli/deps.js';
import {
  documentReaders,
  integrityAdapters,
  once,
  reportDocumentRenderers,
  reportExtensions,
  reportSummaryWorkbook,
  siteCheckPorts,
} from './lazy-adapters.js';

/** Why `serve --workers` is refused on SQLite. */
export const SQLITE_CLUSTER_REFUSED =
  '多进程运行（--workers）需要 PostgreSQL 数据库：SQLite 数据库文件只能由一个进程写入，多个工作进程会相互阻塞。' +
  '请将 DATABASE_URL 设为 postgres://… 后重试，或去掉 --workers 以单进程运行。 / ' +
  '--workers needs PostgreSQL (DATABASE_URL=postgres://…); on SQLite run one process without --workers.';

/** The warning of a server on PostgreSQL without GONGKAI_SECRET (another process may serve the same site). */
export const UNSHARED_SECRET =
  '警告：未设置 GONGKAI_SECRET，本进程使用随机密钥：表单令牌和频率限制只在本进程内有效。' +
  '多台服务器共用一个数据库时，请在每台服务器上设置相同的 GONGKAI_SECRET（至少 32 个字符）。 / ' +
  'Warning: no GONGKAI_SECRET; form tokens and rate limits hold in this process only. Set the same one on every server.';

/** The environment variables of a run (usually process.env). */
export type Env = Record<string, string | undefined>;

/**
 * The CLI's dependencies for one run, writing through `io`. The configuration is read from `env` when a
 * command first needs it; an invalid one ends the run with status 2.
 */
export function cliDeps(env: Env, io: CliIo): CliDeps {
  const config = once(async (): Promise<Config> => {
    const { loadConfig } = await import('./config/config.js');
    try {
      return loadConfig(env);
    } catch (e) {
      throw new CliFailure(e instanceof Error ? e.message : String(e), 2);
    }
  });
  const main = () => import('./main.js');
  return {
    ...io,
    out: (line) => io.stdout(`${line}\n`),
    err: (line) => io.stderr(`${line}\n`),
    start: async (onProgress) => (await main()).startRuntime(await config(), onProgress),
    serve: async (rt) => {
      const { serveHttp, startBackgroundJobs } = await main();
      const c = await config();
      const server = await serveHttp(rt, c);
      if (rt.dialect === 'postgres' && c.secret === null) io.stderr(`${UNSHARED_SECRET}\n`);
      const stopJobs = await startBackgroundJobs(rt).catch(async (e: unknown) => {
        await server.close();
        throw e;
      });
      return { url: server.url, close: () => server.close().then(stopJobs) };
    },
    cluster: async (workers) => {
      const { isClusterWorker, runPrimary } = await import('./cluster.js');
      if (isClusterWorker()) return 'worker';
      const c = await config();
      if (c.database.kind !== 'postgres') throw new CliFailure(SQLITE_CLUSTER_REFUSED, 2);
      // The workers sign and check with one key: a form drawn by one is posted to another, and the rate limits'
      // counters are keyed by HMACs under it. Without GONGKAI_SECRET the primary draws one for its workers.
      const secret = c.secret ?? (await import('node:crypto')).randomBytes(32).toString('base64url');
      return runPrimary({ workers, env: { GONGKAI_SECRET: secret }, log: (line) => io.stderr(`${line}\n`) });
    },
    seedDemo: async (rt) => (await import('./app/bootstrap.js')).seedDemoDistrict(rt.ctx),
    reportDocuments: reportDocumentRenderers,
    integrityAdapters,
    reportSummaryXlsx: reportSummaryWorkbook,
    siteChecker: async (ctx) => {
      const [{ siteCheckerOf }, { sensitiveWordsOf }] = await Promise.all([
        import('./app/monitoring/site-checker.js'),
        import('./app/monitoring/sensitive-words.js'),
      ]);
      const ports = siteCheckPorts(documentReaders((await config()).documents));
      return siteCheckerOf(ports, { words: () => sensitiveWordsOf(ctx) });
    },
    reportReader: async () => ({
      read: documentReaders((await config()).documents).documentReader,
      extensions: await reportExtensions(),
    }),
    siteCheckPorts: async () => siteCheckPorts(documentReaders((await config()).documents)),
  };
}

/**
 * Runs `gongkai argv…` in this process: the whole program, its configuration read from `env`.
 * @returns the exit status: 0, 1 on failure, 2 for a usage error or an invalid configuration
 */
export function gongkai(argv: string[], env: Env, io: CliIo): Promise<number> {
  return runCli(argv, cliDeps(env, io));
}

/** The process's standard streams. */
export function processIo(): CliIo {
  return {
    stdin: async () => {
      if (process.stdin.isTTY) return '';
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    ...(process.stderr.isTTY ? { stderrTerminal: { columns: process.stderr.columns } } : {}),
  };
}

// Runs the real `gongkai` program: in this process (most tests), or as the command in a child process
// (bin/gongkai.js; a few smoke tests).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PG_URL, type Dialect } from './runtime.js';
import type { DbConfig } from '../../src/db/connect.js';
import { fileURLToPath } from 'node:url';
import { gongkai } from '../../src/cli-main.js';
import type { Runtime } from '../../src/main.js';
import { once } from '../../src/lazy-adapters.js';

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

/** What a CLI run printed and returned. */
export type CliRun = { code: number; stdout: string; stderr: string; lastLine: string };

/**
 * What a test's first start creates unless its environment says otherwise: the demo district's organizations without
 * the demo's content (items, cases, reports), so that a test sees only what it makes.
 */
export const TEST_DEMO_DATA = { GONGKAI_DEMO_DATA: 'orgs' } as const;

/** Runs `gongkai args…` in a child process with the given environment and standard input. */
export function runGongkai(args: string[], env: Record<string, string>, input = ''): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC', ...TEST_DEMO_DATA, ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const stdout = r.stdout ?? '';
  // A process that did not exit by itself (killed, timed out, failed to spawn) says so in stderr,
  // so that a failing assertion shows why.
  const why = r.error ? `\n[spawn error: ${r.error.message}]` : r.signal ? `\n[killed by ${r.signal}]` : '';
  return cliRun(r.status ?? -1, stdout, (r.stderr ?? '') + why);
}

/**
 * Runs `gongkai args…` in this process: the same program (commander tree, output, exit status, database
 * effects) with the environment and standard input given, its output captured. Every database it opens is
 * closed before it resolves.
 */
export async function runGongkaiInProcess(args: string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await gongkai(
    args,
    { ...TEST_DEMO_DATA, ...env },
    {
      stdin: async () => input,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    },
  );
  return cliRun(code, stdout, stderr);
}

function cliRun(code: number, stdout: string, stderr: string): CliRun {
  const lines = stdout.trimEnd().split('\n');
  return { code, stdout, stderr, lastLine: lines[lines.length - 1] ?? '' };
}

/** A data folder and (on PostgreSQL) a schema for CLI runs, with the environment that points the command at them. */
export type CliSandbox = {
  dir: string;
  schema: string;
  /** The environment for {@link runGongkai} and {@link runGongkaiInProcess}. */
  env: Record<string, string>;
  /** The same database for an in-process runtime (`openRuntime`). */
  db: DbConfig;
  /**
   * Opens the sandbox's database in this process, as another instance would, with its web app (`get`);
   * closes it after `fn`.
   */
  withInstance<T>(
    fn: (rt: Runtime, get: (path: string, headers?: Record<string, string>) => Promise<Response>) => Promise<T>,
  ): Promise<T>;
  /** Removes the folder and drops the schema. */
  cleanup(): Promise<void>;
};

/**
 * Makes a fresh sandbox for one suite of CLI tests.
 * @param prefix a short tag for the folder and schema names
 */
export function cliSandbox(dialect: Dialect, prefix: string): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), `gongkai-${prefix}-`));
  const schema = `${prefix.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`;
  const pgUrl = PG_URL ?? '';
  const env: Record<string, string> =
    dialect === 'sqlite'
      ? { GONGKAI_DATA_DIR: dir }
      : { GONGKAI_DATA_DIR: dir, DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema };
  const db: DbConfig =
    dialect === 'sqlite'
      ? { kind: 'sqlite', file: join(dir, 'gongkai.sqlite') }
      : { kind: 'postgres', url: pgUrl, schema };
  return {
    dir,
    schema,
    env,
    db,
    async withInstance(fn) {
      const { openRuntime } = await import('../../src/main.js');
      const rt = await openRuntime(db, { timeZone: 'Asia/Shanghai', sessionIdleMinutes: 30, sessionMaxHours: 12 });
      // The web app is built on the first request only.
      const app = once(async () =>
        (await import('../../src/web/app.js')).createWebApp(rt.ctx, {
          secureCookies: false,
          uploadLimitBytes: 1024,
          dialect: rt.dialect,
          logRequests: false,
          timeZone: 'Asia/Shanghai',
        }),
      );
      try {
        return await fn(rt, async (path, headers = {}) =>
          (await app()).request(`http://localhost${path}`, { headers: { host: 'localhost', ...headers } }),
        );
      } finally {
        await rt.close();
      }
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (dialect !== 'postgres') return;
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

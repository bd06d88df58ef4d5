// Runs the real `gongkai` command (bin/gongkai.js) in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PG_URL, type Dialect } from './runtime.js';
import type { DbConfig } from '../../src/db/connect.js';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

/** What a CLI run printed and returned. */
export type CliRun = { code: number; stdout: string; stderr: string; lastLine: string };

/** Runs `gongkai args…` with the given environment and standard input. */
export function runGongkai(args: string[], env: Record<string, string>, input = ''): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const stdout = r.stdout ?? '';
  // A process that did not exit by itself (killed, timed out, failed to spawn) says so in stderr,
  // so that a failing assertion shows why.
  const why = r.error ? `\n[spawn error: ${r.error.message}]` : r.signal ? `\n[killed by ${r.signal}]` : '';
  const lines = stdout.trimEnd().split('\n');
  return { code: r.status ?? -1, stdout, stderr: (r.stderr ?? '') + why, lastLine: lines[lines.length - 1] ?? '' };
}

/** A data folder and (on PostgreSQL) a schema for CLI runs, with the environment that points the command at them. */
export type CliSandbox = {
  dir: string;
  schema: string;
  /** The environment for {@link runGongkai}. */
  env: Record<string, string>;
  /** The same database for an in-process runtime (`openRuntime`). */
  db: DbConfig;
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

// Runs a bench's measurement on a throw-away SQLite file and then in a fresh PostgreSQL schema (dropped at the end),
// as `--only sqlite|postgres` asks. The PostgreSQL address: DATABASE_URL when it is one, else GONGKAI_BENCH_PG_URL,
// else the test database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DbConfig } from '../../src/db/connect.js';

/** The measurement of one engine. */
export type Measure<T> = (label: 'SQLite' | 'PostgreSQL', db: DbConfig) => Promise<T>;

/**
 * The results of `measure` on each engine asked for (`only`: 'sqlite', 'postgres' or undefined for both).
 * @param name the bench's name, in the temporary directory's and the schema's names
 * @param onPgError when given, a PostgreSQL failure is reported through it instead of thrown
 */
export async function onBothDatabases<T>(
  name: string,
  only: string | undefined,
  measure: Measure<T>,
  onPgError?: (e: unknown) => void,
): Promise<T[]> {
  const out: T[] = [];
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), `gongkai-bench-${name}-`));
    try {
      out.push(await measure('SQLite', { kind: 'sqlite', file: join(dir, 'gongkai.sqlite') }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'sqlite') {
    const fromEnv = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
    const url = fromEnv ?? process.env.GONGKAI_BENCH_PG_URL ?? 'postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_test';
    const schema = `bench_${name}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      out.push(await measure('PostgreSQL', { kind: 'postgres', url, schema, poolSize: 4 }));
    } catch (e) {
      if (!onPgError) throw e;
      onPgError(e);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
  }
  return out;
}

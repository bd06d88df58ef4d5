// Test runtimes on every dialect: a fresh copy of a migrated, bootstrapped SQLite file or PostgreSQL database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openRuntime, type Runtime } from '../../src/main.js';
import type { DbConfig } from '../../src/db/connect.js';
import type { BootstrapResult } from '../../src/app/bootstrap.js';
import { fixedClock } from '../../src/adapters/clock.js';
import type { AbuseLimits } from '../../src/app/throttle/limits.js';
import { forSuite } from './suite.js';
import { initialize, pgCopy, removeSqliteFile, replayIds, runtimeSettings } from './db-template.js';
import { scratchSqliteFile, sqliteCopy, type TemplateVariant } from './db-template.js';

/** The dialects every repository test runs on. */
export const DIALECTS = ['sqlite', 'postgres'] as const;
/** One dialect. */
export type Dialect = (typeof DIALECTS)[number];

/** PostgreSQL for tests: GONGKAI_TEST_PG_URL; CI must provide it (tests fail rather than skip there). */
export const PG_URL = process.env.GONGKAI_TEST_PG_URL;
const REQUIRE_ALL = process.env.CI === 'true' || process.env.GONGKAI_REQUIRE_ALL === '1';

/**
 * Why a dialect cannot run here (for `test(..., { skip })`), or false when it can.
 * @throws Error in CI when PostgreSQL is not configured: a skipped dialect must fail CI.
 */
export function skipReason(dialect: Dialect): string | false {
  if (dialect === 'postgres' && !PG_URL) {
    if (REQUIRE_ALL) {
      throw new Error('GONGKAI_TEST_PG_URL is not set: PostgreSQL tests must run in CI');
    }
    return 'PostgreSQL not configured (set GONGKAI_TEST_PG_URL)';
  }
  return false;
}

/**
 * A test runtime with its controllable clock, what bootstrap created, and where its database is (to open a
 * second connection, e.g. to read every table).
 */
export type TestRuntime = Runtime & { clock: ReturnType<typeof fixedClock>; boot: BootstrapResult; db: DbConfig };

/**
 * Options of a test runtime: the clock's start instant, whether the demo district is created, and whether with its
 * content (the items, cases and reports `npm start` makes; default without).
 */
export type TestRuntimeOptions = { start?: string; demo?: boolean; content?: boolean; limits?: Partial<AbuseLimits> };

const variantOf = (opts: TestRuntimeOptions): TemplateVariant => ({
  start: opts.start ?? '2025-09-28T02:00:00Z',
  demo: opts.demo ?? true,
  ...(opts.content ? { content: true } : {}),
});

/** Opens the runtime on a database; `close` also runs `cleanup` (removing the database). */
async function open(
  db: DbConfig,
  clock: TestRuntime['clock'],
  cleanup: () => unknown,
  limits: Partial<AbuseLimits> = {},
): Promise<Omit<TestRuntime, 'boot'>> {
  const rt = await openRuntime(db, runtimeSettings(clock, limits));
  return { ...rt, clock, db, close: () => rt.close().finally(cleanup) };
}

/**
 * Opens a fresh, migrated, bootstrapped database (demo district + admin) on the dialect: a copy of a
 * template built once per variant (test/support/db-template.ts), the same rows a fresh bootstrap writes.
 * @param opts.start the clock's start instant (default 2025-09-28T02:00:00Z)
 */
export async function openTestRuntime(dialect: Dialect, opts: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const variant = variantOf(opts);
  const clock = fixedClock(variant.start);
  const copy =
    dialect === 'sqlite'
      ? await sqliteCopy(variant).then((c) => ({ ...c, db: { kind: 'sqlite' as const, file: c.file } }))
      : await pgCopy(PG_URL ?? '', variant).then((c) => ({ ...c, db: { kind: 'postgres' as const, url: c.url } }));
  const db = { ...copy.db, ...(dialect === 'postgres' ? { poolSize: 4 } : {}) };
  const rt = await open(db, clock, copy.remove, opts.limits);
  replayIds(rt, copy.info);
  return { ...rt, boot: { ...copy.info.boot } };
}

/** The runtime of a `describe` block: opened before its tests, closed after them (see `forSuite`). */
export function suiteRuntime(dialect: Dialect, opts: TestRuntimeOptions = {}): TestRuntime {
  return forSuite(() => openTestRuntime(dialect, opts));
}

/**
 * Opens a database migrated and bootstrapped now, without a template (a SQLite file, or a schema in the
 * PostgreSQL test database): the reference templates are compared with (test/integration/db/test-runtime.test.ts).
 */
export async function openBootstrappedRuntime(dialect: Dialect, opts: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const variant = variantOf(opts);
  const clock = fixedClock(variant.start);
  let rt: Omit<TestRuntime, 'boot'>;
  if (dialect === 'sqlite') {
    const file = scratchSqliteFile();
    rt = await open({ kind: 'sqlite', file }, clock, () => removeSqliteFile(file));
  } else {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const url = PG_URL ?? '';
    await withClient((c) => c.query(`CREATE SCHEMA ${schema}`));
    rt = await open({ kind: 'postgres', url, schema, poolSize: 4 }, clock, () =>
      withClient((c) => c.query(`DROP SCHEMA ${schema} CASCADE`)),
    );
  }
  const { boot } = await initialize(rt, variant);
  return { ...rt, boot };
}

/** Runs `fn` with a client on the test database. */
async function withClient(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}

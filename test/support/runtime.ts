// Test runtimes on every dialect: a fresh in-memory SQLite database, or a fresh PostgreSQL schema.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openRuntime, calendarSeed, type Runtime } from '../../src/main.js';
import { bootstrap, type BootstrapResult } from '../../src/app/bootstrap.js';
import { fixedClock } from '../../src/adapters/clock.js';

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

/** A test runtime with its controllable clock and what bootstrap created. */
export type TestRuntime = Runtime & { clock: ReturnType<typeof fixedClock>; boot: BootstrapResult };

/**
 * Opens a fresh, migrated, bootstrapped database (demo district + admin) on the dialect.
 * @param opts.start the clock's start instant (default 2025-09-28T02:00:00Z)
 */
export async function openTestRuntime(
  dialect: Dialect,
  opts: { start?: string; demo?: boolean } = {},
): Promise<TestRuntime> {
  const clock = fixedClock(opts.start ?? '2025-09-28T02:00:00Z');
  const settings = { timeZone: 'Asia/Shanghai', sessionIdleMinutes: 30, sessionMaxHours: 12, clock };
  let rt: Runtime;
  if (dialect === 'sqlite') {
    rt = await openRuntime({ kind: 'sqlite', file: ':memory:' }, settings);
  } else {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const inner = await openRuntime({ kind: 'postgres', url: PG_URL ?? '', schema, poolSize: 4 }, settings);
    rt = {
      ...inner,
      close: async () => {
        await inner.close();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  const boot = await bootstrap(rt.ctx, calendarSeed, opts.demo ?? true);
  return { ...rt, clock, boot };
}

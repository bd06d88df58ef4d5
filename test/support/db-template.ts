// Migrated and bootstrapped template databases for test runtimes, built once and copied per suite.
//
// Migrating and bootstrapping (national calendar, demo district with its catalogues, admin hashed with
// argon2) costs about 0.4 s on SQLite and 1–5 s on PostgreSQL; copying a finished database costs about 20 ms
// (a file copy) and 0.15–0.4 s (`CREATE DATABASE … TEMPLATE …`). Templates come in two levels: the migrated
// database (one per dialect), and from a copy of it one bootstrapped database per variant (the clock's start
// instant and `demo`). Each is keyed by a digest of everything that decides its contents — the source tree
// (migrations, bootstrap, demo data, calendar seed) and the package lock — so a change rebuilds it, and it is
// shared by every test process of a run (and by later runs while nothing changed). Concurrent builders are
// serialized (a lock file, a PostgreSQL advisory lock); a finished template is published atomically (a
// directory rename, a database rename) together with what bootstrap returned.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { openRuntime, calendarSeed, type Runtime } from '../../src/main.js';
import { bootstrap, type BootstrapResult, type DemoData } from '../../src/app/bootstrap.js';
import type { Clock } from '../../src/app/ports.js';
import type { AbuseLimits } from '../../src/app/throttle/limits.js';
import { fixedClock } from '../../src/adapters/clock.js';
import { memo } from '../../src/domain/core/memo.js';

/**
 * How a runtime's database was initialized: the clock's start instant, whether the demo district exists, and
 * whether the first start made the demo's content (app/demo/demo-content.ts) as `npm start` does.
 */
export type TemplateVariant = { start: string; demo: boolean; content?: boolean };

/**
 * What a template carries besides its rows: bootstrap's result, and how many ids bootstrap drew. The ids
 * are UUIDv7 with a per-millisecond counter; under a clock that stands still a copy must draw that many
 * ids before the test's first, so that every later id sorts exactly as in a freshly bootstrapped database.
 */
export type TemplateInfo = { boot: BootstrapResult; idsDrawn: number };

/** Runtime settings shared by every test runtime (the clock is the test's). */
export const runtimeSettings = (clock: Clock, limits: Partial<AbuseLimits> = {}) => ({
  timeZone: 'Asia/Shanghai',
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  clock,
  limits: { ...TEST_LIMITS, ...limits },
});

/**
 * The limits a test runs under unless it sets its own (0 = off): none, since a suite submits, logs in and looks up
 * far more than one visitor would, and its clock stands still (a minimum form time would refuse every post). The
 * tests of the limits (test/security) set theirs.
 */
export const TEST_LIMITS: AbuseLimits = {
  intakePerAddressPerHour: 0,
  intakePerEmailPerDay: 0,
  intakePerPhonePerDay: 0,
  receiptsPerRecipientPerDay: 0,
  receiptsPerHour: 0,
  formMinSeconds: 0,
  formMaxHours: 0,
  powBits: 0,
  loginPerAccountAddress: 0,
  loginPerAddress: 0,
  loginPerAccount: 0,
  lookupFailuresPerAddress: 0,
  correctionsPerAddress: 0,
};

const ROOT = join(import.meta.dirname, '..', '..');
/**
 * Templates of another source digest built longer ago than this are removed (a checkout edited since, or
 * another checkout that will build its own again), and suite databases as old (their process died).
 */
const STALE_MS = 2 * 3600 * 1000;

let sourceDigest: string | undefined;

/** Relative modules a source file imports statically (`import … from './x.js'`, `export … from`, side effects). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?['"](\.{1,2}\/[^'"]+)['"]/g)];
  return found.map((m) => {
    const target = join(dirname(file), m[1] ?? '');
    const ts = target.replace(/\.js$/, '.ts');
    return existsSync(ts) ? ts : target.replace(/\.js$/, '.tsx');
  });
}

/**
 * A digest of what decides a template's rows: every source file src/main.ts (the runtime's composition) and
 * src/app/bootstrap.ts reach by static imports — migrations, repositories, bootstrap, demo data, calendar
 * seed — and the package lock. The web and CLI layers are not reached, so editing them rebuilds nothing.
 */
function digestOfSources(): string {
  if (sourceDigest) return sourceDigest;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const next of staticImports(file)) visit(next);
  };
  visit(join(ROOT, 'src', 'main.ts'));
  visit(join(ROOT, 'src', 'app', 'bootstrap.ts'));
  const hash = createHash('sha256');
  for (const file of [...seen].sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  sourceDigest = hash.digest('hex').slice(0, 16);
  return sourceDigest;
}

/**
 * A template's name: the source digest plus `m` for the migrated database, or a digest of the variant.
 * @param v the variant; undefined for the migrated database the variants are built from
 */
function templateKey(v: TemplateVariant | undefined): { source: string; key: string } {
  const source = digestOfSources();
  const text = v ? `${v.start}|${v.demo}${v.content ? '|content' : ''}` : '';
  const variant = v ? createHash('sha256').update(text).digest('hex').slice(0, 12) : 'm';
  return { source, key: `${source}_${variant}` };
}

/** What the migrated database carries: nothing bootstrapped. */
const MIGRATED_ONLY: TemplateInfo = { boot: { calendarYears: 0, createdOrgs: 0 }, idsDrawn: 0 };

/** Bootstraps a runtime for the variant, or leaves the migrated database as it is. */
const prepare = (rt: Runtime, v: TemplateVariant | undefined) => (v ? initialize(rt, v) : MIGRATED_ONLY);

/** A clock for building: the variant's start (the migrated database records no time but Kysely's own). */
const buildClock = (v: TemplateVariant | undefined) => fixedClock(v?.start ?? '2000-01-01T00:00:00Z');

/** What the variant's first start creates. */
const demoDataOf = (v: TemplateVariant): DemoData => (v.demo ? (v.content ? 'full' : 'orgs') : 'none');

/** Bootstraps a migrated runtime (the work a template saves), counting the ids bootstrap draws. */
export async function initialize(rt: Runtime, v: TemplateVariant): Promise<TemplateInfo> {
  const crypto = rt.ctx.crypto;
  let idsDrawn = 0;
  const counting = {
    ...crypto,
    newId: () => {
      idsDrawn += 1;
      return crypto.newId();
    },
  };
  const boot = await bootstrap({ ...rt.ctx, crypto: counting }, calendarSeed, demoDataOf(v));
  return { boot, idsDrawn };
}

/** Draws the ids bootstrap drew in the template, so the copy's next id is the one a fresh database makes. */
export function replayIds(rt: Runtime, info: TemplateInfo): void {
  for (let i = 0; i < info.idsDrawn; i++) rt.ctx.crypto.newId();
}

// ---------------------------------------------------------------------------------------------- SQLite

/** Where SQLite templates and copies live: RAM-backed /dev/shm when there is one. */
function sqliteBase(): string {
  const shm = '/dev/shm';
  const base = existsSync(shm) ? shm : tmpdir();
  const dir = join(base, 'gongkai-test');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const sqliteTemplates = new Map<string, Promise<{ file: string; info: TemplateInfo }>>();

/** The SQLite template of a variant, or the migrated one (built now if missing): its file and bootstrap's result. */
function sqliteTemplate(v: TemplateVariant | undefined): Promise<{ file: string; info: TemplateInfo }> {
  const { source, key } = templateKey(v);
  return memo(sqliteTemplates, key, () => buildSqliteTemplate(source, key, v));
}

async function buildSqliteTemplate(
  source: string,
  key: string,
  v: TemplateVariant | undefined,
): Promise<{ file: string; info: TemplateInfo }> {
  const base = sqliteBase();
  const dir = join(base, `tpl_${key}`);
  const read = () => ({
    file: join(dir, 'db.sqlite'),
    info: JSON.parse(readFileSync(join(dir, 'info.json'), 'utf8')) as TemplateInfo,
  });
  if (existsSync(join(dir, 'info.json'))) return read();
  const lock = join(base, `tpl_${key}.lock`);
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      if (existsSync(join(dir, 'info.json'))) return read();
      // A builder that died leaves its lock: a build takes well under a minute.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 60_000) rmSync(lock, { force: true });
      await sleep(50);
    }
  }
  try {
    if (existsSync(join(dir, 'info.json'))) return read();
    removeStale(base, source);
    const work = join(base, `tpl_${key}.building-${process.pid}`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work);
    if (v) copyFileSync((await sqliteTemplate(undefined)).file, join(work, 'db.sqlite'));
    const rt = await openRuntime({ kind: 'sqlite', file: join(work, 'db.sqlite') }, runtimeSettings(buildClock(v)));
    const info = await prepare(rt, v);
    await rt.close();
    for (const extra of ['db.sqlite-wal', 'db.sqlite-shm']) rmSync(join(work, extra), { force: true });
    writeFileSync(join(work, 'info.json'), JSON.stringify(info));
    renameSync(work, dir);
    return read();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Removes SQLite templates of other sources that nobody has built for a while. */
function removeStale(base: string, source: string): void {
  for (const name of readdirSync(base)) {
    if (!name.startsWith('tpl_') || name.startsWith(`tpl_${source}`)) continue;
    const p = join(base, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
  }
}

/** A new SQLite file name beside the templates (not created). */
export function scratchSqliteFile(): string {
  return join(sqliteBase(), `t_${process.pid}_${randomBytes(6).toString('hex')}.sqlite`);
}

/** Removes a SQLite database file with its WAL and shared-memory files. */
export function removeSqliteFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/** A copy of the variant's SQLite template: a fresh file to open, and how to remove it. */
export async function sqliteCopy(
  v: TemplateVariant,
): Promise<{ file: string; info: TemplateInfo; remove: () => void }> {
  const tpl = await sqliteTemplate(v);
  const file = scratchSqliteFile();
  copyFileSync(tpl.file, file);
  return { file, info: tpl.info, remove: () => removeSqliteFile(file) };
}

// ------------------------------------------------------------------------------------------ PostgreSQL

/** The URL of another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` with a client on the test database (the server's administrative connection). */
async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const pgTemplates = new Map<string, Promise<{ name: string; info: TemplateInfo }>>();

/** The PostgreSQL template database of a variant, or the migrated one (built now if missing). */
function pgTemplate(url: string, v: TemplateVariant | undefined): Promise<{ name: string; info: TemplateInfo }> {
  const { source, key } = templateKey(v);
  return memo(pgTemplates, key, () => buildPgTemplate(url, source, `gk_tpl_${key}`, v));
}

/** The template's comment: what bootstrap returned, and when it was built (for the clean-up of old ones). */
type TemplateComment = TemplateInfo & { builtAt: number };

async function readTemplate(c: pg.Client, name: string): Promise<TemplateInfo | undefined> {
  const { rows } = await c.query<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [name],
  );
  const comment = rows[0]?.comment;
  if (!comment) return undefined;
  const { boot, idsDrawn } = JSON.parse(comment) as TemplateComment;
  return { boot, idsDrawn };
}

async function buildPgTemplate(
  url: string,
  source: string,
  name: string,
  v: TemplateVariant | undefined,
): Promise<{ name: string; info: TemplateInfo }> {
  const from = v ? (await pgTemplate(url, undefined)).name : undefined;
  return withAdmin(url, async (c) => {
    const found = await readTemplate(c, name);
    if (found) return { name, info: found };
    // One builder per template across the test processes of a run; the others wait and read it.
    const lockKey = BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 16)}`));
    await c.query('select pg_advisory_lock($1)', [lockKey.toString()]);
    try {
      const ready = await readTemplate(c, name);
      if (ready) return { name, info: ready };
      await dropStale(c, source);
      const work = `gk_build_${process.pid}_${randomBytes(4).toString('hex')}`;
      await c.query(`create database ${work}${from ? ` template ${from}` : ''}`);
      try {
        const rt = await openRuntime(
          { kind: 'postgres', url: databaseUrl(url, work), poolSize: 2 },
          runtimeSettings(buildClock(v)),
        );
        const info = await prepare(rt, v);
        await rt.close();
        const comment: TemplateComment = { ...info, builtAt: Date.now() };
        await c.query(`comment on database ${work} is ${pg.escapeLiteral(JSON.stringify(comment))}`);
        await c.query(`alter database ${work} rename to ${name}`);
        return { name, info };
      } catch (e) {
        await c.query(`drop database if exists ${work} with (force)`);
        throw e;
      }
    } finally {
      await c.query('select pg_advisory_unlock($1)', [lockKey.toString()]);
    }
  });
}

/**
 * Drops templates of other sources built long ago, and suite databases left by test processes that
 * died before closing their runtime (their names carry their creation time).
 */
async function dropStale(c: pg.Client, source: string): Promise<void> {
  const { rows } = await c.query<{ datname: string; comment: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as comment from pg_database
      where datname like 'gk\\_tpl\\_%' or datname like 'gk\\_t\\_%'`,
  );
  const now = Date.now();
  for (const { datname, comment } of rows) {
    const suite = /^gk_t_(\d+)_/.exec(datname);
    const old = suite
      ? now - Number(suite[1]) * 1000 > STALE_MS
      : !datname.startsWith(`gk_tpl_${source}`) &&
        now - ((comment ? (JSON.parse(comment) as TemplateComment).builtAt : 0) || 0) > STALE_MS;
    if (old) await c.query(`drop database if exists ${datname} with (force)`);
  }
}

/**
 * Drops a suite's database once its runtime is closed. Without FORCE first: the server waits (up to 5 s) for
 * the closed pool's backends to exit, where FORCE would terminate a connection whose client is still ending
 * (an 'error' event nobody listens to any more). FORCE only when the database is still in use after that.
 */
async function dropDatabase(c: pg.Client, name: string): Promise<void> {
  try {
    await c.query(`drop database if exists ${name}`);
  } catch {
    await c.query(`drop database if exists ${name} with (force)`);
  }
}

/** A copy of the variant's PostgreSQL template: a fresh database, its URL, and how to drop it (`remove`). */
export async function pgCopy(
  url: string,
  v: TemplateVariant,
): Promise<{ url: string; info: TemplateInfo; remove: () => Promise<void> }> {
  const tpl = await pgTemplate(url, v);
  const name = `gk_t_${Math.floor(Date.now() / 1000)}_${randomBytes(5).toString('hex')}`;
  await withAdmin(url, (c) => c.query(`create database ${name} template ${tpl.name}`));
  return {
    url: databaseUrl(url, name),
    info: tpl.info,
    remove: () => withAdmin(url, (c) => dropDatabase(c, name)),
  };
}

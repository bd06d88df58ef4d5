// A full disk and a read-only database. A write that fails with SQLITE_FULL (SQLite's page
// limit, `PRAGMA max_page_count`, and a real size-limited tmpfs) or on a read-only PostgreSQL database answers
// 503 with the cause, the log names the real failure (not "cannot rollback - no transaction is active"), and
// /healthz reports it; a data folder that cannot be written stops the start with its path and the cause.
// The tmpfs cases mount file systems: they run as root (CI) and are skipped elsewhere.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDb, type Db } from '../../src/db/connect.js';
import { buildRepos, unitOfWork } from '../../src/db/unit-of-work.js';
import { healthProbe } from '../../src/db/repositories/health-probe.js';
import { AppError } from '../../src/app/errors.js';
import { databaseHealth } from '../../src/app/system/health.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createWebApp } from '../../src/web/app.js';
import { fixedClock } from '../../src/adapters/clock.js';
import { PG_URL, skipReason } from '../support/runtime.js';
import { databaseUrl, pgCopy, runtimeSettings, sqliteCopy } from '../support/db-template.js';
import { applicationForm } from '../factories/applications.js';
import { rootOrg } from '../factories/orgs.js';
import { TEST_LIMITS } from '../support/db-template.js';

const ROOT = join(import.meta.dirname, '..', '..');
const VARIANT = { start: '2025-09-28T02:00:00Z', demo: true };
const clock = fixedClock(VARIANT.start);

/** Captures console.error while `fn` runs. */
async function capturingErrors<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) =>
    lines.push(args.map((a) => String(a instanceof Error ? a.stack : a)).join(' '));
  try {
    return { value: await fn(), log: lines.join('\n') };
  } finally {
    console.error = original;
  }
}

/** A write of some size in one transaction (a setting: a real table, no audit needed here). */
const bigWrite = (db: Db, key: string) =>
  unitOfWork(db.kysely, db.instanceId).run((r) => r.settings.set(key, 'x'.repeat(200_000), clock.nowIso()));

/** The error a promise rejects with. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail('the write should have failed');
}

/** Whether this process may mount file systems (root with CAP_SYS_ADMIN). */
function canMount(): string | false {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir]);
    return false;
  } catch {
    return 'cannot mount a tmpfs here (needs root, as in CI)';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const mountSkip = canMount();

/** A tmpfs of `size` mounted on a new folder; `unmount` removes it. */
function tmpfs(size: string): { dir: string; remount: (opts: string) => void; unmount: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-fs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return {
    dir,
    remount: (opts) => execFileSync('mount', ['-o', `remount,${opts}`, dir]),
    unmount: () => {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('SQLite at its page limit (PRAGMA max_page_count)', () => {
  let db: Db;
  let remove: () => void;
  before(async () => {
    const copy = await sqliteCopy(VARIANT);
    remove = copy.remove;
    db = openDb({ kind: 'sqlite', file: copy.file });
  });
  after(async () => {
    await db.close();
    remove();
  });

  test('should fail the write as unavailable (disk_full) with SQLITE_FULL as its cause, and report it', async () => {
    // No free page left and no page more allowed: the next page a write needs fails with SQLITE_FULL.
    await sql`vacuum`.execute(db.kysely);
    await sql`pragma max_page_count = ${sql.raw(String(await pageCount(db)))}`.execute(db.kysely);
    const { value: error, log } = await capturingErrors(() => rejection(bigWrite(db, 'fault.full')));
    assert.ok(error instanceof AppError, String(error));
    assert.deepEqual([error.code, error.reason], ['unavailable', 'disk_full']);
    assert.equal((error.cause as { code?: string }).code, 'SQLITE_FULL');
    assert.doesNotMatch(log, /cannot rollback/, 'the rollback does not hide the cause');
    assert.equal(await healthProbe(db.kysely).probe(clock.nowIso()), 'disk_full');
    const health = await databaseHealth({ repos: buildRepos(db.kysely, db.instanceId), clock, settings: settingsOf() });
    assert.deepEqual(health, { status: 'degraded', db: 'sqlite', cause: 'disk_full' });
  });

  test('should take writes again once there is room', async () => {
    await sql`pragma max_page_count = 1073741823`.execute(db.kysely);
    await bigWrite(db, 'fault.room');
    assert.equal(await healthProbe(db.kysely).probe(clock.nowIso()), null);
  });
});

describe('PostgreSQL database set read-only', { skip: skipReason('postgres') }, () => {
  let copy: Awaited<ReturnType<typeof pgCopy>>;
  let name = '';
  before(async () => {
    copy = await pgCopy(PG_URL ?? '', VARIANT);
    name = new URL(copy.url).pathname.slice(1);
  });
  after(() => copy.remove());

  const alter = async (on: boolean) => {
    const c = new pg.Client({ connectionString: databaseUrl(PG_URL ?? '', 'postgres') });
    await c.connect();
    await c.query(`alter database ${name} set default_transaction_read_only = ${on ? 'on' : 'off'}`);
    await c.end();
  };

  test('should fail the write as unavailable (read_only) and report read_only on /healthz', async () => {
    await alter(true);
    const db = openDb({ kind: 'postgres', url: copy.url, poolSize: 2 });
    try {
      const { value: error } = await capturingErrors(() => rejection(bigWrite(db, 'fault.ro')));
      assert.ok(error instanceof AppError, String(error));
      assert.deepEqual([error.code, error.reason], ['unavailable', 'read_only']);
      assert.equal((error.cause as { code?: string }).code, '25006');
      const repos = buildRepos(db.kysely, db.instanceId);
      const health = await databaseHealth({ repos, clock, settings: { ...settingsOf(), dialect: 'postgres' } });
      assert.deepEqual(health, { status: 'degraded', db: 'postgres', cause: 'read_only' });
    } finally {
      await db.close();
      await alter(false);
    }
  });
});

describe('SQLite on a full disk (a size-limited tmpfs), through the web app', { skip: mountSkip }, () => {
  let fs: ReturnType<typeof tmpfs>;
  let rt: Runtime;
  let app: ReturnType<typeof createWebApp>;
  let org = '';
  const filler = () => join(fs.dir, 'filler');
  before(async () => {
    fs = tmpfs('8m');
    const copy = await sqliteCopy(VARIANT);
    copyFileSync(copy.file, join(fs.dir, 'db.sqlite'));
    copy.remove();
    rt = await openRuntime({ kind: 'sqlite', file: join(fs.dir, 'db.sqlite') }, runtimeSettings(clock));
    org = (await rootOrg(rt)).creditCode;
    app = createWebApp(rt.ctx, {
      secureCookies: false,
      uploadLimitBytes: 2 * 1024 * 1024,
      dialect: 'sqlite',
      logRequests: false,
      timeZone: 'Asia/Shanghai',
    });
  });
  after(async () => {
    await rt?.close();
    fs?.unmount();
  });

  const submit = () =>
    app.request('http://localhost/api/v1/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'localhost' },
      body: JSON.stringify({ org, ...applicationForm(), description: '申请公开'.repeat(400) }),
    });
  const health = async () => {
    const res = await app.request('http://localhost/healthz');
    return { status: res.status, body: (await res.json()) as unknown };
  };

  test('should answer 503 disk_full to writes and on /healthz, logging SQLITE_FULL', async () => {
    assert.equal((await submit()).status, 201);
    assert.deepEqual(await health(), { status: 200, body: { status: 'ok', db: 'sqlite' } });
    fillDisk(filler());
    const { value: statuses, log } = await capturingErrors(async () => {
      const seen: number[] = [];
      for (let i = 0; i < 40 && !seen.includes(503); i++) {
        const res = await submit();
        seen.push(res.status);
        if (res.status === 503) {
          assert.deepEqual(await res.json(), {
            error: 'unavailable',
            message: '存储空间已满，暂时无法保存，请稍后再试',
            reason: 'disk_full',
          });
        }
      }
      return seen;
    });
    assert.ok(statuses.includes(503), `a write fails on the full disk (${statuses.join(' ')})`);
    assert.ok(
      statuses.every((s) => s === 201 || s === 503),
      statuses.join(' '),
    );
    assert.match(log, /SQLITE_FULL|database or disk is full/);
    assert.doesNotMatch(log, /cannot rollback/);
    assert.deepEqual(await health(), { status: 503, body: { status: 'degraded', db: 'sqlite', cause: 'disk_full' } });
  });

  test('should recover by itself once space is freed', async () => {
    rmSync(filler());
    assert.deepEqual(await health(), { status: 200, body: { status: 'ok', db: 'sqlite' } });
    assert.equal((await submit()).status, 201);
  });
});

describe('a data folder that cannot be written, at start', () => {
  const serve = (dataDir: string) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), 'serve'], {
      env: { ...process.env, GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  test('should exit 1 naming the folder and EROFS on a read-only file system', { skip: mountSkip }, () => {
    const fs = tmpfs('4m');
    try {
      mkdirSync(join(fs.dir, 'data'));
      writeFileSync(join(fs.dir, 'data', 'gongkai.sqlite'), '');
      fs.remount('ro');
      const r = serve(join(fs.dir, 'data'));
      assert.equal(r.status, 1, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(`数据目录不可写 / data folder is not writable: ${join(fs.dir, 'data')} \\(EROFS`),
      );
    } finally {
      fs.unmount();
    }
  });

  test('should exit 1 naming the folder and the cause when it cannot be created (any user)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-file-'));
    try {
      writeFileSync(join(dir, 'not-a-folder'), '');
      const r = serve(join(dir, 'not-a-folder', 'data'));
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /数据目录不可写 \/ data folder is not writable: .*not-a-folder\/data \(ENOTDIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a start that fails once the database is open', { skip: skipReason('postgres') }, () => {
  test('should exit with the error when the port is taken, its database connections closed', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const copy = await pgCopy(PG_URL ?? '', VARIANT);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-port-'));
    try {
      const port = String((taken.address() as AddressInfo).port);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), 'serve'], {
        env: { ...process.env, GONGKAI_DATA_DIR: dir, DATABASE_URL: copy.url, HOST: '127.0.0.1', PORT: port },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.signal, null, 'ended by itself, not killed at the timeout');
      assert.notEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /EADDRINUSE/);
    } finally {
      taken.close();
      await copy.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The database's page count. */
async function pageCount(db: Db): Promise<number> {
  const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db.kysely);
  return Number(rows[0]?.page_count);
}

/** The settings the health check reads. */
const settingsOf = () => ({
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  apiTokenDays: 90,
  dialect: 'sqlite' as const,
  limits: TEST_LIMITS,
});

/** Fills the disk holding `file` until it refuses more. */
function fillDisk(file: string): void {
  const chunk = Buffer.alloc(64 * 1024);
  let size = 0;
  for (;;) {
    try {
      writeFileSync(file, chunk, { flag: 'a' });
      size += chunk.length;
    } catch {
      break;
    }
  }
  assert.ok(size > 0);
}

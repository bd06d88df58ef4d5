// The job engine (docs/security/jobs.md): background work runs exactly once across processes. (1) Two real
// `gongkai serve` processes on one PostgreSQL schema (DATABASE_SCHEMA) and a real, slow SMTP server: 300 queued
// emails are delivered exactly 300 times although the outbox runs outlast their interval and overlap across the
// processes, the day's sweeps are queued and run once, pg-boss's tables are in that schema, and SIGTERM stops both
// cleanly. (2) On each engine, a job that throws is retried with a growing delay, then listed as failed with its
// error on /admin/system/jobs, which only an administrator may read. (3) SQLite's in-process engine delivers each
// email once when a run outlasts the interval, and `gongkai applications daily` on the same file at the same time.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { DIALECTS, openBootstrappedRuntime, openTestRuntime, PG_URL, skipReason } from '../support/runtime.js';
import type { TestRuntime } from '../support/runtime.js';
import { startSmtp, type Received, type SmtpCapture } from '../support/smtp.js';
import { adminAgent, staffAgent } from '../support/admin.js';
import { createStaff, sampleForm } from '../support/staff.js';
import { runGongkaiInProcess, TEST_DEMO_DATA } from '../support/cli.js';
import { enqueueMail } from '../../src/app/mail/outbox.js';
import { submitApplication } from '../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../src/app/applications/act-on-application.js';
import { updateUser } from '../../src/app/users/manage-users.js';
import { BACKGROUND_JOBS, registerBackgroundJobs } from '../../src/app/jobs/background-jobs.js';
import { smtpMailer } from '../../src/adapters/mail/smtp-mailer.js';
import { pgBossJobEngine } from '../../src/adapters/jobs/pg-boss-engine.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** The servers' office day (their clock is the system's): the daily jobs' key. */
const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const HANDLER_EMAIL = 'jobs.handler@example.gov.cn';

/** Waits until `done` holds, checking every 200 ms. */
async function until(what: string, done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const t = Date.now();
  while (!(await done())) {
    assert.ok(Date.now() - t < timeoutMs, `${what} within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** Queues `n` test messages, subjects `outbox-test-000`…, through the outbox's own use case. */
async function queueMessages(rt: TestRuntime, n: number): Promise<void> {
  await rt.ctx.uow.run(async (r) => {
    for (let i = 0; i < n; i++) {
      const subject = `outbox-test-${String(i).padStart(3, '0')}`;
      const m = { to: `r${i}@example.com`, subject, text: 'test', kind: 'test' };
      await enqueueMail(r, () => rt.ctx.crypto.newId(), m, rt.clock.nowIso());
    }
  });
}

/** How many times each test subject was delivered. */
function deliveries(inbox: readonly Received[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of inbox) {
    const subject = /^Subject: (outbox-test-\d+)/m.exec(m.raw)?.[1];
    if (subject) counts.set(subject, (counts.get(subject) ?? 0) + 1);
  }
  return counts;
}

type Server = { child: ChildProcess; stderr: () => string; exited: Promise<number | null> };

/** Starts `gongkai serve` in a child process; resolves when it listens. */
async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'gongkai.js'), 'serve'], { env, stdio: 'pipe' });
  let stderr = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/listening on http/.test(stderr)) resolve();
    });
    child.stdout!.resume();
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${stderr}`)));
  });
  return { child, stderr: () => stderr, exited };
}

// A server that never comes up fails the suite after 3 minutes instead of stalling the whole run.
describe('job engine: two servers on one PostgreSQL schema', { skip: skipReason('postgres'), timeout: 180_000 }, () => {
  let rt: TestRuntime;
  let smtp: SmtpCapture;
  let dataDir = '';
  let schema = '';
  const servers: Server[] = [];
  const inbox: Received[] = [];
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      return (await c.query<T>(text, values)).rows;
    } finally {
      await c.end();
    }
  };

  before(async () => {
    rt = await openBootstrappedRuntime('postgres');
    schema = rt.db.kind === 'postgres' ? (rt.db.schema ?? '') : '';
    // A handler with an email address and a case received in 2025: overdue by the servers' today, so the day's
    // reminder sweep mails the handler.
    const staff = await createStaff(rt);
    const handler = (await rt.ctx.repos.users.byId(staff.handler.userId))!;
    const { username, displayName, orgId, roles } = handler;
    await updateUser(rt.ctx, null, handler.id, { username, displayName, orgId, roles, email: HANDLER_EMAIL });
    const form = sampleForm({ applicant: { ...sampleForm().applicant, email: '' }, delivery: 'post' });
    const r = await submitApplication(rt.ctx, null, { orgCreditCode: staff.rootCode, channel: 'online', form });
    await actOnApplication(rt.ctx, staff.handler, r.id, 'register', {});
    await queueMessages(rt, 300);
    // A slow mail server: a run of the outbox (up to 200 messages) outlasts the 5-second interval, so the next
    // period's run starts in the other process while the first still sends.
    smtp = await startSmtp(inbox, { delayMs: 5 });
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-jobs-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: PG_URL,
      DATABASE_SCHEMA: schema,
      SMTP_URL: smtp.url,
      GONGKAI_MAIL_INTERVAL_SECONDS: '5',
      GONGKAI_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      ...TEST_DEMO_DATA,
    };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
  });

  after(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await smtp?.close();
    await rt?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('should deliver 300 queued emails exactly 300 times and run the day’s sweeps once', async (t) => {
    const jobsOf = (names: string[]) =>
      query<{ name: string; state: string; singleton_key: string }>(
        `SELECT name, state::text AS state, singleton_key FROM ${schema}.job WHERE name = ANY($1) ORDER BY name`,
        [names],
      );
    const daily = ['applications-lapses', 'applications-reminders'];
    await until('the outbox is empty and the sweeps are done', async () => {
      const done = (await jobsOf(daily)).filter((j) => j.state === 'completed').length === daily.length;
      return done && (await rt.ctx.repos.outbox.pending()) === 0;
    });
    await sleep(1000); // a second delivery of any message would arrive meanwhile
    const counts = deliveries(inbox);
    assert.equal(counts.size, 300, 'every message delivered');
    assert.deepEqual([...new Set(counts.values())], [1], 'no message delivered twice');
    const rows = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.email_outbox`);
    assert.equal(inbox.length, rows[0]?.n, 'one delivery per outbox message (the reminder included)');
    assert.equal(inbox.filter((m) => m.to.includes(HANDLER_EMAIL)).length, 1, 'the handler is reminded once');
    assert.deepEqual(
      (await jobsOf(daily)).map((j) => [j.name, j.state, j.singleton_key]),
      daily.map((name) => [name, 'completed', TODAY]),
      'each daily job queued once for the office day, by one of the two servers',
    );
    const senders = await query<{ claimed_by: string; n: number }>(
      `SELECT claimed_by, count(*)::int AS n FROM ${schema}.email_outbox GROUP BY claimed_by`,
    );
    t.diagnostic(`messages sent per process: ${JSON.stringify(senders)}`);
    const runs = await jobsOf(['mail-flush']);
    assert.ok(runs.length >= 2, 'the outbox ran in more than one period');
    const tables = await query<{ job: string | null; version: string | null }>(
      `SELECT to_regclass($1)::text AS job, to_regclass($2)::text AS version`,
      [`${schema}.job`, `${schema}.version`],
    );
    assert.deepEqual(tables, [{ job: `${schema}.job`, version: `${schema}.version` }], "pg-boss's tables are there");
  });

  test('should stop both servers cleanly on SIGTERM', async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    const codes = await Promise.race([
      Promise.all(servers.map((s) => s.exited)),
      sleep(20_000).then(() => 'timeout' as const),
    ]);
    assert.deepEqual(codes, [0, 0], 'both exit with status 0');
    for (const s of servers) assert.doesNotMatch(s.stderr(), /job engine error|Unhandled|TypeError/);
  });
});

for (const dialect of DIALECTS) {
  describe(`job engine (${dialect}): a job that throws`, { skip: skipReason(dialect) }, () => {
    test('should be retried with a growing delay, then listed as failed with its error for admins only', async () => {
      const rt = await openTestRuntime(dialect);
      // pg-boss's workers look for jobs every half second here (2 s in a server), to keep the test short.
      if (rt.db.kind === 'postgres') {
        const { url } = rt.db;
        rt.ctx.jobs = pgBossJobEngine({
          url,
          schema: 'public',
          today: () => rt.clock.today(),
          applicationName: 'jobs-test',
          pollingIntervalSeconds: 0.5,
        });
      }
      try {
        await rt.ctx.jobs.start();
        const attempts: number[] = [];
        const fail = () => {
          attempts.push(Date.now());
          return Promise.reject(new Error('模拟故障：邮件服务器拒绝连接'));
        };
        await rt.ctx.jobs.work('test-failing', fail, { retryLimit: 2, retryDelaySeconds: 1 });
        const id = await rt.ctx.jobs.enqueue('test-failing');
        const failed = async () =>
          (await rt.ctx.jobs.list({ state: 'failed', limit: 10 })).jobs.some((j) => j.id === id);
        await until('the job fails for good', failed);
        assert.equal(attempts.length, 3, 'the first attempt and 2 retries');
        const [a = 0, b = 0, c = 0] = attempts;
        assert.ok(b - a >= 900 && c - b >= 1900, `delays double: ${b - a} ms, then ${c - b} ms`);
        const page = await (await adminAgent(rt)).get('/admin/system/jobs?state=failed');
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(html, new RegExp(`data-job="${id}" data-state="failed"`));
        assert.match(html, /模拟故障：邮件服务器拒绝连接/);
        assert.match(html, /<td class="num">2<\/td>/, 'two retries shown');
        const handler = await staffAgent(rt, 'jobs-handler', ['handler']);
        assert.equal((await handler.get('/admin/system/jobs')).status, 403, 'not an administrator');
      } finally {
        await rt.ctx.jobs.stop();
        await rt.close();
      }
    });
  });
}

describe('job engine (sqlite, in process): a run that outlasts the interval', () => {
  test('should deliver each email once, with `gongkai applications daily` sending at the same time', async () => {
    const rt = await openTestRuntime('sqlite');
    const inbox: Received[] = [];
    const smtp = await startSmtp(inbox, { delayMs: 40 });
    try {
      rt.ctx.mailer = smtpMailer(smtp.url, 'gk@example.gov.cn');
      // The CLI's clock is the system's: leases are compared across processes, so this one's clock agrees.
      rt.clock.set(new Date().toISOString());
      await queueMessages(rt, 50);
      const mail = BACKGROUND_JOBS.filter((j) => j.queue === 'mail-flush');
      await rt.ctx.jobs.start();
      await registerBackgroundJobs(rt.ctx, rt.ctx.jobs, { ...rt.jobHost, mailIntervalSeconds: 1 }, mail);
      // `gongkai applications daily` on the same database file, sending beside the engine.
      const file = rt.db.kind === 'sqlite' ? rt.db.file : '';
      const env = { DATABASE_URL: `sqlite:${file}`, SMTP_URL: smtp.url, GONGKAI_DATA_DIR: dirname(file) };
      const oneShot = runGongkaiInProcess(['applications', 'daily'], env);
      await until('the outbox is empty', async () => (await rt.ctx.repos.outbox.pending()) === 0);
      const cli = await oneShot;
      assert.equal(cli.code, 0, cli.stderr);
      assert.match(cli.stdout, /mail-flush: \{"sent":\d+,"failed":0\}/);
      await sleep(1500);
      const counts = deliveries(inbox);
      assert.equal(counts.size, 50, 'every message delivered');
      assert.deepEqual([...new Set(counts.values())], [1], 'no message delivered twice');
      assert.equal(inbox.length, 50);
      const runs = (await rt.ctx.jobs.list({ queue: 'mail-flush', limit: 100 })).jobs.reverse();
      assert.ok(runs.length >= 2, 'the interval came round during the run');
      for (const [prev, next] of runs.slice(1).map((r, i) => [runs[i], r] as const)) {
        if (!next.startedAt) continue;
        assert.ok(prev?.finishedAt && next.startedAt >= prev.finishedAt, 'runs of the outbox never overlap here');
      }
    } finally {
      await rt.close();
      await smtp.close();
    }
  });
});

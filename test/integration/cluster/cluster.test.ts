// Several processes on one PostgreSQL database (docs/deploy.md). (1) Two real `gongkai serve` processes on one
// schema: a change made by the CLI (`publications import`) and one made through the first server (the site's public
// address) show on every public page of both within 1 s, pages read before the change included (so the test holds
// with a page cache in each process); the login throttle counts the attempts made at both servers together.
// (2) `gongkai serve --workers 2`: the primary forks two workers sharing one port, each queued email leaves once,
// a worker that is killed is forked again, and SIGTERM stops the workers and the primary with status 0.
// (3) On SQLite `--workers` is refused with status 2 and a Chinese message.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { openBootstrappedRuntime, PG_URL, skipReason, type TestRuntime } from '../../support/runtime.js';
import { runGongkai, runGongkaiInProcess, TEST_DEMO_DATA } from '../../support/cli.js';
import { startSmtp, type Received, type SmtpCapture } from '../../support/smtp.js';
import { enqueueMail } from '../../../src/app/mail/outbox.js';
import { syntheticDoc } from '../../../bench/lib/synthetic-text.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'gongkai.js');
/** The bound of "visible at once" across processes. */
const VISIBLE_WITHIN_MS = 1000;

type Server = { child: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null> };

/** Starts `gongkai serve args…` in a child process; resolves with its address when `listening` lines appeared. */
async function startServer(env: NodeJS.ProcessEnv, args: string[] = [], listening = 1): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env, stdio: 'pipe' });
  let stderr = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = [...stderr.matchAll(/listening on (http:\/\/[\d.:]+)/g)];
      if (found.length >= listening) resolve(found[0]![1]!);
    });
    child.stdout!.resume();
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr, exited };
}

/** Stops a server with SIGTERM; @returns its exit status (or 'timeout' after 20 s) */
async function stopServer(s: Server): Promise<number | null | 'timeout'> {
  if (s.child.exitCode !== null) return s.child.exitCode;
  s.child.kill('SIGTERM');
  return Promise.race([s.exited, sleep(20_000).then(() => 'timeout' as const)]);
}

/** A browser over real HTTP: a cookie jar, the CSRF field on posts, the same origin as the server. */
class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: URLSearchParams): Promise<Response> {
    const headers: Record<string, string> = { origin: this.base };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(this.base + path, { method, headers, body: body?.toString(), redirect: 'manual' });
    for (const sc of res.headers.getSetCookie()) {
      const [pair = ''] = sc.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  async post(path: string, fields: Record<string, string>): Promise<Response> {
    if (!this.cookies.has('gk_csrf')) await (await this.request('GET', '/admin/login')).text();
    const body = new URLSearchParams({ ...fields, _csrf: this.cookies.get('gk_csrf') ?? '' });
    return this.request('POST', path, body);
  }
}

/** One request on a connection of its own (no keep-alive): behind `--workers` each goes to the next worker. */
function onFreshConnection(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<{ status: number; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: { ...headers, connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The text of a page. */
const textOf = async (url: string): Promise<string> => (await fetch(url)).text();

/**
 * Waits until every server shows `expected` at `path`, for at most VISIBLE_WITHIN_MS after `since`.
 * @returns how long it took (ms)
 */
async function visibleEverywhere(servers: Server[], path: string, expected: string, since: number): Promise<number> {
  for (;;) {
    const shown = await Promise.all(servers.map(async (s) => (await textOf(s.url + path)).includes(expected)));
    const waited = Date.now() - since;
    if (shown.every(Boolean)) return waited;
    assert.ok(waited < VISIBLE_WITHIN_MS, `${path} shows the change on every server within 1 s (${shown.join(',')})`);
    await sleep(50);
  }
}

/** A server's environment on the test runtime's schema, with its own data folder and a limit of 4 failed logins. */
function serverEnv(rt: TestRuntime, dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const { GONGKAI_SECRET: _unset, ...inherited } = process.env;
  return {
    ...inherited,
    ...TEST_DEMO_DATA,
    DATABASE_URL: PG_URL,
    DATABASE_SCHEMA: rt.db.kind === 'postgres' ? (rt.db.schema ?? '') : '',
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_LOGIN_PER_ACCOUNT_ADDRESS: '4',
    HOST: '127.0.0.1',
    PORT: '0',
    ...extra,
  };
}

describe('two serve processes on one PostgreSQL schema', { skip: skipReason('postgres'), timeout: 180_000 }, () => {
  let rt: TestRuntime;
  let dataDir = '';
  let env: NodeJS.ProcessEnv = {};
  const servers: Server[] = [];

  before(async () => {
    rt = await openBootstrappedRuntime('postgres');
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-cluster-'));
    // Servers of one site share the signing key (docs/deploy.md): the counters' keys are HMACs under it.
    env = serverEnv(rt, dataDir, { GONGKAI_SECRET: 'cluster-test-secret-cluster-test-secret-0123' });
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    assert.notEqual(servers[0]!.url, servers[1]!.url);
  });

  after(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await rt?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('should show an item imported by the CLI on both servers within 1 s', async (t) => {
    const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null)!;
    const feed = `/org/${root.creditCode}/feed.atom`;
    const title = '示例区多进程可见性测试方案';
    // Read first, so that a page cache in either process holds the page as it was.
    for (const s of servers) assert.ok(!(await textOf(s.url + feed)).includes(title));
    const s = syntheticDoc(7, { orgs: 1, bodyWords: 20 });
    const line = {
      org: root.creditCode,
      title,
      kind: 'other_document',
      docNo: s.docNo,
      writtenOn: '2025-09-01',
      publishedOn: '2025-09-02',
      summary: s.summary,
      body: `<p>${s.body}</p>`,
      indexNo: `${root.creditCode}/2025-07777`,
    };
    const file = join(dataDir, 'one.jsonl');
    writeFileSync(file, `${JSON.stringify(line)}\n`);
    const cliEnv = {
      DATABASE_URL: PG_URL ?? '',
      DATABASE_SCHEMA: String(env.DATABASE_SCHEMA),
      GONGKAI_DATA_DIR: dataDir,
    };
    const r = await runGongkaiInProcess(['publications', 'import', file], cliEnv);
    assert.equal(r.code, 0, r.stderr);
    const waited = await visibleEverywhere(servers, feed, title, Date.now());
    t.diagnostic(`visible on both servers after ${waited} ms`);
  });

  test('should show a change made through one server on the other within 1 s', async (t) => {
    const [a] = servers;
    const admin = new Browser(a!.url);
    const initial = rt.boot.adminPassword ?? '';
    assert.equal((await admin.post('/admin/login', { username: 'admin', password: initial })).status, 303);
    const next = 'Duo-Jincheng-2026-Test';
    const changed = await admin.post('/admin/password', { current: initial, next, confirm: next });
    assert.equal(changed.status, 303, 'initial password changed');
    const address = 'https://gk-cluster.example.gov.cn';
    for (const s of servers) assert.ok(!(await textOf(`${s.url}/sitemap.xml`)).includes(address));
    const saved = await admin.post('/admin/settings/base-url', { publicBaseUrl: address });
    assert.equal(saved.status, 303, 'public address saved through the first server');
    const waited = await visibleEverywhere(servers, '/sitemap.xml', `<loc>${address}/`, Date.now());
    t.diagnostic(`visible on both servers after ${waited} ms`);
  });

  test('should count login attempts made at both servers against one limit', async () => {
    const attempt = async (s: Server) =>
      (await new Browser(s.url).post('/admin/login', { username: 'nobody-here', password: 'wrong-password-1' })).status;
    // Four failures allowed per account and address (GONGKAI_LOGIN_PER_ACCOUNT_ADDRESS=4): two at each server.
    const [a, b] = servers as [Server, Server];
    const statuses = [await attempt(a), await attempt(b), await attempt(a), await attempt(b)];
    assert.ok(
      statuses.every((x) => x !== 429),
      `the first four are answered: ${statuses.join(',')}`,
    );
    // Each process alone has seen two: only a shared count refuses the fifth and sixth.
    assert.equal(await attempt(a), 429, 'the fifth attempt is refused at the first server');
    const sixth = await new Browser(b.url).post('/admin/login', { username: 'nobody-here', password: 'x' });
    assert.equal(sixth.status, 429, 'and the sixth at the second');
    assert.match(await sixth.text(), /登录尝试过于频繁/);
  });

  test('should stop both servers with status 0 on SIGTERM', async () => {
    assert.deepEqual(await Promise.all(servers.map(stopServer)), [0, 0]);
  });
});

describe('serve --workers 2 on PostgreSQL', { skip: skipReason('postgres'), timeout: 180_000 }, () => {
  let rt: TestRuntime;
  let smtp: SmtpCapture;
  let dataDir = '';
  let primary: Server;
  const inbox: Received[] = [];
  const MESSAGES = 40;

  /** The primary's workers: the children of its process (Linux /proc). */
  const workerPids = async (): Promise<number[]> => {
    const { readFileSync } = await import('node:fs');
    const children = readFileSync(`/proc/${primary.child.pid}/task/${primary.child.pid}/children`, 'utf8');
    return children.trim().split(/\s+/).filter(Boolean).map(Number).sort();
  };

  before(async () => {
    rt = await openBootstrappedRuntime('postgres');
    await rt.ctx.uow.run(async (r) => {
      for (let i = 0; i < MESSAGES; i++) {
        const m = { to: `w${i}@example.com`, subject: `cluster-mail-${i}`, text: 'test', kind: 'test' };
        await enqueueMail(r, () => rt.ctx.crypto.newId(), m, rt.clock.nowIso());
      }
    });
    smtp = await startSmtp(inbox, { delayMs: 20 });
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-workers-'));
    // No GONGKAI_SECRET: the primary draws one key for its workers.
    const env = serverEnv(rt, dataDir, { SMTP_URL: smtp.url, GONGKAI_MAIL_INTERVAL_SECONDS: '5' });
    primary = await startServer(env, ['--workers', '2'], 2);
  });

  after(async () => {
    if (primary?.child.exitCode === null) {
      for (const pid of await workerPids().catch(() => [])) process.kill(pid, 'SIGKILL');
      primary.child.kill('SIGKILL');
    }
    await smtp?.close();
    await rt?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('should run two workers answering on one port', async () => {
    assert.equal((await workerPids()).length, 2);
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${primary.url}/healthz`)));
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200, 200, 200, 200],
    );
  });

  test('should count login attempts at both workers against one limit', async () => {
    const login = `${primary.url}/admin/login`;
    const page = await onFreshConnection(login, 'GET');
    const csrf = page.cookies.map((c) => /^gk_csrf=([^;]*)/.exec(c)?.[1]).find(Boolean) ?? '';
    const headers = {
      cookie: `gk_csrf=${csrf}`,
      origin: primary.url,
      'content-type': 'application/x-www-form-urlencoded',
    };
    const body = new URLSearchParams({ username: 'nobody-here', password: 'wrong-password-1', _csrf: csrf });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await onFreshConnection(login, 'POST', headers, body.toString())).status);
    }
    // The posts alternate between the workers, so each alone sees three: only a shared count (under one key)
    // refuses the fifth and sixth.
    assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429]);
  });

  test('should send each queued email once', async () => {
    const t0 = Date.now();
    while ((await rt.ctx.repos.outbox.pending()) > 0) {
      assert.ok(Date.now() - t0 < 60_000, 'the outbox empties within 60 s');
      await sleep(250);
    }
    await sleep(1000); // a second delivery would arrive meanwhile
    const subjects = inbox.map((m) => /^Subject: (cluster-mail-\d+)/m.exec(m.raw)?.[1]).filter(Boolean);
    assert.equal(subjects.length, MESSAGES, 'as many deliveries as messages');
    assert.equal(new Set(subjects).size, MESSAGES, 'every message once');
  });

  test('should fork a worker again when one dies', async () => {
    const before = await workerPids();
    process.kill(before[0]!, 'SIGKILL');
    const t0 = Date.now();
    let now = before;
    while (now.length < 2 || now.includes(before[0]!)) {
      assert.ok(Date.now() - t0 < 30_000, 'a new worker within 30 s');
      await sleep(200);
      now = await workerPids();
    }
    assert.match(primary.stderr(), /已退出（SIGKILL），1 秒后重启/);
    assert.equal((await fetch(`${primary.url}/healthz`)).status, 200);
  });

  test('should stop the workers and the primary with status 0 on SIGTERM', async () => {
    const workers = await workerPids();
    assert.equal(await stopServer(primary), 0);
    for (const pid of workers) assert.throws(() => process.kill(pid, 0), 'worker gone');
    assert.match(primary.stderr(), /全部工作进程已停止/);
  });
});

describe('serve --workers on SQLite', () => {
  test('should be refused with status 2 and say that PostgreSQL is needed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-workers-sqlite-'));
    try {
      const r = runGongkai(['serve', '--workers', '2'], { GONGKAI_DATA_DIR: dir, PORT: '0' });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /多进程运行（--workers）需要 PostgreSQL 数据库/);
      const bad = runGongkai(['serve', '--workers', 'many'], { GONGKAI_DATA_DIR: dir, PORT: '0' });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /工作进程数应为 1 到 64 之间的整数/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

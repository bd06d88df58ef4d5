// Findings of an outside test, on both dialects (docs/security/hardening.md): an Idempotency-Key reused with
// another body, absolute links built from the Host header, the audit chain's head anchored outside the database,
// the CSRF token bound to the session and the __Host- cookies, inline styles the CSP blocks, and the archive
// manifest's withdrawal day in the office's time zone.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../support/runtime.js';
import { datedPublishing } from '../factories/publications.js';
import { readZip } from '../support/zip-reader.js';
import { beforeSuite } from '../support/suite.js';
import { actOnPublication } from '../../src/app/publications/act-on-publication.js';
import { planExport, writeExportPackage } from '../../src/app/publications/export-package.js';
import { TestAgent } from '../support/http.js';
import { createStaff, sampleForm } from '../support/staff.js';
import { submitApplication } from '../../src/app/applications/submit-application.js';
import { AppError } from '../../src/app/errors.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { serveHttp } from '../../src/main.js';
import { savePublicBaseUrl } from '../../src/app/settings/public-base-url.js';
import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { runGongkaiInProcess, TEST_DEMO_DATA } from '../support/cli.js';
import { withDb } from '../support/db-rows.js';
import { writeAuditAnchor } from '../../src/app/audit/anchor-audit.js';
import { adminAgent, staffAgent } from '../support/admin.js';
import { STAFF_PASSWORD } from '../factories/staff.js';
import { staffEntryLetter } from '../factories/applications.js';

for (const dialect of DIALECTS) {
  describe(
    `archive manifest: the withdrawal day in the office's time zone (${dialect})`,
    {
      skip: skipReason(dialect),
    },
    () => {
      const rt = suiteRuntime(dialect, { start: '2026-01-05T02:00:00Z' });

      test('should note an item withdrawn at 01:30 Beijing time (17:30 UTC the day before) on the office date', async () => {
        const p = await datedPublishing(rt, 'tz');
        const id = await p.published('2026-02-10', '2026-02-10', {
          title: '午夜前后撤销的通知',
          kind: 'other_document',
        });
        rt.clock.set('2026-03-01T17:30:00Z'); // 2026-03-02 01:30 in Asia/Shanghai
        await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '内容有误' });
        const manifestOf = async (from: string, to: string) => {
          const plan = await planExport(rt.ctx, null, { org: p.root.creditCode, from, to });
          const chunks: Uint8Array[] = [];
          await writeExportPackage(rt.ctx, plan, async (c) => void chunks.push(c));
          const json = readZip(Buffer.concat(chunks)).get('manifest.json')?.content.toString('utf8') ?? '{}';
          return JSON.parse(json) as { items: { id: string; withdrawnOn: string | null }[] };
        };
        const before = await manifestOf('2026-02-01', '2026-03-01');
        assert.equal(before.items.find((i) => i.id === id)?.withdrawnOn, '2026-03-02');
        // Live on 2 March until 01:30 office time: the package of a period starting that day holds it.
        const after = await manifestOf('2026-03-02', '2026-03-31');
        assert.equal(after.items.find((i) => i.id === id)?.withdrawnOn, '2026-03-02');
      });
    },
  );
}

for (const dialect of DIALECTS) {
  describe(`Idempotency-Key reused with another body (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const staff = beforeSuite(() => createStaff(rt));
    const post = (agent: TestAgent, payload: unknown, key: string) =>
      agent.request('POST', '/api/v1/applications', {
        body: JSON.stringify(payload),
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      });
    const total = async (orgId: string) =>
      (await rt.ctx.repos.applications.list({ orgIds: [orgId] }, { limit: 1, offset: 0 })).total;

    test('should answer the same receipt to the same body and 422 without the first case to another body', async () => {
      const form = sampleForm();
      const first = { org: staff.rootCode, ...form };
      const other = { ...first, description: '另一位申请人的另一项请求：某路段的施工许可。' };
      const key = 'shared-idempotency-key-0001';
      const a = await post(new TestAgent(rt, { ip: '203.0.113.10' }), first, key);
      assert.equal(a.status, 201);
      const made = (await a.json()) as { id: string; trackingCode: string };
      const again = await post(new TestAgent(rt, { ip: '203.0.113.10' }), first, key);
      assert.equal(again.status, 200);
      assert.deepEqual(
        { ...((await again.json()) as object) },
        { ...made, receivedOn: '2025-09-28', dueOn: '2025-10-31', provisional: false },
      );
      const count = await total(staff.rootId);
      const stranger = await post(new TestAgent(rt, { ip: '203.0.113.99' }), other, key);
      assert.equal(stranger.status, 422);
      const text = await stranger.text();
      const json = JSON.parse(text) as { reason: string; message: string };
      assert.equal(json.reason, 'idempotency_key_reused');
      assert.match(json.message, /已用于另一份内容不同的申请/);
      assert.ok(!text.includes(made.trackingCode), "the first case's tracking code is not answered");
      assert.ok(!text.includes(made.id), 'nor its id');
      assert.equal(await total(staff.rootId), count, 'nothing stored');
      // A different applicant, the same request text: still another body.
      const otherName = { ...first, applicant: { ...form.applicant, name: '李四' } };
      assert.equal((await post(new TestAgent(rt, { ip: '203.0.113.98' }), otherName, key)).status, 422);
    });

    test("should refuse the form's key sent again with another body, and a key a staff account used", async () => {
      const input = {
        orgCreditCode: staff.rootCode,
        channel: 'online' as const,
        submissionKey: 'form-key-hardening-1',
      };
      const a = await submitApplication(rt.ctx, null, { ...input, form: sampleForm() });
      const changed = { ...sampleForm(), title: '另一份文件' };
      await assert.rejects(
        submitApplication(rt.ctx, null, { ...input, form: changed }),
        (e) => e instanceof AppError && e.code === 'invalid' && e.reason === 'idempotency_key_reused',
      );
      // The same body from a signed-in handler is another sender: refused too.
      await assert.rejects(
        submitApplication(rt.ctx, staff.handler, { ...input, form: sampleForm() }),
        (e) => e instanceof AppError && e.reason === 'idempotency_key_reused',
      );
      const b = await submitApplication(rt.ctx, null, { ...input, form: sampleForm() });
      assert.equal(b.id, a.id);
      assert.equal(b.duplicate, true);
    });

    test('should show the staff entry form again with a fresh key, not the first case, when its key is reused', async () => {
      const handler = await staffAgent(rt, 'idem.handler', ['handler']);
      const letter = (description: string) =>
        staffEntryLetter(staff.rootCode, { description, submissionKey: 'hardening-letter-key-1' });
      const first = await handler.post('/admin/applications/new', letter('示例区2024年道路维修工程的招标文件'));
      assert.equal(first.status, 303);
      const id = /\/admin\/applications\/([^?]+)/.exec(first.headers.get('location') ?? '')?.[1] ?? '';
      const made = await rt.ctx.repos.applications.byId(id);
      assert.ok(made);
      const reused = await handler.post('/admin/applications/new', letter('另一封信：某小区的规划许可'));
      assert.equal(reused.status, 422);
      const page = await reused.text();
      assert.match(page, /已用于另一份内容不同的申请/);
      assert.ok(!page.includes(made.trackingCode) && !page.includes(id), 'nothing of the first case');
      const key = /name="submissionKey" value="([^"]*)"/.exec(page)?.[1];
      assert.ok(key && key !== 'hardening-letter-key-1', `a fresh key: ${key}`);
      assert.match(page, /某小区的规划许可/, 'what was typed is kept');
    });
  });
}

/** Every .tsx and .ts file under a folder. */
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** An inline style attribute in HTML (the CSP's style-src 'self' blocks it). */
const STYLE_ATTRIBUTE = /<[a-z][^>]*\sstyle\s*=/i;

describe('inline styles the CSP blocks', () => {
  test("should leave no style attribute in the web layer's views", () => {
    const offenders = sourcesUnder('src/web').filter((f) => /\sstyle=/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  for (const dialect of DIALECTS) {
    describe(`every back-office page (${dialect})`, { skip: skipReason(dialect) }, () => {
      const rt = suiteRuntime(dialect);
      test('should render the organization tree, the role grid and every other page without a style attribute', async () => {
        const admin = await adminAgent(rt);
        const orgs = await rt.ctx.repos.orgs.list();
        const userId = (await rt.ctx.repos.users.byUsername('admin'))?.id ?? '';
        const filled = (path: string) =>
          path.replace(':id', path.startsWith('/admin/orgs') ? (orgs[1]?.id ?? '') : userId);
        const paths = [
          ...new Set(
            admin.app.routes
              .filter((r) => r.method === 'GET' && r.path.startsWith('/admin') && !r.path.includes('*'))
              .filter((r) => !r.path.includes(':') || /^\/admin\/(orgs|users)\/:id$/.test(r.path))
              .map((r) => filled(r.path)),
          ),
        ];
        assert.ok(paths.includes('/admin/orgs') && paths.includes('/admin/users/new'), paths.join(' '));
        const checked: string[] = [];
        for (const path of paths) {
          const res = await admin.get(path);
          if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
          const html = await res.text();
          assert.ok(res.status < 500, `${path}: ${res.status}`);
          assert.doesNotMatch(html, STYLE_ATTRIBUTE, `${path} has an inline style`);
          checked.push(path);
        }
        assert.ok(checked.length >= 20, `pages checked: ${checked.join(' ')}`);
        const tree = await (await admin.get('/admin/orgs')).text();
        assert.match(
          tree,
          /<ul class="orgtree">[\s\S]*<details open=""><summary>/,
          'the tree is nested lists, not styles',
        );
        const account = await (await admin.get(`/admin/users/${userId}`)).text();
        assert.match(account, /name="grantRoles"/, 'the account page assigns roles by organization, without styles');
      });
    });
  }
});

for (const dialect of DIALECTS) {
  describe(
    `the CSRF token bound to the session, and the cookies' names (${dialect})`,
    {
      skip: skipReason(dialect),
    },
    () => {
      const rt = suiteRuntime(dialect);
      /** A form post that passes the CSRF check only to be refused for its content (422), or 403 when it does not. */
      const passwordPost = (agent: TestAgent, csrf: string) => {
        const body = new URLSearchParams({ current: 'not-the-password', next: 'x', confirm: 'x', _csrf: csrf });
        return agent.request('POST', '/admin/password', {
          body: body.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        });
      };

      test('should refuse a valid token of session A submitted with session B, cookie and all', async () => {
        const a = await staffAgent(rt, 'csrf.alice', ['editor']);
        const b = await staffAgent(rt, 'csrf.bob', ['editor']);
        const tokenA = a.cookies.get('gk_csrf') ?? '';
        const tokenB = b.cookies.get('gk_csrf') ?? '';
        assert.match(tokenA, /^[\w-]{32,64}$/);
        assert.notEqual(tokenA, tokenB);
        // The token is the one stored with the session at login.
        const sessionA = await rt.ctx.repos.sessions.byHash(rt.ctx.crypto.sha256(a.cookies.get('gk_session') ?? ''));
        assert.equal(sessionA?.csrfToken, tokenA);
        assert.equal((await passwordPost(a, tokenA)).status, 422, "A's own token passes");
        assert.equal((await passwordPost(b, tokenB)).status, 422, "B's own token passes");
        assert.equal((await passwordPost(b, tokenA)).status, 403, "A's token with B's session is refused");
        // A planted cookie (cookie tossing) makes the double submit match, but not the session's token.
        b.cookies.set('gk_csrf', tokenA);
        assert.equal((await passwordPost(b, tokenA)).status, 403, 'planted cookie and field refused');
        const page = await b.get('/admin');
        assert.match(await page.text(), new RegExp(`name="_csrf" value="${tokenB}"`), 'forms carry the session token');
        assert.equal(b.cookies.get('gk_csrf'), tokenB, 'the cookie is set back to the session token');
        // A token of nobody's session, with a matching cookie, is refused to a signed-in visitor as well.
        b.cookies.set('gk_csrf', 'x'.repeat(43));
        assert.equal((await passwordPost(b, 'x'.repeat(43))).status, 403);
      });

      test('should name the cookies __Host-… with Secure cookies and plainly without, both working', async () => {
        await staffAgent(rt, 'cookie.carol', ['editor']);
        for (const secure of [true, false]) {
          const agent = new TestAgent(rt, { secureCookies: secure });
          const login = await agent.get('/admin/login');
          const csrfCookie = login.headers.getSetCookie().join('\n');
          const signedIn = await agent.login('cookie.carol', STAFF_PASSWORD);
          assert.equal(signedIn.status, 303, `signs in (secure ${secure})`);
          const sessionCookie = signedIn.headers.getSetCookie().find((c) => /gk_session=/.test(c)) ?? '';
          if (secure) {
            assert.match(csrfCookie, /^__Host-gk_csrf=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Strict$/m);
            assert.match(sessionCookie, /^__Host-gk_session=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
            assert.deepEqual([...agent.cookies.keys()].sort(), ['__Host-gk_csrf', '__Host-gk_session']);
          } else {
            assert.match(csrfCookie, /^gk_csrf=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/m);
            assert.match(sessionCookie, /^gk_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
            assert.deepEqual([...agent.cookies.keys()].sort(), ['gk_csrf', 'gk_session']);
          }
          assert.doesNotMatch(csrfCookie + sessionCookie, /Domain=/i);
          assert.equal((await agent.get('/admin')).status, 200, `the session cookie is read back (secure ${secure})`);
          const out = await agent.post('/admin/logout', {});
          assert.equal(out.status, 303);
          assert.deepEqual([...agent.cookies.keys()], [], 'logout removes both cookies');
        }
      });
    },
  );
}

/** GET over a real socket with the Host header given (fetch may not set Host). */
const getWithHost = (url: string, host: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

for (const dialect of DIALECTS) {
  describe(`absolute links never from the Host header (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);

    test('should link the feed, the sitemap and the API to the listening address, then to the configured one', async () => {
      const p = await datedPublishing(rt, 'host');
      const id = await p.published('2025-09-01', '2025-09-02', { title: '主机头测试通知', kind: 'other_document' });
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-host-'));
      const server = await serveHttp(rt, loadConfig({ GONGKAI_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0' }));
      try {
        assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        const paths = [`/org/${p.root.creditCode}/feed.atom`, '/sitemap.xml', '/api/v1/publications'];
        for (const path of paths) {
          const res = await getWithHost(server.url + path, 'evil.example');
          assert.equal(res.status, 200, path);
          assert.doesNotMatch(res.body, /evil\.example/, `${path} links the Host header`);
          assert.ok(res.body.includes(`${server.url}/publications/${id}`), `${path} links the listening address`);
        }
        await savePublicBaseUrl(rt.ctx, null, 'https://www.example.gov.cn/gongkai');
        for (const path of paths) {
          const res = await getWithHost(server.url + path, 'evil.example');
          assert.doesNotMatch(res.body, /evil\.example|127\.0\.0\.1/, path);
          assert.ok(res.body.includes(`https://www.example.gov.cn/gongkai/publications/${id}`), path);
        }
        await savePublicBaseUrl(rt.ctx, null, '');
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe('the server started without a public address', () => {
  test('should warn at start to configure it, and link its own address whatever the Host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-warn-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GONGKAI_DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: '0',
      ...TEST_DEMO_DATA,
    };
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'gongkai.js');
    const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const m = /listening on (http:\/\/\S+)[\s\S]*警告/.exec(stderr);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`server exited (${code}) before the warning:\n${stderr}`)));
      });
      assert.match(stderr, /警告：未设置网站公开地址/);
      assert.ok(stderr.includes(`将使用监听地址 ${url}`), stderr);
      assert.match(stderr, /\/admin\/settings/);
      const sitemap = await getWithHost(`${url}/sitemap.xml`, 'evil.example');
      assert.equal(sitemap.status, 200);
      assert.doesNotMatch(sitemap.body, /evil\.example/);
      assert.ok(sitemap.body.includes(`<loc>${url}/`), sitemap.body.slice(0, 400));
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`the audit chain's head anchored outside the database (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2026-03-01T17:30:00Z' });
    const dir = beforeSuite(async () => ({ path: mkdtempSync(join(tmpdir(), 'gongkai-anchor-')) }));
    after(() => rmSync(dir.path, { recursive: true, force: true }));
    /** The CLI on the suite's database. */
    const cli = (...args: string[]) =>
      runGongkaiInProcess(args, {
        GONGKAI_DATA_DIR: dir.path,
        DATABASE_URL: rt.db.kind === 'sqlite' ? `sqlite:${rt.db.file}` : rt.db.url,
      });
    /** Appends `n` entries through the audit log, as use cases do. */
    const appendEntries = (n: number) =>
      rt.ctx.uow.run(async (r) => {
        for (let i = 0; i < n; i++) {
          const input = { actorId: null, actorLabel: 'test', entityType: 'test', entityId: `e${i}`, orgId: null };
          await r.audit.append({ ...input, action: 'test.anchor', before: null, after: { i } }, rt.clock.nowIso());
        }
      });

    test("should write the day's anchor file named by the office date, the head's seq and hash inside", async () => {
      await appendEntries(2);
      const head = await rt.ctx.repos.audit.head();
      const { file, anchor } = await writeAuditAnchor(rt.ctx, join(dir.path, 'anchors'));
      assert.equal(file, join(dir.path, 'anchors', 'audit-anchor-2026-03-02.json'), '01:30 in Beijing is 2 March');
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {
        seq: head.lastSeq,
        hash: head.lastHash,
        at: '2026-03-01T17:30:00.000Z',
      });
      assert.equal(anchor.seq, head.lastSeq);
      assert.ok(head.lastSeq > 2);
    });

    test('should write the anchor from the daily jobs when GONGKAI_AUDIT_ANCHOR_DIR is set, and not otherwise', async () => {
      const daily = join(dir.path, 'daily');
      const off = await cli('applications', 'daily');
      assert.equal(off.code, 0, off.stderr);
      assert.deepEqual(readdirSync(dir.path).includes('daily'), false);
      const before = await rt.ctx.repos.audit.head();
      const run = await runGongkaiInProcess(['applications', 'daily'], {
        GONGKAI_DATA_DIR: dir.path,
        GONGKAI_AUDIT_ANCHOR_DIR: daily,
        DATABASE_URL: rt.db.kind === 'sqlite' ? `sqlite:${rt.db.file}` : rt.db.url,
      });
      assert.equal(run.code, 0, run.stderr);
      const files = readdirSync(daily);
      assert.equal(files.length, 1);
      assert.match(files[0] ?? '', /^audit-anchor-\d{4}-\d{2}-\d{2}\.json$/);
      const written = JSON.parse(readFileSync(join(daily, files[0] ?? ''), 'utf8')) as { seq: number };
      assert.ok(written.seq >= before.lastSeq, `${written.seq} >= ${before.lastSeq}`);
    });

    test('should print the anchor, pass untouched, and fail once the newest entries are cut and the head rewritten', async () => {
      const printed = await cli('audit', 'anchor');
      assert.equal(printed.code, 0, printed.stderr);
      const anchor = JSON.parse(printed.stdout) as { seq: number; hash: string; at: string };
      assert.deepEqual(Object.keys(anchor), ['seq', 'hash', 'at']);
      assert.deepEqual([anchor.seq, anchor.hash], Object.values(await rt.ctx.repos.audit.head()));
      const file = join(dir.path, 'anchor.json');
      const written = await cli('audit', 'anchor', '--out', file);
      assert.equal(written.code, 0, written.stderr);
      const inFile = JSON.parse(readFileSync(file, 'utf8')) as typeof anchor;
      assert.deepEqual([inFile.seq, inFile.hash], [anchor.seq, anchor.hash]);
      // Entries after the anchor leave it held.
      await appendEntries(3);
      const untouched = await cli('audit', 'verify', '--against', file);
      assert.equal(untouched.code, 0, untouched.stdout + untouched.stderr);
      assert.match(untouched.stdout, new RegExp(`audit chain OK: ${anchor.seq + 3} .*锚点 #${anchor.seq}`));
      // The attack: delete the newest entries (the anchored one among them) and make the head match what is left.
      const keep = anchor.seq - 2;
      await withDb(rt, async (db) => {
        await sql`delete from audit_entry where seq > ${keep}`.execute(db);
        const last = await sql<{ hash: string }>`select hash from audit_entry where seq = ${keep}`.execute(db);
        const hash = last.rows[0]?.hash ?? '';
        await sql`update audit_head set last_seq = ${keep}, last_hash = ${hash} where id = 1`.execute(db);
      });
      const plain = await cli('audit', 'verify');
      assert.equal(plain.code, 0, 'the chain alone cannot tell');
      const against = await cli('audit', 'verify', '--against', file);
      assert.equal(against.code, 1);
      assert.match(against.stdout, new RegExp(`锚点记录 #${anchor.seq}.*已不在审计日志中，现仅有 ${keep} 条记录`));
      // Rebuilt to the same length with other entries (made later): the anchored hash differs.
      rt.clock.advance(60_000);
      await appendEntries(2);
      const rewritten = await cli('audit', 'verify', '--against', file);
      assert.equal(rewritten.code, 1);
      assert.match(rewritten.stdout, new RegExp(`锚点记录 #${anchor.seq} 的哈希与锚点文件不符`));
      // An unreadable anchor file fails too, with a Chinese message.
      await writeFile(join(dir.path, 'bad.json'), '{"seq":"x"}');
      const bad = await cli('audit', 'verify', '--against', join(dir.path, 'bad.json'));
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /锚点文件有误.*seq/);
    });
  });
}

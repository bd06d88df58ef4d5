// The `gongkai` CLI end to end, on a SQLite file and on a PostgreSQL schema: the program runs in-process; the
// first database command, --help and a usage error also run as the real command in a child process.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Database from 'better-sqlite3';
import { DIALECTS, PG_URL, skipReason } from '../../support/runtime.js';
import { cliSandbox, runGongkai, runGongkaiInProcess } from '../../support/cli.js';

const FIXTURE_2027 = fileURLToPath(new URL('../../fixtures/calendar/2027-sample.txt', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`gongkai CLI (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'cli');
    const { dir, schema, env } = box;
    const sql = async (text: string): Promise<void> => {
      if (dialect === 'sqlite') {
        const db = new Database(join(dir, 'gongkai.sqlite'));
        db.exec(text);
        db.close();
        return;
      }
      const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
      await c.connect();
      await c.query(text);
      await c.end();
    };
    after(() => box.cleanup());

    test('should create the database on first use and print the admin password once', async () => {
      const first = runGongkai(['org', 'list', '--json'], env);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, /初始密码 \/ initial password: \S{12,}/);
      const orgs = JSON.parse(first.stdout) as { creditCode: string; name: string; parent: string | null }[];
      assert.equal(orgs[0]?.name, '示例区人民政府');
      assert.equal(orgs[0]?.parent, null);
      assert.ok(orgs.slice(1).every((o) => o.parent !== null && /^[0-9A-Z]{18}$/.test(o.creditCode)));
      const second = await runGongkaiInProcess(['org', 'list', '--json'], env);
      assert.doesNotMatch(second.stderr, /initial password/);
      assert.deepEqual(JSON.parse(second.stdout), orgs);
    });

    test('should count working days across the 2025 National Day week (State Council holiday schedule)', async () => {
      const r = await runGongkaiInProcess(['calendar', 'add', '2025-09-28', '20'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.lastLine, '2025-10-31');
    });

    test('should flag a deadline in an unpublished year, then recompute after import', async () => {
      const before = await runGongkaiInProcess(['calendar', 'add', '2026-12-20', '20'], env);
      assert.match(before.stdout, /暂定/);
      const imported = await runGongkaiInProcess(['calendar', 'import', FIXTURE_2027], env);
      assert.equal(imported.code, 0, imported.stderr);
      const after = await runGongkaiInProcess(['calendar', 'add', '2026-12-20', '20'], env);
      assert.doesNotMatch(after.stdout, /暂定/);
      assert.match(after.lastLine, /^2027-01-\d\d$/);
    });

    test('should add users from standard input and refuse duplicates and bad roles in Chinese', async () => {
      const list = await runGongkaiInProcess(['org', 'list', '--json'], env);
      assert.equal(list.code, 0, `org list: ${list.stderr}`);
      const root = (JSON.parse(list.stdout) as { creditCode: string }[])[0]?.creditCode ?? '';
      const ok = await runGongkaiInProcess(
        ['user', 'add', 'wang.handler', '--org', root, '--role', 'handler', 'legal_reviewer', '--password-stdin'],
        env,
        'Tea-Kettle-Orbit-47!\n',
      );
      assert.equal(ok.code, 0, ok.stderr);
      const dup = await runGongkaiInProcess(
        ['user', 'add', 'wang.handler', '--org', root, '--role', 'handler', '--password-stdin'],
        env,
        'Tea-Kettle-Orbit-47!\n',
      );
      assert.equal(dup.code, 1);
      assert.match(dup.stderr, /用户名已存在/);
      const badRole = await runGongkaiInProcess(
        ['user', 'add', 'li.x', '--org', root, '--role', 'boss', '--password-stdin'],
        env,
        'Li-X-Password-2025\n',
      );
      assert.equal(badRole.code, 1);
      assert.match(badRole.stderr, /未知角色/);
      const weak = await runGongkaiInProcess(
        ['user', 'add', 'li.y', '--org', root, '--role', 'editor', '--password-stdin'],
        env,
        'password123\n',
      );
      assert.equal(weak.code, 1);
      assert.match(weak.stderr, /密码/);
    });

    test('should issue an API token that authenticates on the JSON API', async () => {
      const r = await runGongkaiInProcess(['user', 'token', 'wang.handler'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.lastLine, /^gk_[A-Za-z0-9_-]{40,}$/);
      await box.withInstance(async (_rt, get) => {
        const me = await get('/api/v1/me', { authorization: `Bearer ${r.lastLine}` });
        assert.equal(me.status, 200);
        assert.equal(((await me.json()) as { username: string }).username, 'wang.handler');
        const bad = await get('/api/v1/me', { authorization: 'Bearer gk_forged' });
        assert.equal(bad.status, 401);
      });
    });

    test("should list an account's tokens and revoke one by its id, which the JSON API then refuses", async () => {
      const issued = await runGongkaiInProcess(
        ['user', 'token', 'wang.handler', '--label', '报表同步', '--scope', 'read', '--days', '30'],
        env,
      );
      assert.equal(issued.code, 0, issued.stderr);
      const token = issued.lastLine;
      const listed = await runGongkaiInProcess(['user', 'tokens', 'wang.handler'], env);
      assert.equal(listed.code, 0, listed.stderr);
      const [header, ...rows] = listed.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t'));
      assert.deepEqual(header, ['id', 'name', 'scope', 'expires', 'last used', 'revoked']);
      const row = rows.find((r) => r[1] === '报表同步');
      assert.ok(row, listed.stdout);
      const [id = '', , scope, expires, , revoked] = row;
      assert.equal(scope, 'read');
      const days = (Date.parse(expires ?? '') - Date.now()) / 86_400_000;
      assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
      assert.equal(revoked, '-');
      await box.withInstance(async (_rt, get) => {
        assert.equal((await get('/api/v1/me', { authorization: `Bearer ${token}` })).status, 200);
      });
      const revokedRun = await runGongkaiInProcess(['user', 'revoke-token', id], env);
      assert.equal(revokedRun.code, 0, revokedRun.stderr);
      assert.match(revokedRun.lastLine, /已撤销令牌 \/ revoked/);
      const again = await runGongkaiInProcess(['user', 'tokens', 'wang.handler'], env);
      const after = again.stdout.split('\n').find((l) => l.startsWith(`${id}\t`)) ?? '';
      assert.match(after.split('\t')[4] ?? '', /^\d{4}-/, 'the use was recorded');
      assert.match(after.split('\t')[5] ?? '', /^\d{4}-/, 'the token is revoked');
      await box.withInstance(async (_rt, get) => {
        assert.equal((await get('/api/v1/me', { authorization: `Bearer ${token}` })).status, 401);
      });
      const unknown = await runGongkaiInProcess(['user', 'revoke-token', 'no-such-token'], env);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /令牌不存在/);
    });

    test('should verify the audit chain and report the first tampered entry', async () => {
      const ok = await runGongkaiInProcess(['audit', 'verify'], env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /audit chain OK: \d+/);
      await sql(`UPDATE audit_entry SET after_json = '{"forged":true}' WHERE seq = 3`);
      const broken = await runGongkaiInProcess(['audit', 'verify'], env);
      assert.equal(broken.code, 1);
      assert.match(broken.stdout, /BROKEN at entry #3/);
    });

    test('should back up and restore into a new database', async () => {
      const file = join(dir, 'backup.jsonl.gz');
      const b = await runGongkaiInProcess(['backup', file], env);
      assert.equal(b.code, 0, b.stderr);
      const otherDir = mkdtempSync(join(tmpdir(), 'gongkai-restore-'));
      try {
        const r = await runGongkaiInProcess(['restore', file], { GONGKAI_DATA_DIR: otherDir });
        assert.equal(r.code, 0, r.stderr);
        assert.equal(
          (await runGongkaiInProcess(['org', 'list', '--json'], { GONGKAI_DATA_DIR: otherDir })).stdout,
          (await runGongkaiInProcess(['org', 'list', '--json'], env)).stdout,
        );
      } finally {
        rmSync(otherDir, { recursive: true, force: true });
      }
    });

    test('should import historical cases from CSV, or nothing with line and column errors', async () => {
      const bad = await runGongkaiInProcess(
        [
          'applications',
          'import',
          fileURLToPath(new URL('../../fixtures/applications/history-bad.csv', import.meta.url)),
        ],
        env,
      );
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /history-bad\.csv:2:receivedOn: /);
      const good = await runGongkaiInProcess(
        [
          'applications',
          'import',
          fileURLToPath(new URL('../../fixtures/applications/history-2025.csv', import.meta.url)),
        ],
        env,
      );
      assert.equal(good.code, 0, good.stderr);
      assert.match(good.lastLine, /imported 3/);
    });

    test('should answer an unknown option in Chinese and English with exit code 2', async () => {
      // The command in a child process too, once (usage errors come before any database).
      for (const run of dialect === 'sqlite' ? [runGongkai, runGongkaiInProcess] : [runGongkaiInProcess]) {
        const r = await run(['org', 'list', '--bogus'], env);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /未知选项 '--bogus' \/ error: unknown option/);
        const help = await run(['--help'], env);
        assert.equal(help.code, 0);
        assert.match(help.stdout, /启动网站服务/);
        assert.match(help.stdout, /Start the web server/);
      }
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`gongkai db migrate (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'cli-migrate');
    after(() => box.cleanup());

    test('should name the migrations it applied to a new database, then say it is up to date', async () => {
      const first = await runGongkaiInProcess(['db', 'migrate'], box.env);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /已执行 \/ applied: 2026-11-28T0100-foundation, /);
      assert.match(first.stdout, /2026-12-14T0400-search-pending-list/);
      const second = await runGongkaiInProcess(['db', 'migrate'], box.env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /数据库已是最新 \/ database is up to date/);
    });
  });
}

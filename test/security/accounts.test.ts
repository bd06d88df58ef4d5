// Accounts and their credentials (docs/security/accounts.md), on both dialects: API tokens with a name, a scope
// (read-only tokens may only GET/HEAD the staff API), an expiry and a throttled last use; listed and revoked one by one
// on the account's pages, ended all at once by a password reset or change; every issue and revocation audited.
// Sessions and tokens are never in a backup: a token revoked after a backup stays refused once it is restored, and a
// restore signs everyone out while the administrator can still sign in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../support/runtime.js';
import { TestAgent, callApi } from '../support/http.js';
import { adminAgent, staffAgent, ADMIN_PASSWORD } from '../support/admin.js';
import { STAFF_PASSWORD } from '../factories/staff.js';
import { createApiToken, issueApiToken, listApiTokens, revokeApiToken } from '../../src/app/auth/api-token.js';
import { changePassword } from '../../src/app/auth/change-password.js';
import { createUser, resetPassword } from '../../src/app/users/manage-users.js';
import { saveSiteFooter } from '../../src/app/settings/site-settings.js';
import { AppError } from '../../src/app/errors.js';
import type { Actor } from '../../src/domain/policies/actor.js';
import { actorOf } from '../../src/app/actors.js';
import { rowsByPrimaryKey } from '../support/db-rows.js';

const DAY = 86_400_000;

/**
 * Twenty passwords of the patterns Chinese users choose (a common password, Word@year, a pinyin name with a birth
 * date, an identity card number or its first 14 digits, a keyboard walk, the site's or the account's own names).
 * Judged for li.office (xiaoli@shiliqu.gov.cn) on a site named "Shiliqu 政务公开".
 */
const CHINESE_PATTERN_PASSWORDS = [
  'Admin@123456',
  'woaini1314520',
  'zhangsan1990',
  'Gongkai@2026',
  'Zhengfu@2026',
  'liuyang19880808',
  '11010519900307',
  '44030519881231001X',
  'a123456789',
  'qq123456789',
  '1qaz2wsx3edc',
  'Woaini@1314',
  '5201314520',
  'Wangwei@1985',
  'chenjie880808',
  'Password@2026',
  'Zhang.San.1990',
  'huangxiaoming123',
  'Shiliqu@2026',
  'Xiaoli@2026!',
];

for (const dialect of DIALECTS) {
  describe(`API tokens and backups (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let api: TestAgent;
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-accounts-'));
    before(async () => {
      rt = await openTestRuntime(dialect);
      api = new TestAgent(rt);
    });
    after(async () => {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const me = async (token: string) => (await callApi(api, 'GET', '/api/v1/me', token)).status;
    const actorNamed = async (username: string): Promise<Actor> => {
      const u = await rt.ctx.repos.users.byUsername(username);
      assert.ok(u, username);
      return actorOf(u);
    };
    const auditActions = async (prefix: string) =>
      (await rt.ctx.repos.audit.list({ action: prefix }, { limit: 500 })).map((e) => e.action);

    test('the password policy refuses all twenty Chinese-pattern passwords and accepts strong ones', async () => {
      await saveSiteFooter(rt.ctx, null, { siteName: 'Shiliqu 政务公开' });
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      assert.ok(root);
      const account = (password: string, username = 'li.office') => ({
        username,
        displayName: '李晓',
        email: 'xiaoli@shiliqu.gov.cn',
        orgId: root.id,
        roles: [{ orgId: root.id, role: 'handler' as const }],
        password,
        mustChangePassword: false,
      });
      assert.equal(CHINESE_PATTERN_PASSWORDS.length, 20);
      const accepted: string[] = [];
      for (const password of CHINESE_PATTERN_PASSWORDS) {
        await createUser(rt.ctx, null, account(password)).then(
          () => accepted.push(password),
          (e: unknown) => {
            assert.ok(e instanceof AppError && e.code === 'invalid', password);
            assert.match(e.fieldErrors.password ?? '', /^密码.+，请换一个更复杂的密码$/, password);
          },
        );
      }
      assert.deepEqual(accepted, [], 'every pattern is refused');
      const reasons = async (password: string) =>
        createUser(rt.ctx, null, account(password)).catch((e: unknown) => (e as AppError).fieldErrors.password);
      assert.match(String(await reasons('liuyang19880808')), /密码包含拼音姓名和日期/);
      assert.match(String(await reasons('woaini1314520')), /密码包含常见弱口令/);
      assert.match(String(await reasons('Shiliqu@2026')), /网站名称/);
      assert.match(String(await reasons(`x${root.creditCode}`)), /机构名称|身份证/);
      const strong = ['Lanse-Hudie-47-Qiao', 'Qingshan-Lvshui-88-Lin', 'correct horse battery staple', 'Tk7#pWq9!zR2x'];
      for (const [i, password] of strong.entries()) {
        const made = await createUser(rt.ctx, null, account(password, `strong.${i}`));
        assert.equal(made.username, `strong.${i}`);
      }
      await saveSiteFooter(rt.ctx, null, { siteName: '' });
    });

    test('a read-only token may only read the staff API: every write answers 403, a full token passes', async () => {
      await staffAgent(rt, 'tok.reader', ['handler', 'editor']);
      const actor = await actorNamed('tok.reader');
      const read = await createApiToken(rt.ctx, actor, actor.userId, { name: '只读查询', scope: 'read' });
      const full = await createApiToken(rt.ctx, actor, actor.userId, { name: '读写同步', scope: 'full' });
      assert.equal(await me(read.token), 200);
      assert.equal((await callApi(api, 'GET', '/api/v1/applications', read.token)).status, 200);
      const head = await api.request('HEAD', '/api/v1/me', { headers: { authorization: `Bearer ${read.token}` } });
      assert.equal(head.status, 200);
      const writes: [string, string][] = [
        ['POST', '/api/v1/publications'],
        ['POST', '/api/v1/publications/x/actions'],
        ['POST', '/api/v1/applications/x/actions'],
        ['POST', '/api/v1/applications'],
        ['DELETE', '/api/v1/applications/x/reply-attachments/y'],
      ];
      for (const [method, path] of writes) {
        const r = await callApi<{ error: string; message: string }>(api, method, path, read.token, {});
        assert.equal(r.status, 403, `${method} ${path}`);
        assert.equal(r.json.error, 'forbidden');
        assert.match(r.json.message, /只读令牌/);
        const withFull = await callApi(api, method, path, full.token, {});
        assert.notEqual(withFull.status, 403, `${method} ${path} with a full token`);
        assert.notEqual(withFull.status, 401, `${method} ${path} with a full token`);
      }
    });

    test('a token expires after the default lifetime or the days chosen; only an admin may choose never', async () => {
      await staffAgent(rt, 'tok.expiry', ['handler']);
      const actor = await actorNamed('tok.expiry');
      const issuedAt = rt.clock.nowMs();
      const byDefault = await createApiToken(rt.ctx, actor, actor.userId, { name: '默认有效期', scope: 'read' });
      assert.equal(Date.parse(byDefault.record.expiresAt ?? ''), issuedAt + 90 * DAY);
      const oneDay = await createApiToken(rt.ctx, actor, actor.userId, { name: '一天', scope: 'full', days: '1' });
      await assert.rejects(
        createApiToken(rt.ctx, actor, actor.userId, { name: '永久', scope: 'full', never: true }),
        (e) => e instanceof AppError && e.code === 'invalid' && /只有系统管理员/.test(e.fieldErrors.days ?? ''),
      );
      await assert.rejects(
        createApiToken(rt.ctx, actor, actor.userId, { name: '', scope: 'admin', days: '0' }),
        (e) =>
          e instanceof AppError &&
          ['name', 'scope', 'days'].every((f) => typeof e.fieldErrors[f] === 'string' && e.fieldErrors[f] !== ''),
      );
      const adminActor = await actorNamed('admin');
      const forever = await createApiToken(rt.ctx, adminActor, adminActor.userId, {
        name: '系统对接',
        scope: 'read',
        never: true,
      });
      assert.equal(forever.record.expiresAt, null);
      await assert.rejects(
        createApiToken(rt.ctx, adminActor, actor.userId, { name: '代签', scope: 'full' }),
        (e) => e instanceof AppError && e.code === 'forbidden',
        'an admin cannot mint tokens for someone else',
      );
      assert.equal(await me(oneDay.token), 200);
      rt.clock.advance(DAY);
      assert.equal(await me(oneDay.token), 401, 'expired after one day');
      assert.equal(await me(byDefault.token), 200);
      assert.equal(await me(forever.token), 200);
      const listed = (await listApiTokens(rt.ctx, actor, actor.userId)).tokens;
      assert.equal(listed.find((t) => t.name === '一天')?.state, 'expired');
      rt.clock.advance(90 * DAY);
      assert.equal(await me(byDefault.token), 401, 'expired after the default 90 days');
      assert.equal(await me(forever.token), 200, 'never expires');
    });

    test('the last use is written at most once a minute per token', async () => {
      await staffAgent(rt, 'tok.touch', ['handler']);
      const actor = await actorNamed('tok.touch');
      const t = await createApiToken(rt.ctx, actor, actor.userId, { name: '频繁调用', scope: 'read' });
      const lastUsed = async () => (await rt.ctx.repos.tokens.byId(t.record.id))?.lastUsedAt;
      assert.equal(await lastUsed(), null);
      const first = rt.clock.nowIso();
      assert.equal(await me(t.token), 200);
      assert.equal(await lastUsed(), first);
      rt.clock.advance(30_000);
      for (let i = 0; i < 5; i++) assert.equal(await me(t.token), 200);
      assert.equal(await lastUsed(), first, 'not rewritten within the minute');
      rt.clock.advance(30_000);
      assert.equal(await me(t.token), 200);
      assert.equal(await lastUsed(), rt.clock.nowIso(), 'rewritten after a minute');
    });

    test('a password reset by an admin or a change by the user revokes every token of the account', async () => {
      const user = await staffAgent(rt, 'tok.reset', ['handler']);
      const actor = await actorNamed('tok.reset');
      const tokens = [
        await issueApiToken(rt.ctx, 'tok.reset', 'cli'),
        (await createApiToken(rt.ctx, actor, actor.userId, { name: 'a', scope: 'read' })).token,
      ];
      for (const t of tokens) assert.equal(await me(t), 200);
      await resetPassword(rt.ctx, await actorNamed('admin'), actor.userId, 'Temp-Lanse-Hudie-91');
      for (const t of tokens) assert.equal(await me(t), 401, 'refused after the reset');
      assert.equal((await user.get('/admin')).status, 303, 'the session ended too');
      const next = (await createApiToken(rt.ctx, actor, actor.userId, { name: 'b', scope: 'full' })).token;
      assert.equal(await me(next), 200);
      await changePassword(rt.ctx, actor.userId, {
        current: 'Temp-Lanse-Hudie-91',
        next: STAFF_PASSWORD,
        confirm: STAFF_PASSWORD,
      });
      assert.equal(await me(next), 401, 'refused after the change of password');
      const list = await listApiTokens(rt.ctx, null, actor.userId);
      assert.ok(list.tokens.every((t) => t.state === 'revoked'));
      const reset = (await rt.ctx.repos.audit.list({ action: 'user.password_reset' }, { limit: 50 })).find(
        (e) => e.entityId === actor.userId,
      );
      assert.equal((JSON.parse(reset?.afterJson ?? '{}') as { tokensRevoked?: number }).tokensRevoked, 2);
    });

    test("an account's tokens: its owner creates (shown once) and revokes, its admin lists and revokes", async () => {
      const owner = await staffAgent(rt, 'tok.owner', ['handler']);
      const admin = await adminAgent(rt);
      const created = await owner.post('/admin/tokens', { name: '数据报送接口', scope: 'read', days: '30' });
      assert.equal(created.status, 200, created.headers.get('location') ?? '');
      assert.equal(created.headers.get('cache-control'), 'no-store');
      const html = await created.text();
      const token = /<code id="new-token">(gk_[^<]+)<\/code>/.exec(html)?.[1] ?? '';
      assert.ok(token, 'the new token is shown');
      assert.match(html, /只显示这一次/);
      assert.equal(await me(token), 200);
      const again = await (await owner.get('/admin/tokens')).text();
      assert.ok(!again.includes(token), 'never shown again');
      assert.match(again, /数据报送接口/);
      assert.doesNotMatch(again, /永不过期<\/label>|name="never"/, 'a handler is not offered "never"');
      const refused = await owner.post('/admin/tokens', { name: '永久', scope: 'full', never: '1' });
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /只有系统管理员/);

      const ownerId = (await actorNamed('tok.owner')).userId;
      const page = await admin.get(`/admin/accounts/${ownerId}/tokens`);
      assert.equal(page.status, 200);
      const adminHtml = await page.text();
      for (const shown of ['数据报送接口', '只读', '签发时间', '到期时间', '最近使用', '撤销']) {
        assert.ok(adminHtml.includes(shown), shown);
      }
      const [record] = (await listApiTokens(rt.ctx, null, ownerId)).tokens;
      assert.ok(record);
      const other = await staffAgent(rt, 'tok.other', ['handler']);
      assert.equal((await other.get(`/admin/accounts/${ownerId}/tokens`)).status, 403, 'not another user');
      const stolen = await other.post(`/admin/tokens/${record.id}/revoke`, {});
      assert.equal(stolen.status, 404, "another's token is not found on one's own page");
      assert.equal(await me(token), 200);
      const revoked = await admin.post(`/admin/accounts/${ownerId}/tokens/${record.id}/revoke`, {});
      assert.equal(revoked.status, 303);
      assert.equal(await me(token), 401);
      assert.match(await (await admin.get(`/admin/accounts/${ownerId}/tokens?flash=revoked`)).text(), /已撤销/);

      const second = /<code id="new-token">(gk_[^<]+)<\/code>/.exec(
        await (await owner.post('/admin/tokens', { name: '第二个', scope: 'full', days: '' })).text(),
      )?.[1];
      assert.ok(second);
      const secondId = (await listApiTokens(rt.ctx, null, ownerId)).tokens.find((t) => t.name === '第二个')?.id;
      assert.equal((await owner.post(`/admin/tokens/${secondId ?? ''}/revoke`, {})).status, 303);
      assert.equal(await me(second), 401);
      const actions = await auditActions('api_token.');
      assert.ok(actions.filter((a) => a === 'api_token.issued').length >= 2);
      assert.ok(actions.filter((a) => a === 'api_token.revoked').length >= 2);
      await assert.rejects(revokeApiToken(rt.ctx, await actorNamed('tok.other'), record.id), (e) => {
        return e instanceof AppError && e.code === 'not_found';
      });
    });

    test('a token revoked after a backup stays refused once restored; the restore signs everyone out', async () => {
      const user = await staffAgent(rt, 'tok.backup', ['handler']);
      const admin = await adminAgent(rt);
      const token = await issueApiToken(rt.ctx, 'tok.backup', 'backup-probe');
      const id = (await listApiTokens(rt.ctx, null, (await actorNamed('tok.backup')).userId)).tokens[0]?.id ?? '';
      const file = join(dir, 'before-revocation.jsonl.gz');
      await rt.maintenance.backup(file);
      const chunks = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').slice(1);
      const tables = chunks.map((l) => (JSON.parse(l) as { table: string }).table);
      assert.ok(!tables.includes('api_token') && !tables.includes('session'), 'no credentials in the backup');
      await revokeApiToken(rt.ctx, null, id);
      assert.equal(await me(token), 401);
      await rt.maintenance.restore(file);
      assert.equal(await me(token), 401, 'still refused after the restore');
      assert.equal((await user.get('/admin')).status, 303, 'the user is signed out');
      assert.equal((await admin.get('/admin')).status, 303, 'so is the admin');
      const back = new TestAgent(rt);
      assert.equal((await back.login('admin', ADMIN_PASSWORD)).status, 303, 'the admin can sign in again');
      assert.equal((await back.get('/admin')).status, 200);
    });

    test('a backup written while sessions and tokens were backed up restores without them', async () => {
      const token = await issueApiToken(rt.ctx, 'admin', 'older-backup');
      const user = await adminAgent(rt);
      const file = join(dir, 'current.jsonl.gz');
      await rt.maintenance.backup(file);
      // What an older version wrote: the live session and token rows as chunks of their own.
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
      const live = await rowsByPrimaryKey(rt, ['session', 'api_token']);
      assert.ok((live.session?.length ?? 0) > 0 && (live.api_token?.length ?? 0) > 0);
      const session = { table: 'session', rows: live.session };
      const tokens = { table: 'api_token', rows: live.api_token };
      const older = join(dir, 'older.jsonl.gz');
      writeFileSync(older, gzipSync(`${[...lines, JSON.stringify(session), JSON.stringify(tokens)].join('\n')}\n`));
      await rt.maintenance.restore(older);
      assert.equal(await me(token), 401);
      assert.equal((await user.get('/admin')).status, 303);
      assert.deepEqual(await rowsByPrimaryKey(rt, ['session', 'api_token']), { session: [], api_token: [] });
    });
  });
}

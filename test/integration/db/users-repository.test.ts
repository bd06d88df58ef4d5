// The user repository on both dialects, and the rule that each account change appends exactly one audit entry.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { actorOf } from '../../../src/app/actors.js';
import { login } from '../../../src/app/auth/login.js';
import { createUser, resetPassword, setUserActive, updateUser } from '../../../src/app/users/manage-users.js';
import { handover } from '../../../src/app/users/handover.js';
import { verifyAuditChain } from '../../../src/app/audit/verify-audit.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { UserStatus } from '../../../src/domain/users/user.js';

const PASSWORD = 'Lanse-Hudie-47-Qiao';

for (const dialect of DIALECTS) {
  describe(`user repository (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    let edu = '';
    let fin = '';
    let root = '';

    /** Inserts an account directly through the repository and returns its id. */
    const insert = async (
      username: string,
      displayName: string,
      orgId: string,
      status: UserStatus = 'active',
    ): Promise<string> => {
      const id = rt.ctx.crypto.newId();
      const at = rt.ctx.clock.nowIso();
      await rt.ctx.repos.users.insert({
        id,
        username,
        displayName,
        orgId,
        status,
        passwordHash: 'hash-of-' + username,
        mustChangePassword: true,
        createdAt: at,
        updatedAt: at,
      });
      return id;
    };
    const names = (users: { username: string }[]) => users.map((u) => u.username);

    before(async () => {
      const orgs = await rt.ctx.repos.orgs.list();
      const byName = (name: string) => orgs.find((o) => o.name === name)?.id ?? '';
      [root, edu, fin] = [byName('示例区人民政府'), byName('示例区教育局'), byName('示例区财政局')];
      await insert('Alice.Li', '李爱丽', edu);
      await insert('bob.zhang', 'Zhang Wei', edu, 'deactivated');
      await insert('carol.wang', '王卡萝', fin);
    });

    test('should map a stored account and keep its password hash apart', async () => {
      const u = await rt.ctx.repos.users.byUsername('Alice.Li');
      assert.equal(u?.displayName, '李爱丽');
      assert.equal(u?.mustChangePassword, true);
      assert.equal(u?.failedAttempts, 0);
      assert.equal(u?.lastLoginAt, null);
      assert.deepEqual(u?.roles, []);
      assert.equal('passwordHash' in (u ?? {}), false);
      assert.equal(await rt.ctx.repos.users.passwordHash(u?.id ?? ''), 'hash-of-Alice.Li');
      assert.equal(await rt.ctx.repos.users.byId('no-such-id'), undefined);
      assert.equal(await rt.ctx.repos.users.byUsername('nobody'), undefined);
    });

    test('should list accounts by organization and status, ordered by username', async () => {
      const users = rt.ctx.repos.users;
      assert.deepEqual(names(await users.list({ orgIds: [edu] })), ['Alice.Li', 'bob.zhang']);
      assert.deepEqual(names(await users.list({ orgIds: [edu, fin], status: 'active' })), ['Alice.Li', 'carol.wang']);
      assert.deepEqual(names(await users.list({ status: 'deactivated' })), ['bob.zhang']);
      assert.deepEqual(await users.list({ orgIds: [] }), [], 'an empty scope sees nothing');
      assert.ok(names(await users.list()).includes('admin'));
    });

    test('should search usernames and names without regard to case', async () => {
      const users = rt.ctx.repos.users;
      assert.deepEqual(names(await users.list({ query: 'alice' })), ['Alice.Li']);
      assert.deepEqual(names(await users.list({ query: 'ZHANG' })), ['bob.zhang']);
      assert.deepEqual(names(await users.list({ query: 'zhang wei' })), ['bob.zhang']);
      assert.deepEqual(names(await users.list({ query: '王' })), ['carol.wang']);
      assert.deepEqual(names(await users.list({ query: 'li', orgIds: [fin] })), []);
    });

    test('should replace the role grants, ignoring duplicates', async () => {
      const users = rt.ctx.repos.users;
      const id = (await users.byUsername('carol.wang'))?.id ?? '';
      const at = rt.ctx.clock.nowIso();
      await users.setRoles(
        id,
        [
          { orgId: fin, role: 'editor' },
          { orgId: fin, role: 'reviewer' },
          { orgId: fin, role: 'editor' },
        ],
        at,
      );
      assert.deepEqual((await users.byId(id))?.roles.map((g) => g.role).sort(), ['editor', 'reviewer']);
      await users.setRoles(
        id,
        [
          { orgId: edu, role: 'legal_reviewer' },
          { orgId: fin, role: 'legal_reviewer' },
        ],
        at,
      );
      assert.deepEqual(
        ((await users.byId(id))?.roles ?? []).map((g) => `${g.orgId}|${g.role}`).sort(),
        [`${edu}|legal_reviewer`, `${fin}|legal_reviewer`].sort(),
      );
      await users.setRoles(id, [], at);
      assert.deepEqual((await users.byId(id))?.roles, []);
    });

    test('should set the status and the successor', async () => {
      const users = rt.ctx.repos.users;
      const alice = (await users.byUsername('Alice.Li'))?.id ?? '';
      const carol = (await users.byUsername('carol.wang'))?.id ?? '';
      rt.clock.advance(1000);
      await users.setStatus(alice, 'deactivated', carol, rt.ctx.clock.nowIso());
      const off = await users.byId(alice);
      assert.equal(off?.status, 'deactivated');
      assert.equal(off?.replacedBy, carol);
      assert.equal(off?.updatedAt, rt.ctx.clock.nowIso());
      await users.setStatus(alice, 'active', null, rt.ctx.clock.nowIso());
      const on = await users.byId(alice);
      assert.equal(on?.status, 'active');
      assert.equal(on?.replacedBy, null);
    });

    test('should record failed attempts and lockout, and keep the last login unless given', async () => {
      const users = rt.ctx.repos.users;
      const id = (await users.byUsername('Alice.Li'))?.id ?? '';
      const at = rt.ctx.clock.nowIso();
      await users.setLoginState(
        id,
        { failedAttempts: 0, lockedUntil: null, lastLoginAt: '2025-09-28T01:00:00.000Z' },
        at,
      );
      await users.setLoginState(id, { failedAttempts: 4, lockedUntil: '2025-09-28T03:00:00.000Z' }, at);
      const locked = await users.byId(id);
      assert.equal(locked?.failedAttempts, 4);
      assert.equal(locked?.lockedUntil, '2025-09-28T03:00:00.000Z');
      assert.equal(locked?.lastLoginAt, '2025-09-28T01:00:00.000Z');
      await users.setLoginState(
        id,
        { failedAttempts: 0, lockedUntil: null, lastLoginAt: '2025-09-28T04:00:00.000Z' },
        at,
      );
      const cleared = await users.byId(id);
      assert.equal(cleared?.failedAttempts, 0);
      assert.equal(cleared?.lockedUntil, null);
      assert.equal(cleared?.lastLoginAt, '2025-09-28T04:00:00.000Z');
    });

    describe('each account change appends exactly one audit entry', () => {
      let actor: Actor;
      let userId = '';
      let successorId = '';

      /** Runs a change and checks that it appended one entry, with this action, about this account. */
      const expectOneEntry = async (
        action: string,
        entityId: () => string,
        change: () => Promise<unknown>,
      ): Promise<void> => {
        const before = await rt.ctx.repos.audit.head();
        await change();
        const after = await rt.ctx.repos.audit.head();
        assert.equal(after.lastSeq, before.lastSeq + 1, `${action} appends one entry`);
        const [entry] = await rt.ctx.repos.audit.list({}, { limit: 1 });
        assert.equal(entry?.action, action);
        assert.equal(entry?.entityId, entityId());
        assert.equal(entry?.hash, after.lastHash);
      };

      before(async () => {
        const admin = await rt.ctx.repos.users.byUsername('admin');
        assert.ok(admin);
        actor = actorOf(admin);
        const successor = await createUser(rt.ctx, actor, {
          username: 'heir.zhao',
          displayName: '赵接',
          orgId: edu,
          roles: [],
          password: PASSWORD,
          mustChangePassword: false,
        });
        successorId = successor.id;
      });

      test('insert and setRoles (createUser)', async () => {
        await expectOneEntry(
          'user.created',
          () => userId,
          async () => {
            userId = (
              await createUser(rt.ctx, actor, {
                username: 'audit.me',
                displayName: '审计',
                orgId: edu,
                roles: [{ orgId: edu, role: 'editor' }],
                password: PASSWORD,
                mustChangePassword: false,
              })
            ).id;
          },
        );
      });

      test('updateProfile and setRoles (updateUser)', async () => {
        await expectOneEntry(
          'user.updated',
          () => userId,
          () =>
            updateUser(rt.ctx, actor, userId, {
              username: 'audit.me',
              displayName: '审计员',
              orgId: fin,
              roles: [
                { orgId: fin, role: 'handler' },
                { orgId: root, role: 'legal_reviewer' },
              ],
            }),
        );
        assert.deepEqual((await rt.ctx.repos.users.byId(userId))?.roles.length, 2);
      });

      // A failed login changes no account state any more (the throttle counts it, app/auth/login.ts): only the audit.
      test('a failed login', async () => {
        await expectOneEntry(
          'user.login_failed',
          () => userId,
          () => login(rt.ctx, 'audit.me', 'wrong-password-here').catch(() => 'refused'),
        );
        assert.equal((await rt.ctx.repos.users.byId(userId))?.failedAttempts, 0);
      });

      test('setLoginState after a successful login', async () => {
        await expectOneEntry(
          'user.login',
          () => userId,
          () => login(rt.ctx, 'audit.me', PASSWORD),
        );
        assert.equal((await rt.ctx.repos.users.byId(userId))?.lastLoginAt, rt.ctx.clock.nowIso());
      });

      test('setPassword and setLoginState (resetPassword)', async () => {
        await expectOneEntry(
          'user.password_reset',
          () => userId,
          () => resetPassword(rt.ctx, actor, userId, 'Qingshan-Lvshui-88-Lin'),
        );
        assert.equal((await rt.ctx.repos.users.byId(userId))?.mustChangePassword, true);
      });

      test('setStatus (setUserActive)', async () => {
        await expectOneEntry(
          'user.deactivated',
          () => userId,
          () => setUserActive(rt.ctx, actor, userId, false),
        );
        await expectOneEntry(
          'user.reactivated',
          () => userId,
          () => setUserActive(rt.ctx, actor, userId, true),
        );
      });

      test('setRoles twice and setStatus (handover)', async () => {
        await expectOneEntry(
          'user.handed_over',
          () => userId,
          () => handover(rt.ctx, actor, userId, successorId),
        );
        const [from, to] = [await rt.ctx.repos.users.byId(userId), await rt.ctx.repos.users.byId(successorId)];
        assert.equal(from?.status, 'deactivated');
        assert.equal(from?.replacedBy, successorId);
        assert.equal(to?.roles.length, 2);
      });

      test('leaves an unbroken hash chain', async () => {
        assert.deepEqual(await verifyAuditChain(rt.ctx), {
          ok: true,
          count: (await rt.ctx.repos.audit.head()).lastSeq,
        });
      });
    });
  });
}

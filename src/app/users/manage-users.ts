// Creating accounts, changing their roles, resetting passwords, deactivating (admins only; audited).
import type { Actor } from '../../domain/policies/actor.js';
import type { UserWithRoles } from '../../domain/users/user.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canAdmin, type AdminAction } from '../../domain/policies/admin-policy.js';
import { passwordPolicyErrors } from '../../domain/users/password-policy.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import type { UserInput } from './user-input.js';
import type { UserContext } from './ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import { passwordInputs } from './password-inputs.js';

/** Checks that the actor may act on every organization named (the account's and each grant's). */
export async function authorizeOrgs(
  ctx: { repos: OrgRepos },
  actor: Actor | null,
  action: AdminAction,
  orgIds: readonly string[],
): Promise<void> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  for (const id of new Set(orgIds)) {
    if (!orgs.some((o) => o.id === id)) {
      throw notFound('机构');
    }
    if (actor !== null && !canAdmin(actor, action, { orgAncestry: ancestry(orgs, id) }, roots)) {
      throw forbidden();
    }
  }
}

/**
 * An account the actor may update: it must administer every organization the account holds a role at, not
 * only its own (otherwise a department admin could reset the password of an account that is also admin
 * higher up, and sign in as it).
 * @throws AppError 'not_found', 'forbidden'
 */
async function accountToUpdate(ctx: UserContext, actor: Actor | null, userId: string): Promise<UserWithRoles> {
  const user = await ctx.repos.users.byId(userId);
  if (!user) {
    throw notFound('用户');
  }
  await authorizeOrgs(ctx, actor, 'user.update', [user.orgId, ...user.roles.map((g) => g.orgId)]);
  return user;
}

const snapshot = (u: UserWithRoles) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  orgId: u.orgId,
  status: u.status,
  roles: u.roles,
});

/**
 * Creates an account. With `mustChangePassword` the user must pick a new password at first login.
 * @throws AppError 'conflict' for a duplicate username, 'invalid' for a weak password
 */
export async function createUser(
  ctx: UserContext,
  actor: Actor | null,
  input: UserInput & { password: string; mustChangePassword: boolean },
): Promise<UserWithRoles> {
  await authorizeOrgs(ctx, actor, 'user.create', [input.orgId, ...input.roles.map((g) => g.orgId)]);
  const inputs = await passwordInputs(ctx, { username: input.username, email: input.email });
  const policy = passwordPolicyErrors(input.password, inputs, ctx.passwordJudge);
  if (policy.length > 0) {
    throw invalid('密码不符合要求', { password: policy.join('；') });
  }
  const hash = await ctx.hasher.hash(input.password);
  const now = ctx.clock.nowIso();
  const id = ctx.crypto.newId();
  return ctx.uow.run(async (r) => {
    if (await r.users.byUsername(input.username)) {
      throw conflict('用户名已存在', { username: '该用户名已被使用' });
    }
    await r.users.insert({
      id,
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? '',
      orgId: input.orgId,
      status: 'active',
      passwordHash: hash,
      mustChangePassword: input.mustChangePassword,
      createdAt: now,
      updatedAt: now,
    });
    await r.users.setRoles(id, input.roles, now);
    const user = await r.users.byId(id);
    if (!user) {
      throw notFound('用户');
    }
    await r.audit.append(
      auditBy(actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        orgId: input.orgId,
        before: null,
        after: snapshot(user),
      }),
      now,
    );
    return user;
  });
}

/** Edits an account's display name, email, organization and roles (a username given is ignored: it never changes). */
export async function updateUser(
  ctx: UserContext,
  actor: Actor | null,
  userId: string,
  input: Omit<UserInput, 'username'> & { username?: string },
): Promise<void> {
  const before = await ctx.repos.users.byId(userId);
  if (!before) {
    throw notFound('用户');
  }
  // The actor must administer both what the account had and what it gets.
  await authorizeOrgs(ctx, actor, 'user.update', [
    before.orgId,
    input.orgId,
    ...before.roles.map((g) => g.orgId),
    ...input.roles.map((g) => g.orgId),
  ]);
  if (
    actor !== null &&
    actor.userId === userId &&
    before.roles.some((g) => g.role === 'admin') &&
    !input.roles.some((g) => g.role === 'admin')
  ) {
    throw invalid('不能撤销自己的系统管理员角色', { roles: '不能撤销自己的系统管理员角色' });
  }
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.users.updateProfile(
      userId,
      { displayName: input.displayName, orgId: input.orgId, email: input.email ?? '' },
      now,
    );
    await r.users.setRoles(userId, input.roles, now);
    const after = await r.users.byId(userId);
    await r.audit.append(
      auditBy(actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: userId,
        orgId: input.orgId,
        before: snapshot(before),
        after: after ? snapshot(after) : null,
      }),
      now,
    );
  });
}

/** Sets a temporary password the user must change at next login, and ends their sessions and API tokens. */
export async function resetPassword(
  ctx: UserContext,
  actor: Actor | null,
  userId: string,
  password: string,
): Promise<void> {
  const user = await accountToUpdate(ctx, actor, userId);
  const policy = passwordPolicyErrors(password, await passwordInputs(ctx, user), ctx.passwordJudge);
  if (policy.length > 0) {
    throw invalid('密码不符合要求', { password: policy.join('；') });
  }
  const hash = await ctx.hasher.hash(password);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.users.setPassword(userId, hash, true, now);
    await r.users.setLoginState(userId, { failedAttempts: 0, lockedUntil: null }, now);
    await r.sessions.deleteForUser(userId);
    const tokensRevoked = await r.tokens.revokeForUser(userId, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: userId,
        orgId: user.orgId,
        before: null,
        after: { mustChangePassword: true, tokensRevoked },
      }),
      now,
    );
  });
}

/** Deactivates or reactivates an account. Deactivated accounts cannot log in; sessions and tokens end. */
export async function setUserActive(
  ctx: UserContext,
  actor: Actor | null,
  userId: string,
  active: boolean,
): Promise<void> {
  const user = await accountToUpdate(ctx, actor, userId);
  if (actor?.userId === userId && !active) {
    throw invalid('不能停用自己的账号');
  }
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.users.setStatus(userId, active ? 'active' : 'deactivated', active ? null : user.replacedBy, now);
    if (!active) {
      await r.sessions.deleteForUser(userId);
      await r.tokens.revokeForUser(userId, now);
    }
    await r.audit.append(
      auditBy(actor, {
        action: active ? 'user.reactivated' : 'user.deactivated',
        entityType: 'user',
        entityId: userId,
        orgId: user.orgId,
        before: { status: user.status },
        after: { status: active ? 'active' : 'deactivated' },
      }),
      now,
    );
  });
}

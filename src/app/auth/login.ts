// Signing in: password check, lockout after repeated failures, session creation.
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { afterFailedAttempt, isLocked, LOCKOUT } from '../../domain/users/user.js';
import { auditBy, actorOf } from '../actors.js';

/** What a successful login returns: the cookie token (shown once) and the session's CSRF token. */
export type LoginResult = { token: string; csrfToken: string; userId: string; mustChangePassword: boolean };

const FAILED = '用户名或密码错误';

/** What signing in uses. */
type LoginContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'hasher' | 'settings'>;

/**
 * Signs a user in.
 * @throws AppError 'unauthenticated' for a wrong username/password or a deactivated account,
 *   'locked' while the account is locked (5 failures lock it for 15 minutes)
 */
export async function login(ctx: LoginContext, username: string, password: string): Promise<LoginResult> {
  const user = await ctx.repos.users.byUsername(username.trim());
  const hash = user ? await ctx.repos.users.passwordHash(user.id) : undefined;
  // Verify even for unknown users so timing does not reveal which usernames exist.
  const ok = await ctx.hasher.verify(hash ?? (await dummyHash(ctx)), password);
  const now = ctx.clock.nowIso();
  if (!user || user.status !== 'active') {
    throw new AppError('unauthenticated', FAILED);
  }
  if (isLocked(user, now)) {
    throw new AppError('locked', `连续${LOCKOUT.maxAttempts}次登录失败，账号已锁定，请${LOCKOUT.minutes}分钟后再试`);
  }
  if (!ok) {
    const next = afterFailedAttempt(user, ctx.clock.nowMs());
    await ctx.uow.run(async (r) => {
      await r.users.setLoginState(user.id, next, now);
      await r.audit.append(
        auditBy(null, {
          action: next.lockedUntil ? 'user.locked' : 'user.login_failed',
          entityType: 'user',
          entityId: user.id,
          orgId: user.orgId,
          before: { failedAttempts: user.failedAttempts },
          after: next,
        }),
        now,
      );
    });
    throw next.lockedUntil
      ? new AppError('locked', `连续${LOCKOUT.maxAttempts}次登录失败，账号已锁定，请${LOCKOUT.minutes}分钟后再试`)
      : new AppError('unauthenticated', FAILED);
  }
  const token = ctx.crypto.randomToken();
  const csrfToken = ctx.crypto.randomToken();
  const nowMs = ctx.clock.nowMs();
  await ctx.uow.run(async (r) => {
    await r.users.setLoginState(user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now }, now);
    await r.sessions.insert({
      idHash: ctx.crypto.sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(nowMs + ctx.settings.sessionIdleMinutes * 60_000).toISOString(),
      absoluteExpiresAt: new Date(nowMs + ctx.settings.sessionMaxHours * 3_600_000).toISOString(),
    });
    await r.audit.append(
      auditBy(actorOf(user), {
        action: 'user.login',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
        before: null,
        after: null,
      }),
      now,
    );
  });
  return { token, csrfToken, userId: user.id, mustChangePassword: user.mustChangePassword };
}

// A real argon2id hash of a random string, verified against when the username is unknown.
let dummy: Promise<string> | undefined;
function dummyHash(ctx: Pick<AppContext, 'hasher' | 'crypto'>): Promise<string> {
  dummy ??= ctx.hasher.hash(ctx.crypto.randomToken());
  return dummy;
}

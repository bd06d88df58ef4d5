// Signing in: password check under the login throttle, session creation.
//
// The throttle (docs/security/abuse.md) replaces the former lockout, which let anyone lock any account and told
// which accounts exist (等保 2.0 asks for 登录失败处理, not for a denial of service). Each attempt is charged
// BEFORE the password is checked, atomically in the database, to three budgets: the account from this client
// address (with backoff: the budget per 15 minutes, twice it per hour, four times it per day), the client address
// for any account, and the account from all addresses. An exhausted budget answers 429 with the same message
// whether the account exists or not, and no password is checked. A successful login gives its attempt back and
// clears the account's budget from that address. When the per-address or per-account budget runs out, the root
// organization's administrators are alerted once an hour (an audit entry and an email).
import type { AppContext } from '../context.js';
import { AppError, RateLimitedError } from '../errors.js';
import { auditBy, actorOf } from '../actors.js';
import { enqueueMail } from '../mail/outbox.js';
import { firstInWindow, keyOf, spend, type Charge } from '../throttle/throttle.js';

/** What a successful login returns: the cookie token (shown once) and the session's CSRF token. */
export type LoginResult = { token: string; csrfToken: string; userId: string; mustChangePassword: boolean };

const FAILED = '用户名或密码错误';

/** The one message of a throttled login, for existing and unknown accounts alike. */
export const TOO_MANY_LOGINS = '登录尝试过于频繁，请稍后再试。';

const QUARTER = 900;
const HOUR = 3600;
const DAY = 24 * HOUR;

/** What signing in uses. */
type LoginContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'hasher' | 'settings'>;

/** The budgets of one attempt (a limit of 0 switches one off). */
function loginCharges(ctx: LoginContext, account: string, address: string): Charge[] {
  const l = ctx.settings.limits;
  const pair = `${account}\n${address}`;
  return [
    { budget: { scope: 'login.pair', limit: l.loginPerAccountAddress, windowSeconds: QUARTER }, key: pair },
    { budget: { scope: 'login.pair.hour', limit: 2 * l.loginPerAccountAddress, windowSeconds: HOUR }, key: pair },
    { budget: { scope: 'login.pair.day', limit: 4 * l.loginPerAccountAddress, windowSeconds: DAY }, key: pair },
    { budget: { scope: 'login.address', limit: l.loginPerAddress, windowSeconds: QUARTER }, key: address },
    { budget: { scope: 'login.account', limit: l.loginPerAccount, windowSeconds: HOUR }, key: account },
  ];
}

/** The scopes whose exhaustion is an attack rather than one person mistyping. */
const ATTACK_SCOPES = ['login.address', 'login.account'];

/**
 * Signs a user in.
 * @param clientAddress the client's address (the throttle counts per address)
 * @throws AppError 'unauthenticated' for a wrong username/password or a deactivated account;
 *   RateLimitedError (the same for every username) while a budget is used up
 */
export async function login(
  ctx: LoginContext,
  username: string,
  password: string,
  clientAddress = 'unknown',
): Promise<LoginResult> {
  const account = username.trim().toLowerCase();
  const spent = await spend(ctx, loginCharges(ctx, account, clientAddress));
  if (!spent.ok) {
    const attacked = spent.refused.filter((s) => ATTACK_SCOPES.includes(s));
    if (attacked.length > 0) await alertAdmins(ctx, attacked, account, clientAddress);
    throw new RateLimitedError(TOO_MANY_LOGINS, spent.retryAfterSeconds);
  }
  const user = await ctx.repos.users.byUsername(username.trim());
  const hash = user ? await ctx.repos.users.passwordHash(user.id) : undefined;
  // Verify even for unknown users so timing does not reveal which usernames exist.
  const ok = await ctx.hasher.verify(hash ?? (await dummyHash(ctx)), password);
  const now = ctx.clock.nowIso();
  if (!user || user.status !== 'active') {
    throw new AppError('unauthenticated', FAILED);
  }
  if (!ok) {
    await ctx.uow.run((r) =>
      r.audit.append(
        auditBy(null, {
          action: 'user.login_failed',
          entityType: 'user',
          entityId: user.id,
          orgId: user.orgId,
          before: null,
          after: null,
        }),
        now,
      ),
    );
    throw new AppError('unauthenticated', FAILED);
  }
  await spent.refund();
  for (const scope of ['login.pair', 'login.pair.hour', 'login.pair.day']) {
    await ctx.repos.rateCounters.clear(scope, keyOf(ctx, scope, `${account}\n${clientAddress}`));
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

/**
 * Tells the root organization's administrators, once an hour per exhausted budget (an address, an account), that
 * logins are being throttled: an audit entry (the account name as typed and the client address) and an email to
 * each of them.
 * @param scopes the exhausted attack scopes ('login.address', 'login.account')
 */
async function alertAdmins(ctx: LoginContext, scopes: string[], account: string, address: string): Promise<void> {
  let first = false;
  for (const scope of scopes) {
    const key = scope === 'login.address' ? address : account;
    if (await firstInWindow(ctx, { scope: `${scope}.alert`, windowSeconds: HOUR }, key)) first = true;
  }
  if (!first) return;
  const orgs = await ctx.repos.orgs.list();
  const root = orgs.find((o) => o.parentId === null);
  const admins = (await ctx.repos.users.list({ status: 'active' })).filter((u) =>
    u.roles.some((g) => g.role === 'admin' && g.orgId === root?.id),
  );
  const now = ctx.clock.nowIso();
  const text = [
    '系统管理员：',
    '',
    `政府信息公开平台的后台登录在一小时内多次失败，已按规定限制登录尝试（登录名“${account}”，来源地址 ${address}）。`,
    '如非本单位人员所为，请检查账号安全，必要时在防火墙上封禁该地址。详情见审计日志。',
  ].join('\n');
  await ctx.uow.run(async (r) => {
    await r.audit.append(
      auditBy(null, {
        action: 'user.login_attack',
        entityType: 'login',
        entityId: account.slice(0, 100),
        orgId: root?.id ?? null,
        before: null,
        after: { address },
      }),
      now,
    );
    for (const admin of admins) {
      await enqueueMail(
        r,
        () => ctx.crypto.newId(),
        { to: admin.email, subject: '【安全告警】后台登录尝试过多', text, kind: 'security.login_attack' },
        now,
      );
    }
  });
}

// A real argon2id hash of a random string, verified against when the username is unknown.
let dummy: Promise<string> | undefined;
function dummyHash(ctx: Pick<AppContext, 'hasher' | 'crypto'>): Promise<string> {
  dummy ??= ctx.hasher.hash(ctx.crypto.randomToken());
  return dummy;
}

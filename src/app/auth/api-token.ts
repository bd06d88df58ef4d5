// API tokens for the staff JSON API, presented as `Authorization: Bearer <token>`: issued with a name, a scope and
// an expiry by their owner (or by the CLI), listed and revoked one by one by the owner and by the administrators of
// the account, ended all at once by a password reset or change and by deactivation (docs/security/accounts.md).
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { UserWithRoles } from '../../domain/users/user.js';
import {
  apiTokenState,
  shouldTouchToken,
  tokenExpiry,
  validateTokenRequest,
  type ApiToken,
  type ApiTokenScope,
  type ApiTokenState,
  type TokenRequest,
} from '../../domain/users/api-token.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { abilitiesFor, loadUserScope } from '../users/user-scope.js';

const PREFIX = 'gk_';

/** What the token use cases use. */
type TokenContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'settings'>;

/** A token as listed: its record and its state now. */
export type ListedToken = ApiToken & { state: ApiTokenState };

/** An account's tokens page: the account, its tokens, and what the actor may do there. */
export type TokenList = {
  user: UserWithRoles;
  tokens: ListedToken[];
  /** The lifetime a new token gets unless another is chosen, in days. */
  defaultDays: number;
  can: { create: boolean; revoke: boolean; never: boolean };
};

/**
 * What the actor may do with an account's tokens: its owner creates, lists and revokes them; an administrator of
 * the account (every organization it holds a role at, as for a password reset) lists and revokes them; a
 * supervisor who may read the account lists them. Only an administrator may issue a token that never expires.
 * The CLI (null actor) may do everything.
 * @throws AppError 'not_found' for an unknown account, 'forbidden' when the actor may not even list its tokens
 */
async function tokenRights(ctx: TokenContext, actor: Actor | null, userId: string) {
  const user = await ctx.repos.users.byId(userId);
  if (!user) throw notFound('用户');
  if (actor === null) return { user, can: { create: true, revoke: true, never: true } };
  const scope = await loadUserScope(ctx, actor);
  const admin = abilitiesFor(scope, user).update;
  const own = actor.userId === userId;
  if (!own && !admin && !scope.can('user.read', user.orgId)) throw forbidden();
  return { user, can: { create: own, revoke: own || admin, never: own && admin } };
}

/**
 * Lists an account's tokens, newest first, with their state now.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function listApiTokens(ctx: TokenContext, actor: Actor | null, userId: string): Promise<TokenList> {
  const { user, can } = await tokenRights(ctx, actor, userId);
  const now = ctx.clock.nowIso();
  const tokens = (await ctx.repos.tokens.listForUser(userId)).map((t) => ({ ...t, state: apiTokenState(t, now) }));
  return { user, tokens, defaultDays: ctx.settings.apiTokenDays, can };
}

/** A token just issued: its value (shown once, never stored) and its record. */
export type IssuedToken = { token: string; record: ApiToken };

/**
 * Issues a token for an active account, named and scoped as asked, expiring after the days asked (default: the
 * deployment's setting) or never (administrators only). Audited; only the token's hash is kept.
 * @throws AppError 'not_found', 'forbidden' (another's account), 'invalid' (a deactivated account, or the request's
 *   fields: name, scope, days)
 */
export async function createApiToken(
  ctx: TokenContext,
  actor: Actor | null,
  userId: string,
  request: TokenRequest,
): Promise<IssuedToken> {
  const { user, can } = await tokenRights(ctx, actor, userId);
  if (!can.create) throw forbidden('只能为自己的账号签发接口令牌');
  if (user.status !== 'active') {
    throw invalid(`用户 ${user.username} 已停用，不能签发令牌 / user is deactivated`);
  }
  const checked = validateTokenRequest(request, ctx.settings.apiTokenDays, can.never);
  if (!checked.ok) throw invalid('令牌未签发，请按提示更正', checked.errors);
  const { name, scope, lifetime } = checked.value;
  const token = PREFIX + ctx.crypto.randomToken();
  const now = ctx.clock.nowIso();
  const record: ApiToken = {
    id: ctx.crypto.newId(),
    userId,
    name,
    scope,
    createdAt: now,
    expiresAt: tokenExpiry(lifetime, ctx.clock.nowMs()),
    lastUsedAt: null,
    revokedAt: null,
  };
  await ctx.uow.run(async (r) => {
    await r.tokens.insert({ ...record, tokenHash: ctx.crypto.sha256(token) });
    await r.audit.append(
      auditBy(actor, {
        action: 'api_token.issued',
        entityType: 'user',
        entityId: userId,
        orgId: user.orgId,
        before: null,
        after: { tokenId: record.id, name, scope, expiresAt: record.expiresAt },
      }),
      now,
    );
  });
  return { token, record };
}

/**
 * Issues a token from the CLI for the account named (the CLI's operator runs the server: it may choose any
 * lifetime, "never" included). The token is returned once; only its hash is kept.
 * @throws AppError 'not_found' for an unknown user, 'invalid' for a deactivated one or an invalid request
 */
export async function issueApiToken(
  ctx: TokenContext,
  username: string,
  label = 'cli',
  options: { scope?: ApiTokenScope; days?: string; never?: boolean } = {},
): Promise<string> {
  const user = await ctx.repos.users.byUsername(username);
  if (!user) {
    throw new AppError('not_found', `用户 ${username} 不存在 / no such user`);
  }
  const request = { name: label, scope: options.scope ?? 'full', days: options.days, never: options.never };
  return (await createApiToken(ctx, null, user.id, request)).token;
}

/**
 * Revokes one token. Audited; revoking a token already revoked changes nothing.
 * @param ownerId when given, the account the token must belong to (a page of one account's tokens)
 * @throws AppError 'not_found' (also for a token of an account the actor may not see), 'forbidden'
 */
export async function revokeApiToken(
  ctx: TokenContext,
  actor: Actor | null,
  tokenId: string,
  ownerId?: string,
): Promise<ApiToken> {
  const token = await ctx.repos.tokens.byId(tokenId);
  if (!token || (ownerId !== undefined && token.userId !== ownerId)) throw notFound('令牌');
  const { user, can } = await tokenRights(ctx, actor, token.userId).catch((e: unknown) => {
    throw e instanceof AppError && e.code === 'forbidden' ? notFound('令牌') : e;
  });
  if (!can.revoke) throw forbidden('无权撤销该令牌');
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    if ((await r.tokens.revoke(tokenId, now)) > 0) {
      await r.audit.append(
        auditBy(actor, {
          action: 'api_token.revoked',
          entityType: 'user',
          entityId: user.id,
          orgId: user.orgId,
          before: { tokenId, name: token.name, scope: token.scope },
          after: { revokedAt: now },
        }),
        now,
      );
    }
    return (await r.tokens.byId(tokenId)) ?? token;
  });
}

/** A bearer token resolved: its account and its scope. */
export type ApiCaller = { user: UserWithRoles; scope: ApiTokenScope };

/**
 * Resolves a bearer token to its active account and its scope, and records its use (at most once a minute).
 * @returns undefined for an unknown, revoked or expired token, or one of a deactivated account
 */
export async function resolveApiToken(
  ctx: Pick<AppContext, 'repos' | 'clock' | 'crypto'>,
  token: string,
): Promise<ApiCaller | undefined> {
  if (!token.startsWith(PREFIX)) {
    return undefined;
  }
  const found = await ctx.repos.tokens.byHash(ctx.crypto.sha256(token));
  const now = ctx.clock.nowIso();
  if (!found || apiTokenState(found, now) !== 'active') {
    return undefined;
  }
  const user = await ctx.repos.users.byId(found.userId);
  if (!user || user.status !== 'active') {
    return undefined;
  }
  if (shouldTouchToken(found.lastUsedAt, ctx.clock.nowMs())) {
    await ctx.repos.tokens.touch(found.id, now);
  }
  return { user, scope: found.scope };
}

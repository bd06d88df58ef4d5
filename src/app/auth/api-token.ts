// API tokens for the JSON API: issued by the CLI, presented as `Authorization: Bearer <token>`.
import type { AppContext } from '../context.js';
import type { UserWithRoles } from '../../domain/users/user.js';
import { AppError } from '../errors.js';
import { auditBy } from '../actors.js';

const PREFIX = 'gk_';

/**
 * Issues a new API token for an active user. The token is returned once; only its hash is kept.
 * @throws AppError 'not_found' for an unknown user, 'invalid' for a deactivated one
 */
export async function issueApiToken(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>,
  username: string,
  label = 'cli',
): Promise<string> {
  const user = await ctx.repos.users.byUsername(username);
  if (!user) {
    throw new AppError('not_found', `用户 ${username} 不存在 / no such user`);
  }
  if (user.status !== 'active') {
    throw new AppError('invalid', `用户 ${username} 已停用 / user is deactivated`);
  }
  const token = PREFIX + ctx.crypto.randomToken();
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    const id = ctx.crypto.newId();
    await r.tokens.insert({ id, userId: user.id, tokenHash: ctx.crypto.sha256(token), label, createdAt: now });
    await r.audit.append(
      auditBy(null, {
        action: 'api_token.issued',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
        before: null,
        after: { tokenId: id, label },
      }),
      now,
    );
  });
  return token;
}

/**
 * Resolves a bearer token to its active user.
 * @returns undefined for an unknown, revoked or deactivated token
 */
export async function resolveApiToken(
  ctx: Pick<AppContext, 'repos' | 'clock' | 'crypto'>,
  token: string,
): Promise<UserWithRoles | undefined> {
  if (!token.startsWith(PREFIX)) {
    return undefined;
  }
  const hash = ctx.crypto.sha256(token);
  const userId = await ctx.repos.tokens.userIdByHash(hash);
  const user = userId ? await ctx.repos.users.byId(userId) : undefined;
  if (!user || user.status !== 'active') {
    return undefined;
  }
  await ctx.repos.tokens.touch(hash, ctx.clock.nowIso());
  return user;
}

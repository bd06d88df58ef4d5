// Changing one's own password, under the password policy.
import type { AppContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { passwordPolicyErrors } from '../../domain/users/password-policy.js';
import { auditBy, actorOf } from '../actors.js';
import { passwordInputs } from '../users/password-inputs.js';

/**
 * Changes the signed-in user's password and ends their other sessions and every API token they hold.
 * @param sessionHash the current session's hash, kept alive
 * @throws AppError 'invalid' with field errors (current, next, confirm)
 */
export async function changePassword(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'hasher' | 'passwordJudge'>,
  userId: string,
  input: { current: string; next: string; confirm: string },
  sessionHash?: string,
): Promise<void> {
  const user = await ctx.repos.users.byId(userId);
  const hash = await ctx.repos.users.passwordHash(userId);
  if (!user || !hash) {
    throw new AppError('unauthenticated', '请先登录');
  }
  const fieldErrors: Record<string, string> = {};
  if (!(await ctx.hasher.verify(hash, input.current))) {
    fieldErrors.current = '当前密码不正确';
  }
  const policy = passwordPolicyErrors(input.next, await passwordInputs(ctx, user), ctx.passwordJudge);
  if (policy.length > 0) {
    fieldErrors.next = policy.join('；');
  } else if (input.next === input.current) {
    fieldErrors.next = '新密码不能与当前密码相同';
  }
  if (input.next !== input.confirm) {
    fieldErrors.confirm = '两次输入的新密码不一致';
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw invalid('密码未修改，请按提示更正', fieldErrors);
  }
  const newHash = await ctx.hasher.hash(input.next);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.users.setPassword(userId, newHash, false, now);
    await r.sessions.deleteForUser(userId, sessionHash);
    const tokensRevoked = await r.tokens.revokeForUser(userId, now);
    await r.audit.append(
      auditBy(actorOf(user), {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: userId,
        orgId: user.orgId,
        before: { mustChangePassword: user.mustChangePassword },
        after: { mustChangePassword: false, tokensRevoked },
      }),
      now,
    );
  });
}

// Handover (交接): move all of a user's open work and roles to another user, and deactivate the old account.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { authorizeOrgs } from './manage-users.js';

/** What a handover moved, per registered module, plus the roles. */
export type HandoverReport = { roles: number; moved: { label: string; count: number }[] };

/**
 * Hands over everything in one transaction: each registered HandoverStep moves its open work,
 * the roles are added to the successor, and the old account is deactivated with `replacedBy`.
 * @throws AppError 'invalid' when handing over to oneself or to a deactivated account
 */
export async function handover(
  ctx: AppContext,
  actor: Actor | null,
  fromUserId: string,
  toUserId: string,
): Promise<HandoverReport> {
  if (fromUserId === toUserId) {
    throw invalid('交接双方不能是同一账号', { toUserId: '请选择另一名接手人员' });
  }
  const from = await ctx.repos.users.byId(fromUserId);
  const to = await ctx.repos.users.byId(toUserId);
  if (!from || !to) {
    throw notFound('用户');
  }
  if (from.status !== 'active' || to.status !== 'active') {
    throw invalid('交接双方都必须是启用状态的账号', { toUserId: '接手人员的账号已停用' });
  }
  if (actor?.userId === fromUserId) {
    throw invalid('不能交接自己的账号');
  }
  await authorizeOrgs(ctx, actor, 'user.handover', [from.orgId, to.orgId, ...from.roles.map((g) => g.orgId)]);
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    const moved: HandoverReport['moved'] = [];
    for (const step of ctx.handoverSteps) {
      moved.push({ label: step.label, count: await step.run(r, fromUserId, toUserId, now) });
    }
    await r.users.setRoles(toUserId, [...to.roles, ...from.roles], now);
    await r.users.setRoles(fromUserId, [], now);
    await r.users.setStatus(fromUserId, 'deactivated', toUserId, now);
    await r.sessions.deleteForUser(fromUserId);
    await r.tokens.revokeForUser(fromUserId, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'user.handed_over',
        entityType: 'user',
        entityId: fromUserId,
        orgId: from.orgId,
        before: { status: from.status, roles: from.roles },
        after: { status: 'deactivated', replacedBy: toUserId, rolesMovedTo: to.username, moved },
      }),
      now,
    );
    return { roles: from.roles.length, moved };
  });
}

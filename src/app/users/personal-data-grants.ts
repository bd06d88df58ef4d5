// Granting and revoking `view_personal_data` on a subtree (docs/security/privacy.md): an admin of the subtree lets an
// account see the applicants' personal data of its cases (e.g. a supervising office handling a complaint); both are
// audited in their transaction, and each view under the grant is audited where it happens (app/applications).
import type { Actor } from '../../domain/policies/actor.js';
import { liveGrantOrgIds, type PersonalDataGrant } from '../../domain/users/personal-data-grant.js';
import { invalid, notFound } from '../errors.js';
import { actorLabel, auditBy } from '../actors.js';
import { authorizeOrgs } from './manage-users.js';
import type { UserContext, UserRepos } from './ports.js';
import type { AuditRepos, Clock, UnitOfWork } from '../ports.js';

/** The subtrees of the actor's live `view_personal_data` grants, as the policies take them. */
export async function grantOrgIds(repos: Pick<UserRepos, 'personalDataGrants'>, actor: Actor): Promise<string[]> {
  return liveGrantOrgIds(await repos.personalDataGrants.forUser(actor.userId, { live: true }));
}

/** What a grant needs: the subtree's organization and why. */
export type GrantInput = { orgId: string; reason: string };

/**
 * Grants an active account `view_personal_data` on an organization's subtree.
 * @throws AppError 'not_found' (account or organization), 'forbidden' unless an admin of the organization and of the
 *   account's own organization,
 *   'invalid' without a reason or for an inactive account
 */
export async function grantPersonalData(
  ctx: UserContext,
  actor: Actor | null,
  userId: string,
  input: GrantInput,
): Promise<PersonalDataGrant> {
  const user = await ctx.repos.users.byId(userId);
  if (!user) throw notFound('用户');
  // The granting admin administers both the subtree and the account (its home organization).
  await authorizeOrgs(ctx, actor, 'user.grant_personal_data', [input.orgId, user.orgId]);
  const reason = input.reason.trim();
  if (reason === '' || user.status !== 'active') {
    throw invalid('授权有误', {
      ...(reason === '' ? { reason: '请写明授权查看个人信息的理由（如处理投诉、复议答复）' } : {}),
      ...(user.status !== 'active' ? { orgId: '该账号已停用，不能授权' } : {}),
    });
  }
  const now = ctx.clock.nowIso();
  const grant: PersonalDataGrant = {
    id: ctx.crypto.newId(),
    userId,
    orgId: input.orgId,
    reason,
    grantedBy: actor?.userId ?? null,
    grantedByLabel: actorLabel(actor),
    grantedAt: now,
    revokedBy: null,
    revokedByLabel: null,
    revokedAt: null,
  };
  await ctx.uow.run(async (r) => {
    await r.personalDataGrants.insert(grant);
    await r.audit.append(
      auditBy(actor, {
        action: 'user.personal_data_granted',
        entityType: 'user',
        entityId: userId,
        orgId: input.orgId,
        before: null,
        after: { grantId: grant.id, orgId: input.orgId, reason },
      }),
      now,
    );
  });
  return grant;
}

/**
 * Revokes a live grant; the record stays with who revoked it and when.
 * @throws AppError 'not_found' (unknown, or of another account), 'forbidden' unless an admin of its organization,
 *   'invalid' when already revoked
 */
export async function revokePersonalData(
  ctx: UserContext,
  actor: Actor | null,
  userId: string,
  grantId: string,
): Promise<void> {
  const grant = await ctx.repos.personalDataGrants.byId(grantId);
  if (!grant || grant.userId !== userId) throw notFound('授权');
  await authorizeOrgs(ctx, actor, 'user.grant_personal_data', [grant.orgId]);
  if (grant.revokedAt !== null) throw invalid('该授权已于此前撤销');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.personalDataGrants.revoke(grantId, { id: actor?.userId ?? null, label: actorLabel(actor) }, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'user.personal_data_revoked',
        entityType: 'user',
        entityId: userId,
        orgId: grant.orgId,
        before: { grantId, orgId: grant.orgId, grantedAt: grant.grantedAt },
        after: { revokedAt: now },
      }),
      now,
    );
  });
}

/**
 * Writes a view of personal data (an applicant's, a claimant's) made under a `view_personal_data` grant to the audit
 * trail; views by the handling organization and its helper are their work and are not logged one by one.
 * @param entry the audit action (e.g. 'application.personal_data_viewed') and what was viewed
 */
export async function auditGrantedView(
  ctx: { uow: UnitOfWork<AuditRepos>; clock: Clock },
  actor: Actor,
  access: { personal: string | null },
  entry: { action: string; entityType: string; entityId: string; orgId: string; detail?: Record<string, unknown> },
): Promise<void> {
  if (access.personal !== 'grant') return;
  const now = ctx.clock.nowIso();
  await ctx.uow.run((r) =>
    r.audit.append(
      auditBy(actor, {
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        orgId: entry.orgId,
        before: null,
        after: { underGrant: true, ...entry.detail },
      }),
      now,
    ),
  );
}

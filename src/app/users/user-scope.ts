// What the signed-in actor may see and do on the account pages: organizations in reach, an ability map, visible lists.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, orderTree, type OrgNode } from '../../domain/orgs/organization.js';
import { canAdmin, type AdminAction } from '../../domain/policies/admin-policy.js';
import { ROLE_LABELS, type RoleGrant } from '../../domain/users/roles.js';
import { USER_STATUSES, type UserStatus, type UserWithRoles } from '../../domain/users/user.js';

/** The organization tree seen through the actor's rights (the policy is applied, never re-implemented). */
export type UserScope = {
  /** Every organization (retired ones too, for labels), in tree order. */
  tree: OrgNode[];
  /** Whether the actor may perform the action on accounts of this organization. */
  can: (action: AdminAction, orgId: string) => boolean;
  /** Whether the actor may perform the action somewhere (entering the page at all). */
  canSomewhere: (action: AdminAction) => boolean;
  /** Non-retired organizations where the action is allowed, in tree order. */
  orgsFor: (action: AdminAction) => OrgNode[];
  /** The short name of an organization (full name when it has none). */
  orgLabel: (orgId: string) => string;
};

/** What the views may offer for one account (Outline's serialize-with-abilities). */
export type UserAbilities = { update: boolean; handover: boolean };

/** The list page's filter as typed in the query string. */
export type UserListFilter = { org: string; status: string; q: string };

/**
 * Loads the organization tree and binds the admin policy to the actor.
 * @param actor the signed-in account
 */
export async function loadUserScope(ctx: AppContext, actor: Actor): Promise<UserScope> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  const tree = orderTree(orgs);
  const byId = new Map(tree.map((o) => [o.id, o]));
  const can = (action: AdminAction, orgId: string): boolean =>
    byId.has(orgId) && canAdmin(actor, action, { orgAncestry: ancestry(orgs, orgId) }, roots);
  return {
    tree,
    can,
    canSomewhere: (action) => canAdmin(actor, action, null, roots),
    orgsFor: (action) => tree.filter((o) => o.retiredAt === null && can(action, o.id)),
    orgLabel: (orgId) => {
      const o = byId.get(orgId);
      return o ? o.shortName || o.name : '（未知机构）';
    },
  };
}

/**
 * The actions the actor may take on an account: the same organizations the use cases check
 * (the account's own and every organization it holds a role at).
 */
export function abilitiesFor(scope: UserScope, user: UserWithRoles): UserAbilities {
  const orgIds = [user.orgId, ...user.roles.map((g) => g.orgId)];
  return {
    update: orgIds.every((id) => scope.can('user.update', id)),
    handover: user.status === 'active' && orgIds.every((id) => scope.can('user.handover', id)),
  };
}

/**
 * Lists the accounts of organizations the actor may read, filtered in SQL.
 * An organization filter outside the actor's reach yields an empty list.
 */
export async function listVisibleUsers(ctx: AppContext, scope: UserScope, f: UserListFilter): Promise<UserWithRoles[]> {
  const readable = scope.tree.filter((o) => scope.can('user.read', o.id)).map((o) => o.id);
  const orgIds = f.org ? readable.filter((id) => id === f.org) : readable;
  const status = (USER_STATUSES as readonly string[]).includes(f.status) ? (f.status as UserStatus) : undefined;
  return ctx.repos.users.list({ orgIds, status, query: f.q.trim() || undefined });
}

/** A role grant as shown to people: "合法性审查人员（区司法局）". */
export function grantLabel(scope: UserScope, g: RoleGrant): string {
  return `${ROLE_LABELS[g.role]}（${scope.orgLabel(g.orgId)}）`;
}

/**
 * Active accounts the actor may hand work over to (any organization where handover is allowed), except `fromUserId`.
 */
export async function handoverCandidates(
  ctx: AppContext,
  scope: UserScope,
  fromUserId: string,
): Promise<UserWithRoles[]> {
  const orgIds = scope.tree.filter((o) => scope.can('user.handover', o.id)).map((o) => o.id);
  const users = await ctx.repos.users.list({ orgIds, status: 'active' });
  return users.filter((u) => u.id !== fromUserId);
}

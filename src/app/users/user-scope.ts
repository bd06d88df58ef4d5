// What the signed-in actor may see and do on the account pages: the admin policy bound to the actor over the
// organization tree, an ability map per account, and the pages' queries (the views never re-implement rules).
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, orderTree, type OrgNode } from '../../domain/orgs/organization.js';
import { canAdmin, type AdminAction } from '../../domain/policies/admin-policy.js';
import type { UserStatus, UserWithRoles } from '../../domain/users/user.js';
import type { PersonalDataGrant } from '../../domain/users/personal-data-grant.js';
import type { OrgRepos } from '../orgs/ports.js';
import { forbidden, notFound } from '../errors.js';
import type { UserRepos } from './ports.js';

/** What the account pages read: the organization tree and the accounts. */
type ScopeContext = { repos: OrgRepos & UserRepos };

/** The organization tree seen through the actor's rights. */
export type UserScope = {
  /** Every organization (retired ones too, for labels), in tree order. */
  tree: OrgNode[];
  /** Whether the actor may perform the action on accounts of this organization. */
  can: (action: AdminAction, orgId: string) => boolean;
  /** Whether the actor may perform the action somewhere (entering the page at all). */
  canSomewhere: (action: AdminAction) => boolean;
  /** Non-retired organizations where the action is allowed, in tree order. */
  orgsFor: (action: AdminAction) => OrgNode[];
};

/** What the views may offer for one account. */
export type UserAbilities = { update: boolean; handover: boolean };

/** Short names of organizations (full names where there is none), by id: every organization, retired too. */
export type OrgLabels = Record<string, string>;

/** The list page's filter; an organization outside the actor's reach yields nothing. */
export type UserListFilter = { orgId?: string; status?: UserStatus; q?: string };

/**
 * Loads the organization tree and binds the admin policy to the actor.
 * @param actor the signed-in account
 */
export async function loadUserScope(ctx: { repos: OrgRepos }, actor: Actor): Promise<UserScope> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  const tree = orderTree(orgs);
  const known = new Set(tree.map((o) => o.id));
  const can = (action: AdminAction, orgId: string): boolean =>
    known.has(orgId) && canAdmin(actor, action, { orgAncestry: ancestry(orgs, orgId) }, roots);
  return {
    tree,
    can,
    canSomewhere: (action) => canAdmin(actor, action, null, roots),
    orgsFor: (action) => tree.filter((o) => o.retiredAt === null && can(action, o.id)),
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

const labelsOf = (scope: UserScope): OrgLabels =>
  Object.fromEntries(scope.tree.map((o) => [o.id, o.shortName || o.name]));

/** The list page: the accounts the actor may read, the organizations to filter by, and what the actor may do. */
export type UserList = { users: UserWithRoles[]; orgs: OrgNode[]; orgLabels: OrgLabels; can: { create: boolean } };

/**
 * The accounts of the organizations the actor may read, filtered in SQL.
 * @throws AppError 'forbidden' when the actor may read no accounts at all
 */
export async function userList(ctx: ScopeContext, actor: Actor, filter: UserListFilter): Promise<UserList> {
  const scope = await loadUserScope(ctx, actor);
  if (!scope.canSomewhere('user.read')) throw forbidden();
  const orgs = scope.tree.filter((o) => scope.can('user.read', o.id));
  const readable = orgs.map((o) => o.id);
  const users = await ctx.repos.users.list({
    orgIds: filter.orgId ? readable.filter((id) => id === filter.orgId) : readable,
    status: filter.status,
    query: filter.q?.trim() || undefined,
  });
  return { users, orgs, orgLabels: labelsOf(scope), can: { create: scope.canSomewhere('user.create') } };
}

/**
 * The organizations a new account may belong to, the actor's own first choice.
 * @throws AppError 'forbidden' when there is none
 */
export async function newUserChoices(
  ctx: ScopeContext,
  actor: Actor,
): Promise<{ orgs: OrgNode[]; orgLabels: OrgLabels; defaultOrgId: string }> {
  const scope = await loadUserScope(ctx, actor);
  const orgs = scope.orgsFor('user.create');
  if (orgs.length === 0) throw forbidden();
  const home = orgs.find((o) => o.id === actor.homeOrgId) ?? orgs[0];
  return { orgs, orgLabels: labelsOf(scope), defaultOrgId: home?.id ?? '' };
}

/** One account's page: the account, its successor, the edit form's organizations and what the actor may do. */
export type AccountPage = {
  user: UserWithRoles;
  successor?: UserWithRoles;
  orgLabels: OrgLabels;
  /** The organizations the edit form offers: those the actor administers (retired ones the account still uses). */
  orgs: OrgNode[];
  can: UserAbilities;
  /** The labels of the registered handover steps, in order. */
  handoverSteps: string[];
  /** The account's `view_personal_data` grants (docs/security/privacy.md), newest first, revoked ones too. */
  personalData: {
    grants: (PersonalDataGrant & { canRevoke: boolean })[];
    /** The organizations whose subtree the actor may grant (empty: no form). */
    orgs: OrgNode[];
  };
};

/**
 * One account for its page.
 * @throws AppError 'not_found' for an unknown account, 'forbidden' when the actor may not read it
 */
export async function accountPage(
  ctx: ScopeContext & { handoverSteps: readonly { label: string }[] },
  actor: Actor,
  id: string,
): Promise<AccountPage> {
  const user = await ctx.repos.users.byId(id);
  if (!user) throw notFound('用户');
  const scope = await loadUserScope(ctx, actor);
  if (!scope.can('user.read', user.orgId)) throw forbidden();
  const successor = user.replacedBy ? await ctx.repos.users.byId(user.replacedBy) : undefined;
  const keep = new Set([user.orgId, ...user.roles.map((g) => g.orgId)]);
  const grants = await ctx.repos.personalDataGrants.forUser(user.id);
  const grantable = (orgId: string) => scope.can('user.grant_personal_data', orgId);
  return {
    user,
    successor,
    orgLabels: labelsOf(scope),
    orgs: scope.tree.filter((o) => scope.can('user.update', o.id) && (o.retiredAt === null || keep.has(o.id))),
    can: abilitiesFor(scope, user),
    handoverSteps: ctx.handoverSteps.map((s) => s.label),
    personalData: {
      grants: grants.map((g) => ({ ...g, canRevoke: g.revokedAt === null && grantable(g.orgId) })),
      orgs: user.status === 'active' ? scope.orgsFor('user.grant_personal_data') : [],
    },
  };
}

/**
 * The handover page: the account and the active accounts the actor may hand its work over to (any organization
 * where handover is allowed), the account itself excepted.
 * @throws AppError 'not_found', 'forbidden' (an active account the actor may not hand over)
 */
export async function handoverChoices(
  ctx: ScopeContext & { handoverSteps: readonly { label: string }[] },
  actor: Actor,
  id: string,
): Promise<AccountPage & { candidates: UserWithRoles[] }> {
  const page = await accountPage(ctx, actor, id);
  if (!page.can.handover && page.user.status === 'active') throw forbidden();
  const scope = await loadUserScope(ctx, actor);
  const orgIds = scope.tree.filter((o) => scope.can('user.handover', o.id)).map((o) => o.id);
  const users = await ctx.repos.users.list({ orgIds, status: 'active' });
  return { ...page, candidates: users.filter((u) => u.id !== id) };
}

// The organization pages' queries: the tree, and one organization with the parents it may move under.
import { orderTree, subtreeIds, type OrgNode, type Organization } from '../../domain/orgs/organization.js';
import { notFound } from '../errors.js';
import type { OrgRepos } from './ports.js';

type OrgContext = { repos: OrgRepos };

/** Every organization, retired ones too, in tree order (the list page). */
export async function organizationList(ctx: OrgContext): Promise<OrgNode[]> {
  return orderTree(await ctx.repos.orgs.list({ includeRetired: true }));
}

/**
 * The organizations (not retired) a new or moved organization may be placed under, in tree order.
 * @param movedId the organization being moved: it and its subtree are left out
 */
export async function parentChoices(ctx: OrgContext, movedId?: string): Promise<OrgNode[]> {
  const orgs = await ctx.repos.orgs.list();
  const excluded = movedId ? subtreeIds(orgs, movedId) : new Set<string>();
  return orderTree(orgs).filter((o) => !excluded.has(o.id));
}

/**
 * One organization for its edit page, with the parents it may move under.
 * @throws AppError 'not_found'
 */
export async function organizationPage(
  ctx: OrgContext,
  id: string,
): Promise<{ org: Organization; parents: OrgNode[] }> {
  const org = await ctx.repos.orgs.byId(id);
  if (!org) throw notFound('机构');
  return { org, parents: await parentChoices(ctx, id) };
}

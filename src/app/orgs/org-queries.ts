// Read-only views of the organization tree for callers that name organizations by credit code (the CLI).
import { orderTree, type OrgNode, type Organization } from '../../domain/orgs/organization.js';
import type { OrgRepos } from './ports.js';

/** An organization in tree order, with its parent's 统一社会信用代码 (null for a root). */
export type OrgTreeRow = OrgNode & { parentCreditCode: string | null };

/** The organizations (not retired) in tree order, roots first, each followed by its subtree. */
export async function organizationTree(ctx: { repos: OrgRepos }): Promise<OrgTreeRow[]> {
  const orgs = await ctx.repos.orgs.list();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return orderTree(orgs).map((o) => ({
    ...o,
    parentCreditCode: o.parentId ? (byId.get(o.parentId)?.creditCode ?? null) : null,
  }));
}

/** The organization with this 统一社会信用代码 (case and surrounding spaces ignored), if any. */
export function organizationByCreditCode(
  ctx: { repos: OrgRepos },
  creditCode: string,
): Promise<Organization | undefined> {
  return ctx.repos.orgs.byCreditCode(creditCode.trim().toUpperCase());
}

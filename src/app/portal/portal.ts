// What the public portal reads: the organization tree (never retired ones) and the footer.
import type { AppContext } from '../context.js';
import { orderTree, type Organization, type OrgNode } from '../../domain/orgs/organization.js';
import { getSiteFooter, type SiteFooter } from '../settings/site-settings.js';

import { DIRECTORIES, type DirectorySlug } from '../../domain/publications/directories.js';

export { DIRECTORIES, type DirectorySlug };

/** Everything a portal page needs about the site. */
export type PortalSite = { root: Organization | undefined; tree: OrgNode[]; footer: SiteFooter };

// Ordering the tree collates names (zh-CN) and, with copying the rows, costs more than the rest of a
// portal page's work together once there are a couple of hundred organizations (bench:portal). The
// tree is kept, frozen, while the organizations' change token stays the same.
let lastTree: { token: string; tree: readonly OrgNode[] } | undefined;

async function activeTree(ctx: AppContext): Promise<readonly OrgNode[]> {
  const token = await ctx.repos.orgs.changeToken?.();
  if (token !== undefined && lastTree?.token === token) return lastTree.tree;
  const tree = orderTree(await ctx.repos.orgs.list()).map((n) =>
    Object.freeze({ ...n, path: Object.freeze(n.path) as string[] }),
  );
  if (token !== undefined) lastTree = { token, tree: Object.freeze(tree) };
  return tree;
}

/** Loads the site: the root organization, the active tree and the footer. */
export async function loadPortalSite(ctx: AppContext): Promise<PortalSite> {
  const [tree, footer] = await Promise.all([activeTree(ctx), getSiteFooter(ctx)]);
  return { root: tree[0], tree: [...tree], footer };
}

/** Finds an active organization by credit code. */
export function findOrg(site: PortalSite, creditCode: string): OrgNode | undefined {
  return site.tree.find((o) => o.creditCode === creditCode);
}

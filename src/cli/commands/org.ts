// `gongkai org list [--json]`.
import { organizationTree } from '../../app/orgs/org-queries.js';
import { ORG_KIND_LABELS } from '../../domain/orgs/organization.js';
import { withRuntime, type CliDeps } from '../deps.js';

/** Lists the organizations in tree order (root first), as text or a JSON array. */
export async function listOrganizations(deps: CliDeps, opts: { json?: boolean }): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    const tree = await organizationTree(ctx);
    if (opts.json) {
      const rows = tree.map((o) => ({
        creditCode: o.creditCode,
        name: o.name,
        shortName: o.shortName,
        kind: o.kind,
        parent: o.parentCreditCode,
        depth: o.depth,
      }));
      deps.out(JSON.stringify(rows, null, 2));
      return;
    }
    for (const o of tree) {
      deps.out(`${'  '.repeat(o.depth)}${o.name}（${ORG_KIND_LABELS[o.kind]}） ${o.creditCode}`);
    }
  });
}

// `gongkai org list [--json]`.
import type { Command } from 'commander';
import { orderTree } from '../../domain/orgs/organization.js';
import { ORG_KIND_LABELS } from '../../domain/orgs/organization.js';
import { withRuntime, type CliDeps } from '../deps.js';

/** Registers the org commands. */
export function registerOrg(program: Command, deps: CliDeps): void {
  const org = program.command('org').description('机构管理 / Organizations');
  org
    .command('list')
    .description('按树形顺序列出机构（根机构在前） / List organizations in tree order, root first')
    .option('--json', '输出 JSON 数组 / print a JSON array')
    .action(async (opts: { json?: boolean }) => {
      await withRuntime(deps, async ({ ctx }) => {
        const orgs = await ctx.repos.orgs.list();
        const tree = orderTree(orgs);
        const byId = new Map(orgs.map((o) => [o.id, o]));
        if (opts.json) {
          const rows = tree.map((o) => ({
            creditCode: o.creditCode,
            name: o.name,
            shortName: o.shortName,
            kind: o.kind,
            parent: o.parentId ? (byId.get(o.parentId)?.creditCode ?? null) : null,
            depth: o.depth,
          }));
          deps.out(JSON.stringify(rows, null, 2));
          return;
        }
        for (const o of tree) {
          deps.out(`${'  '.repeat(o.depth)}${o.name}（${ORG_KIND_LABELS[o.kind]}） ${o.creditCode}`);
        }
      });
    });
}

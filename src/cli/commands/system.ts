// `gongkai serve`, `db migrate`, `db seed-demo`, `audit verify`, `backup`, `restore`.
import { verifyAuditChain } from '../../app/audit/verify-audit.js';
import { organizationTree } from '../../app/orgs/org-queries.js';
import { getPublicBaseUrl } from '../../app/settings/public-base-url.js';
import { printBootNotice, withRuntime, type CliDeps } from '../deps.js';
import { lazyProgress } from '../progress.js';

/** `serve`: starts the web server and keeps running. */
export async function serve(deps: CliDeps): Promise<void> {
  const { runtime, boot } = await deps.start();
  printBootNotice(deps, boot);
  const { url } = await deps.serve(runtime);
  deps.err(`gongkai 已启动 / listening on ${url} (${runtime.dialect})`);
  if ((await getPublicBaseUrl(runtime.ctx)) === null) {
    deps.err(
      `警告：未设置网站公开地址，订阅源、站点地图和 API 中的链接将使用监听地址 ${url}。` +
        '请在后台“网站设置”（/admin/settings）中填写网站地址。 / Warning: no public base URL is configured; absolute links ' +
        `use the listening address ${url}. Set the site address under 网站设置.`,
    );
  }
}

/** `db migrate`. */
export async function migrate(deps: CliDeps): Promise<void> {
  await withRuntime(deps, async ({ maintenance }) => {
    const applied = await maintenance.migrate();
    deps.out(
      applied.length > 0 ? `已执行 / applied: ${applied.join(', ')}` : '数据库已是最新 / database is up to date',
    );
  });
}

/** `db seed-demo`. */
export async function seedDemo(deps: CliDeps): Promise<void> {
  await withRuntime(deps, async (rt) => {
    const created = await deps.seedDemo(rt);
    const orgs = await organizationTree(rt.ctx);
    deps.out(`新增 / created: ${created}；机构总数 / organizations: ${orgs.length}`);
  });
}

/** `audit verify`: exit 1 when the chain is broken. */
export async function verifyAudit(deps: CliDeps): Promise<number> {
  return withRuntime(deps, async ({ ctx }) => {
    const progress = lazyProgress(deps, '校验 / verifying');
    const r = await verifyAuditChain(ctx, progress.onProgress).finally(progress.stop);
    if (r.ok) {
      deps.out(`审计日志完整 / audit chain OK: ${r.count} 条记录 / entries`);
      return 0;
    }
    deps.out(`审计日志已损坏 / audit chain BROKEN at entry #${r.brokenSeq}: ${r.reason}`);
    return 1;
  });
}

/** `backup <file>`. */
export async function backup(deps: CliDeps, file: string): Promise<void> {
  await withRuntime(deps, async ({ maintenance }) => {
    const rows = await maintenance.backup(file, (t, n) => deps.err(`  ${t}: ${n}`));
    deps.out(`已备份 / backed up ${rows} 行 / rows → ${file}`);
  });
}

/** `restore <file>`. */
export async function restore(deps: CliDeps, file: string): Promise<void> {
  await withRuntime(deps, async ({ maintenance }) => {
    const rows = await maintenance.restore(file, (t, n) => deps.err(`  ${t}: ${n}`));
    deps.out(`已恢复 / restored ${rows} 行 / rows ← ${file}`);
  });
}

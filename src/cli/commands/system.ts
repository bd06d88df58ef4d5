// `gongkai serve`, `db migrate`, `db seed-demo`, `audit verify`, `audit anchor`, `backup`, `restore`.
import { writeFile } from 'node:fs/promises';
import { verifyAuditChain } from '../../app/audit/verify-audit.js';
import { auditAnchor, checkAuditAnchor } from '../../app/audit/anchor-audit.js';
import { anchorJson, parseAuditAnchor } from '../../domain/audit/audit-anchor.js';
import { readInputText } from '../input-files.js';
import { organizationTree } from '../../app/orgs/org-queries.js';
import { getPublicBaseUrl } from '../../app/settings/public-base-url.js';
import { printBootNotice, startWithProgress, withRuntime, type CliDeps } from '../deps.js';
import { lazyProgress } from '../progress.js';
import { parseWorkers, WORKERS_RANGE } from '../../cluster.js';

/** The message of a bad `--workers` value. */
const BAD_WORKERS = `工作进程数应为 ${WORKERS_RANGE.min} 到 ${WORKERS_RANGE.max} 之间的整数 / --workers takes an integer from ${WORKERS_RANGE.min} to ${WORKERS_RANGE.max}`;

/**
 * `serve [--workers N]`: starts the web server and keeps running. With `--workers`, this process becomes the
 * primary of N worker processes sharing the port (PostgreSQL only; src/cluster.ts) and each worker serves.
 * @returns 2 for a bad `--workers` value; the primary's status once its workers stopped
 */
export async function serve(deps: CliDeps, opts: { workers?: string } = {}): Promise<number | undefined> {
  if (opts.workers !== undefined) {
    const workers = parseWorkers(opts.workers);
    if (workers === null) {
      deps.err(BAD_WORKERS);
      return 2;
    }
    const role = await deps.cluster(workers);
    if (role !== 'worker') return role;
  }
  const { runtime, boot } = await startWithProgress(deps);
  printBootNotice(deps, boot);
  // A start that fails once the database is open (port taken, job engine) closes it: nothing may keep the
  // process alive, so it exits with the error instead of hanging half started.
  const { url } = await deps.serve(runtime).catch(async (e: unknown) => {
    await runtime.close().catch(() => undefined);
    throw e;
  });
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
  // Opening the database applies pending migrations already: those are reported with any applied here.
  await withRuntime(deps, async ({ maintenance, migrated }) => {
    const applied = [...migrated, ...(await maintenance.migrate())];
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

/**
 * `audit verify [--against FILE]`: exit 1 when the chain is broken, or when it no longer holds the entry the
 * anchor file names with the anchor's hash (the newest entries deleted and the head rewritten).
 */
export async function verifyAudit(deps: CliDeps, opts: { against?: string } = {}): Promise<number> {
  const anchor = opts.against === undefined ? undefined : parseAuditAnchor(await readInputText(opts.against));
  if (anchor && !anchor.ok) {
    deps.err(`锚点文件有误 / invalid anchor file ${opts.against}: ${anchor.error}`);
    return 1;
  }
  return withRuntime(deps, async ({ ctx }) => {
    const progress = lazyProgress(deps, '校验 / verifying');
    const r = await verifyAuditChain(ctx, progress.onProgress).finally(progress.stop);
    if (!r.ok) {
      deps.out(`审计日志已损坏 / audit chain BROKEN at entry #${r.brokenSeq}: ${r.reason}`);
      return 1;
    }
    if (anchor) {
      const held = await checkAuditAnchor(ctx, anchor.value);
      if (!held.ok) {
        deps.out(`审计日志与锚点不符 / audit chain does NOT hold the anchor (${opts.against}): ${held.reason}`);
        return 1;
      }
    }
    const against = anchor ? `，含锚点 #${anchor.value.seq} / anchor #${anchor.value.seq} held` : '';
    deps.out(`审计日志完整 / audit chain OK: ${r.count} 条记录 / entries${against}`);
    return 0;
  });
}

/** `audit anchor [--out FILE]`: the head's anchor as JSON, on standard output or into FILE. */
export async function anchorAudit(deps: CliDeps, opts: { out?: string } = {}): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    const json = anchorJson(await auditAnchor(ctx));
    if (opts.out === undefined) {
      deps.stdout(json);
      return;
    }
    await writeFile(opts.out, json, 'utf8');
    deps.out(`已写入锚点 / anchor written: ${opts.out}`);
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
    deps.out('所有用户已退出登录，全部接口令牌已失效 / every user is signed out and every API token has ended');
  });
}

// `gongkai monitor run [--site NAME|--all] [--as-of YYYY-MM-DD]`: checks registered websites and saves the run
// (findings matched with the previous run, 整改 tasks); `monitor sites import|export FILE` for the registry;
// `monitor portal --origin URL` registers gongkai's own portal from its catalogue.
import { writeFile } from 'node:fs/promises';
import { executeRun, requestRun } from '../../app/monitoring/runs.js';
import { runView } from '../../app/monitoring/run-pages.js';
import { registerOwnPortal } from '../../app/monitoring/registry.js';
import { exportSites, importMessages, importSites } from '../../app/monitoring/site-import.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { nothingImported, readInputFile } from '../input-files.js';
import { lazyProgress } from '../progress.js';

/** Options of `monitor run`. */
export type MonitorRunOptions = { site?: string; all?: boolean; asOf?: string; json?: boolean };

/** `monitor run`: one site or all, in this process, with a progress bar; exit 1 when the run failed. */
export async function monitorRun(deps: CliDeps, opts: MonitorRunOptions): Promise<number> {
  if ((opts.site === undefined) === (opts.all !== true)) {
    deps.err('请指定 --site 网站名称 或 --all（二者选一） / give --site NAME or --all');
    return 2;
  }
  return withRuntime(deps, async ({ ctx }) => {
    const checker = await deps.siteChecker(ctx);
    const requested = await requestRun(ctx, null, {
      ...(opts.site !== undefined ? { siteName: opts.site } : { all: true }),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
    });
    const bar = lazyProgress(deps, '监测 / checking');
    const ended = await executeRun(ctx, checker, requested.id, (p) =>
      bar.onProgress(p.sitesDone, p.sitesTotal),
    ).finally(bar.stop);
    const view = await runView(ctx, null, ended.id);
    if (opts.json) {
      for (const r of view.results) {
        deps.out(
          JSON.stringify({
            site: r.siteName,
            verdict: r.verdict,
            score: r.score,
            vetoes: r.vetoes,
            findings: r.findings,
            pages: r.pages,
            links: r.links,
          }),
        );
      }
      deps.out(JSON.stringify({ run: ended.id, state: ended.state, findings: ended.findings, error: ended.error }));
    } else {
      for (const r of view.results) {
        const score = r.score === null ? '' : `，得分 ${r.score}`;
        const vetoes = r.vetoes.length > 0 ? `，单项否决：${r.vetoes.join('、')}` : '';
        deps.out(
          `${r.siteName}：${r.verdict}${score}${vetoes}；问题 ${r.findings} 个，页面 ${r.pages}，链接 ${r.links}`,
        );
      }
      deps.out(
        `监测 ${RUN_STATE_TEXT[ended.state]} / run ${ended.state}: ${ended.id}${ended.error ? `（${ended.error}）` : ''}`,
      );
    }
    return ended.state === 'completed' ? 0 : 1;
  });
}

const RUN_STATE_TEXT: Record<string, string> = {
  queued: '排队中',
  running: '进行中',
  completed: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/** `monitor sites import FILE`: the registry from CSV or XLSX, all or nothing. */
export async function importSiteRegistry(deps: CliDeps, file: string): Promise<void> {
  const bytes = await readInputFile(file);
  await withRuntime(deps, async ({ ctx }) => {
    const r = await importSites(ctx, null, new Uint8Array(bytes));
    if (!r.ok) {
      for (const e of r.errors) deps.err(`${file}:${e.sheet}!${e.column}${e.row}: ${e.message}`);
      throw nothingImported(r.errors.length);
    }
    deps.out(`已导入 / imported：新增 ${r.created} 个网站，更新 ${r.updated} 个`);
  });
}

/** `monitor sites export FILE`: the registry as CSV (.csv) or XLSX (any other extension). */
export async function exportSiteRegistry(deps: CliDeps, file: string): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    await writeFile(file, await exportSites(ctx, null, file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'));
    deps.out(`已导出 / exported: ${file}`);
  });
}

/** `monitor portal --origin URL`: registers (or brings in step) gongkai's own portal. */
export async function registerPortal(deps: CliDeps, opts: { origin: string }): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    const id = await registerOwnPortal(ctx, null, opts.origin);
    deps.out(`已登记本门户 / portal registered: ${id}`);
  });
}

/** `monitor messages import FILE`: interaction messages (CSV `site,column,receivedOn,answeredOn,subject`). */
export async function importInteractionMessages(deps: CliDeps, file: string): Promise<void> {
  const bytes = await readInputFile(file);
  await withRuntime(deps, async ({ ctx }) => {
    const r = await importMessages(ctx, null, new Uint8Array(bytes));
    if (!r.ok) {
      for (const e of r.errors) deps.err(`${file}:${e.sheet}!${e.column}${e.row}: ${e.message}`);
      throw nothingImported(r.errors.length);
    }
    deps.out(`已导入 / imported：留言 ${r.count} 条`);
  });
}

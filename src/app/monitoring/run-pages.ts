// What the run pages and the command line show of runs: a run with its per-site results (site names, verdicts,
// scores, vetoes), and the history list with what the actor may do.
import type { Actor } from '../../domain/policies/actor.js';
import type { MonitoringReadContext, MonitorRun, RunSiteResult } from './ports.js';
import { accessOf } from './access.js';
import { notFound } from '../errors.js';

/**
 * A run as shown: the run, each site's result with the site's name, whether the actor may cancel it, and whether
 * they may draft its 通报 (a completed run whose every site they manage; drafting also needs the editor role).
 */
export type RunView = {
  run: MonitorRun;
  scope: string;
  results: (RunSiteResult & { siteName: string })[];
  canCancel: boolean;
  canCircular: boolean;
};

async function viewOf(
  ctx: MonitoringReadContext,
  may: (orgId: string) => boolean,
  run: MonitorRun,
  withResults: boolean,
): Promise<RunView> {
  const sites = await ctx.repos.monitoring.sites();
  const name = (id: string) => sites.find((s) => s.id === id)?.name ?? id;
  const covered = run.siteId === null ? sites : sites.filter((s) => s.id === run.siteId);
  const results = withResults ? await ctx.repos.monitoring.runSites(run.id) : [];
  return {
    run,
    scope: run.siteId === null ? '全部网站' : name(run.siteId),
    results: results.map((r) => ({ ...r, siteName: name(r.siteId) })),
    canCancel: (run.state === 'queued' || run.state === 'running') && covered.every((s) => may(s.orgId)),
    canCircular: run.state === 'completed' && covered.length > 0 && covered.every((s) => may(s.orgId)),
  };
}

/**
 * One run with its results, when the actor may read the sites it covers.
 * @throws AppError 'not_found'
 */
export async function runView(ctx: MonitoringReadContext, actor: Actor | null, runId: string): Promise<RunView> {
  const run = await ctx.repos.monitoring.runById(runId);
  if (!run) throw notFound('监测任务');
  const access = await accessOf(ctx.repos, actor);
  const site = run.siteId === null ? undefined : await ctx.repos.monitoring.siteById(run.siteId);
  const readable = site
    ? access.may('monitoring.read', site.orgId)
    : actor === null || access.reach('monitoring.read').length > 0;
  if (!readable) throw notFound('监测任务');
  return viewOf(ctx, (o) => access.may('monitoring.manage', o), run, true);
}

/** The newest runs the actor may read (of sites they may read, and runs of all sites for readers). */
export async function runHistory(ctx: MonitoringReadContext, actor: Actor | null, limit = 50): Promise<RunView[]> {
  const access = await accessOf(ctx.repos, actor);
  const sites = await ctx.repos.monitoring.sites();
  const runs = await ctx.repos.monitoring.runs({ limit });
  const readable = runs.filter((r) => {
    const site = sites.find((s) => s.id === r.siteId);
    return site ? access.may('monitoring.read', site.orgId) : access.reach('monitoring.read').length > 0;
  });
  return Promise.all(readable.map((r) => viewOf(ctx, (o) => access.may('monitoring.manage', o), r, false)));
}

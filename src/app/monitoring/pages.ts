// What the monitoring pages show: the dashboard (per site and per unit traffic lights, open and overdue tasks, the
// trend over 12 months), the findings, the tasks and the letters the actor may see, with what they may do.
import type { Actor } from '../../domain/policies/actor.js';
import { compareDates, type LocalDate } from '../../domain/core/local-date.js';
import type { MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import { lastTwelveMonths, monthlyTrend, trendChartSvg } from '../../domain/monitoring-registry/trend.js';
import type { MonitoringReadContext, MonitorLetter, MonitorTask, RunSiteResult, StoredFinding } from './ports.js';
import { accessOf } from './access.js';
import { availabilityOf } from './probes.js';

/** A traffic light: red 不合格 at the last run, amber open problems, green clean, grey never checked. */
export type Light = 'red' | 'amber' | 'green' | 'grey';

/** One site on the dashboard. */
export type SiteLight = {
  site: MonitoredSite;
  last: RunSiteResult | null;
  openTasks: number;
  pending: number;
  /** Home-page probes of the last 7 days (19号 站点无法访问): failures, probes, the share that failed. */
  availability: { probes: number; failures: number; ratio: number; severity: 'veto' | 'warning' | null };
  light: Light;
};
/** One unit on the dashboard. */
export type UnitLight = {
  orgId: string;
  name: string;
  sites: number;
  openTasks: number;
  overdue: number;
  light: Light;
};

/** The dashboard. */
export type MonitoringDashboard = {
  sites: SiteLight[];
  units: UnitLight[];
  openTasks: number;
  overdue: number;
  pending: number;
  trendSvg: string;
  canManage: boolean;
};

const overdue = (t: MonitorTask, today: LocalDate) => t.state === 'open' && compareDates(t.dueOn, today) < 0;

/** The dashboard of the sites and units the actor may see. */
export async function monitoringDashboard(
  ctx: MonitoringReadContext,
  actor: Actor | null,
): Promise<MonitoringDashboard> {
  const access = await accessOf(ctx.repos, actor);
  const today = ctx.clock.today();
  const visible = (orgId: string) => access.may('monitoring.read', orgId) || access.may('monitoring.task.fix', orgId);
  const sites = (await ctx.repos.monitoring.sites()).filter((s) => visible(s.orgId));
  const orgIds = [...new Set(sites.map((s) => s.orgId))];
  const tasks = await ctx.repos.monitoring.tasks({ orgIds, states: ['open', 'fixed'] });
  const findings = await ctx.repos.monitoring.findings({ status: 'open', orgIds }, 5000);
  const months = lastTwelveMonths(today);
  const since = `${months[0]}-01T00:00:00.000Z`;
  const results = await ctx.repos.monitoring.siteResultsSince(since);
  const siteIds = new Set(sites.map((s) => s.id));
  const mine = results.filter((r) => siteIds.has(r.siteId));
  const findingSite = new Map(findings.map((f) => [f.id, f.siteId]));
  const availability = new Map(
    await Promise.all(sites.map(async (s) => [s.id, await availabilityOf(ctx, s.id, today)] as const)),
  );
  const siteLights = sites.map((site): SiteLight => {
    const last = [...mine].reverse().find((r) => r.siteId === site.id) ?? null;
    const { probes, failures, ratio, severity } = availability.get(site.id)!;
    const openTasks = tasks.filter((t) => findingSite.get(t.findingId) === site.id).length;
    const pending = findings.filter((f) => f.siteId === site.id && f.confirmation === 'pending').length;
    const light: Light =
      last === null ? 'grey' : last.verdict === '不合格' ? 'red' : openTasks + pending > 0 ? 'amber' : 'green';
    return { site, last, openTasks, pending, availability: { probes, failures, ratio, severity }, light };
  });
  const rank: Record<Light, number> = { red: 3, amber: 2, green: 1, grey: 0 };
  const units = orgIds.map((orgId): UnitLight => {
    const own = siteLights.filter((s) => s.site.orgId === orgId);
    const ownTasks = tasks.filter((t) => t.orgId === orgId);
    const late = ownTasks.filter((t) => overdue(t, today)).length;
    const worst = own.reduce<Light>((w, s) => (rank[s.light] > rank[w] ? s.light : w), 'grey');
    return {
      orgId,
      name: access.orgs.find((o) => o.id === orgId)?.name ?? orgId,
      sites: own.length,
      openTasks: ownTasks.length,
      overdue: late,
      light: late > 0 ? 'red' : worst,
    };
  });
  const points = monthlyTrend(
    months,
    mine.map((r) => ({ siteId: r.siteId, finishedOn: ctx.clock.dateOf(r.finishedAt), verdict: r.verdict })),
  );
  return {
    sites: siteLights,
    units,
    openTasks: tasks.length,
    overdue: tasks.filter((t) => overdue(t, today)).length,
    pending: findings.filter((f) => f.confirmation === 'pending').length,
    trendSvg: trendChartSvg(points),
    canManage: access.reach('monitoring.manage').length > 0,
  };
}

/** A finding as listed, with its site, its task and whether the actor may confirm it. */
export type FindingRow = { finding: StoredFinding; siteName: string; task: MonitorTask | null; canDecide: boolean };

/** The open findings of the sites the actor may read (pending ones first). */
export async function findingList(ctx: MonitoringReadContext, actor: Actor | null): Promise<FindingRow[]> {
  const access = await accessOf(ctx.repos, actor);
  const orgIds = access.reach('monitoring.read');
  const sites = await ctx.repos.monitoring.sites();
  const findings = await ctx.repos.monitoring.findings({ status: 'open', orgIds }, 500);
  const rows: FindingRow[] = [];
  for (const f of findings) {
    const site = sites.find((s) => s.id === f.siteId);
    rows.push({
      finding: f,
      siteName: site?.name ?? '',
      task: (await ctx.repos.monitoring.taskOfFinding(f.id)) ?? null,
      canDecide: site !== undefined && access.may('monitoring.manage', site.orgId),
    });
  }
  const order = (r: FindingRow) => (r.finding.confirmation === 'pending' ? 0 : 1);
  return rows.sort((a, b) => order(a) - order(b));
}

/** A task as listed. */
export type TaskRow = {
  task: MonitorTask;
  finding: StoredFinding | null;
  siteName: string;
  orgName: string;
  overdue: boolean;
  canFix: boolean;
};

/** The tasks of the organizations the actor may fix tasks of (open and fixed first, by due date). */
export async function taskList(ctx: MonitoringReadContext, actor: Actor | null): Promise<TaskRow[]> {
  const access = await accessOf(ctx.repos, actor);
  const orgIds = access.reach('monitoring.task.fix');
  const today = ctx.clock.today();
  const sites = await ctx.repos.monitoring.sites();
  const tasks = await ctx.repos.monitoring.tasks({ orgIds });
  const rows: TaskRow[] = [];
  for (const t of tasks) {
    const f = (await ctx.repos.monitoring.findingById(t.findingId)) ?? null;
    rows.push({
      task: t,
      finding: f,
      siteName: sites.find((s) => s.id === f?.siteId)?.name ?? '',
      orgName: access.orgs.find((o) => o.id === t.orgId)?.name ?? '',
      overdue: overdue(t, today),
      canFix: t.state === 'open' && access.may('monitoring.task.fix', t.orgId),
    });
  }
  const rank = (r: TaskRow) => (r.task.state === 'closed' ? 1 : 0);
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** The letters the actor may see, and the units they may write to (with open tasks not yet in a letter). */
export async function letterList(
  ctx: MonitoringReadContext,
  actor: Actor | null,
): Promise<{ letters: (MonitorLetter & { unitName: string })[]; units: [string, string][] }> {
  const access = await accessOf(ctx.repos, actor);
  const readable = [...new Set([...access.reach('monitoring.read'), ...access.reach('monitoring.task.fix')])];
  const letters = await ctx.repos.monitoring.letters({ orgIds: readable });
  const manage = access.reach('monitoring.manage');
  const waiting = (await ctx.repos.monitoring.tasks({ orgIds: manage, states: ['open', 'fixed'] })).filter(
    (t) => t.letterId === null,
  );
  const unitIds = [...new Set(waiting.map((t) => t.orgId))];
  const name = (id: string) => access.orgs.find((o) => o.id === id)?.name ?? id;
  return {
    letters: letters.map((l) => ({ ...l, unitName: name(l.orgId) })),
    units: unitIds.map((id) => [id, name(id)]),
  };
}

// 通报 of a check round: a completed run's site results and the 政务新媒体 accounts checked as of the run's day, made
// into a publication draft of the organization running the check (the root of the sites' tree). The draft is an
// ordinary one: it is edited, submitted and reviewed through the review chain like any other before it is published.
import type { Actor } from '../../domain/policies/actor.js';
import { compareDates, type LocalDate } from '../../domain/core/local-date.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { PLATFORM_LABELS } from '../../domain/monitoring/accounts.js';
import {
  circularHtml,
  circularTitle,
  quarterLabel,
  type CircularItem,
} from '../../domain/monitoring-registry/circular.js';
import type { AppContext } from '../context.js';
import type { MonitorRun } from './ports.js';
import { accessOf } from './access.js';
import { taskDueDays } from './runs.js';
import { issuerOf } from './letters.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { checkAccounts, runCounts } from '../media/check-accounts.js';
import { createDraft } from '../publications/drafts.js';
import { ensureCatalogue } from '../publications/catalogue.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';

/** What drafting a circular uses: the monitoring and media registries, and drafting. */
export type CircularContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'sanitizer'>;

/** Which round: a run by id, or the newest completed run checked as of a day in a quarter (`2026-Q4`). */
export type CircularRequest = { runId: string } | { period: string };

async function runOf(ctx: CircularContext, req: CircularRequest): Promise<MonitorRun> {
  if ('runId' in req) {
    const run = await ctx.repos.monitoring.runById(req.runId);
    if (!run) throw notFound('监测任务');
    return run;
  }
  const m = /^(\d{4})-Q([1-4])$/.exec(req.period.trim());
  if (!m) throw invalid('检查期间应为 YYYY-Qn（如 2026-Q4）', { period: '检查期间应为 YYYY-Qn（如 2026-Q4）' });
  const [year, quarter] = [Number(m[1]), Number(m[2])];
  const inQuarter = (d: LocalDate) =>
    Number(d.slice(0, 4)) === year && Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1 === quarter;
  const run = (await ctx.repos.monitoring.runs({ limit: 500 })).find(
    (r) => r.state === 'completed' && inQuarter(r.asOf),
  );
  if (!run) throw notFound('该期间已完成的监测');
  return run;
}

/**
 * The category a circular is filed under: 监督检查 (art. 20(13) of the Regulation: 监督检查情况) or a category named
 * for 通报, else 其他文件, else the first category of the organization's catalogue.
 */
export async function circularCategory(ctx: CircularContext, orgId: string): Promise<string> {
  await ensureCatalogue(ctx, orgId);
  const cats = (await ctx.repos.categories.list(orgId)).filter((c) => c.kind === 'category');
  const cat =
    cats.find((c) => c.slug === 'inspections') ??
    cats.find((c) => /监督检查|通报/.test(c.name)) ??
    cats.find((c) => c.statutoryKey === 'policy-other') ??
    cats[0];
  if (!cat) throw invalid('发布机关的目录中没有可发布信息的栏目');
  return cat.id;
}

/**
 * Drafts the 通报 of a completed run: the sites of the run and the accounts of the same tree checked as of the run's
 * day, the failing ones with their problems (a site's vetoes; an account's vetoes and then its other findings) and
 * deadlines (a site's: the latest due date of its open 整改 tasks;
 * otherwise the tasks' default term from today). The actor must manage the monitoring of every site of the run and
 * be an editor of the organization running the check.
 * @returns the new draft's id and 索引号 (the editor opens it)
 * @throws AppError 'not_found', 'forbidden', 'conflict' (run not completed), 'invalid'
 */
export async function draftCircular(
  ctx: CircularContext,
  actor: Actor,
  req: CircularRequest,
): Promise<{ id: string; indexNo: string }> {
  const run = await runOf(ctx, req);
  const access = await accessOf(ctx.repos, actor);
  const sites = await ctx.repos.monitoring.sites();
  const results = await ctx.repos.monitoring.runSites(run.id);
  const covered = results.map((r) => sites.find((s) => s.id === r.siteId)).filter((s) => s !== undefined);
  if (!covered.every((s) => access.may('monitoring.read', s.orgId))) throw notFound('监测任务');
  if (!covered.every((s) => access.may('monitoring.manage', s.orgId))) throw forbidden('无权就该监测发布通报');
  if (run.state !== 'completed') throw conflict('只有已完成的监测可以生成通报');
  if (covered.length === 0) throw invalid('该监测没有网站检查结果，无法生成通报');
  const issuer = issuerOf(access.orgs, covered[0]?.orgId ?? '');
  if (!issuer) throw notFound('机构');
  const today = ctx.clock.today();
  const defaultDeadline = addWorkingDays(today, await taskDueDays(ctx.repos), await loadHolidayCalendar(ctx.repos));
  const orgName = (id: string) => access.orgs.find((o) => o.id === id)?.name ?? '';
  const failing: CircularItem[] = [];
  for (const r of results.filter((x) => x.verdict === '不合格')) {
    const site = covered.find((s) => s.id === r.siteId);
    if (!site) continue;
    failing.push({
      type: '政府网站',
      name: site.name,
      unit: orgName(site.orgId),
      rules: r.vetoes,
      deadlineOn: (await siteDeadline(ctx, site.id, site.orgId)) ?? defaultDeadline,
    });
  }
  const check = await checkAccounts(ctx, actor, run.asOf);
  const inTree = check.accounts.filter((a) => ancestry(access.orgs, a.account.orgId).includes(issuer.id));
  const counts = runCounts({ ...check, accounts: inTree });
  for (const a of inTree.filter((x) => x.account.status !== 'cancelled' && x.summary.verdict === '不合格')) {
    failing.push({
      type: `政务新媒体（${PLATFORM_LABELS[a.account.platform] ?? a.account.platform}）`,
      name: a.account.name,
      unit: a.org?.name ?? '',
      rules: [...new Set([...a.summary.vetoes, ...a.findings.map((f) => f.rule)])],
      deadlineOn: defaultDeadline,
    });
  }
  const passed = results.filter((r) => r.verdict === '合格').length;
  const body = circularHtml({
    issuerName: issuer.name,
    checkedOn: run.asOf,
    issuedOn: today,
    sites: { checked: results.length, passed },
    accounts: { checked: counts.accounts, passed: counts.passed },
    failing,
  });
  return createDraft(ctx, actor, {
    org: issuer.id,
    title: circularTitle(run.asOf),
    kind: 'other_document',
    category: await circularCategory(ctx, issuer.id),
    writtenOn: today,
    publisher: issuer.name,
    summary: `${quarterLabel(run.asOf)}政府网站与政务新媒体检查情况：网站${results.length}个、政务新媒体${counts.accounts}个。`,
    keywords: '政府网站,政务新媒体,检查,通报',
    disclosure: 'proactive',
    body,
  });
}

/** The latest due date of the site's 整改 tasks not yet closed, or null. */
async function siteDeadline(ctx: CircularContext, siteId: string, orgId: string): Promise<LocalDate | null> {
  const open = new Set((await ctx.repos.monitoring.findings({ siteId, status: 'open' }, 1000)).map((f) => f.id));
  const due = (await ctx.repos.monitoring.tasks({ orgIds: [orgId], states: ['open', 'fixed'] }))
    .filter((t) => open.has(t.findingId))
    .map((t) => t.dueOn)
    .sort(compareDates);
  return due.at(-1) ?? null;
}

// Monitoring runs: one registered site or all of them checked as of a day, as a job of the job engine (a run is
// claimed before it starts, so it runs once however many processes take the job), with progress, cancellable, and
// its history kept. Each site's findings are matched with the stored ones: seen again → the same finding (a task
// marked fixed is reopened); new → stored (a task when it counts); not seen → closed with its task (销号).
import type { Actor } from '../../domain/policies/actor.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { MonitorFinding, MonitorRule } from '../../domain/monitoring/finding.js';
import { NEEDS_CONFIRMATION } from '../../domain/monitoring/finding.js';
import type { MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import { findingKey } from '../../domain/monitoring-registry/finding-match.js';
import { interactionFinding } from '../../domain/monitoring-registry/interaction.js';
import { withAvailability } from './probes.js';
import {
  counts,
  countedSummary,
  initialConfirmation,
  reconcile,
  type Confirmation,
} from '../../domain/monitoring-registry/follow-up.js';
import type { JobEngine } from '../jobs/ports.js';
import type { AuditRepos } from '../ports.js';
import {
  RunCancelled,
  type MonitoringContext,
  type MonitoringRepos,
  type MonitorRun,
  type MonitorTask,
  type SiteChecker,
  type SiteCheckResult,
  type StoredFinding,
} from './ports.js';
import { accessOf } from './access.js';
import { checkDay } from './registry.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';

/** The job engine's queue of monitoring runs (data: `{ runId }`). */
export const MONITOR_RUN_QUEUE = 'monitoring-run';

/** The setting holding the working days a unit has to fix a finding (default {@link DEFAULT_TASK_DUE_DAYS}). */
export const TASK_DUE_SETTING = 'monitoring.taskDueWorkingDays';
/** Working days to fix a finding unless the setting says otherwise. */
export const DEFAULT_TASK_DUE_DAYS = 10;

/** The working days a unit has to fix a finding (the setting, else the default). */
export async function taskDueDays(repos: MonitoringContext['repos']): Promise<number> {
  const v = await repos.settings.get(TASK_DUE_SETTING);
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 250 ? v : DEFAULT_TASK_DUE_DAYS;
}

/** What a run is asked for: one site by id or name, or every registered site; the day it checks as of. */
export type RunRequest = { siteId?: string; siteName?: string; all?: boolean; asOf?: string };

/**
 * Records a queued run after checking the actor may run every site it covers and that no run of the same scope is
 * queued or running.
 * @throws AppError 'invalid' (neither a site nor all; a bad date; no site registered), 'not_found', 'forbidden',
 *   'conflict' (a run of that scope is in progress)
 */
export async function requestRun(ctx: MonitoringContext, actor: Actor | null, req: RunRequest): Promise<MonitorRun> {
  let site: MonitoredSite | undefined;
  if (req.siteId !== undefined) site = await ctx.repos.monitoring.siteById(req.siteId);
  else if (req.siteName !== undefined) site = await ctx.repos.monitoring.siteByName(req.siteName);
  else if (!req.all) throw invalid('请指定要监测的网站，或选择全部网站', { site: '请选择网站' });
  if ((req.siteId !== undefined || req.siteName !== undefined) && !site) throw notFound('网站');
  if (req.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(req.asOf)) {
    throw invalid('监测日期应为 YYYY-MM-DD', { asOf: '监测日期应为 YYYY-MM-DD' });
  }
  const sites = site ? [site] : await ctx.repos.monitoring.sites();
  if (sites.length === 0) throw invalid('尚未登记任何网站');
  const access = await accessOf(ctx.repos, actor);
  if (sites.some((s) => !access.may('monitoring.manage', s.orgId))) throw forbidden('无权监测该网站');
  const running = (await ctx.repos.monitoring.runs({ limit: 50 })).find(
    (r) => (r.state === 'queued' || r.state === 'running') && (r.siteId === null || r.siteId === (site?.id ?? null)),
  );
  if (running) throw conflict('已有正在进行的监测，请等待其完成或取消后再试');
  const now = ctx.clock.nowIso();
  const run: MonitorRun = {
    id: ctx.crypto.newId(),
    siteId: site?.id ?? null,
    state: 'queued',
    asOf: checkDay(ctx.clock, req.asOf),
    cancelRequested: false,
    requestedBy: actor?.userId ?? null,
    requestedLabel: actor ? actor.displayName || actor.username : '系统',
    sitesTotal: sites.length,
    sitesDone: 0,
    pages: 0,
    links: 0,
    findings: 0,
    error: null,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
  };
  await ctx.uow.run(async (r) => {
    await r.monitoring.insertRun(run);
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.run_requested',
        entityType: 'monitor_run',
        entityId: run.id,
        orgId: site?.orgId ?? null,
        before: null,
        after: { site: site?.name ?? '全部网站', asOf: run.asOf },
      }),
      now,
    );
  });
  return run;
}

/**
 * Requests a run and queues it on the job engine (the server's workers run it).
 * @throws as {@link requestRun}
 */
export async function startRun(
  ctx: MonitoringContext & { jobs: JobEngine },
  actor: Actor | null,
  req: RunRequest,
): Promise<MonitorRun> {
  const run = await requestRun(ctx, actor, req);
  try {
    await ctx.jobs.enqueue(MONITOR_RUN_QUEUE, { runId: run.id }, { onceKey: run.id });
  } catch (e) {
    // No engine in this process (a server started without background jobs): the run must not wait forever.
    const error = `无法排入后台任务：${e instanceof Error ? e.message : String(e)}`;
    await ctx.repos.monitoring.updateRun(run.id, { state: 'failed', error, finishedAt: ctx.clock.nowIso() });
    throw invalid('后台任务引擎未运行，无法开始监测；可在命令行运行 gongkai monitor run');
  }
  return run;
}

/** Progress of a run for a bar: sites done of total, pages fetched, the site being checked. */
export type RunProgress = { sitesDone: number; sitesTotal: number; pages: number; site: string };

const PROGRESS_EVERY_PAGES = 10;

/**
 * Runs a queued run: claims it (nothing when another worker has), checks each site, stores each site's result in
 * its own transaction. A cancel request is honoured between pages: sites already done stay done.
 * @returns the run as it ended
 */
export async function executeRun(
  ctx: MonitoringContext,
  checker: SiteChecker,
  runId: string,
  onProgress?: (p: RunProgress) => void,
): Promise<MonitorRun> {
  const repo = ctx.repos.monitoring;
  const claimed = await repo.claimRun(runId, ctx.clock.nowIso());
  const run = await repo.runById(runId);
  if (!run) throw notFound('监测任务');
  if (!claimed) return run;
  const sites = run.siteId === null ? await repo.sites() : [await repo.siteById(run.siteId)].filter((s) => !!s);
  const totals = { pages: 0, links: 0, findings: 0, done: 0 };
  await repo.updateRun(runId, { sitesTotal: sites.length });
  const cancelled = async () => (await repo.runById(runId))?.cancelRequested === true;
  const calendar = await loadHolidayCalendar(ctx.repos);
  const dueDays = await taskDueDays(ctx.repos);
  try {
    for (const site of sites) {
      if (await cancelled()) throw new RunCancelled();
      onProgress?.({ sitesDone: totals.done, sitesTotal: sites.length, pages: totals.pages, site: site.name });
      let seen = 0;
      let stop = false;
      const result = await checker.check(site, run.asOf, (p) => {
        // The checker stops at the throw: a cancel request seen at an earlier page stops the crawl here.
        if (stop) throw new RunCancelled();
        seen = p.pages;
        onProgress?.({
          sitesDone: totals.done,
          sitesTotal: sites.length,
          pages: totals.pages + p.pages,
          site: site.name,
        });
        if (p.pages % PROGRESS_EVERY_PAGES !== 0) return;
        void repo.updateRun(runId, { pages: totals.pages + p.pages }).catch(() => undefined);
        void cancelled().then(
          (yes) => (stop ||= yes),
          () => undefined,
        );
      });
      if (stop || (await cancelled())) throw new RunCancelled();
      const withMessages = await addInteractionFindings(ctx, site, result, run.asOf);
      const judged = { ...withMessages, findings: await withAvailability(ctx, site, withMessages.findings, run.asOf) };
      const stored = await ctx.uow.run((r) =>
        recordSiteResult(ctx, r, { run, site, result: judged, calendar, dueDays }),
      );
      totals.pages += Math.max(result.pages, seen);
      totals.links += result.links;
      totals.findings += stored;
      totals.done += 1;
      await repo.updateRun(runId, {
        sitesDone: totals.done,
        pages: totals.pages,
        links: totals.links,
        findings: totals.findings,
      });
    }
    onProgress?.({ sitesDone: totals.done, sitesTotal: sites.length, pages: totals.pages, site: '' });
    await finish(ctx, run, 'completed', null);
  } catch (e) {
    if (e instanceof RunCancelled) await finish(ctx, run, 'cancelled', null);
    else await finish(ctx, run, 'failed', e instanceof Error ? e.message.slice(0, 500) : String(e));
  }
  return (await repo.runById(runId)) as MonitorRun;
}

async function finish(ctx: MonitoringContext, run: MonitorRun, state: MonitorRun['state'], error: string | null) {
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.monitoring.updateRun(run.id, { state, error, finishedAt: now });
    const after = await r.monitoring.runById(run.id);
    await r.audit.append(
      auditBy(null, {
        action: `monitoring.run_${state}`,
        entityType: 'monitor_run',
        entityId: run.id,
        orgId: null,
        before: null,
        after: { sites: after?.sitesDone ?? 0, findings: after?.findings ?? 0, ...(error ? { error } : {}) },
      }),
      now,
    );
  });
}

/** The checker's findings plus `interaction_unanswered` of each interaction column from its registered messages. */
async function addInteractionFindings(
  ctx: MonitoringContext,
  site: MonitoredSite,
  result: SiteCheckResult,
  asOf: LocalDate,
): Promise<SiteCheckResult> {
  const interaction = site.columns.filter((c) => c.kind === 'interaction');
  if (interaction.length === 0) return result;
  const messages = await ctx.repos.monitoring.messagesOfSite(site.id);
  const extra = interaction
    .map((c) =>
      interactionFinding(
        c,
        messages.filter((m) => m.columnId === c.id),
        asOf,
      ),
    )
    .filter((f): f is MonitorFinding => f !== null);
  return { ...result, findings: [...result.findings, ...extra] };
}

/** What storing one site's result needs. */
type SiteRun = {
  run: MonitorRun;
  site: MonitoredSite;
  result: SiteCheckResult;
  calendar: HolidayCalendar;
  dueDays: number;
};

/**
 * Stores one site's result in the caller's transaction: findings matched, tasks created, reopened or closed, letters
 * whose findings are all closed closed, and the site's verdict (without vetoes of unconfirmed findings).
 * @returns how many findings the run saw on the site
 */
export async function recordSiteResult(
  ctx: Pick<MonitoringContext, 'crypto' | 'clock'>,
  r: MonitoringRepos & AuditRepos,
  s: SiteRun,
): Promise<number> {
  const now = ctx.clock.nowIso();
  const today = ctx.clock.today();
  const open = await r.monitoring.openFindings(s.site.id);
  const plan = reconcile(open, s.result.findings, findingKey);
  const touchedLetters = new Set<string>();
  const newTask = async (f: StoredFinding) => {
    const task = newTaskRecord(ctx, f, s.site.orgId, addWorkingDays(today, s.dueDays, s.calendar), null, now);
    await r.monitoring.insertTask(task);
    await audit(r, 'monitoring.task_created', task, { finding: f.message, dueOn: task.dueOn }, now);
  };
  for (const { known, seen } of plan.again) {
    await r.monitoring.updateFinding(known.id, {
      severity: seen.severity,
      message: seen.message,
      evidence: seen.evidence,
      lastRunId: s.run.id,
      lastSeenAt: now,
    });
    const task = await r.monitoring.taskOfFinding(known.id);
    if (task?.state === 'fixed') {
      await r.monitoring.updateTask(task.id, { state: 'open', reopened: task.reopened + 1, updatedAt: now });
      await audit(r, 'monitoring.task_reopened', task, { finding: seen.message }, now);
    }
  }
  for (const { key, seen } of plan.fresh) {
    const f: StoredFinding = {
      id: ctx.crypto.newId(),
      siteId: s.site.id,
      key,
      rule: seen.rule,
      severity: seen.severity,
      url: seen.url ?? seen.account ?? null,
      column: seen.column ?? null,
      message: seen.message,
      evidence: seen.evidence,
      confirmation: initialConfirmation(seen.rule),
      decidedBy: null,
      decidedAt: null,
      dismissReason: null,
      status: 'open',
      firstRunId: s.run.id,
      lastRunId: s.run.id,
      closedRunId: null,
      firstSeenAt: now,
      lastSeenAt: now,
      closedAt: null,
    };
    await r.monitoring.insertFinding(f);
    if (counts(f.confirmation)) await newTask(f);
  }
  for (const gone of plan.gone) {
    await r.monitoring.updateFinding(gone.id, { status: 'closed', closedRunId: s.run.id, closedAt: now });
    const task = await r.monitoring.taskOfFinding(gone.id);
    if (task && task.state !== 'closed') {
      await r.monitoring.updateTask(task.id, { state: 'closed', closedAt: now, updatedAt: now });
      await audit(r, 'monitoring.task_closed', task, { finding: gone.message }, now);
      if (task.letterId) touchedLetters.add(task.letterId);
    }
  }
  for (const letterId of touchedLetters) await closeLetterIfDone(r, letterId, now);
  const stillOpen = await r.monitoring.openFindings(s.site.id);
  const confirmation = new Map<MonitorRule, Confirmation[]>();
  for (const f of stillOpen) confirmation.set(f.rule, [...(confirmation.get(f.rule) ?? []), f.confirmation]);
  const unconfirmed = new Set(
    [...NEEDS_CONFIRMATION].filter((rule) => !(confirmation.get(rule) ?? []).some((c) => c === 'confirmed')),
  );
  // Vetoes judged beside the crawl: 互动回应差 from the registered messages, 站点无法访问 from the week's probes.
  const extra = s.result.findings
    .filter((f) => f.severity === 'veto' && (f.rule === 'interaction_unanswered' || f.rule === 'unavailable'))
    .map((f) => f.rule);
  const summary = countedSummary(s.result.summary, { unconfirmed, extraVetoes: extra });
  await r.monitoring.insertRunSite({
    runId: s.run.id,
    siteId: s.site.id,
    ...summary,
    findings: s.result.findings.length,
    pages: s.result.pages,
    links: s.result.links,
    finishedAt: now,
  });
  return s.result.findings.length;
}

/** A new open 整改 task of the organization for the finding, due on the day given. */
export function newTaskRecord(
  ctx: Pick<MonitoringContext, 'crypto'>,
  finding: StoredFinding,
  orgId: string,
  dueOn: LocalDate,
  actor: Actor | null,
  now: string,
): MonitorTask {
  return {
    id: ctx.crypto.newId(),
    findingId: finding.id,
    orgId,
    state: 'open',
    dueOn,
    reopened: 0,
    fixNote: null,
    fixedBy: null,
    fixedAt: null,
    closedAt: null,
    letterId: null,
    createdBy: actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Closes a letter whose tasks are all closed (a 提醒函 is tracked until all its findings are closed). */
export async function closeLetterIfDone(r: MonitoringRepos & AuditRepos, letterId: string, now: string): Promise<void> {
  const letter = await r.monitoring.letterById(letterId);
  if (!letter || letter.state === 'closed') return;
  const tasks = await r.monitoring.tasks({ letterId });
  if (tasks.some((t) => t.state !== 'closed')) return;
  await r.monitoring.updateLetter(letterId, { state: 'closed', closedAt: now });
  await r.audit.append(
    auditBy(null, {
      action: 'monitoring.letter_closed',
      entityType: 'monitor_letter',
      entityId: letterId,
      orgId: letter.orgId,
      before: { state: letter.state },
      after: { state: 'closed', docNo: letter.docNo },
    }),
    now,
  );
}

async function audit(
  r: AuditRepos,
  action: string,
  task: MonitorTask,
  after: Record<string, unknown>,
  now: string,
  actor: Actor | null = null,
): Promise<void> {
  await r.audit.append(
    auditBy(actor, { action, entityType: 'monitor_task', entityId: task.id, orgId: task.orgId, before: null, after }),
    now,
  );
}

/**
 * Asks a run to stop: a queued run is cancelled at once, a running one stops between pages.
 * @throws AppError 'not_found', 'forbidden', 'conflict' (already finished)
 */
export async function cancelRun(ctx: MonitoringContext, actor: Actor | null, runId: string): Promise<void> {
  const run = await ctx.repos.monitoring.runById(runId);
  if (!run) throw notFound('监测任务');
  const site = run.siteId === null ? undefined : await ctx.repos.monitoring.siteById(run.siteId);
  const access = await accessOf(ctx.repos, actor);
  const orgs = site ? [site.orgId] : (await ctx.repos.monitoring.sites()).map((s) => s.orgId);
  if (orgs.some((o) => !access.may('monitoring.manage', o))) throw forbidden('无权取消该监测');
  if (run.state !== 'queued' && run.state !== 'running') throw conflict('该监测已结束，无法取消');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    if (run.state === 'queued') {
      await r.monitoring.updateRun(runId, { state: 'cancelled', finishedAt: now, cancelRequested: true });
    } else await r.monitoring.updateRun(runId, { cancelRequested: true });
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.run_cancel_requested',
        entityType: 'monitor_run',
        entityId: runId,
        orgId: site?.orgId ?? null,
        before: { state: run.state },
        after: null,
      }),
      now,
    );
  });
}

/**
 * Registers the handler of monitoring runs on a started engine (the server's composition root calls it with the
 * site checker). A job carries `{ runId }`; the run's claim makes it run once.
 */
export async function registerMonitorRuns(
  ctx: MonitoringContext,
  engine: JobEngine,
  checker: SiteChecker,
): Promise<void> {
  await engine.work(
    MONITOR_RUN_QUEUE,
    async (data) => {
      const runId = typeof data.runId === 'string' ? data.runId : '';
      const run = await executeRun(ctx, checker, runId);
      return { state: run.state, findings: run.findings };
    },
    { retryLimit: 0, retryDelaySeconds: 60 },
  );
}

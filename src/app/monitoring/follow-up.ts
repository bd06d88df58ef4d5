// From finding to fix: a person confirms (or dismisses, with a reason) a finding code cannot decide; a counting
// finding is a 整改 task of the site's 主办单位 with a due date in working days; the unit marks its task fixed with a
// note; the next run closes or reopens it (runs.ts).
import type { Actor } from '../../domain/policies/actor.js';
import { addWorkingDays } from '../../domain/calendar/working-days.js';
import { parseLocalDate } from '../../domain/core/local-date.js';
import type { MonitoringContext, MonitorTask } from './ports.js';
import { authorizeMonitoring } from './access.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { newTaskRecord, taskDueDays } from './runs.js';
import { conflict, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';

async function findingWithSite(ctx: MonitoringContext, findingId: string) {
  const finding = await ctx.repos.monitoring.findingById(findingId);
  const site = finding ? await ctx.repos.monitoring.siteById(finding.siteId) : undefined;
  if (!finding || !site) throw notFound('问题');
  return { finding, site };
}

/**
 * Confirms a finding waiting for a person: it then counts, and becomes a 整改 task due in the set working days
 * (or on `dueOn`).
 * @throws AppError 'not_found', 'forbidden', 'conflict' (not waiting for confirmation), 'invalid' (bad due date)
 */
export async function confirmFinding(
  ctx: MonitoringContext,
  actor: Actor | null,
  findingId: string,
  opts: { dueOn?: string } = {},
): Promise<MonitorTask> {
  const { finding, site } = await findingWithSite(ctx, findingId);
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', site.orgId);
  if (finding.confirmation !== 'pending' || finding.status !== 'open') throw conflict('该问题不在待确认状态');
  const dueOn = await dueDate(ctx, opts.dueOn);
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    await r.monitoring.updateFinding(finding.id, {
      confirmation: 'confirmed',
      decidedBy: actor?.userId ?? null,
      decidedAt: now,
    });
    const task = newTaskRecord(ctx, finding, site.orgId, dueOn, actor, now);
    await r.monitoring.insertTask(task);
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.finding_confirmed',
        entityType: 'monitor_finding',
        entityId: finding.id,
        orgId: site.orgId,
        before: { confirmation: 'pending' },
        after: { confirmation: 'confirmed', message: finding.message, dueOn },
      }),
      now,
    );
    return task;
  });
}

/**
 * Dismisses a finding waiting for a person (a false alarm), with the reason: it never counts.
 * @throws AppError 'not_found', 'forbidden', 'conflict', 'invalid' (no reason)
 */
export async function dismissFinding(
  ctx: MonitoringContext,
  actor: Actor | null,
  findingId: string,
  reason: string,
): Promise<void> {
  const { finding, site } = await findingWithSite(ctx, findingId);
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', site.orgId);
  const why = reason.trim();
  if (why === '') throw invalid('请填写排除理由', { reason: '请填写排除理由' });
  if (why.length > 500) throw invalid('排除理由不能超过500个字', { reason: '排除理由不能超过500个字' });
  if (finding.confirmation !== 'pending' || finding.status !== 'open') throw conflict('该问题不在待确认状态');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.monitoring.updateFinding(finding.id, {
      confirmation: 'dismissed',
      dismissReason: why,
      decidedBy: actor?.userId ?? null,
      decidedAt: now,
    });
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.finding_dismissed',
        entityType: 'monitor_finding',
        entityId: finding.id,
        orgId: site.orgId,
        before: { confirmation: 'pending' },
        after: { confirmation: 'dismissed', reason: why, message: finding.message },
      }),
      now,
    );
  });
}

/**
 * Marks a task fixed, with what was done: the next run closes it, or reopens it when the problem is still there.
 * Staff of the responsible organization, or its supervisors/admins.
 * @throws AppError 'not_found', 'forbidden', 'conflict' (not open), 'invalid' (no note)
 */
export async function markTaskFixed(
  ctx: MonitoringContext,
  actor: Actor | null,
  taskId: string,
  note: string,
): Promise<void> {
  const task = await ctx.repos.monitoring.taskById(taskId);
  if (!task) throw notFound('整改任务');
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.task.fix', task.orgId);
  const text = note.trim();
  if (text === '') throw invalid('请说明整改情况', { note: '请说明整改情况' });
  if (text.length > 2000) throw invalid('整改说明不能超过2000个字', { note: '整改说明不能超过2000个字' });
  if (task.state !== 'open') throw conflict('该任务不在待整改状态');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.monitoring.updateTask(task.id, {
      state: 'fixed',
      fixNote: text,
      fixedBy: actor ? actor.displayName || actor.username : '系统',
      fixedAt: now,
      updatedAt: now,
    });
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.task_fixed',
        entityType: 'monitor_task',
        entityId: task.id,
        orgId: task.orgId,
        before: { state: 'open' },
        after: { state: 'fixed', note: text },
      }),
      now,
    );
  });
}

/**
 * Sets an open task's due date (assigning a new deadline).
 * @throws AppError 'not_found', 'forbidden', 'invalid', 'conflict' (closed)
 */
export async function setTaskDue(ctx: MonitoringContext, actor: Actor | null, taskId: string, dueOn: string) {
  const task = await ctx.repos.monitoring.taskById(taskId);
  if (!task) throw notFound('整改任务');
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', task.orgId);
  if (task.state === 'closed') throw conflict('该任务已销号');
  const due = await dueDate(ctx, dueOn);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.monitoring.updateTask(task.id, { dueOn: due, updatedAt: now });
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.task_due_set',
        entityType: 'monitor_task',
        entityId: task.id,
        orgId: task.orgId,
        before: { dueOn: task.dueOn },
        after: { dueOn: due },
      }),
      now,
    );
  });
}

async function dueDate(ctx: MonitoringContext, typed?: string) {
  if (typed !== undefined && typed.trim() !== '') {
    const d = parseLocalDate(typed.trim());
    if (!d.ok) throw invalid('整改期限应为 YYYY-MM-DD 格式的有效日期', { dueOn: '整改期限应为有效日期' });
    return d.value;
  }
  return addWorkingDays(ctx.clock.today(), await taskDueDays(ctx.repos), await loadHolidayCalendar(ctx.repos));
}

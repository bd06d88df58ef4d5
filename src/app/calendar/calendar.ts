// Working-day calendar use cases: load it, compute due dates, import a year's schedule, set overrides.
import type { AppContext, Repos } from '../context.js';
import type { AuditInput } from '../../domain/audit/audit-entry.js';
import type { CalendarRepos } from './ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import { buildHolidayCalendar, type HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { computeDeadline, type Deadline } from '../../domain/calendar/working-days.js';
import { parseScheduleFile, type ScheduleFileError } from '../../domain/calendar/schedule-file.js';
import { localDate, parseLocalDate, type LocalDate } from '../../domain/core/local-date.js';
import { forbidden, invalid } from '../errors.js';
import { auditBy } from '../actors.js';
import { mayDoGlobally } from '../orgs/global-admin.js';

/**
 * Loads the calendar from the database: official days, published years and local overrides.
 */
export async function loadHolidayCalendar(repos: CalendarRepos): Promise<HolidayCalendar> {
  // Reading ~800 days per request cost half of an online submission: keep the last calendar
  // built, keyed by the tables' fingerprint (a deterministic cache, never stale across changes).
  const version = await repos.calendar.version();
  if (cached?.version === version) return cached.calendar;
  const calendar = await buildFromTables(repos);
  cached = { version, calendar };
  return calendar;
}

let cached: { version: string; calendar: HolidayCalendar } | undefined;

async function buildFromTables(repos: CalendarRepos): Promise<HolidayCalendar> {
  const [days, years, overrides] = await Promise.all([
    repos.calendar.days(),
    repos.calendar.years(),
    repos.calendar.overrides(),
  ]);
  return buildHolidayCalendar(
    days.map((d) => ({ date: localDate(d.date), kind: d.kind, name: d.name })),
    overrides.map((o) => ({ date: localDate(o.date), working: o.isWorking, reason: o.reason })),
    years.map((y) => y.year),
  );
}

/**
 * The n-th working day after `start` (the start day never counts), flagged provisional (暂定)
 * when a counted day lies in a year whose official schedule is not loaded.
 * @throws AppError 'invalid' for a malformed date or count
 */
export async function dueDate(ctx: { repos: CalendarRepos }, start: string, n: number): Promise<Deadline> {
  const d = parseLocalDate(start);
  if (!d.ok) {
    throw invalid(`日期格式应为 YYYY-MM-DD：${start}`);
  }
  if (!Number.isInteger(n) || n < 0 || n > 2500) {
    throw invalid(`工作日天数应为 0 到 2500 之间的整数：${n}`);
  }
  return computeDeadline(d.value, n, await loadHolidayCalendar(ctx.repos));
}

/** Whether the actor may change the calendar (an admin of a root organization). Null actor = CLI/system. */
export async function mayChangeCalendar(ctx: { repos: OrgRepos }, actor: Actor | null): Promise<boolean> {
  return mayDoGlobally(ctx.repos, actor, 'calendar.update');
}

async function authorizeCalendar(ctx: { repos: OrgRepos }, actor: Actor | null): Promise<void> {
  if (!(await mayChangeCalendar(ctx, actor))) {
    throw forbidden();
  }
}

/** What changing the calendar uses: the steps that react to a change run in its transaction. */
type CalendarChangeContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'calendarChangedSteps'>;

/** Result of importing a schedule file: the years loaded, or every bad line. */
export type ImportResult =
  { ok: true; years: number[]; days: number; recomputed: number } | { ok: false; errors: ScheduleFileError[] };

/**
 * Loads a year's official schedule from a schedule file (see domain/calendar/schedule-file.ts),
 * replacing what was stored for those years; its years stop being provisional. Deadlines that
 * depended on them are recomputed by the registered CalendarChangedSteps in the same transaction.
 */
export async function importSchedule(
  ctx: CalendarChangeContext,
  actor: Actor | null,
  text: string,
  fileName: string,
): Promise<ImportResult> {
  await authorizeCalendar(ctx, actor);
  const parsed = parseScheduleFile(text);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.error };
  }
  const { years, days, source } = parsed.value;
  const label = `import:${source ?? fileName}`;
  const recomputed = await changeCalendar(ctx, actor, async (r, now) => {
    const before = (await r.calendar.years()).filter((y) => years.includes(y.year));
    await r.calendar.replaceYears(
      years,
      days.map((d) => ({ ...d, source: label })),
      label,
      now,
    );
    const after = { years, days: days.length, source: label };
    return { action: 'calendar.imported', entityType: 'calendar', entityId: years.join(','), before, after };
  });
  return { ok: true, years, days: days.length, recomputed };
}

/**
 * Sets a local override day: closed (e.g. a local closure) or working.
 * @throws AppError 'invalid' for a bad date or a missing reason
 */
export async function setCalendarOverride(
  ctx: CalendarChangeContext,
  actor: Actor | null,
  date: string,
  isWorking: boolean,
  reason: string,
): Promise<void> {
  await authorizeCalendar(ctx, actor);
  const d = parseLocalDate(date);
  const fieldErrors: Record<string, string> = {};
  if (!d.ok) {
    fieldErrors.date = '请填写正确的日期（YYYY-MM-DD）';
  }
  if (reason.trim().length === 0) {
    fieldErrors.reason = '请说明调整原因';
  }
  if (!d.ok || Object.keys(fieldErrors).length > 0) {
    throw invalid('调整日设置有误', fieldErrors);
  }
  await changeCalendar(ctx, actor, async (r, now) => {
    const row = { date: d.value, isWorking, reason: reason.trim(), createdBy: actor?.userId ?? null, createdAt: now };
    const before = (await r.calendar.overrides()).find((o) => o.date === row.date) ?? null;
    await r.calendar.setOverride(row);
    return { action: 'calendar.override_set', entityType: 'calendar_override', entityId: row.date, before, after: row };
  });
}

/** Removes a local override day. */
export async function removeCalendarOverride(
  ctx: CalendarChangeContext,
  actor: Actor | null,
  date: LocalDate | string,
): Promise<void> {
  await authorizeCalendar(ctx, actor);
  await changeCalendar(ctx, actor, async (r) => {
    const before = (await r.calendar.overrides()).find((o) => o.date === date) ?? null;
    if (!before) {
      return null;
    }
    await r.calendar.removeOverride(date);
    return {
      action: 'calendar.override_removed',
      entityType: 'calendar_override',
      entityId: date,
      before,
      after: null,
    };
  });
}

/** A change of the calendar as the audit trail records it. */
type CalendarChange = Omit<AuditInput, 'actorId' | 'actorLabel' | 'orgId'>;

/**
 * Runs a change of the calendar in one transaction: the change, the registered reactions to it (recomputing
 * provisional deadlines) and its audit entry.
 * @param change writes, and returns the audit entry's parts (null: there was nothing to change)
 * @returns how many deadlines the reactions recomputed
 */
async function changeCalendar(
  ctx: CalendarChangeContext,
  actor: Actor | null,
  change: (r: Repos, now: string) => Promise<CalendarChange | null>,
): Promise<number> {
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    const entry = await change(r, now);
    if (entry === null) {
      return 0;
    }
    let recomputed = 0;
    for (const step of ctx.calendarChangedSteps) {
      recomputed += await step.run(r, now);
    }
    await r.audit.append(auditBy(actor, { ...entry, orgId: null }), now);
    return recomputed;
  });
}

// Dashboard queries over the standard catalogue: rows with nothing published and rows whose time limit has
// passed, from the live 主动公开 items linked to each row.
import type { Actor } from '../../domain/policies/actor.js';
import type { CatalogueRow } from '../../domain/standard-catalogue/catalogue-row.js';
import { canCatalogue } from '../../domain/standard-catalogue/catalogue-policy.js';
import { dueDate, type TimeLimitRule } from '../../domain/standard-catalogue/time-limit.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { addDays, daysBetween, localDate, type LocalDate } from '../../domain/core/local-date.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { authorizeCatalogue } from './manage-catalogue.js';
import type { CatalogueReadContext, RowPublicationStats } from './ports.js';

/** A row past its time limit, with the date it was due. */
export type OverdueRow = { row: CatalogueRow; dueOn: LocalDate };

/** A row with what is published under it and its next due date. */
export type RowStatus = {
  row: CatalogueRow;
  /** Live 主动公开 items linked to the row. */
  liveCount: number;
  /** 发布日期 of the latest of them. */
  lastPublishedOn: string | null;
  /** When the next publication is due under the row's rule, or null (no computable rule, or already met). */
  dueOn: LocalDate | null;
  /** dueOn is before today. */
  overdue: boolean;
};

const NONE: RowPublicationStats = { liveCount: 0, lastPublishedOn: null };

/**
 * The status of every current row of the organization (no permission check: callers authorize).
 * The 公开时限 rule of the row decides (domain/standard-catalogue/time-limit.ts):
 * - deadlines counted from formation or change (N working days, N days, 实时公开) run from the day the
 *   row entered the catalogue and are met by any publication;
 * - yearly and monthly deadlines (每年1月31日前) recur: the latest publication meets the deadline nearest
 *   to it, and the one after that must be met (without a publication, the first after the row entered);
 * - rows without a computable rule (及时公开, 长期公开, notice periods) are never overdue.
 */
export async function rowStatuses(
  ctx: CatalogueReadContext,
  orgId: string,
  calendar?: HolidayCalendar,
): Promise<RowStatus[]> {
  const [rows, stats, cal] = await Promise.all([
    ctx.repos.standardCatalogue.rows(orgId),
    ctx.repos.standardCatalogue.rowStats(orgId),
    calendar ?? loadHolidayCalendar(ctx.repos),
  ]);
  const today = localDate(ctx.clock.today());
  return rows.map((row) => {
    const s = stats.get(row.id) ?? NONE;
    const due = dueFor(row, s, cal);
    return {
      row,
      liveCount: s.liveCount,
      lastPublishedOn: s.lastPublishedOn,
      dueOn: due,
      overdue: due !== null && due < today,
    };
  });
}

/**
 * Current rows to which no live published item is linked yet.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function rowsWithNothingPublished(
  ctx: CatalogueReadContext,
  actor: Actor | null,
  orgId: string,
): Promise<CatalogueRow[]> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.read');
  return (await rowStatuses(ctx, orgId)).filter((s) => s.liveCount === 0).map((s) => s.row);
}

/**
 * Current rows whose computable time limit has passed (due date before today); see rowStatuses.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function overdueRows(
  ctx: CatalogueReadContext,
  actor: Actor | null,
  orgId: string,
): Promise<OverdueRow[]> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.read');
  return (await rowStatuses(ctx, orgId)).flatMap((s) =>
    s.overdue && s.dueOn !== null ? [{ row: s.row, dueOn: s.dueOn }] : [],
  );
}

/** One organization's line on the dashboard card. */
export type CatalogueDashboardLine = {
  orgId: string;
  orgName: string;
  rows: number;
  nothingPublished: number;
  overdue: number;
};

/**
 * The dashboard card: for each organization with a standard catalogue whose catalogue the actor may
 * read, how many rows have nothing published and how many are past their time limit.
 */
export async function catalogueDashboard(ctx: CatalogueReadContext, actor: Actor): Promise<CatalogueDashboardLine[]> {
  const [orgs, withRows] = await Promise.all([ctx.repos.orgs.list(), ctx.repos.standardCatalogue.orgsWithRows()]);
  const readable = orgs.filter(
    (o) => withRows.includes(o.id) && canCatalogue(actor, 'catalogue.read', ancestry(orgs, o.id)),
  );
  if (readable.length === 0) return [];
  const calendar = await loadHolidayCalendar(ctx.repos);
  const out: CatalogueDashboardLine[] = [];
  for (const org of readable) {
    const statuses = await rowStatuses(ctx, org.id, calendar);
    out.push({
      orgId: org.id,
      orgName: org.name,
      rows: statuses.length,
      nothingPublished: statuses.filter((s) => s.liveCount === 0).length,
      overdue: statuses.filter((s) => s.overdue).length,
    });
  }
  return out;
}

/** The recurring deadline nearest to a day (the later one on a tie). */
function nearestDeadline(rule: TimeLimitRule, day: LocalDate, calendar: HolidayCalendar): LocalDate {
  const after = dueDate(rule, day, calendar) ?? day;
  // At least one deadline falls in the span before `day` (a year, or a month of at most 31 days).
  let before = dueDate(rule, addDays(day, rule.kind === 'annual_by' ? -366 : -31), calendar);
  if (before === null || before >= day) return after;
  for (
    let next = dueDate(rule, addDays(before, 1), calendar);
    next !== null && next < day;
    next = dueDate(rule, addDays(next, 1), calendar)
  ) {
    before = next;
  }
  return daysBetween(before, day) < daysBetween(day, after) ? before : after;
}

function dueFor(row: CatalogueRow, stats: RowPublicationStats, calendar: HolidayCalendar): LocalDate | null {
  const rule = row.timeLimitRule;
  if (rule === null) return null;
  // The instant's UTC date: at most a day early for rows created after 16:00 UTC (midnight in China).
  const enteredOn = localDate(row.createdAt.slice(0, 10));
  if (rule.kind === 'annual_by' || rule.kind === 'monthly_by') {
    const last = stats.lastPublishedOn;
    if (last === null) return dueDate(rule, enteredOn, calendar);
    // The latest publication meets the deadline nearest to it: a budget published on 3 February meets
    // (late) that year's 31 January, not next year's; one published on 25 January meets 31 January.
    return dueDate(rule, addDays(nearestDeadline(rule, localDate(last), calendar), 1), calendar);
  }
  if (stats.liveCount > 0) return null;
  return dueDate(rule, enteredOn, calendar);
}

// Dashboard queries over the standard catalogue (issue 4): rows with nothing published, and rows
// whose 公开时限 has passed without a publication.
import type { AppContext } from '../ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { CatalogueRow } from '../../domain/catalogue/catalogue-row.js';
import { dueDate } from '../../domain/catalogue/time-limit.js';
import { addDays, localDate, type LocalDate } from '../../domain/core/local-date.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { authorizeCatalogue } from './manage-catalogue.js';
import type { RowPublications } from './ports.js';

/** A row past its time limit, with the date it was due. */
export type OverdueRow = { row: CatalogueRow; dueOn: LocalDate };

/**
 * Current rows to which no published item is linked yet.
 * @param publications the placeholder until publications link to rows (see RowPublications)
 * @throws AppError 'not_found', 'forbidden'
 */
export async function rowsWithNothingPublished(ctx: AppContext, actor: Actor | null, orgId: string, publications: RowPublications): Promise<CatalogueRow[]> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.read');
  const rows = await ctx.repos.catalogue.rows(orgId);
  const counts = await Promise.all(rows.map((r) => publications.publishedCountForRow(r.id)));
  return rows.filter((_, i) => counts[i] === 0);
}

/**
 * Current rows whose computable time limit has passed (due date before today):
 * - deadlines counted from formation or change (N working days, N days, 实时公开) run from the day the
 *   row entered the catalogue and are met by any publication;
 * - yearly and monthly deadlines recur: the next one after the latest publication (or after the row
 *   entered the catalogue) must be met.
 * Rows without a computable rule (及时公开, 长期公开, notice periods) are never overdue here.
 * @param publications the placeholder until publications link to rows (see RowPublications)
 * @throws AppError 'not_found', 'forbidden'
 */
export async function overdueRows(ctx: AppContext, actor: Actor | null, orgId: string, publications: RowPublications): Promise<OverdueRow[]> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.read');
  const rows = (await ctx.repos.catalogue.rows(orgId)).filter((r) => r.timeLimitRule !== null);
  const calendar = await loadHolidayCalendar(ctx.repos);
  const today = localDate(ctx.clock.today());
  const out: OverdueRow[] = [];
  for (const row of rows) {
    const due = await dueFor(row, publications, calendar);
    if (due !== null && due < today) out.push({ row, dueOn: due });
  }
  return out;
}

async function dueFor(row: CatalogueRow, publications: RowPublications, calendar: HolidayCalendar): Promise<LocalDate | null> {
  const rule = row.timeLimitRule;
  if (rule === null) return null;
  // The instant's UTC date: at most a day early for rows created after 16:00 UTC (midnight in China).
  const enteredOn = localDate(row.createdAt.slice(0, 10));
  if (rule.kind === 'annual_by' || rule.kind === 'monthly_by') {
    const last = (await publications.lastPublishedOnForRow?.(row.id)) ?? null;
    if (last === null) return dueDate(rule, enteredOn, calendar);
    // A publication meets the first deadline on or after it; the next one is due after that.
    const met = dueDate(rule, localDate(last), calendar) ?? localDate(last);
    return dueDate(rule, addDays(met, 1), calendar);
  }
  if ((await publications.publishedCountForRow(row.id)) > 0) return null;
  return dueDate(rule, enteredOn, calendar);
}

// The computed indicators of an assessment: each measure's value for every unit of the scope, read with one grouped
// query a measure (docs/assessment.md, "Indicators"), and the result table scored from them. A value is a share
// (0–1) or a count of items that cost points; null (无数据) when the unit has nothing to measure.
import type { Clock } from '../ports.js';
import type { Repos } from '../context.js';
import type { ResultRow, ResultTable, Adjustment, EnteredValue } from './ports.js';
import type { ComputedIndicator, SchemeDef } from '../../domain/assessment/scheme.js';
import { scoreUnits } from '../../domain/assessment/result-table.js';
import { orderTree, subtreeIds, type Organization } from '../../domain/orgs/organization.js';
import { addDays, compareDates, localDate, type LocalDate } from '../../domain/core/local-date.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { publicationDueOn } from '../../domain/publications/deadlines.js';
import { checkReport } from '../../domain/reports/check-report.js';
import { effectiveDueOn, type ReportDues } from '../../domain/reports/report-deadlines.js';
import { RUNNING_STATUSES } from '../../domain/monitoring/accounts.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { rowStatuses, type RowStatus } from '../standard-catalogue/catalogue-dashboard.js';
import { checkAccounts, type AccountCheck } from '../media/check-accounts.js';
import { duesFor } from '../reports/report-context.js';
import { notFound } from '../errors.js';

/** What computing reads: the repositories and the clock. */
export type ComputeContext = { repos: Repos; clock: Clock };

/** A measure's value for each unit (absent: null, 无数据). */
export type MeasureValues = Map<string, number | null>;

/** The units of a scope: every current organization of the subtree, in tree order. */
export async function scopeUnits(
  repos: Pick<Repos, 'orgs'>,
  scopeOrgId: string,
): Promise<{ all: Organization[]; units: Organization[] }> {
  const all = await repos.orgs.list({ includeRetired: true });
  if (!all.some((o) => o.id === scopeOrgId)) throw notFound('考核范围的机构');
  const ids = subtreeIds(all, scopeOrgId);
  const units = orderTree(all.filter((o) => o.retiredAt === null)).filter((o) => ids.has(o.id));
  return { all, units };
}

/** The day the year is measured at: its last day, or today while the year runs. */
export function asOfDay(year: number, today: LocalDate): LocalDate {
  const end = localDate(`${year}-12-31`);
  return compareDates(today, end) < 0 ? today : end;
}

/** The first instant (as stored, ISO text) after the as-of day: records before it count. */
export const beforeOf = (asOf: LocalDate): string => addDays(asOf, 1);

/** A share, or null without a denominator. */
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The art. 26 due date of every day that may be a 成文日期 of an item published in the year (from 1 January of the
 * year before): 20 working days on the holiday calendar, applied in JS over distinct days, not over rows.
 */
export function art26Dues(year: number, cal: HolidayCalendar): Map<string, string> {
  const dues = new Map<string, string>();
  const end = localDate(`${year}-12-31`);
  for (let d = localDate(`${year - 1}-01-01`); compareDates(d, end) <= 0; d = addDays(d, 1)) {
    dues.set(d, publicationDueOn(d, cal));
  }
  return dues;
}

/** One unit's annual-report shortfalls for the year (art. 49): late, R-check errors, not published. */
export type ReportShortfall = { late: boolean; errors: number; unpublished: boolean; due: LocalDate; filed: boolean };

/**
 * The shortfalls of each unit's report on the year, or null while it is not yet due and nothing is filed.
 * Late: published after the due date (the art. 49 date, or an internal date that brings it forward), or not
 * published when today is past it. R-check errors: the error findings of the filed (submitted or published)
 * report. Not published: no published report once the due date has passed.
 */
export async function reportShortfalls(
  ctx: ComputeContext,
  all: readonly Organization[],
  units: readonly Organization[],
  year: number,
): Promise<Map<string, ReportShortfall | null>> {
  const ids = units.map((u) => u.id);
  const [dues, stored, before] = await Promise.all([
    duesFor(ctx.repos, all, year, units),
    ctx.repos.annualReports.forYear(ids, year),
    ctx.repos.annualReports.forYear(ids, year - 1),
  ]);
  const today = ctx.clock.today();
  const byOrg = new Map(stored.map((s) => [s.orgId, s]));
  const previous = new Map(before.filter((s) => s.state === 'published').map((s) => [s.orgId, s.snapshot]));
  const out = new Map<string, ReportShortfall | null>();
  for (const u of units) {
    const d = dues.get(u.id) as ReportDues;
    const due = effectiveDueOn(d);
    const s = byOrg.get(u.id);
    const publishedOn = s?.publishedAt ? ctx.clock.dateOf(s.publishedAt) : null;
    const filed = s !== undefined && s.state !== 'draft' && s.snapshot !== null;
    const pastDue = compareDates(today, due) > 0;
    if (!filed && !pastDue) {
      out.set(u.id, null);
      continue;
    }
    const errors =
      filed && s?.snapshot
        ? checkReport(s.snapshot, { previous: previous.get(u.id) ?? null }).filter((f) => f.severity === 'error').length
        : 0;
    out.set(u.id, {
      late: publishedOn !== null ? compareDates(publishedOn, due) > 0 : pastDue,
      errors,
      unpublished: pastDue && s?.state !== 'published',
      due,
      filed,
    });
  }
  return out;
}

/** The running 政务新媒体 accounts of the units, checked as of the day. */
export async function unitAccounts(
  ctx: ComputeContext,
  units: readonly Organization[],
  asOf: LocalDate,
): Promise<AccountCheck[]> {
  const ids = new Set(units.map((u) => u.id));
  const run = await checkAccounts(ctx, null, asOf);
  return run.accounts.filter((a) => ids.has(a.account.orgId) && RUNNING_STATUSES.has(a.account.status));
}

/** The standard-catalogue rows of each unit that has a catalogue, with their status (as computed today). */
export async function unitCatalogues(
  ctx: ComputeContext,
  units: readonly Organization[],
  cal: HolidayCalendar,
): Promise<Map<string, RowStatus[]>> {
  const withRows = new Set(await ctx.repos.standardCatalogue.orgsWithRows());
  const out = new Map<string, RowStatus[]>();
  for (const u of units) {
    if (withRows.has(u.id)) out.set(u.id, await rowStatuses(ctx, u.id, cal));
  }
  return out;
}

/** Whether a catalogue row costs points: nothing published under it, or its time limit passed. */
export const rowCostsPoints = (s: RowStatus): boolean => s.liveCount === 0 || s.overdue;

/**
 * The value of one computed measure for every unit of the scope (see docs/assessment.md for each definition).
 * @param units the scope's units
 */
export async function measureValues(
  ctx: ComputeContext,
  measure: ComputedIndicator,
  scope: { all: readonly Organization[]; units: readonly Organization[] },
  year: number,
  cal: () => Promise<HolidayCalendar>,
): Promise<MeasureValues> {
  const { units } = scope;
  const ids = units.map((u) => u.id);
  const facts = ctx.repos.assessmentFacts;
  const asOf = asOfDay(year, ctx.clock.today());
  const out: MeasureValues = new Map();
  const each = <T>(source: Map<string, T>, f: (v: T) => number | null) => {
    for (const id of ids) {
      const v = source.get(id);
      out.set(id, v === undefined ? null : f(v));
    }
    return out;
  };
  switch (measure) {
    case 'art26_on_time':
      return each(await facts.art26(ids, year, art26Dues(year, await cal())), (c) => share(c.onTime, c.total));
    case 'catalogue_rows_empty':
      return each(await unitCatalogues(ctx, units, await cal()), (rows) =>
        rows.length === 0 ? null : rows.filter(rowCostsPoints).length,
      );
    case 'policy_without_interpretation':
      return each(await facts.normative(ids, year), (c) => (c.total > 0 ? c.missing : null));
    case 'applications_on_time':
      return each(await facts.applications(ids, year, asOf), (c) => share(c.onTime, c.answered + c.overdueOpen));
    case 'review_corrected':
      return each(await facts.reviews(ids, year), (c) => (c.concluded > 0 ? c.corrected : null));
    case 'annual_report':
      return each(await reportShortfalls(ctx, scope.all, units, year), (s) =>
        s === null ? null : Number(s.late) + Number(s.errors > 0) + Number(s.unpublished),
      );
    case 'website_verdict': {
      const sites = (await facts.siteVerdicts(ids, beforeOf(asOf))).filter((s) => s.verdict !== null);
      const grouped = new Map<string, { passed: number; checked: number }>();
      for (const s of sites) {
        const g = grouped.get(s.orgId) ?? { passed: 0, checked: 0 };
        grouped.set(s.orgId, { checked: g.checked + 1, passed: g.passed + (s.verdict === '合格' ? 1 : 0) });
      }
      return each(grouped, (g) => share(g.passed, g.checked));
    }
    case 'media_verdict': {
      const grouped = new Map<string, { passed: number; checked: number }>();
      for (const a of await unitAccounts(ctx, units, asOf)) {
        const g = grouped.get(a.account.orgId) ?? { passed: 0, checked: 0 };
        const passed = a.summary.verdict === '合格' ? 1 : 0;
        grouped.set(a.account.orgId, { checked: g.checked + 1, passed: g.passed + passed });
      }
      return each(grouped, (g) => share(g.passed, g.checked));
    }
    case 'rectification_open':
      return each(await facts.tasks(ids, asOf, beforeOf(asOf)), (c) => (c.total > 0 ? c.overdue : null));
    case 'training': {
      const t = await facts.training(ids, year);
      const attended = new Map<string, Set<string>>();
      for (const a of t.attended) attended.set(a.orgId, (attended.get(a.orgId) ?? new Set()).add(a.sessionId));
      for (const id of ids) out.set(id, share(attended.get(id)?.size ?? 0, t.sessions.length));
      return out;
    }
  }
}

/** What a table is computed from: the scheme and what the assessor added. */
export type TableInput = {
  scheme: { id: string | null; name: string; year: number; scopeOrgId: string; def: SchemeDef };
  entries: readonly EnteredValue[];
  adjustments: readonly Adjustment[];
};

/**
 * The result table of a scheme over its scope: the computed measures (each once, however many indicators read
 * it), the entered values, the adjustments; scores, totals, ranks and grades by the scheme's rules.
 */
export async function computeTable(ctx: ComputeContext, input: TableInput): Promise<ResultTable> {
  const { scheme } = input;
  const scope = await scopeUnits(ctx.repos, scheme.scopeOrgId);
  let calendar: Promise<HolidayCalendar> | null = null;
  const cal = () => (calendar ??= loadHolidayCalendar(ctx.repos));
  const measures = new Map<ComputedIndicator, MeasureValues>();
  for (const ind of scheme.def.indicators) {
    if (ind.mode !== 'computed' || ind.measure === undefined || measures.has(ind.measure)) continue;
    measures.set(ind.measure, await measureValues(ctx, ind.measure, scope, scheme.year, cal));
  }
  const valuesOf = (orgId: string): Record<string, number | null> =>
    Object.fromEntries(
      scheme.def.indicators.map((ind) => {
        if (ind.mode === 'computed') {
          return [ind.id, measures.get(ind.measure as ComputedIndicator)?.get(orgId) ?? null];
        }
        const e = input.entries.find((x) => x.orgId === orgId && x.indicatorId === ind.id);
        return [ind.id, e?.value ?? null];
      }),
    );
  const adjustmentsOf = (orgId: string) => input.adjustments.filter((a) => a.orgId === orgId);
  const lines = scoreUnits(
    scheme.def,
    scope.units.map((u) => ({ values: valuesOf(u.id), adjustments: adjustmentsOf(u.id) })),
  );
  const rows = scope.units.map((u, i): ResultRow => ({
    orgId: u.id,
    org: u.name,
    creditCode: u.creditCode,
    ...(lines[i] as (typeof lines)[number]),
    adjustments: adjustmentsOf(u.id),
  }));
  return {
    year: scheme.year,
    scheme: { id: scheme.id, name: scheme.name },
    def: scheme.def,
    rows,
    frozen: false,
    computedAt: ctx.clock.nowIso(),
  };
}

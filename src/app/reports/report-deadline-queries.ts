// What the deadline settings page reads (SPEC §1.8, issue 5 "the statutory deadlines and
// configurable internal ones"): for every organization the actor may set an internal date on, its
// statutory rule, its own internal date, the one it inherits from the nearest ancestor otherwise,
// and the resulting due date of a report year; plus the township/street default.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { holdsOver } from '../../domain/policies/actor.js';
import { ancestry, orderTree, type OrgKind } from '../../domain/orgs/organization.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { formatForYear } from '../../domain/reports/annual-report.js';
import { hasStatutoryDue, type MonthDay } from '../../domain/reports/report-deadlines.js';
import { REPORT_OVERSIGHT_ROLES } from '../../domain/reports/report-policy.js';
import { forbidden, invalid } from '../errors.js';
import { duesFor, effectiveDueOn, unregulatedDue } from './report-context.js';

/** One organization's report dates as the settings page shows them. */
export type OrgDeadline = {
  orgId: string;
  orgName: string;
  kind: OrgKind;
  /** Depth below the shallowest organization listed (0 = top). */
  depth: number;
  /**
   * Whether the Regulation fixes the date (art. 49: departments, governments); else the configured default applies [U].
   */
  statutory: boolean;
  /** The statutory (or default) 'MM-DD' of the following year. */
  statutoryMonthDay: MonthDay;
  /** The organization's own internal date, if set. */
  own: MonthDay | null;
  /** Without its own: the nearest ancestor's internal date, if any. */
  inherited: { monthDay: MonthDay; fromOrgId: string; fromOrgName: string } | null;
  /** The statutory (or default) due date of the year's report. */
  dueOn: LocalDate;
  /** The internal due date of the year's report (own or inherited), if any. */
  internalDueOn: LocalDate | null;
  /** The date the overview counts lateness against: the internal one if set, else the statutory one. */
  effectiveDueOn: LocalDate;
};

/** The deadline settings of a report year. */
export type ReportDeadlines = {
  year: number;
  /** The configured date of townships, streets and other bodies ('MM-DD'). */
  unregulatedDue: MonthDay;
  /** Whether the actor may change that default (an administrator of a root organization). */
  canSetUnregulated: boolean;
  /** Active organizations whose internal date the actor may set, in tree order. */
  orgs: OrgDeadline[];
};

/**
 * Whether the actor may set the internal date of the organization with this ancestry (as setInternalReportDue checks).
 */
const oversees = (actor: Actor | null, path: readonly string[]): boolean =>
  actor === null || REPORT_OVERSIGHT_ROLES.some((r) => holdsOver(actor, r, path));

/**
 * The internal deadlines the actor may configure, with the due dates they give for `year`.
 * @throws AppError 'invalid' (field `year`) for a year without a report format (before 2019);
 *   'forbidden' unless a supervisor or administrator of some organization
 */
export async function listReportDeadlines(
  ctx: AppContext,
  actor: Actor | null,
  year: number,
): Promise<ReportDeadlines> {
  if (!Number.isInteger(year) || formatForYear(year) === null || year > 9998) {
    throw invalid(`${year}年度不在支持范围内：年度报告从2019年度起编制`, { year: '年度应为 2019 年以后的四位数字' });
  }
  // Retired organizations stay in the ancestry (as in the report overview); only active ones are listed.
  const all = await ctx.repos.orgs.list({ includeRetired: true });
  const listed = orderTree(all).filter((o) => o.retiredAt === null && oversees(actor, ancestry(all, o.id)));
  const canSetUnregulated =
    actor === null || all.some((o) => o.parentId === null && o.retiredAt === null && holdsOver(actor, 'admin', [o.id]));
  if (listed.length === 0) throw forbidden();
  const [fallback, internal, dues] = await Promise.all([
    unregulatedDue(ctx.repos),
    ctx.repos.annualReports.internalDues(),
    duesFor(ctx.repos, all, year, listed),
  ]);
  const names = new Map(all.map((o) => [o.id, o.name]));
  const minDepth = Math.min(...listed.map((o) => o.depth));
  const orgs = listed.map((o): OrgDeadline => {
    const due = dues.get(o.id)!; // duesFor covers every organization it is given
    const own = internal.get(o.id) ?? null;
    const from =
      own === null
        ? ancestry(all, o.id)
            .slice(0, -1)
            .reverse()
            .find((id) => internal.has(id))
        : undefined;
    const statutory = hasStatutoryDue(o.kind);
    return {
      orgId: o.id,
      orgName: o.name,
      kind: o.kind,
      depth: o.depth - minDepth,
      statutory,
      // Statutory dates are never 29 February, so the due date's month-day is the rule itself.
      statutoryMonthDay: statutory ? due.dueOn.slice(5) : fallback,
      own,
      inherited:
        from === undefined
          ? null
          : { monthDay: internal.get(from) ?? '', fromOrgId: from, fromOrgName: names.get(from) ?? '' },
      dueOn: due.dueOn,
      internalDueOn: due.internalDueOn,
      effectiveDueOn: effectiveDueOn(due),
    };
  });
  return { year, unregulatedDue: fallback, canSetUnregulated, orgs };
}

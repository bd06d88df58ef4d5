// What the deadline settings page reads (the statutory dates of 《政府信息公开条例》第四十九条 and the
// configurable internal ones): for every organization the actor may set an internal date on, its
// statutory rule, its own internal date, the one it inherits from the nearest ancestor otherwise,
// and the resulting due date of a report year; plus the township/street default and the section 四 counting rule.
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, orderTree, type OrgKind } from '../../domain/orgs/organization.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { hasStatutoryDue, type MonthDay } from '../../domain/reports/report-deadlines.js';
import { maySetReportDeadline, maySetUnregulatedDue } from '../../domain/reports/report-policy.js';
import type { ReviewCountingRule } from '../../domain/reviews/review-case.js';
import { forbidden } from '../errors.js';
import { maySetReviewCounting, reviewCountingRule } from '../reviews/review-counting.js';
import { duesFor, effectiveDueOn, requireReportYear, unregulatedDue, type ReportContext } from './report-context.js';

/** One organization's report dates as the settings page shows them. */
export type OrgDeadline = {
  orgId: string;
  orgName: string;
  kind: OrgKind;
  /** Depth below the shallowest organization listed (0 = top). */
  depth: number;
  /**
   * Whether the Regulation fixes the date (art. 49: departments, governments); else the configured default applies.
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
  /** The section 四 counting rule in force, and whether the actor may change it (a root administrator). */
  reviewCounting: { rule: ReviewCountingRule; canSet: boolean };
};

/**
 * The internal deadlines the actor may configure, with the due dates they give for `year`.
 * @throws AppError 'invalid' (field `year`) for a year without a report format (before 2019);
 *   'forbidden' unless a supervisor or administrator of some organization
 */
export async function listReportDeadlines(
  ctx: Pick<ReportContext, 'repos'>,
  actor: Actor | null,
  year: number,
): Promise<ReportDeadlines> {
  requireReportYear(year);
  // Retired organizations stay in the ancestry (as in the report overview); only active ones are listed.
  const all = await ctx.repos.orgs.list({ includeRetired: true });
  const may = (o: { id: string }) => actor === null || maySetReportDeadline(actor, ancestry(all, o.id));
  const listed = orderTree(all).filter((o) => o.retiredAt === null && may(o));
  const roots = all.filter((o) => o.parentId === null && o.retiredAt === null).map((o) => o.id);
  const canSetUnregulated = actor === null || maySetUnregulatedDue(actor, roots);
  if (listed.length === 0) throw forbidden('只有上级政务公开办（监督）或系统管理员可以设置年度报告的报送期限');
  const [fallback, internal, dues, rule, canSetRule] = await Promise.all([
    unregulatedDue(ctx.repos),
    ctx.repos.annualReports.internalDues(),
    duesFor(ctx.repos, all, year, listed),
    reviewCountingRule(ctx.repos),
    maySetReviewCounting(ctx.repos, actor),
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
  return { year, unregulatedDue: fallback, canSetUnregulated, orgs, reviewCounting: { rule, canSet: canSetRule } };
}

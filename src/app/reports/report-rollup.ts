// What a supervising organization sees of the units below it: each unit's report state, findings and
// due date, and the rollup (汇总) of the subtree's reports.
import type { Actor } from '../../domain/policies/actor.js';
import { orderTree, subtreeIds, type OrgKind } from '../../domain/orgs/organization.js';
import type { AnnualReport } from '../../domain/reports/annual-report.js';
import { checkReport } from '../../domain/reports/check-report.js';
import { rollupReports } from '../../domain/reports/compute.js';
import type { Finding } from '../../domain/reports/finding.js';
import type { ReportState } from '../../domain/reports/report-policy.js';
import { reportHeader } from './report-compute.js';
import {
  duesFor,
  effectiveDueOn,
  isLateReport,
  loadReportOrg,
  requireReport,
  type ReportContext,
  type ReportOrg,
} from './report-context.js';
import { unitReports, type UnitReport } from './report-units.js';

/** One unit of the subtree: its report's state (`missing` = no record yet) and findings, due date and lateness. */
export type UnitStatus = {
  orgId: string;
  orgName: string;
  creditCode: string;
  kind: OrgKind;
  /** 0 for the subtree's root. */
  depth: number;
  state: ReportState | 'missing';
  errors: number;
  warnings: number;
  dueOn: string;
  late: boolean;
};

/** The units of the subtree in tree order: live organizations, and retired ones that have a report of the year. */
async function subtreeUnits(
  ctx: Pick<ReportContext, 'repos' | 'clock'>,
  o: ReportOrg,
  year: number,
): Promise<{ units: UnitReport[]; statuses: UnitStatus[] }> {
  const ids = subtreeIds(o.orgs, o.org.id);
  const nodes = orderTree(o.orgs).filter((n) => ids.has(n.id));
  const stored = new Set((await ctx.repos.annualReports.forYear([...ids], year)).map((s) => s.orgId));
  const chosen = nodes.filter((n) => n.retiredAt === null || stored.has(n.id));
  const [units, dues] = await Promise.all([
    unitReports(ctx.repos, chosen, year),
    duesFor(ctx.repos, o.orgs, year, chosen),
  ]);
  const rootDepth = nodes[0]?.depth ?? 0;
  const today = ctx.clock.today();
  const statuses = units.map((u): UnitStatus => {
    const due = dues.get(u.org.id)!; // duesFor covers every unit it is given
    const errors = u.findings.filter((f) => f.severity === 'error').length;
    return {
      orgId: u.org.id,
      orgName: u.org.name,
      creditCode: u.org.creditCode,
      kind: u.org.kind,
      depth: u.org.depth - rootDepth,
      state: u.state,
      errors,
      warnings: u.findings.length - errors,
      dueOn: effectiveDueOn(due),
      late: isLateReport(due, u.state, today),
    };
  });
  return { units, statuses };
}

/** The subtree's root, when the actor oversees it. */
async function rollupRoot(ctx: Pick<ReportContext, 'repos'>, actor: Actor | null, orgId: string, year: number) {
  const o = await loadReportOrg(ctx.repos, orgId, year);
  requireReport(actor, 'report.rollup', o, null);
  return o;
}

/**
 * Every unit of the subtree (the root first) with its report's state, findings and due date.
 * @throws AppError 'not_found' for an unknown organization; 'forbidden' unless a supervisor (or
 *   administrator) of the organization or above it
 */
export async function reportOverview(
  ctx: Pick<ReportContext, 'repos' | 'clock'>,
  actor: Actor | null,
  rootOrgId: string,
  year: number,
): Promise<UnitStatus[]> {
  return (await subtreeUnits(ctx, await rollupRoot(ctx, actor, rootOrgId, year), year)).statuses;
}

/** The rollup of a subtree: the summed report, its findings, the units included and those still owing. */
export type Rollup = { report: AnnualReport; findings: Finding[]; included: UnitStatus[]; missing: UnitStatus[] };

/**
 * The rollup (汇总) of the subtree: every cell the sum of the units' reports — the frozen figures of
 * submitted and published reports (`included`), the figures computed now for drafts and units with
 * no report yet (`missing`: they are summed too, so the rollup is complete, but still owe their
 * report) — and the checks R1–R8 on the sum (R6/R7 against the sum of last year's reports).
 * @throws AppError as {@link reportOverview}
 */
export async function buildRollup(
  ctx: Pick<ReportContext, 'repos' | 'clock'>,
  actor: Actor | null,
  rootOrgId: string,
  year: number,
): Promise<Rollup> {
  const o = await rollupRoot(ctx, actor, rootOrgId, year);
  const { units, statuses } = await subtreeUnits(ctx, o, year);
  const header = reportHeader(o.org);
  const meta = {
    year,
    organization: { name: `${o.org.name}（汇总）`, creditCode: header.organization.creditCode },
    contact: header.contact,
  };
  const report = rollupReports(
    units.map((u) => u.report),
    meta,
  );
  const previousUnits = units.map((u) => u.previous).filter((p): p is AnnualReport => p !== null);
  const previous =
    previousUnits.length === units.length && units.length > 0
      ? rollupReports(previousUnits, { ...meta, year: year - 1 })
      : null;
  const done = (s: UnitStatus) => s.state === 'submitted' || s.state === 'published';
  return {
    report,
    findings: checkReport(report, { previous }),
    included: statuses.filter(done),
    missing: statuses.filter((s) => !done(s)),
  };
}

// What the back office's report pages read, with what the actor may do there: the organizations to
// choose from, the register of a subtree, the report and rollup files, and the dashboard card.
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, orderTree, type OrgNode } from '../../domain/orgs/organization.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { canReport, overseesReports, type ReportAction } from '../../domain/reports/report-policy.js';
import type { ReportExportKind } from '../../domain/reports/report-files.js';
import type { AppContext } from '../context.js';
import { AppError, forbidden } from '../errors.js';
import { loadReport, type ReportRecord } from './annual-reports.js';
import { reportHistory } from './public-reports.js';
import { loadReportOrg, mayReport, requireReport, type ReportContext } from './report-context.js';
import { exportReport, type ReportFile } from './report-exports.js';
import { buildRollup, reportOverview, type UnitStatus } from './report-rollup.js';

/** The refusal of each chooser when the actor has no organization to choose. */
const NOTHING_TO_CHOOSE: Record<'report.read' | 'report.rollup', string> = {
  'report.read': '没有权限查看任何机构的年度报告',
  'report.rollup': '只有上级政务公开办或系统管理员可以汇总年度报告',
};

/** The organizations a chooser offers, the default choice, and what else the actor may do there. */
export type ReportChoices = {
  /** Active organizations where the action is allowed, in tree order. */
  orgs: OrgNode[];
  /** The actor's own organization when it is offered, else the first one. */
  orgId: string;
  /** Last year: the reports due this year (art. 49). */
  year: number;
  can: { setDeadlines: boolean };
};

/** The active organizations where the actor may do `action` on reports, in tree order. */
async function orgsWhere(ctx: Pick<ReportContext, 'repos'>, actor: Actor, action: ReportAction): Promise<OrgNode[]> {
  const orgs = await ctx.repos.orgs.list();
  return orderTree(orgs).filter((o) => canReport(actor, action, { orgAncestry: ancestry(orgs, o.id), state: null }));
}

/**
 * The organization-and-year chooser of the register (`report.read`) or of the rollup (`report.rollup`).
 * @throws AppError 'forbidden' when there is no organization to choose
 */
export async function reportChoices(
  ctx: Pick<ReportContext, 'repos' | 'clock'>,
  actor: Actor,
  action: 'report.read' | 'report.rollup',
): Promise<ReportChoices> {
  const orgs = await orgsWhere(ctx, actor, action);
  if (orgs.length === 0) throw forbidden(NOTHING_TO_CHOOSE[action]);
  const home = action === 'report.read' ? orgs.find((o) => o.id === actor.homeOrgId) : undefined;
  return {
    orgs,
    orgId: (home ?? orgs[0]!).id,
    year: Number(ctx.clock.today().slice(0, 4)) - 1,
    can: { setDeadlines: overseesReports(actor) },
  };
}

/** The register of one organization's year: its report's link and, for its overseers, every unit below it. */
export type ReportRegister = {
  orgId: string;
  orgName: string;
  year: number;
  /** The subtree's units (the organization first), when the actor oversees it. */
  units?: UnitStatus[];
};

/**
 * The register of an organization and year.
 * @throws AppError 'forbidden' unless the actor may read the organization's report; 'not_found', 'invalid' (year)
 */
export async function reportRegister(
  ctx: Pick<ReportContext, 'repos' | 'clock'>,
  actor: Actor,
  orgId: string,
  year: number,
): Promise<ReportRegister> {
  const o = await loadReportOrg(ctx.repos, orgId, year);
  requireReport(actor, 'report.read', o, null);
  const units = mayReport(actor, 'report.rollup', o, null) ? await reportOverview(ctx, actor, orgId, year) : undefined;
  return { orgId, orgName: o.org.name, year, units };
}

/**
 * One organization's report as a file, with the charts of its published history.
 * @throws AppError as {@link loadReport}
 */
export async function reportFile(
  ctx: ReportContext & Pick<AppContext, 'reportDocuments'>,
  actor: Actor,
  orgId: string,
  year: number,
  kind: ReportExportKind,
): Promise<ReportFile> {
  const record = await loadReport(ctx, actor, orgId, year);
  return exportReport(ctx, record.report, kind, { history: await reportHistory(ctx, orgId) });
}

/**
 * The rollup of a subtree as a file, named `…年度报告（汇总）.<kind>`.
 * @throws AppError as {@link buildRollup}
 */
export async function rollupFile(
  ctx: Pick<ReportContext, 'repos' | 'clock'> & Pick<AppContext, 'reportDocuments'>,
  actor: Actor,
  orgId: string,
  year: number,
  kind: ReportExportKind,
): Promise<ReportFile> {
  const rollup = await buildRollup(ctx, actor, orgId, year);
  return exportReport(ctx, rollup.report, kind, { nameSuffix: '（汇总）' });
}

/** The dashboard card: the report due this year of the actor's organization and the late units it oversees. */
export type ReportDashboardCard = {
  /** The report year due (last year's reports are due this year, art. 49). */
  year: number;
  /** The actor's own organization's report, when the actor has a part in it. */
  own?: ReportRecord;
  /** For an overseer: the topmost organization it oversees, its units below and the late ones among them. */
  overseen?: { rootId: string; unitCount: number; late: UnitStatus[] };
};

/** A query whose refusal means "nothing to show" on the card. */
const orNothing = async <T>(p: Promise<T>): Promise<T | undefined> => {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
};

/**
 * The annual-report card of the dashboard; null when the actor has no part in any report.
 * @param today the office's date (the report year due is the year before)
 */
export async function reportDashboardCard(
  ctx: ReportContext,
  actor: Actor,
  today: LocalDate,
): Promise<ReportDashboardCard | null> {
  const year = Number(today.slice(0, 4)) - 1;
  const own = await orNothing(loadReport(ctx, actor, actor.homeOrgId, year));
  // The topmost organizations the actor oversees (an administrator of the root oversees the whole tree once).
  const overseen = await orgsWhere(ctx, actor, 'report.rollup');
  const ids = new Set(overseen.map((o) => o.id));
  const roots = overseen.filter((o) => o.parentId === null || !ids.has(o.parentId));
  if (!own && roots.length === 0) return null;
  // The units below (depth > 0): the overseen organization's own report is the first card.
  const units = (await Promise.all(roots.map((o) => orNothing(reportOverview(ctx, actor, o.id, year))))).flatMap((u) =>
    (u ?? []).filter((x) => x.depth > 0),
  );
  return {
    year,
    own,
    overseen: roots[0]
      ? { rootId: roots[0].id, unitCount: units.length, late: units.filter((u) => u.late) }
      : undefined,
  };
}

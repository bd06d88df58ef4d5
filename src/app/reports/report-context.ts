// What every annual-report use case starts from: the organization in its tree, the actor's rights
// over its report (domain/reports/report-policy.ts) and the report's due dates (《政府信息公开条例》第四十九条).
import type { AppContext, Repos } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { localDate } from '../../domain/core/local-date.js';
import { canReport, type ReportAction, type ReportState } from '../../domain/reports/report-policy.js';
import {
  DEFAULT_UNREGULATED_DUE,
  dueInFollowingYear,
  effectiveDueOn,
  hasStatutoryDue,
  statutoryDueOn,
  type MonthDay,
  type ReportDues,
} from '../../domain/reports/report-deadlines.js';
import { formatForYear } from '../../domain/reports/annual-report.js';
import type { UnitOfWork } from '../ports.js';
import { forbidden, invalid, notFound } from '../errors.js';
import type { StoredReport } from './ports.js';

/** The repositories the report use cases read and write. */
export type ReportData = Pick<
  Repos,
  | 'orgs'
  | 'settings'
  | 'annualReports'
  | 'reportFacts'
  | 'reviews'
  | 'publications'
  | 'audit'
  | 'counters'
  | 'training'
  | 'supervisionFacts'
  | 'oversight'
>;

/** What the report use cases take: those repositories, in and out of a transaction, the clock and ids. */
export type ReportContext = Pick<AppContext, 'clock' | 'crypto'> & { repos: ReportData; uow: UnitOfWork<ReportData> };

/** The site setting holding the due date of bodies the Regulation gives none (townships, streets). */
export const UNREGULATED_DUE_KEY = 'reports.unregulated_due';

/** An organization with its tree, as the report use cases need it. */
export type ReportOrg = { org: Organization; orgs: Organization[]; ancestry: string[] };

export type { ReportDues } from '../../domain/reports/report-deadlines.js';
export { effectiveDueOn } from '../../domain/reports/report-deadlines.js';

/** Whether a year has a report format: 2019 on (the trial format of 国办公开办函〔2019〕60号), four digits. */
export const isReportYear = (year: number): boolean =>
  Number.isInteger(year) && formatForYear(year) !== null && year <= 9998;

/** @throws AppError 'invalid' (field `year`) for a year without a report format */
export function requireReportYear(year: number): void {
  if (!isReportYear(year)) {
    throw invalid(`${year}年度不在支持范围内：年度报告从2019年度起编制`, { year: '年度应为 2019 年以后的四位数字' });
  }
}

/**
 * Loads the organization and checks the report year has a format.
 * @throws AppError 'not_found' for an unknown organization, 'invalid' for a year before 2019
 */
export async function loadReportOrg(repos: Pick<Repos, 'orgs'>, orgId: string, year: number): Promise<ReportOrg> {
  requireReportYear(year);
  const orgs = await repos.orgs.list({ includeRetired: true });
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw notFound('机构');
  return { org, orgs, ancestry: ancestry(orgs, orgId) };
}

/** What the policy reads of a stored report: its state and whether a correction is under way. */
export type ReportStanding = Pick<StoredReport, 'state' | 'correctingSince'>;

/**
 * Whether the actor may act on the report (null actor = the CLI/system: everything).
 * @param stored the stored report (null or undefined: none yet)
 */
export function mayReport(
  actor: Actor | null,
  action: ReportAction,
  o: ReportOrg,
  stored: ReportStanding | null | undefined,
): boolean {
  const state = stored?.state ?? null;
  const correcting = (stored?.correctingSince ?? null) !== null;
  return actor === null || canReport(actor, action, { orgAncestry: o.ancestry, state, correcting });
}

/**
 * Requires a right over the report. Organizations are public (the portal lists them), so an actor
 * without the right gets "forbidden", not "not found".
 * @throws AppError 'forbidden'
 */
export function requireReport(
  actor: Actor | null,
  action: ReportAction,
  o: ReportOrg,
  stored: ReportStanding | null | undefined,
): void {
  if (!mayReport(actor, action, o, stored)) throw forbidden();
}

/**
 * The organization, its stored report of the year and the actor's right to `action` on it.
 * @throws AppError 'not_found' (unknown organization), 'invalid' (a year without a format), 'forbidden'
 */
export async function reportFor(
  repos: ReportData,
  actor: Actor | null,
  action: ReportAction,
  orgId: string,
  year: number,
): Promise<{ o: ReportOrg; stored: StoredReport | undefined }> {
  const o = await loadReportOrg(repos, orgId, year);
  const stored = await repos.annualReports.get(orgId, year);
  requireReport(actor, action, o, stored);
  return { o, stored };
}

/** What a report sent back to the draft state (退回, 撤回) loses: its frozen figures and its submission. */
export const BACK_TO_DRAFT = { state: 'draft', snapshot: null, submittedAt: null, submittedBy: null } as const;

/** The configured date for townships, streets and other bodies ('MM-DD'). */
export async function unregulatedDue(repos: Pick<Repos, 'settings'>): Promise<MonthDay> {
  const v = await repos.settings.get(UNREGULATED_DUE_KEY);
  return typeof v === 'string' && /^\d{2}-\d{2}$/.test(v) ? v : DEFAULT_UNREGULATED_DUE;
}

/**
 * The due dates of every organization for a year: the statutory date (art. 49; the configured default
 * for bodies without one) and the internal date — the organization's own, else
 * the nearest ancestor's (a supervising office sets one date for all its units).
 * @param all every organization (for the ancestry)
 * @param which the organizations wanted (default: all)
 */
export async function duesFor(
  repos: Pick<Repos, 'settings' | 'annualReports'>,
  all: readonly Organization[],
  year: number,
  which: readonly Organization[] = all,
): Promise<Map<string, ReportDues>> {
  const [fallback, internal] = await Promise.all([unregulatedDue(repos), repos.annualReports.internalDues()]);
  const out = new Map<string, ReportDues>();
  for (const o of which) {
    const set = ancestry(all, o.id)
      .reverse()
      .find((id) => internal.has(id));
    out.set(o.id, {
      dueOn: statutoryDueOn(year, o.kind, fallback),
      internalDueOn: set === undefined ? null : dueInFollowingYear(year, internal.get(set) ?? ''),
      statutory: hasStatutoryDue(o.kind),
    });
  }
  return out;
}

/** Late: today past the effective due date ({@link effectiveDueOn}) while the report is still a draft or missing. */
export function isLateReport(dues: ReportDues, state: ReportState | 'missing', today: string): boolean {
  return (state === 'draft' || state === 'missing') && localDate(today) > effectiveDueOn(dues);
}

// Correcting and withdrawing a published annual report (《政府信息公开条例》第六条: 行政机关应当及时、准确地公开
// 政府信息; 第四十九条、第五十条: each body publishes its report). A correction begins from what was published (the
// narrative and the typed figures; the computed figures are computed again), is edited and checked like a draft
// while the published version stays on the portal, and is published as a new version with a public 更正说明
// (domain/reports/report-correction.ts); the earlier versions stay readable, each marked 已更正. A withdrawal (an
// administrator's, with a reason) takes every version off the portal; the report becomes a draft again and is
// published again as a correction. The 索引号 is given at the first publication and kept.
import type { Actor } from '../../domain/policies/actor.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { yearOf, type LocalDate } from '../../domain/core/local-date.js';
import type { AnnualReport } from '../../domain/reports/annual-report.js';
import {
  editablePartsOf,
  parseCorrectionNote,
  parseWithdrawReason,
  reportChanges,
  sameReport,
  type CorrectionNote,
  type CorrectionNoteInput,
} from '../../domain/reports/report-correction.js';
import { actorLabel } from '../actors.js';
import { conflict, invalid } from '../errors.js';
import { nextIndexNo } from '../numbering/index-no.js';
import { loadPublicationConfig } from '../publications/catalogue.js';
import { changeReport, loadReport, type ReportRecord } from './annual-reports.js';
import type { StoredReport, StoredReportVersion } from './ports.js';
import { BACK_TO_DRAFT, reportFor, type ReportContext, type ReportData } from './report-context.js';

/**
 * A new 索引号 for a report's first publication: the organization's pattern and its serials of the year
 * (app/numbering/index-no.ts), one series with its 主动公开 items, so that no item and no report share one.
 * @throws AppError 'conflict' when the number is taken (a pattern changed to one already used)
 */
async function newIndexNo(repos: ReportData, org: Organization, today: LocalDate): Promise<string> {
  const { indexPattern } = await loadPublicationConfig(repos, org.id);
  return nextIndexNo(repos, indexPattern, org, yearOf(today));
}

/** Why a correction that changes nothing is refused (at publishing, and on its confirmation page beforehand). */
export const UNCHANGED_CORRECTION = '更正后的报告与门户上的现行版本完全相同：请先修改报告的文字或数字，再发布更正';

/** What publishing a version needs besides the record: when, by whom, today, the office day of an instant. */
export type PublishFacts = {
  now: string;
  by: string;
  today: LocalDate;
  dateOf: (instant: string) => LocalDate;
  /** The 更正说明 as typed (required from the second version on). */
  note?: CorrectionNoteInput;
};

/**
 * The 更正说明 of a version after the first, validated against the version it corrects.
 * @throws AppError 'invalid' with the note's field errors; 'conflict' when a published report is "corrected"
 *   without any change
 */
async function correctionOf(
  stored: StoredReport,
  repos: ReportData,
  report: AnnualReport,
  facts: PublishFacts,
): Promise<CorrectionNote> {
  const last = (await repos.annualReports.versions(stored.id)).at(-1);
  const since = facts.dateOf(last?.publishedAt ?? facts.now);
  const parsed = parseCorrectionNote(facts.note ?? {}, { today: facts.today, correctedSince: since });
  if (!parsed.ok) throw invalid('更正说明填写不完整：请填写更正日期、更正内容和更正原因', parsed.error);
  if (stored.state === 'published' && stored.snapshot && sameReport(stored.snapshot, report)) {
    throw conflict(UNCHANGED_CORRECTION);
  }
  return parsed.value;
}

/**
 * Publishes `report` as the record's next version (called inside the publishing transaction, after the checks):
 * the first version gets the 索引号, every later one needs its 更正说明. Sets the record's version, 索引号 and
 * publication fields; the caller sets the state and the snapshot.
 * @returns what the audit entry records
 */
export async function publishVersion(
  stored: StoredReport,
  repos: ReportData,
  org: Organization,
  report: AnnualReport,
  facts: PublishFacts,
): Promise<Record<string, unknown>> {
  const correction = stored.version > 0 ? await correctionOf(stored, repos, report, facts) : null;
  const firstPublic = stored.state !== 'published';
  stored.indexNo ??= await newIndexNo(repos, org, facts.today);
  stored.version += 1;
  const version: StoredReportVersion = {
    reportId: stored.id,
    version: stored.version,
    snapshot: report,
    publishedAt: facts.now,
    publishedBy: facts.by,
    correction,
    withdrawnAt: null,
  };
  await repos.annualReports.addVersion(version);
  Object.assign(stored, {
    // The publication date stays the first one while the report stays public; a correction has its own date.
    publishedAt: firstPublic ? facts.now : stored.publishedAt,
    publishedBy: firstPublic ? facts.by : stored.publishedBy,
    correctingSince: null,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawnReason: null,
  });
  const note = correction
    ? { correctedOn: correction.on, correctionWhat: correction.what, correctionWhy: correction.why }
    : {};
  return { version: stored.version, indexNo: stored.indexNo, ...note };
}

/** What the publishing confirmation adds for a correction: the note's bounds and what changed. */
export type CorrectionPreview = {
  /** The version this publication will be. */
  version: number;
  /** The first day the 更正日期 may be (the corrected version's publication day), and today (the default). */
  since: LocalDate;
  today: LocalDate;
  /** What differs from the version last published (report-correction.ts `reportChanges`). */
  changes: string[];
  /**
   * Whether the report is the version last published as it stands (`sameReport`, the rule publishing applies):
   * `changes` lists only what an officer reads, so an empty list alone does not decide it.
   */
  unchanged: boolean;
};

/** The correction preview of a record about to be published again, or null for a first publication. */
export async function correctionPreview(ctx: ReportContext, record: ReportRecord): Promise<CorrectionPreview | null> {
  const stored = await ctx.repos.annualReports.get(record.orgId, record.year);
  if (!stored || stored.version === 0) return null;
  const last = (await ctx.repos.annualReports.versions(stored.id)).at(-1);
  return {
    version: stored.version + 1,
    since: ctx.clock.dateOf(last?.publishedAt ?? ctx.clock.nowIso()),
    today: ctx.clock.today(),
    changes: last ? reportChanges(last.snapshot, record.report) : [],
    unchanged: last !== undefined && sameReport(last.snapshot, record.report),
  };
}

/** Begins (`begin`) or abandons a correction, audited as `action`; refused when the report already stands so. */
async function correctionMove(
  ctx: ReportContext,
  actor: Actor | null,
  target: { orgId: string; year: number },
  begin: boolean,
): Promise<ReportRecord> {
  const { orgId, year } = target;
  const { o } = await reportFor(ctx.repos, actor, 'report.correct', orgId, year);
  const action = begin ? 'report.correction_started' : 'report.correction_cancelled';
  await changeReport(ctx, actor, o, year, { right: 'report.correct', action }, async (stored, _repos, now) => {
    if ((stored.correctingSince !== null) === begin) {
      throw conflict(begin ? '本报告的更正已经开始，请在下方修改后发布更正' : '本报告没有正在进行的更正');
    }
    // Both start from what is published: a correction edits it, an abandoned one leaves the record holding it again.
    Object.assign(stored, { ...editablePartsOf(stored.snapshot!), correctingSince: begin ? now : null });
    return { version: stored.version };
  });
  return loadReport(ctx, actor, orgId, year);
}

/**
 * Begins the correction of a published report: the narrative and the typed figures become editable as they were
 * published; the computed figures are computed again; the published version stays on the portal until the
 * correction is published.
 * @throws AppError 'forbidden' unless a compiler of the organization and the report is published; 'conflict' when
 *   a correction is already under way
 */
export const startCorrection = (ctx: ReportContext, actor: Actor | null, orgId: string, year: number) =>
  correctionMove(ctx, actor, { orgId, year }, true);

/**
 * Abandons the correction under way: what was edited is dropped, the record holds what is published again.
 * @throws AppError 'forbidden' unless a compiler and the report is published; 'conflict' when no correction is
 *   under way
 */
export const cancelCorrection = (ctx: ReportContext, actor: Actor | null, orgId: string, year: number) =>
  correctionMove(ctx, actor, { orgId, year }, false);

/**
 * Withdraws a published report from the portal (撤回), with the reason: every published version leaves the portal
 * (its address answers 410), the record becomes a draft holding what was published (or the correction under way)
 * and keeps its 索引号; publishing it again is a correction, with its 更正说明. Audited with the reason.
 * @throws AppError 'forbidden' unless an administrator of the organization or above and the report is published;
 *   'invalid' without a reason (checked after the right)
 */
export async function withdrawReport(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  reason: string,
): Promise<ReportRecord> {
  const { o } = await reportFor(ctx.repos, actor, 'report.withdraw', orgId, year);
  const parsed = parseWithdrawReason(reason);
  if (!parsed.ok) throw invalid('请填写撤回理由', parsed.error);
  const audit = { right: 'report.withdraw', action: 'report.withdrawn' } as const;
  await changeReport(ctx, actor, o, year, audit, async (stored, repos, now) => {
    await repos.annualReports.withdrawVersions(stored.id, now);
    const parts = stored.correctingSince === null ? editablePartsOf(stored.snapshot!) : {};
    Object.assign(stored, {
      ...parts,
      ...BACK_TO_DRAFT,
      publishedAt: null,
      publishedBy: null,
      returnedReason: null,
      correctingSince: null,
      withdrawnAt: now,
      withdrawnBy: actorLabel(actor),
      withdrawnReason: parsed.value,
    });
    return { reason: parsed.value, version: stored.version, indexNo: stored.indexNo };
  });
  return loadReport(ctx, actor, orgId, year);
}

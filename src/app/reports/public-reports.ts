// What the portal reads of the annual reports (《政府信息公开条例》第四十九条: each body publishes its own):
// published reports only — never a draft or a submitted one — with no actor needed.
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import type { ReportRepos, StoredReport, StoredReportVersion } from './ports.js';
import { versionHistory, type VersionEntry } from '../../domain/reports/report-correction.js';
import { exportReport, reportCharts, type ReportExportKind, type ReportFile } from './report-exports.js';

/** What the portal's report queries read. */
type PublicReportContext = { repos: Pick<ReportRepos, 'annualReports'> };

/** The archive of an organization's published reports, newest year first (政府信息公开年报). */
export async function listPublishedReports(
  ctx: PublicReportContext,
  orgId: string,
): Promise<{ year: number; format: ReportFormat; publishedAt: string; version: number }[]> {
  return (await ctx.repos.annualReports.published(orgId)).map(({ year, format, publishedAt, version }) => ({
    year,
    format,
    publishedAt,
    version,
  }));
}

/** One published report as it is published now (its current version), or undefined when that year is not public. */
export async function publishedReport(
  ctx: PublicReportContext,
  orgId: string,
  year: number,
): Promise<{ report: AnnualReport; publishedAt: string } | undefined> {
  const stored = await ctx.repos.annualReports.get(orgId, year);
  if (!stored || stored.state !== 'published' || !stored.snapshot || !stored.publishedAt) return undefined;
  return { report: stored.snapshot, publishedAt: stored.publishedAt };
}

/** A version as the public history lists it (no snapshot): number, dates, 更正说明 and standing. */
export type PublicVersion = VersionEntry;

/** The public facts of a report: its 索引号, first publication and versions (oldest first). */
export type PublicReportFacts = { indexNo: string | null; publishedAt: string; versions: PublicVersion[] };

/**
 * Where a report year stands on the portal: public (the stored record and its versions), or withdrawn (its
 * addresses answer 410 Gone: the report was public and has been taken off).
 * @throws AppError 'not_found' when the year's report was never published
 */
async function portalStanding(
  ctx: PublicReportContext,
  orgId: string,
  year: number,
): Promise<
  | { status: 'live'; stored: StoredReport & { snapshot: AnnualReport }; versions: StoredReportVersion[] }
  | { status: 'withdrawn'; withdrawnAt: string }
> {
  const stored = await ctx.repos.annualReports.get(orgId, year);
  if (stored?.state === 'published' && stored.snapshot) {
    return {
      status: 'live',
      stored: { ...stored, snapshot: stored.snapshot },
      versions: await versionsOf(ctx, stored),
    };
  }
  if (stored && stored.version > 0 && stored.withdrawnAt) {
    return { status: 'withdrawn', withdrawnAt: stored.withdrawnAt };
  }
  throw notFound('年度报告');
}

/** The stored versions of a report (none before its first publication). */
const versionsOf = (ctx: PublicReportContext, stored: StoredReport): Promise<StoredReportVersion[]> =>
  stored.version > 0 ? ctx.repos.annualReports.versions(stored.id) : Promise.resolve([]);

/** The public facts of a live report. */
const factsOf = (stored: StoredReport, versions: readonly StoredReportVersion[]): PublicReportFacts => ({
  indexNo: stored.indexNo,
  publishedAt: stored.publishedAt ?? '',
  versions: versionHistory(versions.map(({ snapshot: _s, reportId: _r, publishedBy: _b, ...v }) => v)),
});

/**
 * Applications over the years from the published reports, oldest first: received = 本年新收 总计,
 * closed = （七）总计 总计 (for the "applications over the years" chart).
 */
export async function reportHistory(
  ctx: PublicReportContext,
  orgId: string,
): Promise<{ year: number; received: number; closed: number }[]> {
  const cell = (v: number | null | undefined): number => (typeof v === 'number' ? v : 0);
  return (await ctx.repos.annualReports.published(orgId))
    .map(({ year, report }) => ({
      year,
      received: cell(report.applications.new?.total),
      closed: cell(report.applications.total?.total),
    }))
    .sort((a, b) => a.year - b.year);
}

/** A page of the portal that is either shown or gone (410): the report was public and has been withdrawn. */
export type Withdrawn = { status: 'withdrawn'; withdrawnAt: string };

/** The portal page of a published report: the report, its 索引号, publication, correction history and charts. */
export type PublicReportPage = {
  status: 'live';
  report: AnnualReport;
  charts: string[];
} & PublicReportFacts;

/**
 * The portal page of a report year: its current version, or the notice that it was withdrawn.
 * @throws AppError 'not_found' unless that year's report was published
 */
export async function publishedReportPage(
  ctx: PublicReportContext,
  orgId: string,
  year: number,
): Promise<PublicReportPage | Withdrawn> {
  const standing = await portalStanding(ctx, orgId, year);
  if (standing.status === 'withdrawn') return standing;
  const { stored, versions } = standing;
  const history = await reportHistory(ctx, orgId);
  return {
    status: 'live',
    report: stored.snapshot,
    charts: reportCharts(stored.snapshot, history, 'chart'),
    ...factsOf(stored, versions),
  };
}

/** An earlier version's page: the version as it was published, the history, and the current version's number. */
export type PublicVersionPage = { status: 'earlier'; version: PublicVersion; report: AnnualReport } & PublicReportFacts;

/**
 * The portal page of one version of a report: an earlier version stays readable after a correction, marked
 * 已更正; the current version's page is the report's own ('current'); a withdrawn version is gone (410).
 * @throws AppError 'not_found' for a version that does not exist
 */
export async function publishedReportVersion(
  ctx: PublicReportContext,
  orgId: string,
  year: number,
  version: number,
): Promise<PublicVersionPage | Withdrawn | { status: 'current' }> {
  const standing = await portalStanding(ctx, orgId, year);
  if (standing.status === 'withdrawn') return standing;
  const { stored, versions } = standing;
  const facts = factsOf(stored, versions);
  const entry = facts.versions.find((v) => v.version === version);
  const found = versions.find((v) => v.version === version);
  if (!entry || !found) throw notFound('报告版本');
  if (entry.status.kind === 'withdrawn') return { status: 'withdrawn', withdrawnAt: entry.status.at };
  if (entry.status.kind === 'current') return { status: 'current' };
  return { status: 'earlier', version: entry, report: found.snapshot, ...facts };
}

/**
 * A published report as a file (JSON or a document) beside its page, or the notice that it was withdrawn.
 * @throws AppError 'not_found' unless that year's report was published
 */
export async function publishedReportFile(
  ctx: PublicReportContext & Pick<AppContext, 'reportDocuments'>,
  orgId: string,
  year: number,
  kind: ReportExportKind,
): Promise<ReportFile | Withdrawn> {
  const standing = await portalStanding(ctx, orgId, year);
  if (standing.status === 'withdrawn') return standing;
  return exportReport(ctx, standing.stored.snapshot, kind, { history: await reportHistory(ctx, orgId) });
}

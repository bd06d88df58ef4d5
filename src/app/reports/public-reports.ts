// What the portal reads of the annual reports (《政府信息公开条例》第四十九条: each body publishes its own):
// published reports only — never a draft or a submitted one — with no actor needed.
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import type { ReportRepos } from './ports.js';
import {
  exportReport,
  reportCharts,
  type ReportExportKind,
  type ReportFile,
  type ReportHistory,
} from './report-exports.js';

/** What the portal's report queries read. */
type PublicReportContext = { repos: Pick<ReportRepos, 'annualReports'> };

/** The archive of an organization's published reports, newest year first (政府信息公开年报). */
export async function listPublishedReports(
  ctx: PublicReportContext,
  orgId: string,
): Promise<{ year: number; format: ReportFormat; publishedAt: string }[]> {
  return (await ctx.repos.annualReports.published(orgId)).map(({ year, format, publishedAt }) => ({
    year,
    format,
    publishedAt,
  }));
}

/** One published report as it was published, or undefined when that year is not published. */
export async function publishedReport(
  ctx: PublicReportContext,
  orgId: string,
  year: number,
): Promise<{ report: AnnualReport; publishedAt: string } | undefined> {
  const stored = await ctx.repos.annualReports.get(orgId, year);
  if (!stored || stored.state !== 'published' || !stored.snapshot || !stored.publishedAt) return undefined;
  return { report: stored.snapshot, publishedAt: stored.publishedAt };
}

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

/** The published report of a year with the organization's history, or 'not found'. */
async function published(ctx: PublicReportContext, orgId: string, year: number) {
  const found = await publishedReport(ctx, orgId, year);
  if (!found) throw notFound('年度报告');
  return { ...found, history: (await reportHistory(ctx, orgId)) as ReportHistory };
}

/**
 * The portal page of a published report: the report, when it was published, and its charts.
 * @throws AppError 'not_found' unless that year's report is published
 */
export async function publishedReportPage(
  ctx: PublicReportContext,
  orgId: string,
  year: number,
): Promise<{ report: AnnualReport; publishedAt: string; charts: string[] }> {
  const { report, publishedAt, history } = await published(ctx, orgId, year);
  return { report, publishedAt, charts: reportCharts(report, history, 'chart') };
}

/**
 * A published report as a file (JSON or a document) beside its page.
 * @throws AppError 'not_found' unless that year's report is published
 */
export async function publishedReportFile(
  ctx: PublicReportContext & Pick<AppContext, 'reportDocuments'>,
  orgId: string,
  year: number,
  kind: ReportExportKind,
): Promise<ReportFile> {
  const { report, history } = await published(ctx, orgId, year);
  return exportReport(ctx, report, kind, { history });
}

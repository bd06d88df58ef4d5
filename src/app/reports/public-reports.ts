// What the portal reads of the annual reports (issue 5 "Exports and publication"): published
// reports only — never a draft or a submitted one — with no actor needed.
import type { AppContext } from '../context.js';
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';

/** The archive of an organization's published reports, newest year first (政府信息公开年报). */
export async function listPublishedReports(
  ctx: AppContext,
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
  ctx: AppContext,
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
  ctx: AppContext,
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

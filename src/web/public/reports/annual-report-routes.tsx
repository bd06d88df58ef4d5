/** @jsxImportSource hono/jsx */
// Portal routes of the published annual reports (issue 5; Regulation art. 49–50):
// `/org/:code/annual-reports` (the archive by year), `/org/:code/annual-reports/:year` (the page)
// and `/org/:code/annual-reports/:year.{json,docx,xlsx,pdf,md}`. Only published reports are
// reachable (public-reports.ts reads nothing else); any other year answers the 404 page.
// Register BEFORE `registerPortalPublicationRoutes` and `registerPortalRoutes` (their directory routes).
import type { Context, Hono } from 'hono';
import { findOrg, loadPortalSite } from '../../../app/portal/portal.js';
import { directoryData } from '../../../app/portal/publications-public.js';
import { listPublishedReports, publishedReport, reportHistory } from '../../../app/reports/public-reports.js';
import { exportReport } from '../../../app/reports/report-exports.js';
import { historyChartSvg, outcomeChartSvg } from '../../../domain/reports/charts.js';
import type { WebEnv } from '../../common/env.js';
import { formatInstant } from '../../common/time.js';
import { contentDisposition, downloadName } from '../../admin/reports/annual-report-common.js';
import { notFoundPage } from '../../common/pages.js';
import { ArchivePage, PUBLIC_FILES, PublicReportPage } from './annual-report-public-views.js';

type C = Context<WebEnv>;

const ARCHIVE = '/org/:code/annual-reports';
const EXTENSIONS: readonly string[] = PUBLIC_FILES.map(([ext]) => ext);

/** A published report may be replaced by a corrected one: browsers revalidate every time. */
const revalidate = (c: C) => c.header('Cache-Control', 'no-cache');
/** The publication date in the office's time zone. */
const dateOf = (iso: string): string => formatInstant(iso).slice(0, 10);

/** The organization and its published report of the year, or undefined (→ 404). */
async function published(c: C, year: number) {
  const ctx = c.get('ctx');
  const site = await loadPortalSite(ctx);
  const org = findOrg(site, c.req.param('code') ?? '');
  const found = org ? await publishedReport(ctx, org.id, year) : undefined;
  return org && found ? { site, org, ...found } : undefined;
}

/** Registers the archive, the report pages and their files. */
export function registerPublicAnnualReportRoutes(app: Hono<WebEnv>): void {
  app.get(ARCHIVE, async (c) => {
    const ctx = c.get('ctx');
    const site = await loadPortalSite(ctx);
    const org = findOrg(site, c.req.param('code'));
    if (!org) return c.html(notFoundPage(), 404);
    const [reports, directory] = await Promise.all([
      listPublishedReports(ctx, org.id),
      directoryData(ctx, org, 'annual-reports'),
    ]);
    revalidate(c);
    return c.html(<ArchivePage site={site} org={org} reports={reports} directory={directory} publishedOn={dateOf} />);
  });

  app.get(`${ARCHIVE}/:year{[0-9]{4}}`, async (c) => {
    const found = await published(c, Number(c.req.param('year')));
    if (!found) return c.html(notFoundPage(), 404);
    const { site, org, report, publishedAt } = found;
    // Charts (issue 5 "Exports and publication"): outcomes by row; applications over the years up to this one.
    const history = (await reportHistory(c.get('ctx'), org.id)).filter((h) => h.year <= report.year);
    const charts = [outcomeChartSvg(report, report.format, { idPrefix: 'chart-outcomes' })];
    if (history.length > 0) charts.push(historyChartSvg(history, { idPrefix: 'chart-history' }));
    revalidate(c);
    return c.html(
      <PublicReportPage site={site} org={org} report={report} publishedOn={dateOf(publishedAt)} charts={charts} />,
    );
  });

  app.get(`${ARCHIVE}/:file{[0-9]{4}\\.[a-z]+}`, async (c) => {
    const [year, ext] = c.req.param('file').split('.') as [string, string];
    if (!EXTENSIONS.includes(ext)) return c.html(notFoundPage(), 404);
    const found = await published(c, Number(year));
    if (!found) return c.html(notFoundPage(), 404);
    const history = await reportHistory(c.get('ctx'), found.org.id);
    const out = await exportReport(c.get('ctx'), found.report, ext as (typeof PUBLIC_FILES)[number][0], { history });
    revalidate(c);
    const headers: Record<string, string> = { 'Content-Type': out.mime, 'X-Content-Type-Options': 'nosniff' };
    // The JSON is data beside the page (shown inline); documents download under the report's Chinese title.
    headers['Content-Disposition'] = contentDisposition(
      downloadName(found.report, out.extension),
      ext === 'json' ? 'inline' : 'attachment',
    );
    return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, headers);
  });
}

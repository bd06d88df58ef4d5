/** @jsxImportSource hono/jsx */
// Portal routes of the published annual reports (《政府信息公开条例》第四十九条、第五十条):
// `/org/:code/annual-reports` (the archive by year), `/org/:code/annual-reports/:year` (the page)
// and `/org/:code/annual-reports/:year.{json,docx,xlsx,pdf,md}`. Only published reports are
// reachable (public-reports.ts reads nothing else); any other year answers the 404 page.
// Register BEFORE `registerPortalPublicationRoutes` and `registerPortalRoutes` (their directory routes).
import type { Context, Hono } from 'hono';
import { findOrg, loadPortalSite } from '../../../app/portal/portal.js';
import { directoryData } from '../../../app/portal/publications-public.js';
import { notFound } from '../../../app/errors.js';
import { listPublishedReports, publishedReportFile, publishedReportPage } from '../../../app/reports/public-reports.js';
import { isReportExportKind } from '../../../domain/reports/report-files.js';
import { download } from '../../common/download.js';
import type { WebEnv } from '../../common/env.js';
import { formatInstant } from '../../common/time.js';
import { ArchivePage, PUBLIC_FILES, PublicReportPage } from './annual-report-public-views.js';

type C = Context<WebEnv>;

const ARCHIVE = '/org/:code/annual-reports';

/** A published report may be replaced by a corrected one: browsers revalidate every time. */
const REVALIDATE = 'no-cache';
/** The publication date in the office's time zone. */
const dateOf = (iso: string): string => formatInstant(iso).slice(0, 10);

/**
 * The portal and the organization named by the path's credit code.
 * @throws AppError 'not_found'
 */
async function siteOrg(c: C) {
  const site = await loadPortalSite(c.get('ctx'));
  const org = findOrg(site, c.req.param('code') ?? '');
  if (!org) throw notFound('机构');
  return { site, org };
}

/** Registers the archive, the report pages and their files. */
export function registerPublicAnnualReportRoutes(app: Hono<WebEnv>): void {
  app.get(ARCHIVE, async (c) => {
    const { site, org } = await siteOrg(c);
    const [reports, directory] = await Promise.all([
      listPublishedReports(c.get('ctx'), org.id),
      directoryData(c.get('ctx'), org, 'annual-reports'),
    ]);
    c.header('Cache-Control', REVALIDATE);
    return c.html(<ArchivePage site={site} org={org} reports={reports} directory={directory} publishedOn={dateOf} />);
  });

  app.get(`${ARCHIVE}/:year{[0-9]{4}}`, async (c) => {
    const { site, org } = await siteOrg(c);
    const { report, publishedAt, charts } = await publishedReportPage(
      c.get('ctx'),
      org.id,
      Number(c.req.param('year')),
    );
    c.header('Cache-Control', REVALIDATE);
    return c.html(
      <PublicReportPage site={site} org={org} report={report} publishedOn={dateOf(publishedAt)} charts={charts} />,
    );
  });

  app.get(`${ARCHIVE}/:file{[0-9]{4}\\.[a-z]+}`, async (c) => {
    const [year, kind] = c.req.param('file').split('.') as [string, string];
    if (!isReportExportKind(kind) || !PUBLIC_FILES.includes(kind)) throw notFound('文件');
    const { org } = await siteOrg(c);
    const file = await publishedReportFile(c.get('ctx'), org.id, Number(year), kind);
    // The JSON is data beside the page (shown inline); documents download under the report's Chinese title.
    return download(c, file, { inline: kind === 'json', cache: REVALIDATE });
  });
}

/** @jsxImportSource hono/jsx */
// Portal routes of the published annual reports (《政府信息公开条例》第四十九条、第五十条):
// `/org/:code/annual-reports` (the archive by year), `/org/:code/annual-reports/:year` (the page)
// `/org/:code/annual-reports/:year/versions/:n` (an earlier version, after a correction) and
// `/org/:code/annual-reports/:year.{json,docx,xlsx,pdf,md}`. Only published reports are reachable (public-reports.ts
// reads nothing else); a withdrawn one answers 410 with a notice, any other year the 404 page.
// Register BEFORE `registerPortalPublicationRoutes` and `registerPortalRoutes` (their directory routes).
import type { Context, Hono } from 'hono';
import { findOrg, loadPortalSite, type PortalSite } from '../../../app/portal/portal.js';
import { directoryData } from '../../../app/portal/publications-public.js';
import { notFound } from '../../../app/errors.js';
import {
  listPublishedReports,
  publishedReportFile,
  publishedReportPage,
  publishedReportVersion,
} from '../../../app/reports/public-reports.js';
import type { Organization } from '../../../domain/orgs/organization.js';
import { isReportExportKind } from '../../../domain/reports/report-files.js';
import { download } from '../../common/download.js';
import type { WebEnv } from '../../common/env.js';
import { formatInstant } from '../../common/time.js';
import {
  ArchivePage,
  PUBLIC_FILES,
  PublicReportPage,
  PublicVersionPage,
  WithdrawnReportPage,
  publicReportHref,
} from './annual-report-public-views.js';

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
    const year = Number(c.req.param('year'));
    const page = await publishedReportPage(c.get('ctx'), org.id, year);
    c.header('Cache-Control', REVALIDATE);
    if (page.status === 'withdrawn') return gone(c, { site, org, year, withdrawnAt: page.withdrawnAt });
    return c.html(<PublicReportPage site={site} org={org} dateOf={dateOf} page={page} />);
  });

  // An earlier version stays readable after a correction, marked 已更正; the current one lives at the report's own
  // address (a permanent redirect would outlive the next correction, so 302).
  app.get(`${ARCHIVE}/:year{[0-9]{4}}/versions/:version{[0-9]{1,4}}`, async (c) => {
    const { site, org } = await siteOrg(c);
    const year = Number(c.req.param('year'));
    const page = await publishedReportVersion(c.get('ctx'), org.id, year, Number(c.req.param('version')));
    c.header('Cache-Control', REVALIDATE);
    if (page.status === 'withdrawn') return gone(c, { site, org, year, withdrawnAt: page.withdrawnAt });
    if (page.status === 'current') return c.redirect(publicReportHref(org.creditCode, year), 302);
    return c.html(<PublicVersionPage site={site} org={org} dateOf={dateOf} page={page} />);
  });

  app.get(`${ARCHIVE}/:file{[0-9]{4}\\.[a-z]+}`, async (c) => {
    const [year, kind] = c.req.param('file').split('.') as [string, string];
    if (!isReportExportKind(kind) || !PUBLIC_FILES.includes(kind)) throw notFound('文件');
    const { site, org } = await siteOrg(c);
    const file = await publishedReportFile(c.get('ctx'), org.id, Number(year), kind);
    if ('status' in file) return gone(c, { site, org, year: Number(year), withdrawnAt: file.withdrawnAt });
    // The JSON is data beside the page (shown inline); documents download under the report's Chinese title.
    return download(c, file, { inline: kind === 'json', cache: REVALIDATE });
  });
}

/**
 * A withdrawn report's addresses (its page, its versions and files) answer 410 Gone with a notice, as a withdrawn
 * 主动公开 item does (publications/publication-routes.tsx). The address was public and may be cited or bookmarked:
 * a government site tells the visitor who follows it that the organization took the report off, when, and where
 * its reports are, rather than a bare "page not found"; and 410, unlike 404, tells search engines and web
 * archives that the removal is deliberate, so they drop the withdrawn text. The reason is kept in the audit trail.
 */
function gone(c: C, p: { site: PortalSite; org: Organization; year: number; withdrawnAt: string }) {
  c.header('Cache-Control', REVALIDATE);
  return c.html(<WithdrawnReportPage {...p} dateOf={dateOf} />, 410);
}

/** @jsxImportSource hono/jsx */
// The portal's 政府网站工作年度报表 (国办函〔2018〕12号: each website publishes its report on its home page; portals
// run a column collecting the reports of their area): GET /website-reports lists the published reports, GET
// /website-reports/:siteId/:year shows one. Only published reports; anything else is "not found".
import type { Hono } from 'hono';
import { loadPortalSite } from '../../app/portal/portal.js';
import { publishedReport, publishedReports } from '../../app/website-report/pages.js';
import { FIELD_GROUPS } from '../../domain/website-report/fields.js';
import type { WebEnv } from '../common/env.js';
import { PublicLayout } from '../common/layout.js';
import { DataTable } from '../common/blocks.js';
import { siteTitle } from './portal/portal-views.js';
import { portalUrls } from './portal/portal-urls.js';

/** The portal's list of published reports. */
export const WEBSITE_REPORTS_PATH = '/website-reports';

/** The portal's page of one published report. */
export const websiteReportPath = (siteId: string, year: number): string =>
  `${WEBSITE_REPORTS_PATH}/${encodeURIComponent(siteId)}/${year}`;

const TITLE = '政府网站工作年度报表';

/** Registers GET /website-reports and GET /website-reports/:siteId/:year. */
export function registerPublicWebsiteReportRoutes(app: Hono<WebEnv>): void {
  app.get(WEBSITE_REPORTS_PATH, async (c) => {
    const ctx = c.get('ctx');
    const [site, list] = await Promise.all([loadPortalSite(ctx), publishedReports(ctx)]);
    c.header('Cache-Control', 'no-cache');
    return c.html(
      <PublicLayout
        title={TITLE}
        siteTitle={siteTitle(site)}
        footer={site.footer}
        crumbs={[
          [portalUrls.home(), '政府信息公开'],
          ['', TITLE],
        ]}
      >
        <h1>{TITLE}</h1>
        <DataTable cols={['网站', '主办单位', '年度', '发布日期']} empty="暂无已发布的网站年度报表。">
          {list.map((r) => (
            <tr>
              <td>
                <a href={websiteReportPath(r.siteId, r.year)}>{r.siteName}</a>
              </td>
              <td>{r.orgName}</td>
              <td>{r.year}年度</td>
              <td>
                <time datetime={r.filedOn}>{r.filedOn}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      </PublicLayout>,
    );
  });

  app.get(`${WEBSITE_REPORTS_PATH}/:siteId/:year{[0-9]{4}}`, async (c) => {
    const ctx = c.get('ctx');
    const report = await publishedReport(ctx, c.req.param('siteId'), Number(c.req.param('year')));
    const site = await loadPortalSite(ctx);
    c.header('Cache-Control', 'no-cache');
    return c.html(
      <PublicLayout
        title={report.title}
        siteTitle={siteTitle(site)}
        footer={site.footer}
        crumbs={[
          [portalUrls.home(), '政府信息公开'],
          [WEBSITE_REPORTS_PATH, TITLE],
          ['', `${report.siteName} ${report.year}年度`],
        ]}
      >
        <h1>{report.title}</h1>
        <p class="muted">
          主办单位：{report.orgName} · 发布日期：<time datetime={report.filedOn}>{report.filedOn}</time>
        </p>
        {FIELD_GROUPS.map((group) => {
          const fields = report.fields.filter((f) => f.group === group);
          if (fields.length === 0) return null;
          return (
            <DataTable cols={['指标', '数值']} caption={group} class="wr-fields">
              {fields.map((f) => (
                <tr>
                  <th scope="row">{f.label}</th>
                  <td>{f.value === '' ? '' : `${f.value}${f.unit === '文本' || f.unit === '是/否' ? '' : f.unit}`}</td>
                </tr>
              ))}
            </DataTable>
          );
        })}
        <p class="muted">{report.note}</p>
      </PublicLayout>,
    );
  });
}

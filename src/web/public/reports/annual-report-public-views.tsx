/** @jsxImportSource hono/jsx */
// Portal views of the published annual reports (《政府信息公开条例》第四十九条、第五十条): the archive by
// year under 政府信息公开年报 and one report in the official layout with its charts (after the section-三
// table) and the JSON and documents beside it. Only published reports reach these views.
import type { Organization } from '../../../domain/orgs/organization.js';
import type { AnnualReport, ReportFormat } from '../../../domain/reports/annual-report.js';
import { reportTitle } from '../../../domain/reports/render-text.js';
import type { PortalSite } from '../../../app/portal/portal.js';
import type { DirectoryData } from '../../../app/portal/publications-public.js';
import { PublicLayout } from '../../common/layout.js';
import type { ReportExportKind } from '../../../domain/reports/report-files.js';
import { ExportLinks, ReportTables } from '../../admin/reports/annual-report-common.js';
import { portalUrls } from '../portal/portal-urls.js';
import { siteTitle } from '../portal/portal-views.js';
import { categoryFeed, orgFeed } from '../publications/publication-views.js';

/** The directory's label (国办公开办函〔2019〕61号). */
export const ARCHIVE_LABEL = '政府信息公开年报';

/** The archive of an organization. */
export const archiveHref = (creditCode: string): string => portalUrls.directory(creditCode, 'annual-reports');
/** A published report's page; with an extension, its JSON or a document. */
export const publicReportHref = (creditCode: string, year: number, extension?: string): string =>
  `${archiveHref(creditCode)}/${year}${extension ? `.${extension}` : ''}`;

/** The files offered beside the page (the portal publishes the JSON and the documents, not the back-office HTML). */
export const PUBLIC_FILES: readonly ReportExportKind[] = ['json', 'docx', 'xlsx', 'pdf', 'md'];

const crumbs = (o: Organization): [string, string][] => [
  ['/', '政府信息公开'],
  [`/org/${o.creditCode}`, o.name],
];

/** A published report in the archive. */
export type ArchiveEntry = { year: number; format: ReportFormat; publishedAt: string };

/** `/org/:code/annual-reports`: the published reports newest first, and older reports filed as 主动公开 items. */
export function ArchivePage(p: {
  site: PortalSite;
  org: Organization;
  reports: readonly ArchiveEntry[];
  directory: DirectoryData;
  publishedOn: (iso: string) => string;
}) {
  const entries = [...p.reports].sort((a, b) => b.year - a.year);
  const { node, latest } = p.directory;
  const feeds = node ? [categoryFeed(p.org, node), orgFeed(p.org)] : [orgFeed(p.org)];
  return (
    <PublicLayout
      title={`${ARCHIVE_LABEL} - ${p.org.name}`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[...crumbs(p.org), ['', ARCHIVE_LABEL]]}
      feeds={feeds}
    >
      <h1>{ARCHIVE_LABEL}</h1>
      <p class="muted">
        《中华人民共和国政府信息公开条例》第四十九条：行政机关应当在每年1月31日前公布本机关上一年度政府信息公开工作年度报告；县级以上地方人民政府应当在每年3月31日前公布本级政府上一年度的年度报告。
      </p>
      {entries.length > 0 ? (
        <section aria-labelledby="by-year">
          <h2 id="by-year">按年度</h2>
          <ol class="publist report-archive">
            {entries.map((r) => (
              <li>
                <a
                  href={publicReportHref(p.org.creditCode, r.year)}
                >{`${p.org.name}${r.year}年政府信息公开工作年度报告`}</a>
                <span class="meta">
                  <span>{`${r.year}年度`}</span>
                  <time datetime={p.publishedOn(r.publishedAt)}>{`发布日期：${p.publishedOn(r.publishedAt)}`}</time>
                  <a href={publicReportHref(p.org.creditCode, r.year, 'json')} type="application/json">
                    JSON
                  </a>
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {latest.items.length > 0 ? (
        <section aria-labelledby="filed">
          <h2 id="filed">其他年度报告</h2>
          <ol class="publist">
            {latest.items.map((i) => (
              <li>
                <a href={portalUrls.publication(i.id)}>{i.title}</a>
                <span class="meta">
                  <time datetime={i.publishedOn}>{i.publishedOn}</time>
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {entries.length === 0 && latest.items.length === 0 ? <p class="muted">本栏目暂无信息。</p> : null}
      <p class="feedlink">
        <a href={(feeds[0] ?? orgFeed(p.org)).href}>订阅本栏目（Atom）</a>
      </p>
    </PublicLayout>
  );
}

/** `/org/:code/annual-reports/:year`: the report in the official layout, its charts and files. */
export function PublicReportPage(p: {
  site: PortalSite;
  org: Organization;
  report: AnnualReport;
  publishedOn: string;
  charts: string[];
}) {
  const r = p.report;
  const title = reportTitle(r);
  return (
    <PublicLayout
      title={title}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[...crumbs(p.org), [archiveHref(p.org.creditCode), ARCHIVE_LABEL], ['', `${r.year}年度`]]}
      feeds={[orgFeed(p.org)]}
    >
      <div class="table-wrap">
        <table class="pubmeta">
          <caption>信息属性</caption>
          <tbody>
            <tr>
              <th scope="row">发布机构</th>
              <td>{p.org.name}</td>
              <th scope="row">发布日期</th>
              <td>
                <time datetime={p.publishedOn}>{p.publishedOn}</time>
              </td>
            </tr>
            <tr>
              <th scope="row">名称</th>
              <td colspan={3}>{title}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <ExportLinks
        href={(kind) => publicReportHref(p.org.creditCode, r.year, kind)}
        kinds={PUBLIC_FILES}
        label="本报告的数据和文档"
      />
      <article class="publication annual-report-page">
        <ReportTables report={r} format={r.format} charts={p.charts} />
      </article>
      <p>
        <a href={archiveHref(p.org.creditCode)}>返回{ARCHIVE_LABEL}</a>
      </p>
    </PublicLayout>
  );
}

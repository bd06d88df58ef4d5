/** @jsxImportSource hono/jsx */
// Portal views of the published annual reports (《政府信息公开条例》第四十九条、第五十条): the archive by
// year under 政府信息公开年报 and one report in the official layout with its charts (after the section-三
// table), its 索引号, its 更正说明 and versions, and the JSON and documents beside it; an earlier version marked
// 已更正; the 410 notice of a withdrawn report. Only published reports reach these views.
import type { Organization } from '../../../domain/orgs/organization.js';
import type { ReportFormat } from '../../../domain/reports/annual-report.js';
import { reportTitle } from '../../../domain/reports/render-text.js';
import { publicCorrectionNotes } from '../../../domain/reports/report-correction.js';
import type { PortalSite } from '../../../app/portal/portal.js';
import type { DirectoryData } from '../../../app/portal/publications-public.js';
import type { Child } from 'hono/jsx';
import type {
  PublicReportFacts,
  PublicReportPage as PublicReportPageData,
  PublicVersion,
  PublicVersionPage as PublicVersionPageData,
} from '../../../app/reports/public-reports.js';
import { DataTable } from '../../common/blocks.js';
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

/** A published report in the archive (version > 1: corrected). */
export type ArchiveEntry = { year: number; format: ReportFormat; publishedAt: string; version: number };

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
                  {r.version > 1 ? <span>已更正，见更正说明</span> : null}
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

/** The address of one version of a report (the current one is the report's own page). */
export const publicVersionHref = (creditCode: string, year: number, version: number): string =>
  `${publicReportHref(creditCode, year)}/versions/${version}`;

/** An instant as the office's date (YYYY-MM-DD), supplied by the route. */
type DateOf = (iso: string) => string;

/** What every report page shows: the site, the organization and the office-date formatter. */
type ReportPageBase = { site: PortalSite; org: Organization; dateOf: DateOf };

/** The frame of a report page: the portal layout with the archive in the crumbs. */
function ReportFrame(p: ReportPageBase & { title: string; crumb: string; children?: Child }) {
  return (
    <PublicLayout
      title={p.title}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[...crumbs(p.org), [archiveHref(p.org.creditCode), ARCHIVE_LABEL], ['', p.crumb]]}
      feeds={[orgFeed(p.org)]}
    >
      {p.children}
    </PublicLayout>
  );
}

/** The 信息属性 table: publisher, 索引号, dates and the title (as a publication's page shows them). */
function ReportMeta(p: { org: Organization; title: string; facts: PublicReportFacts; dateOf: DateOf }) {
  const { indexNo, publishedAt, versions } = p.facts;
  const lastCorrection = publicCorrectionNotes(versions).at(-1);
  return (
    <div class="table-wrap">
      <table class="pubmeta">
        <caption>信息属性</caption>
        <tbody>
          <tr>
            <th scope="row">索引号</th>
            <td>{indexNo ?? '—'}</td>
            <th scope="row">发布机构</th>
            <td>{p.org.name}</td>
          </tr>
          <tr>
            <th scope="row">发布日期</th>
            <td>
              <time datetime={p.dateOf(publishedAt)}>{p.dateOf(publishedAt)}</time>
            </td>
            <th scope="row">更正日期</th>
            <td>
              {lastCorrection ? (
                <>
                  <time datetime={lastCorrection.on}>{lastCorrection.on}</time>（<a href="#corrections">见更正说明</a>）
                </>
              ) : (
                '无'
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">名称</th>
            <td colspan={3}>{p.title}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** How a version stands, in words: 现行版本, 已更正（date）, 已撤回（date）. */
function standing(v: PublicVersion, dateOf: DateOf): string {
  switch (v.status.kind) {
    case 'current':
      return '现行版本';
    case 'corrected':
      return `已更正（${v.status.on}）`;
    case 'withdrawn':
      return `已撤回（${dateOf(v.status.at)}）`;
  }
}

/**
 * The correction history (每次更正的日期、更正内容、更正原因) and every version with its standing: earlier versions
 * link to their pages; a withdrawn one is listed without a link (it is no longer public).
 */
function CorrectionHistory(p: {
  org: Organization;
  year: number;
  facts: PublicReportFacts;
  dateOf: DateOf;
  at?: number;
}) {
  const { versions } = p.facts;
  const notes = publicCorrectionNotes(versions);
  if (versions.length < 2) return null;
  const href = (v: PublicVersion) =>
    v.status.kind === 'current'
      ? publicReportHref(p.org.creditCode, p.year)
      : publicVersionHref(p.org.creditCode, p.year, v.version);
  return (
    <section aria-labelledby="corrections" class="report-corrections">
      <h2 id="corrections">更正说明</h2>
      {notes.length > 0 ? (
        <DataTable class="correction-notes" caption="本报告的更正情况" cols={['更正日期', '更正内容', '更正原因']}>
          {notes.map((n) => (
            <tr>
              <td>
                <time datetime={n.on}>{n.on}</time>
              </td>
              <td class="pre">{n.what}</td>
              <td class="pre">{n.why}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <h3>历史版本</h3>
      <ol class="report-versions">
        {versions.map((v) => (
          <li>
            {v.status.kind === 'withdrawn' ? (
              <span>{`第${v.version}版`}</span>
            ) : v.version === p.at ? (
              <strong aria-current="page">{`第${v.version}版`}</strong>
            ) : (
              <a href={href(v)}>{`第${v.version}版`}</a>
            )}
            <span class="meta">
              <span>{`发布于${p.dateOf(v.publishedAt)}`}</span>
              <strong class={v.status.kind === 'current' ? 'ok' : 'warn'}>{standing(v, p.dateOf)}</strong>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** `/org/:code/annual-reports/:year`: the current version in the official layout, its 索引号, corrections and files. */
export function PublicReportPage(p: ReportPageBase & { page: PublicReportPageData }) {
  const r = p.page.report;
  const title = reportTitle(r);
  return (
    <ReportFrame {...p} title={title} crumb={`${r.year}年度`}>
      <ReportMeta org={p.org} title={title} facts={p.page} dateOf={p.dateOf} />
      <ExportLinks
        href={(kind) => publicReportHref(p.org.creditCode, r.year, kind)}
        kinds={PUBLIC_FILES}
        label="本报告的数据和文档"
      />
      <article class="publication annual-report-page">
        <ReportTables report={r} format={r.format} charts={p.page.charts} />
      </article>
      <CorrectionHistory
        org={p.org}
        year={r.year}
        facts={p.page}
        dateOf={p.dateOf}
        at={p.page.versions.find((v) => v.status.kind === 'current')?.version}
      />
      <p>
        <a href={archiveHref(p.org.creditCode)}>返回{ARCHIVE_LABEL}</a>
      </p>
    </ReportFrame>
  );
}

/** `/org/:code/annual-reports/:year/versions/:n`: an earlier version, marked 已更正, with the way to the current one. */
export function PublicVersionPage(p: ReportPageBase & { page: PublicVersionPageData }) {
  const { report: r, version: v } = p.page;
  const title = reportTitle(r);
  const on = v.status.kind === 'corrected' ? v.status.on : '';
  return (
    <ReportFrame {...p} title={`${title}（第${v.version}版，已更正）`} crumb={`${r.year}年度 第${v.version}版`}>
      <div class="notice superseded" role="note">
        <p>
          <strong>{`本页为本报告的第${v.version}版（发布于${p.dateOf(v.publishedAt)}），已于${on}更正，仅供查阅。`}</strong>
          <a href={publicReportHref(p.org.creditCode, r.year)}>查看现行版本</a>
        </p>
      </div>
      <ReportMeta org={p.org} title={title} facts={p.page} dateOf={p.dateOf} />
      <article class="publication annual-report-page">
        <ReportTables report={r} format={r.format} />
      </article>
      <CorrectionHistory org={p.org} year={r.year} facts={p.page} dateOf={p.dateOf} at={v.version} />
      <p>
        <a href={archiveHref(p.org.creditCode)}>返回{ARCHIVE_LABEL}</a>
      </p>
    </ReportFrame>
  );
}

/**
 * The page of a withdrawn report (answered with 410 Gone): the date it was withdrawn and where the other reports
 * are. The reason stays in the audit trail: it may itself name what had to come off (personal data published by
 * mistake, say).
 */
export function WithdrawnReportPage(p: ReportPageBase & { year: number; withdrawnAt: string }) {
  return (
    <ReportFrame {...p} title={`${p.org.name}${p.year}年度报告已撤回`} crumb={`${p.year}年度`}>
      <h1>该年度报告已撤回</h1>
      <p>{`${p.org.name}${p.year}年政府信息公开工作年度报告已于${p.dateOf(p.withdrawnAt)}由发布机关撤回，不再公开（410）。`}</p>
      <p>报告经更正后重新发布的，将在本栏目公开，并附更正说明。</p>
      <p>
        <a href={archiveHref(p.org.creditCode)}>
          查看{p.org.name}的{ARCHIVE_LABEL}
        </a>
      </p>
    </ReportFrame>
  );
}

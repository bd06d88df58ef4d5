// What the pages of the 政府网站工作年度报表 show: the list of sites with their report's state and filing (the
// supervising office sees who filed on time, late or not at all), one report with each value's source, its documents,
// and the portal's published reports.
import type { Actor } from '../../domain/policies/actor.js';
import { subtreeIds } from '../../domain/orgs/organization.js';
import type { ReportField } from '../../domain/website-report/fields.js';
import {
  dueDateOf,
  filingStatus,
  REPORT_STATE_LABELS,
  refusalOf,
  reviewerRefusal,
  type FilingStatus,
  type ReportState,
  type WebsiteReport,
} from '../../domain/website-report/report.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import type { MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import type { AppContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { reportAccess, reportOfActor } from './access.js';
import { dueMonthDay, reportFields } from './settings.js';
import type { WebsiteReportDocument } from './ports.js';

/** One site's line of the list. */
export type FilingRow = {
  site: { id: string; name: string; homeUrl: string };
  orgName: string;
  reportId: string | null;
  state: ReportState | null;
  stateLabel: string;
  filedOn: LocalDate | null;
  filing: FilingStatus;
};

/** The list page: one row per site the actor may act on (within `orgId`'s subtree when given). */
export type FilingPage = {
  year: number;
  due: LocalDate;
  rows: FilingRow[];
  counts: Record<FilingStatus, number>;
  orgs: { id: string; name: string }[];
};

/**
 * The sites of the actor's reach (or of an organization's subtree) × the report's state × filed on time, late,
 * missing or not yet due.
 * @throws AppError 'forbidden' when the actor may act on no site's report
 */
export async function filingPage(
  ctx: Pick<AppContext, 'repos' | 'clock'>,
  actor: Actor | null,
  year: number,
  orgId?: string,
): Promise<FilingPage> {
  const access = await reportAccess(ctx, actor);
  const reachable = access.orgs.filter((o) => access.may(o.id));
  if (reachable.length === 0) throw forbidden('无权查看网站年度报表');
  const within = orgId && access.may(orgId) ? subtreeIds(access.orgs, orgId) : null;
  const sites = (await ctx.repos.monitoring.sites()).filter(
    (s) => access.may(s.orgId) && (within === null || within.has(s.orgId)),
  );
  const reports = await ctx.repos.websiteReports.list({ year });
  const due = dueDateOf(year, await dueMonthDay(ctx));
  const today = ctx.clock.today();
  const counts: Record<FilingStatus, number> = { on_time: 0, late: 0, missing: 0, pending: 0 };
  const rows = sites.map((s): FilingRow => {
    const report = reports.find((r) => r.siteId === s.id);
    const filedOn = report?.filedAt ? ctx.clock.dateOf(report.filedAt) : null;
    const filing = filingStatus(filedOn, due, today);
    counts[filing] += 1;
    return {
      site: { id: s.id, name: s.name, homeUrl: s.homeUrl },
      orgName: access.orgs.find((o) => o.id === s.orgId)?.name ?? '',
      reportId: report?.id ?? null,
      state: report?.state ?? null,
      stateLabel: report ? REPORT_STATE_LABELS[report.state] : '未填报',
      filedOn,
      filing,
    };
  });
  return { year, due, rows, counts, orgs: reachable.map((o) => ({ id: o.id, name: o.name })) };
}

/** A field with its value, where the value came from, and whether it is entered on the form. */
export type FieldLine = ReportField & { value: string; source: string | null; entered: boolean };

/** One report's page. */
export type ReportPage = {
  report: WebsiteReport;
  site: MonitoredSite;
  orgName: string;
  stateLabel: string;
  fields: FieldLine[];
  ownFieldList: boolean;
  due: LocalDate;
  filing: FilingStatus;
  can: { fill: boolean; edit: boolean; review: boolean; reopen: boolean; publish: boolean; draft: boolean };
  /** Why the actor may not review it (编审分离), when that is the reason. */
  reviewBlocked: string | null;
};

function fieldLines(fields: readonly ReportField[], report: WebsiteReport): FieldLine[] {
  return fields.map((f) => ({
    ...f,
    value: report.values[f.id] ?? '',
    source: report.filled[f.id] ?? null,
    entered: !(f.id in report.filled),
  }));
}

/**
 * One report, for an actor who may act on its site.
 * @throws AppError 'not_found'
 */
export async function reportPage(
  ctx: Pick<AppContext, 'repos' | 'clock'>,
  actor: Actor | null,
  id: string,
): Promise<ReportPage> {
  const { report, site, access } = await reportOfActor(ctx, actor, id);
  const { fields, own } = await reportFields(ctx);
  const due = dueDateOf(report.year, await dueMonthDay(ctx));
  const filedOn = report.filedAt ? ctx.clock.dateOf(report.filedAt) : null;
  const reviewBlocked = report.state === 'draft' ? reviewerRefusal(report, actor) : null;
  return {
    report,
    site,
    orgName: access.orgs.find((o) => o.id === site.orgId)?.name ?? '',
    stateLabel: REPORT_STATE_LABELS[report.state],
    fields: fieldLines(fields, report),
    ownFieldList: own,
    due,
    filing: filingStatus(filedOn, due, ctx.clock.today()),
    can: {
      fill: refusalOf(report.state, 'fill') === null,
      edit: refusalOf(report.state, 'edit') === null,
      review: refusalOf(report.state, 'review') === null && reviewBlocked === null,
      reopen: refusalOf(report.state, 'reopen') === null,
      publish: refusalOf(report.state, 'publish') === null,
      draft: report.state !== 'draft' && report.publicationId === null,
    },
    reviewBlocked,
  };
}

/** The note under a report's table: the field list's status and the filing. */
function noteOf(own: boolean, report: WebsiteReport, clock: AppContext['clock']): string {
  const list = own
    ? '栏目按本单位设置的报表格式。'
    : '栏目按国办函〔2018〕12号报表格式的通行理解设置（未经核对，可在设置中调整）。';
  const filed = report.filedAt ? `发布日期：${clock.dateOf(report.filedAt)}。` : '';
  return `${list}标注来源的数值由平台根据登记的数据自动填写，其余为填报。${filed}`;
}

function documentOf(
  report: WebsiteReport,
  site: MonitoredSite,
  fields: readonly ReportField[],
  own: boolean,
  clock: AppContext['clock'],
): WebsiteReportDocument {
  return {
    title: `${site.name}政府网站工作年度报表（${report.year}年度）`,
    siteName: site.name,
    year: report.year,
    stateLabel: REPORT_STATE_LABELS[report.state],
    fields: fieldLines(fields, report),
    note: noteOf(own, report, clock),
  };
}

/**
 * The report as XLSX or PDF, for an actor who may act on its site.
 * @throws AppError 'not_found'
 */
export async function reportDocument(
  ctx: Pick<AppContext, 'repos' | 'clock' | 'websiteReportDocuments'>,
  actor: Actor | null,
  id: string,
  format: 'xlsx' | 'pdf',
): Promise<{ bytes: Uint8Array; filename: string }> {
  const { report, site } = await reportOfActor(ctx, actor, id);
  const { fields, own } = await reportFields(ctx);
  const doc = documentOf(report, site, fields, own, ctx.clock);
  const bytes = await ctx.websiteReportDocuments[format](doc);
  return { bytes, filename: `${doc.title}.${format}` };
}

/** A published report on the portal's list. */
export type PublishedEntry = { siteId: string; siteName: string; orgName: string; year: number; filedOn: LocalDate };

/** The published reports, newest year first, by site name. */
export async function publishedReports(ctx: Pick<AppContext, 'repos' | 'clock'>): Promise<PublishedEntry[]> {
  const [reports, sites, orgs] = await Promise.all([
    ctx.repos.websiteReports.list({ states: ['published'] }),
    ctx.repos.monitoring.sites(),
    ctx.repos.orgs.list({ includeRetired: true }),
  ]);
  return reports
    .flatMap((r) => {
      const site = sites.find((s) => s.id === r.siteId);
      if (!site) return [];
      const orgName = orgs.find((o) => o.id === site.orgId)?.name ?? '';
      return [
        {
          siteId: site.id,
          siteName: site.name,
          orgName,
          year: r.year,
          filedOn: ctx.clock.dateOf(r.filedAt ?? r.updatedAt),
        },
      ];
    })
    .sort((a, b) => b.year - a.year || a.siteName.localeCompare(b.siteName, 'zh-CN'));
}

/**
 * One published report for the portal (a report not published is "not found").
 * @throws AppError 'not_found'
 */
export async function publishedReport(
  ctx: Pick<AppContext, 'repos' | 'clock'>,
  siteId: string,
  year: number,
): Promise<WebsiteReportDocument & { filedOn: LocalDate; orgName: string }> {
  const report = Number.isInteger(year) ? await ctx.repos.websiteReports.bySiteYear(siteId, year) : undefined;
  const site = report ? await ctx.repos.monitoring.siteById(siteId) : undefined;
  if (!report || !site || report.state !== 'published' || report.filedAt === null) throw notFound('网站年度报表');
  const { fields, own } = await reportFields(ctx);
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  return {
    ...documentOf(report, site, fields, own, ctx.clock),
    filedOn: ctx.clock.dateOf(report.filedAt),
    orgName: orgs.find((o) => o.id === site.orgId)?.name ?? '',
  };
}

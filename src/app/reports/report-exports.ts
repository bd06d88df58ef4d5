// A report as a file: the HTML page in the official layout with its charts, DOCX, XLSX (one sheet per
// table) and PDF from the document adapters, the JSON of docs/annual-report.schema.json and Markdown in
// the seed report's pipe-table form.
import type { AppContext } from '../context.js';
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import { renderReportHtml } from '../../domain/reports/render-html.js';
import { renderReportMarkdown } from '../../domain/reports/render-markdown.js';
import { historyChartSvg, outcomeChartSvg } from '../../domain/reports/charts.js';
import { reportTitle, type RenderableReport } from '../../domain/reports/render-text.js';
import { REPORT_FILES, type ReportExportKind } from '../../domain/reports/report-files.js';
import type { ReportDocumentRenderers } from './ports.js';

export { isReportExportKind, type ReportExportKind } from '../../domain/reports/report-files.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Applications over the years, from the published reports (public-reports.ts `reportHistory`). */
export type ReportHistory = readonly { year: number; received: number; closed: number }[];

/** Extra inputs of an export: the organization's applications over the years. */
export type ExportOptions = { history?: ReportHistory };

/**
 * The two charts: outcomes by row, and applications over the years up to the report's when the history
 * has any. `prefix` keeps the SVG ids of two renderings on one page apart.
 */
export function reportCharts(report: AnnualReport, history: ReportHistory, prefix: string): string[] {
  const upTo = history.filter((h) => h.year <= report.year);
  return [
    outcomeChartSvg(report, report.format, { idPrefix: `${prefix}-outcomes` }),
    ...(upTo.length > 0 ? [historyChartSvg(upTo, { idPrefix: `${prefix}-history` })] : []),
  ];
}

/** Renders a report as a file of one kind; the office documents come from `docs` (the adapters). */
export async function renderReportFile(
  docs: ReportDocumentRenderers,
  report: AnnualReport,
  kind: ReportExportKind,
  opts: ExportOptions = {},
): Promise<Uint8Array> {
  const format = report.format;
  const charts = (prefix: string) => reportCharts(report, opts.history ?? [], prefix);
  switch (kind) {
    case 'html':
      return utf8(renderReportHtml(report, format, { charts: charts('chart') }));
    case 'json':
      return utf8(`${JSON.stringify(report, null, 2)}\n`);
    case 'md':
      return utf8(renderReportMarkdown(report, format));
    case 'docx':
    case 'xlsx':
    case 'pdf': {
      if (kind === 'xlsx') return docs.xlsx(report, format);
      // No chart in the DOCX: LibreOffice shows only the SVG's PNG fallback (a blank area), and every
      // charted number is in the tables (docs/decisions/0009).
      if (kind === 'docx') return docs.docx(report, format);
      return docs.pdf(report, format, { charts: charts('pdf') });
    }
  }
}

/** A report as a file to download: its bytes, media type, extension and name (the report's title). */
export type ReportFile = { bytes: Uint8Array; mime: string; extension: string; name: string };

/**
 * Renders a report (any: a record's, a rollup, a published one) as a file of the given kind, named after
 * the report's title (`示例区教育局2025年政府信息公开工作年度报告.docx`). No personal data: the report
 * model holds none.
 */
export async function exportReport(
  ctx: Pick<AppContext, 'reportDocuments'>,
  report: AnnualReport,
  kind: ReportExportKind,
  opts: ExportOptions & { nameSuffix?: string } = {},
): Promise<ReportFile> {
  return {
    bytes: await renderReportFile(ctx.reportDocuments, report, kind, opts),
    mime: REPORT_FILES[kind].mime,
    extension: kind,
    name: `${reportTitle(report)}${opts.nameSuffix ?? ''}.${kind}`,
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const obj = <T extends object>(v: unknown): T =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as T) : ({} as T);

/**
 * Any report JSON — the model of docs/annual-report.schema.json or a `report check --json` record,
 * with parts missing — as the report model in `format` (absent texts null, absent tables empty).
 */
export function asAnnualReport(
  r: RenderableReport & { organization?: { name?: string | null; creditCode?: string | null } | null },
  format: ReportFormat,
): AnnualReport {
  const org = obj<{ name?: unknown; creditCode?: unknown }>(r.organization);
  const contact = obj<{ address?: unknown; postcode?: unknown; phone?: unknown }>(r.contact);
  const sections = obj<{ overview?: unknown; problems?: unknown; other?: unknown }>(r.sections);
  return {
    format,
    year: typeof r.year === 'number' && Number.isInteger(r.year) ? r.year : 0,
    organization: { name: str(org.name), creditCode: str(org.creditCode) },
    contact: { address: str(contact.address), postcode: str(contact.postcode), phone: str(contact.phone) },
    sections: { overview: str(sections.overview), problems: str(sections.problems), other: str(sections.other) },
    article20: obj(r.article20),
    applications: obj(r.applications),
    reviews: obj(r.reviews),
  };
}

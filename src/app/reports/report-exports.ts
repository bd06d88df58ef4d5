// A report as a file (issue 5 "Exports and publication"): the HTML page in the official layout with
// its chart, DOCX, XLSX (one sheet per table) and PDF from the document adapters, the JSON of
// docs/annual-report.schema.json and Markdown in the seed report's pipe-table form.
import type { AppContext } from '../context.js';
import type { AnnualReport } from '../../domain/reports/annual-report.js';
import { renderReportHtml } from '../../domain/reports/render-html.js';
import { renderReportMarkdown } from '../../domain/reports/render-markdown.js';
import { historyChartSvg, outcomeChartSvg } from '../../domain/reports/charts.js';
import type { RenderableReport } from '../../domain/reports/render-text.js';
import type { ReportFormat } from '../../domain/reports/annual-report.js';
import { invalid } from '../errors.js';
import type { ReportDocumentRenderers } from './ports.js';

/** The export kinds, by file extension. */
export const REPORT_EXPORT_KINDS = ['html', 'docx', 'xlsx', 'pdf', 'json', 'md'] as const;
export type ReportExportKind = (typeof REPORT_EXPORT_KINDS)[number];

/** Media types of the kinds. */
export const REPORT_EXPORT_MIME: Record<ReportExportKind, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** Whether a string names an export kind. */
export function isReportExportKind(value: string): value is ReportExportKind {
  return (REPORT_EXPORT_KINDS as readonly string[]).includes(value);
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Extra inputs of an export: the organization's applications over the years (public-reports.ts `reportHistory`). */
export type ExportOptions = { history?: readonly { year: number; received: number; closed: number }[] };

/**
 * Renders a report as a file of one kind; the office documents come from `docs` (the adapters).
 * @throws AppError 'invalid' when `docs` is missing for DOCX, XLSX or PDF
 */
export async function renderReportFile(
  docs: ReportDocumentRenderers,
  report: AnnualReport,
  kind: ReportExportKind,
  opts: ExportOptions = {},
): Promise<Uint8Array> {
  const format = report.format;
  // The two charts of the issue: outcomes by row, and applications over the years when the
  // organization's history is given (published reports up to this one).
  const history = (opts.history ?? []).filter((h) => h.year <= report.year);
  const charts = (prefix: string) => [
    outcomeChartSvg(report, format, { idPrefix: `${prefix}-outcomes` }),
    ...(history.length > 0 ? [historyChartSvg(history, { idPrefix: `${prefix}-history` })] : []),
  ];
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
      if (!docs) throw invalid(`服务器未配置${kind.toUpperCase()}文档导出组件`);
      if (kind === 'xlsx') return docs.xlsx(report, format);
      // No chart in the DOCX: LibreOffice shows only the SVG's PNG fallback (a blank area), and every
      // charted number is in the tables (docs/decisions/0009).
      if (kind === 'docx') return docs.docx(report, format);
      return docs.pdf(report, format, { charts: charts('pdf') });
    }
  }
}

/**
 * Renders a report (any: a record's, a rollup, a published one) as a file of the given kind.
 * No personal data: the report model holds none.
 * @throws AppError 'invalid' when the office-document adapters are not wired (DOCX/XLSX/PDF)
 */
export async function exportReport(
  ctx: AppContext,
  report: AnnualReport,
  kind: ReportExportKind,
  opts: ExportOptions = {},
): Promise<{ bytes: Uint8Array; mime: string; extension: string }> {
  return {
    bytes: await renderReportFile(ctx.reportDocuments, report, kind, opts),
    mime: REPORT_EXPORT_MIME[kind],
    extension: kind,
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

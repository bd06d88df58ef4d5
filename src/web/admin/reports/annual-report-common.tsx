/** @jsxImportSource hono/jsx */
// Pieces shared by the annual report's back-office and portal pages (issue 5): state labels,
// the findings table, the official-layout tables taken from the domain renderer, download links
// and the Content-Disposition header of a Chinese file name (RFC 5987 / RFC 6266).
import { REPORT_EXPORT_KINDS, type ReportExportKind } from '../../../app/reports/report-exports.js';
import { raw } from 'hono/html';
import type { AnnualReport, ReportFormat } from '../../../domain/reports/annual-report.js';
import type { Finding } from '../../../domain/reports/finding.js';
import { renderReportBody } from '../../../domain/reports/render-html.js';
import { reportTitle } from '../../../domain/reports/render-text.js';
import { whereText } from './report-check-views.js';

/** Report states and the unit status `missing` (no report yet), in Chinese. */
export const REPORT_STATE_LABELS: Record<string, string> = {
  draft: '编制中（草稿）',
  submitted: '已报送上级',
  published: '已公开发布',
  missing: '尚未编制',
};

/** The export kinds of the use case, in the order offered, with their labels. */
export const EXPORT_KINDS = REPORT_EXPORT_KINDS;
export type ExportKind = ReportExportKind;
export const EXPORT_LABELS: Record<ExportKind, string> = {
  html: '网页（HTML）',
  docx: 'Word 文档（DOCX）',
  xlsx: 'Excel 表格（XLSX，每表一页）',
  pdf: 'PDF 文档',
  json: '数据（JSON）',
  md: '文本（Markdown）',
};
/** Whether a string is an export kind. */
export const isExportKind = (v: string): v is ExportKind => (EXPORT_KINDS as readonly string[]).includes(v);

/** A four-digit report year from the query or path (2008: the Regulation's first report year), or undefined. */
export function parseYear(v: string | undefined): number | undefined {
  if (!v || !/^\d{4}$/.test(v.trim())) return undefined;
  const year = Number(v.trim());
  return year >= 2008 && year <= 2100 ? year : undefined;
}

/**
 * Content-Disposition of a download: an ASCII fallback plus the UTF-8 name per RFC 5987 (`filename*`),
 * so browsers save `示例区人民政府2025年政府信息公开工作年度报告.docx` under its Chinese name.
 */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const clean = name.replace(/[\r\n"\\/]/g, '');
  const dot = clean.lastIndexOf('.');
  const ext = dot >= 0 ? clean.slice(dot) : '';
  const asciiBase = (dot >= 0 ? clean.slice(0, dot) : clean).replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');
  const ascii = `${asciiBase || 'annual-report'}${ext.replace(/[^\w.]/g, '')}`;
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The download's file name: the report's official title plus the extension. */
export const downloadName = (report: AnnualReport, extension: string): string =>
  `${reportTitle(report)}.${extension.replace(/^\./, '')}`;

/**
 * The report in the official layout as a fragment for a page (render-html.ts `renderReportBody`;
 * app.css styles `.annual-report`).
 * @param opts.demote shift headings one level down (h1 → h2 …) when the page has its own h1
 * @param opts.charts SVG charts (charts.ts) the renderer places after the section-三 table
 */
export function reportFragment(
  report: AnnualReport,
  format: ReportFormat,
  opts: { demote?: boolean; charts?: string[] } = {},
): string {
  return renderReportBody(report, format, { charts: opts.charts, titleLevel: opts.demote ? 2 : 1 });
}

/** The official-layout report inside a wrapper the stylesheet knows. */
export function ReportTables(p: { report: AnnualReport; format: ReportFormat; demote?: boolean; charts?: string[] }) {
  return (
    <div class="annual-report">{raw(reportFragment(p.report, p.format, { demote: p.demote, charts: p.charts }))}</div>
  );
}

/** Findings of the checks (SPEC §1.7, R1–R8): rule id, severity, message and the cell concerned. */
export function FindingsTable(p: { findings: readonly Finding[]; caption?: string }) {
  if (p.findings.length === 0) {
    return (
      <p class="flash" role="status">
        检查通过：未发现问题（规则 R1–R8）。
      </p>
    );
  }
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  return (
    <div class="table-wrap">
      <table class="report-findings">
        <caption>
          {p.caption ??
            `检查发现的问题：错误 ${errors} 项，提示 ${p.findings.length - errors} 项（有错误的报告不能报送或公开）`}
        </caption>
        <thead>
          <tr>
            <th scope="col">规则</th>
            <th scope="col">严重程度</th>
            <th scope="col">说明</th>
            <th scope="col">位置（单元格）</th>
          </tr>
        </thead>
        <tbody>
          {p.findings.map((f) => (
            <tr class={f.severity === 'error' ? 'finding-error' : 'finding-warning'}>
              <td>{f.rule}</td>
              <td>
                <strong>{f.severity === 'error' ? '错误' : '提示'}</strong>
              </td>
              <td>{f.message}</td>
              <td>{whereText(f) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Links to every export of a report; `href(kind)` builds each URL. */
export function ExportLinks(p: { href: (kind: ExportKind) => string; kinds?: readonly ExportKind[]; label?: string }) {
  return (
    <nav class="report-downloads" aria-label={p.label ?? '下载'}>
      <ul>
        {(p.kinds ?? EXPORT_KINDS).map((k) => (
          <li>
            <a href={p.href(k)}>{EXPORT_LABELS[k]}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

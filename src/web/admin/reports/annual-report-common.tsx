/** @jsxImportSource hono/jsx */
// Pieces shared by the annual report's back-office and portal pages: the findings table, the
// official-layout tables taken from the domain renderer, and the download links.
import { raw } from 'hono/html';
import type { AnnualReport, ReportFormat } from '../../../domain/reports/annual-report.js';
import type { Finding } from '../../../domain/reports/finding.js';
import { findingPlace } from '../../../domain/reports/labels.js';
import { renderReportBody, type HtmlBodyOptions } from '../../../domain/reports/render-html.js';
import { ruleLabel } from '../../../domain/reports/report-readiness.js';
import { DataTable } from '../../common/blocks.js';
import { REPORT_EXPORT_KINDS, REPORT_FILES, type ReportExportKind } from '../../../domain/reports/report-files.js';

/**
 * The report in the official layout (render-html.ts `renderReportBody`; app.css styles `.annual-report`).
 * @param p.demote shift headings one level down (h1 → h2 …) when the page has its own h1
 * @param p.charts SVG charts (charts.ts) the renderer places after the section-三 table
 * @param p.notes the 说明 after each computed table (the back office: figure-notes.ts)
 */
export function ReportTables(p: {
  report: AnnualReport;
  format: ReportFormat;
  demote?: boolean;
  charts?: string[];
  notes?: HtmlBodyOptions['notes'];
}) {
  const html = renderReportBody(p.report, p.format, {
    charts: p.charts,
    titleLevel: p.demote ? 2 : 1,
    ...(p.notes ? { notes: p.notes } : {}),
  });
  return <div class="annual-report">{raw(html)}</div>;
}

/**
 * Findings: rule, severity, message and where (the cell, or the place in a checked text with its words).
 * @param p.empty what to say when there is none (default: the report passed the checks R1–R8)
 */
export function FindingsTable(p: { findings: readonly Finding[]; caption?: string; empty?: string }) {
  if (p.findings.length === 0) {
    return (
      <p class="flash" role="status">
        {p.empty ?? '检查通过：未发现问题（规则 R1–R8）。'}
      </p>
    );
  }
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  const caption =
    p.caption ??
    `检查发现的问题：错误 ${errors} 项，提示 ${p.findings.length - errors} 项（有错误的报告不能报送或公开）`;
  return (
    <DataTable class="report-findings" caption={caption} cols={['规则', '严重程度', '说明', '位置']}>
      {p.findings.map((f) => (
        <tr class={f.severity === 'error' ? 'finding-error' : 'finding-warning'}>
          <td>{ruleLabel(f.rule)}</td>
          <td class={f.severity === 'error' ? 'error' : 'warn'}>{f.severity === 'error' ? '错误' : '提示'}</td>
          <td>{f.message}</td>
          <td>
            {findingPlace(f.where) || '—'}
            {f.where.excerpt ? (
              <>
                <br />
                原文：“{f.where.excerpt}”
              </>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Links to the files of a report; `href(kind)` builds each URL. */
export function ExportLinks(p: {
  href: (kind: ReportExportKind) => string;
  kinds?: readonly ReportExportKind[];
  label: string;
}) {
  return (
    <nav class="report-downloads" aria-label={p.label}>
      <ul>
        {(p.kinds ?? REPORT_EXPORT_KINDS).map((k) => (
          <li>
            <a href={p.href(k)} type={k === 'json' ? 'application/json' : undefined}>
              {REPORT_FILES[k].label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Readable Chinese output of `report check`: one block per report, folder totals, and the HTML summary page.
import { escapeHtml } from '../../domain/core/text.js';
import type { CheckedReport } from '../../domain/report-check/check-text.js';
import { explainLines } from '../../domain/report-check/explain.js';
import type { Finding } from '../../domain/reports/finding.js';

export interface CheckTotals {
  files: number;
  complete: number;
  withErrors: number;
  withSpam: number;
}

const hasErrors = (r: CheckedReport): boolean => r.findings.some((f) => f.severity === 'error');

/** Counts for the folder summary. */
export function totalsOf(reports: CheckedReport[]): CheckTotals {
  return {
    files: reports.length,
    complete: reports.filter((r) => r.complete).length,
    withErrors: reports.filter(hasErrors).length,
    withSpam: reports.filter((r) => r.tampered).length,
  };
}

function figureLine(r: CheckedReport): string | null {
  const a = r.applications;
  const parts: string[] = [];
  const add = (label: string, v: number | null | undefined) => v !== undefined && parts.push(`${label}${v ?? '空'}`);
  add('本年新收 ', a.new?.total);
  add('上年结转 ', a.carried_over?.total);
  add('办理总计 ', a.total?.total);
  add('结转下年度 ', a.carried_forward?.total);
  add('行政复议 ', r.reviews.reconsideration?.total);
  return parts.length > 0 ? parts.join('，') : null;
}

function whereText(f: Finding): string {
  const w = f.where;
  const bits = [w.section, w.row, w.column].filter(Boolean).join(' / ');
  const previous = w.previousFile !== undefined ? `上一年度报告 ${w.previousFile}` : '';
  return [bits, w.offset !== undefined ? `位置 ${w.offset}` : '', previous].filter(Boolean).join('，');
}

/** The readable block for one report; with `explain`, where each figure came from. */
export function formatReport(r: CheckedReport, explain = false): string {
  const lines = [`文件：${r.file ?? '（未命名）'}`];
  lines.push(`  发布机关：${r.organization.name ?? '未识别'}　年度：${r.year ?? '未识别'}`);
  const fmt = r.format ? `${r.format}年版` : '未识别';
  lines.push(`  表格格式：${fmt}　按年度应为：${r.expectedFormat ? `${r.expectedFormat}年版` : '未知'}`);
  lines.push(`  完整：${r.complete ? '是' : '否'}　篡改（植入广告）：${r.tampered ? '是' : '否'}`);
  const figures = figureLine(r);
  if (figures) lines.push(`  主要数字：${figures}`);
  if (r.findings.length === 0) lines.push('  未发现问题。');
  else {
    lines.push(`  发现 ${r.findings.length} 项问题：`);
    for (const f of r.findings) {
      const where = whereText(f);
      lines.push(
        `    [${f.severity === 'error' ? '错误' : '提示'}] ${f.rule} ${f.message}${where ? `（${where}）` : ''}`,
      );
    }
  }
  const explained = explain ? explainLines(r) : [];
  if (explain) lines.push(explained.length > 0 ? '  数字来源：' : '  数字来源：未读到表格数字。');
  for (const line of explained) lines.push(`    ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** The folder totals line. */
export function formatTotals(t: CheckTotals): string {
  return `共读取 ${t.files} 份报告：完整 ${t.complete} 份，有错误 ${t.withErrors} 份，含植入广告 ${t.withSpam} 份。\n`;
}

function row(r: CheckedReport): string {
  const errors = r.findings.filter((f) => f.severity === 'error');
  const warnings = r.findings.length - errors.length;
  const first = errors[0] ?? r.findings[0];
  const cells = [
    r.file ?? '',
    r.organization.name ?? '',
    r.year === null ? '' : String(r.year),
    r.format ?? '',
    r.expectedFormat ?? '',
    r.complete ? '是' : '否',
    r.tampered ? '是' : '否',
    String(errors.length),
    String(warnings),
    first ? `${first.rule}：${first.message}` : '',
  ];
  const cls = r.tampered ? ' class="spam"' : errors.length > 0 ? ' class="error"' : '';
  return `<tr${cls}>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
}

/** The summary page: totals and one row per report. */
export function summaryHtml(reports: CheckedReport[], t: CheckTotals, target: string): string {
  const head = ['文件', '发布机关', '年度', '表格格式', '应用格式', '完整', '篡改', '错误', '提示', '主要问题'];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报体检汇总 — ${escapeHtml(target)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}tr.error{background:#fff4e5}tr.spam{background:#fde2e2}</style>
</head><body>
<h1>年报体检汇总</h1>
<p>${escapeHtml(formatTotals(t).trim())}</p>
<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${reports.map(row).join('\n')}
</tbody></table>
</body></html>
`;
}

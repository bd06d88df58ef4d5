// Readable Chinese output of `report check`: one block per report and the folder totals (the batch audit's page
// and workbook: report-check-summary.ts).
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

// The batch audit of `report check` (docs/report-check.md, "Batch audit"): `--summary out.html`, a standalone page
// (no script, every value escaped) with the reports ranked by findings, a chart of the findings, and the main
// figures side by side; `--summary-xlsx out.xlsx`, the same as a workbook (written by the document adapter the
// composition root gives). Both are built from the pure model of src/domain/report-check/summary.ts.
import { writeFile } from 'node:fs/promises';
import { escapeHtml } from '../../domain/core/text.js';
import type { CheckedReport } from '../../domain/report-check/check-text.js';
import {
  SUMMARY_STATUS_LABELS,
  buildReportSummary,
  findingLine,
  type ReportSummary,
  type SummaryCell,
  type SummaryReport,
} from '../../domain/report-check/summary.js';
import type { ReportSummaryXlsx } from '../../app/reports/ports.js';

/** Where `report check` writes its batch audit. */
export interface SummaryTargets {
  /** `--summary`: the HTML page. */
  summary?: string;
  /** `--summary-xlsx`: the workbook. */
  summaryXlsx?: string;
}

const yesNo = (b: boolean): string => (b ? '是' : '否');

const STYLE = [
  'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}',
  'table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:3px 6px;vertical-align:top}',
  'th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}',
  'tr.error td:first-child{border-left:4px solid #c62828}tr.warning td:first-child{border-left:4px solid #ef8f00}',
  'tr.spam{background:#fde2e2}td.missing{color:#888;background:#f4f4f4}td.inferred{background:#fff4c2}',
  'td.blank{color:#777}.legend span{display:inline-block;padding:0 .5em;margin-right:1em;border:1px solid #999}',
  '.legend .inferred{background:#fff4c2}.legend .missing{background:#f4f4f4}figure{margin:1em 0}',
].join('\n');

/** A figure cell of the data table: the number, or 空 / —, with its status as class and title. */
function figureCell(cell: SummaryCell): string {
  const title =
    cell.status === 'inferred' && cell.confidence !== undefined
      ? `${SUMMARY_STATUS_LABELS.inferred}（置信度 ${Math.round(cell.confidence * 100)}%）`
      : SUMMARY_STATUS_LABELS[cell.status];
  const text =
    cell.status === 'missing'
      ? '—'
      : cell.value === null
        ? '空'
        : `${cell.value}${cell.status === 'inferred' ? '*' : ''}`;
  return `<td class="n ${cell.status}" title="${escapeHtml(title)}">${escapeHtml(text)}</td>`;
}

const rowClass = (r: SummaryReport): string =>
  r.tampered ? ' class="spam"' : r.errors > 0 ? ' class="error"' : r.warnings > 0 ? ' class="warning"' : '';

const nameOf = (r: SummaryReport): string => r.organization ?? r.file;

function rankingTable(summary: ReportSummary): string {
  const head = ['名次', '发布机关', '文件', '年度', '表格格式', '应为格式', '完整', '篡改', '错误', '提示', '主要问题'];
  const rows = summary.reports.map((r) => {
    const problem = r.mainProblem ? findingLine(r.mainProblem) : '未发现问题';
    const cells = [
      String(r.rank),
      r.organization ?? '未识别',
      r.file,
      r.year === null ? '未识别' : String(r.year),
      r.format ? `${r.format}年版` : '未识别',
      r.expectedFormat ? `${r.expectedFormat}年版` : '未知',
      yesNo(r.complete),
      yesNo(r.tampered),
      String(r.errors),
      String(r.warnings),
      problem,
    ];
    return `<tr${rowClass(r)}>${cells.map((c, i) => `<td${[0, 8, 9].includes(i) ? ' class="n"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  return `<table id="ranking"><caption>按问题排序（错误在前，其次提示）</caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

function dataTable(summary: ReportSummary): string {
  const groups: { name: string; span: number }[] = [];
  for (const c of summary.columns) {
    const last = groups[groups.length - 1];
    if (last && last.name === c.group) last.span++;
    else groups.push({ name: c.group, span: 1 });
  }
  const first = `<tr><th scope="col" rowspan="2">名次</th><th scope="col" rowspan="2">发布机关</th><th scope="col" rowspan="2">年度</th>${groups
    .map((g) => `<th scope="colgroup" colspan="${g.span}">${escapeHtml(g.name)}</th>`)
    .join('')}</tr>`;
  const second = `<tr>${summary.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr>`;
  const rows = summary.reports.map(
    (r) =>
      `<tr${rowClass(r)}><td class="n">${r.rank}</td><th scope="row" title="${escapeHtml(r.file)}">${escapeHtml(nameOf(r))}</th>` +
      `<td class="n">${r.year ?? ''}</td>${r.cells.map(figureCell).join('')}</tr>`,
  );
  return `<table id="figures"><caption>主要数字对比（单位：件；*为推断，—为未读到，空为表中空白）</caption>
<thead>
${first}
${second}
</thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** Bars of errors and warnings per report, in rank order (at most 40 reports), as inline SVG. */
export function findingsChart(summary: ReportSummary): string {
  const shown = summary.reports.slice(0, 40);
  if (shown.length === 0) return '';
  const max = Math.max(1, ...shown.map((r) => r.errors + r.warnings));
  const labelWidth = 220;
  const barWidth = 420;
  const rowHeight = 22;
  const height = shown.length * rowHeight + 30;
  const scale = (n: number) => Math.round((n / max) * barWidth);
  const bars = shown.map((r, i) => {
    const y = 24 + i * rowHeight;
    const label = nameOf(r).length > 16 ? `${nameOf(r).slice(0, 15)}…` : nameOf(r);
    const errorWidth = scale(r.errors);
    const warningWidth = scale(r.warnings);
    return [
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end" font-size="12">${escapeHtml(label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${errorWidth}" height="15" fill="#c62828"><title>${escapeHtml(`${nameOf(r)}：错误 ${r.errors} 项`)}</title></rect>`,
      `<rect x="${labelWidth + errorWidth}" y="${y + 3}" width="${warningWidth}" height="15" fill="#ef8f00"><title>${escapeHtml(`${nameOf(r)}：提示 ${r.warnings} 项`)}</title></rect>`,
      `<text x="${labelWidth + errorWidth + warningWidth + 4}" y="${y + 14}" font-size="12">${r.errors}/${r.warnings}</text>`,
    ].join('');
  });
  const width = labelWidth + barWidth + 60;
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<title id="chart-title">各报告发现的问题数（红：错误，橙：提示）</title>
<text x="0" y="14" font-size="13">各报告发现的问题数（红：错误，橙：提示；按名次，最多 40 份）</text>
${bars.join('\n')}
</svg></figure>`;
}

/** The batch audit as a standalone page: totals, the ranking, a chart of the findings, the figures side by side. */
export function summaryHtml(summary: ReportSummary): string {
  const t = summary.totals;
  const share = t.figuresSought === 0 ? 0 : Math.round((t.figuresRead / t.figuresSought) * 1000) / 10;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报体检汇总 — ${escapeHtml(summary.target)}</title>
<style>
${STYLE}
</style>
</head><body>
<h1>年报体检汇总</h1>
<p>检查对象：${escapeHtml(summary.target)}</p>
<p>共读取 ${t.reports} 份报告：完整 ${t.complete} 份，有错误 ${t.withErrors} 份，仅有提示 ${t.withWarningsOnly} 份，含植入广告 ${t.tampered} 份。主要数字读到 ${t.figuresRead} / ${t.figuresSought} 个（${share}%），其中推断 ${t.inferred} 个。</p>
<h2>问题排名</h2>
${findingsChart(summary)}
${rankingTable(summary)}
<h2>主要数字对比</h2>
<p class="legend">图例：<span class="inferred">123* 推断（由表内勾稽关系确定）</span><span class="missing">— 未读到</span><span>空 表中为空白（按0计）</span></p>
${dataTable(summary)}
</body></html>
`;
}

/**
 * Writes the batch audit where asked; a file that cannot be written gets a Chinese line on standard error and
 * never changes the exit status.
 */
export async function writeSummaries(
  reports: readonly CheckedReport[],
  target: string,
  to: SummaryTargets,
  io: { stderr: (text: string) => void; summaryXlsx?: ReportSummaryXlsx },
): Promise<void> {
  if (!to.summary && !to.summaryXlsx) return;
  const summary = buildReportSummary(reports, target);
  const write = async (path: string, what: string, bytes: () => Promise<string | Uint8Array>) => {
    try {
      await writeFile(path, await bytes());
    } catch (e) {
      io.stderr(`无法写入${what} ${path}：${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
  if (to.summary) await write(to.summary, '汇总页面', async () => summaryHtml(summary));
  if (to.summaryXlsx) {
    const xlsx = io.summaryXlsx;
    await write(to.summaryXlsx, '汇总工作簿', async () => {
      if (!xlsx) throw new Error('未配置工作簿写入');
      return xlsx(summary);
    });
  }
}

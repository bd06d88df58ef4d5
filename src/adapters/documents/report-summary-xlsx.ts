// The batch audit of `report check --summary-xlsx` (docs/report-check.md, "Batch audit") as an XLSX workbook with
// exceljs: 排名 (the reports ranked by findings, errors first), 数据 (the main figures side by side, numbers as
// numbers; an inferred figure is shaded and noted with its confidence, a figure not read is an empty grey cell
// noted 未读到, a blank table cell an empty cell noted 表中为空), 问题 (every finding) and 说明 (the legend).
import type ExcelJS from 'exceljs';
import {
  SUMMARY_STATUS_LABELS,
  findingLine,
  type ReportSummary,
  type SummaryCell,
} from '../../domain/report-check/summary.js';
import { findingPlace } from '../../domain/reports/labels.js';
import { THIN_BORDER, newWorkbook } from './xlsx.js';

/** Sheet names (Excel allows 31 characters). */
export const SUMMARY_SHEETS = { ranking: '排名', figures: '数据', findings: '问题', legend: '说明' } as const;

const FONT = '宋体';
const INFERRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4C2' } };
const MISSING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Header row: bold, shaded, bordered, frozen. */
export function header(ws: ExcelJS.Worksheet, row: number): void {
  ws.getRow(row).eachCell((cell) => {
    cell.font = { name: FONT, bold: true };
    cell.fill = HEAD_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/** Borders and the font on every written cell below the header. */
export function body(ws: ExcelJS.Worksheet, from: number): void {
  ws.eachRow((row, n) => {
    if (n < from) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN_BORDER;
      cell.font = { name: FONT };
    });
  });
}

/** A sheet of one header row (frozen) and rows below: its columns' headers and widths. */
export function listSheet(wb: ExcelJS.Workbook, name: string, columns: [string, number][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  return ws;
}

function rankingSheet(wb: ExcelJS.Workbook, summary: ReportSummary): void {
  const ws = listSheet(wb, SUMMARY_SHEETS.ranking, [
    ['名次', 6],
    ['发布机关', 28],
    ['文件', 28],
    ['年度', 7],
    ['表格格式', 9],
    ['应为格式', 9],
    ['完整', 6],
    ['篡改', 6],
    ['错误', 6],
    ['提示', 6],
    ['主要问题', 60],
  ]);
  for (const r of summary.reports) {
    ws.addRow([
      r.rank,
      r.organization ?? '未识别',
      r.file,
      r.year,
      r.format ? `${r.format}年版` : '未识别',
      r.expectedFormat ? `${r.expectedFormat}年版` : '未知',
      r.complete ? '是' : '否',
      r.tampered ? '是' : '否',
      r.errors,
      r.warnings,
      r.mainProblem ? findingLine(r.mainProblem) : '未发现问题',
    ]);
  }
  header(ws, 1);
  body(ws, 2);
}

/** A figure cell: the number, or empty with a note saying why. */
function figure(cell: ExcelJS.Cell, value: SummaryCell): void {
  cell.value = value.value;
  if (value.status === 'inferred') {
    cell.fill = INFERRED_FILL;
    const confidence = value.confidence === undefined ? '' : `，置信度 ${Math.round(value.confidence * 100)}%`;
    cell.note = `${SUMMARY_STATUS_LABELS.inferred}（由表内勾稽关系确定${confidence}）`;
  } else if (value.status === 'missing') {
    cell.fill = MISSING_FILL;
    cell.note = SUMMARY_STATUS_LABELS.missing;
  } else if (value.status === 'blank') {
    cell.note = `${SUMMARY_STATUS_LABELS.blank}（按0计）`;
  }
}

function figuresSheet(wb: ExcelJS.Workbook, summary: ReportSummary): void {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.figures, { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  const fixed = ['名次', '发布机关', '年度'];
  ws.addRow([...fixed, ...summary.columns.map((c) => c.group)]);
  ws.addRow([...fixed, ...summary.columns.map((c) => c.label)]);
  // Merge the fixed headers down and each group's header across its columns.
  fixed.forEach((_, i) => ws.mergeCells(1, i + 1, 2, i + 1));
  let start = 0;
  summary.columns.forEach((c, i) => {
    const next = summary.columns[i + 1];
    if (next?.group === c.group) return;
    if (i > start) ws.mergeCells(1, fixed.length + start + 1, 1, fixed.length + i + 1);
    start = i + 1;
  });
  for (const r of summary.reports) {
    const row = ws.addRow([r.rank, r.organization ?? r.file, r.year]);
    r.cells.forEach((value, i) => figure(row.getCell(fixed.length + i + 1), value));
  }
  header(ws, 1);
  header(ws, 2);
  body(ws, 3);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 7;
  for (let i = 0; i < summary.columns.length; i++) ws.getColumn(fixed.length + i + 1).width = 11;
}

function findingsSheet(wb: ExcelJS.Workbook, summary: ReportSummary): void {
  const ws = listSheet(wb, SUMMARY_SHEETS.findings, [
    ['名次', 6],
    ['发布机关', 28],
    ['文件', 28],
    ['规则', 9],
    ['级别', 6],
    ['说明', 70],
    ['位置', 30],
  ]);
  for (const r of summary.reports) {
    for (const f of r.findings) {
      ws.addRow([
        r.rank,
        r.organization ?? '未识别',
        r.file,
        f.rule,
        f.severity === 'error' ? '错误' : '提示',
        f.message,
        findingPlace(f.where),
      ]);
    }
  }
  header(ws, 1);
  body(ws, 2);
}

function legendSheet(wb: ExcelJS.Workbook, summary: ReportSummary): void {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.legend);
  const t = summary.totals;
  const lines = [
    ['年报体检汇总', summary.target],
    ['报告份数', t.reports],
    ['完整', t.complete],
    ['有错误', t.withErrors],
    ['仅有提示', t.withWarningsOnly],
    ['含植入广告', t.tampered],
    ['主要数字读到', `${t.figuresRead} / ${t.figuresSought}`],
    ['其中推断', t.inferred],
    ['数据表中的底色', '黄色：推断（由表内勾稽关系确定，批注中有置信度）；灰色：未读到；空白无底色：表中为空（按0计）'],
  ];
  for (const line of lines) ws.addRow(line);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 80;
  body(ws, 1);
}

/**
 * Writes the batch audit as an XLSX workbook: sheets 排名, 数据, 问题, 说明.
 * @returns the .xlsx bytes
 */
export async function renderReportSummaryXlsx(summary: ReportSummary): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.title = '年报体检汇总';
  rankingSheet(wb, summary);
  figuresSheet(wb, summary);
  findingsSheet(wb, summary);
  legendSheet(wb, summary);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

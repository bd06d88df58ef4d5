// The result table of an assessment (考核结果) as an XLSX workbook with exceljs: 考核结果 (one row a unit: rank,
// unit, credit code, each indicator's value and score, total, grade; an adjusted score is shaded and noted with
// its reason), 计分规则 (each indicator's points and formula in words) and 人工调整 (every adjustment with its
// reason, who made it and when).
import type ExcelJS from 'exceljs';
import type { ResultDocument } from '../../app/assessment/export.js';
import { adjustmentText, adjustmentsOf, scoreText, valueText } from '../../app/assessment/export-text.js';
import { newWorkbook } from './xlsx.js';
import { body, header, listSheet } from './report-summary-xlsx.js';

/** Sheet names (Excel allows 31 characters). */
export const RESULT_SHEETS = { result: '考核结果', rules: '计分规则', adjustments: '人工调整' } as const;

const FONT = '宋体';
const ADJUSTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4C2' } };

function resultSheet(wb: ExcelJS.Workbook, doc: ResultDocument): void {
  const { table } = doc;
  const inds = table.def.indicators;
  const ws = wb.addWorksheet(RESULT_SHEETS.result, { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  const width = 5 + inds.length * 2;
  ws.addRow([doc.title]);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { name: FONT, bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow([
    `考核方案：${table.scheme.name}　${doc.published ? '已发布（结果已冻结）' : '试算结果（未发布）'}　计算时间：${table.computedAt}`,
  ]);
  ws.mergeCells(2, 1, 2, width);
  const head = ['名次', '单位', '统一社会信用代码'];
  for (const i of inds) head.push(`${i.name}（数值）`, `${i.name}（得分，满分${scoreText(i.max)}）`);
  head.push('总分', '等级');
  ws.addRow(head);
  header(ws, 3);
  for (const r of table.rows) {
    const cells: (string | number)[] = [r.rank, r.org, r.creditCode];
    for (const i of inds) cells.push(valueText(i, r.items[i.id]), r.items[i.id]?.score ?? 0);
    cells.push(r.total, r.grade);
    const row = ws.addRow(cells);
    inds.forEach((i, k) => {
      const adj = adjustmentsOf(r, i.id);
      if (adj.length === 0) return;
      const cell = row.getCell(5 + k * 2);
      cell.note = adj.map(adjustmentText).join('；');
    });
    const totalAdj = adjustmentsOf(r, null);
    if (totalAdj.length > 0) row.getCell(4 + inds.length * 2).note = totalAdj.map(adjustmentText).join('；');
  }
  body(ws, 4);
  // The shading of adjusted cells goes on after the borders and fonts (body() sets those only).
  ws.eachRow((row, n) => {
    if (n < 4) return;
    row.eachCell((cell) => {
      if (cell.note) cell.fill = ADJUSTED_FILL;
    });
  });
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 21;
  for (let c = 4; c <= width; c++) ws.getColumn(c).width = 11;
}

function rulesSheet(wb: ExcelJS.Workbook, doc: ResultDocument): void {
  const ws = listSheet(wb, RESULT_SHEETS.rules, [
    ['指标编号', 26],
    ['指标名称', 20],
    ['分值', 8],
    ['计分规则', 80],
  ]);
  header(ws, 1);
  for (const i of doc.table.def.indicators) ws.addRow([i.id, i.name, i.max, i.formula]);
  const noData = doc.table.def.noData === 'full' ? '指标无数据的不扣分（计满分）' : '指标无数据的计零分';
  ws.addRow(['无数据', '', '', noData]);
  for (const g of doc.table.def.grades) ws.addRow(['等级', g.grade, g.min, `总分不低于${scoreText(g.min)}分`]);
  body(ws, 2);
}

function adjustmentsSheet(wb: ExcelJS.Workbook, doc: ResultDocument): void {
  const ws = listSheet(wb, RESULT_SHEETS.adjustments, [
    ['单位', 24],
    ['调整项目', 20],
    ['调整分值', 10],
    ['理由', 50],
    ['调整人', 12],
    ['时间', 20],
  ]);
  header(ws, 1);
  const names = new Map(doc.table.def.indicators.map((i) => [i.id, i.name]));
  for (const r of doc.table.rows) {
    for (const a of r.adjustments) {
      const what = a.indicatorId === null ? '总分' : (names.get(a.indicatorId) ?? a.indicatorId);
      ws.addRow([r.org, what, a.points, a.reason, a.actorLabel, a.createdAt]);
    }
  }
  body(ws, 2);
}

/**
 * Writes the result table as an XLSX workbook: sheets 考核结果, 计分规则, 人工调整.
 * @returns the .xlsx bytes
 */
export async function renderAssessmentXlsx(doc: ResultDocument): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.title = doc.title;
  resultSheet(wb, doc);
  rulesSheet(wb, doc);
  adjustmentsSheet(wb, doc);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

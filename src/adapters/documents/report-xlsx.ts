// Writes an annual report as an XLSX workbook with exceljs (loaded on first use, xlsx.ts): a first sheet 报告信息
// (organization, year, format), then one worksheet per official table — the section-二 tables
// named by their item (第二十条第（一）项 …), 申请情况 (section 三) and
// 复议诉讼 (section 四) — with the header cells merged as in the official tables, figures
// as numbers (a blank cell for null), borders, column widths, frozen header rows and A4 print setup.
import type ExcelJS from 'exceljs';
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import { reportTitle } from '../../domain/reports/render-text.js';
import { applicationsGrid, article20Grids, placeCells, reviewsGrid, type Grid } from './report-grid.js';
import { THIN_BORDER as BORDER, newWorkbook } from './xlsx.js';

/** The two formats by their issuing documents. */
const FORMAT_NAMES: Record<ReportFormat, string> = {
  '2021': '2021年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
};

/** Sheet names of the section-三 and section-四 tables (short: Excel allows 31 characters). */
export const REPORT_SHEETS = { info: '报告信息', applications: '申请情况', reviews: '复议诉讼' } as const;

const FONT = '宋体';

/**
 * Renders an annual report as an XLSX workbook in the tables of `format`.
 * @param report the report
 * @param format the format whose tables to write
 * @returns the .xlsx bytes
 */
export async function renderReportXlsx(report: AnnualReport, format: ReportFormat): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.title = reportTitle(report);
  infoSheet(wb, report, format);
  for (const grid of article20Grids(report, format)) gridSheet(wb, grid.caption, grid, 'portrait');
  gridSheet(wb, REPORT_SHEETS.applications, applicationsGrid(report, format), 'portrait');
  gridSheet(wb, REPORT_SHEETS.reviews, reviewsGrid(report), 'landscape');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function infoSheet(wb: ExcelJS.Workbook, report: AnnualReport, format: ReportFormat): void {
  const ws = wb.addWorksheet(REPORT_SHEETS.info, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // Any report JSON renders, including the checker's, whose year may be unknown (null).
  const year = typeof report.year === 'number' ? report.year : null;
  const rows: [string, string | number | null][] = [
    ['报告名称', reportTitle(report)],
    ['机关名称', report.organization?.name ?? null],
    ['统一社会信用代码', report.organization?.creditCode ?? null],
    ['报告年度', year],
    ['报告格式', FORMAT_NAMES[format]],
    ['统计期限', year === null ? null : `${year}年1月1日至${year}年12月31日`],
    ['通讯地址', report.contact?.address ?? null],
    ['邮政编码', report.contact?.postcode ?? null],
    ['联系电话', report.contact?.phone ?? null],
  ];
  rows.forEach(([key, value], i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = key;
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(2).value = value;
    row.getCell(2).font = { name: FONT };
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
    for (const c of [1, 2]) row.getCell(c).border = BORDER;
  });
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 64;
}

/** One table: a merged caption row, then the grid's cells with their merges. */
function gridSheet(wb: ExcelJS.Workbook, name: string, grid: Grid, orientation: 'portrait' | 'landscape'): void {
  const top = 2; // row 1 holds the caption
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: top - 1 + grid.headerRows }],
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${top}:${top - 1 + grid.headerRows}`,
    },
  });
  const caption = ws.getCell(1, 1);
  caption.value = grid.caption;
  caption.font = { name: FONT, bold: true, size: 12 };
  caption.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, grid.columns);

  // Widths in characters: the grid's relative widths scaled to about 100 characters of A4 width.
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const widths = grid.widths.map((w) => Math.max(6, Math.round((w / sum) * (orientation === 'landscape' ? 140 : 100))));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  for (let r = 0; r < grid.rows.length; r++) {
    for (let c = 0; c < grid.columns; c++) ws.getCell(top + r, c + 1).border = BORDER;
  }
  const lines = grid.rows.map(() => 1);
  for (const { row, col, cell } of placeCells(grid)) {
    const target = ws.getCell(top + row, col + 1);
    if (cell.kind === 'num') {
      target.value = cell.value ?? null;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    } else {
      target.value = cell.text;
    }
    const centred = cell.kind !== 'label' || (cell.rowSpan ?? 1) > 1;
    target.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: true };
    target.font = { name: FONT, bold: cell.kind === 'head' };
    const rows = cell.rowSpan ?? 1;
    const cols = cell.colSpan ?? 1;
    if (rows > 1 || cols > 1) ws.mergeCells(top + row, col + 1, top + row + rows - 1, col + cols);
    // Spreadsheets do not grow a row for wrapped text on opening: size it from the text (a cell
    // spanning rows shares their height).
    if (rows === 1) {
      const width = widths.slice(col, col + cols).reduce((a, b) => a + b, 0);
      lines[row] = Math.max(lines[row]!, Math.ceil(textWidth(cell.text) / Math.max(1, width - 1)));
    }
  }
  lines.forEach((n, r) => (ws.getRow(top + r).height = n * 14 + 3));
}

/** Width of a text in column-width units: a CJK character takes about two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1.1;
  return w;
}

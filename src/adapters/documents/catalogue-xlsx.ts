// XLSX reading and writing of catalogue workbooks with exceljs (loaded on first use, xlsx.ts). The layout and
// its meaning live in src/domain/standard-catalogue/sheet*.ts; this file only moves text in and out of cells.
import type ExcelJS from 'exceljs';
import type { CatalogueSheetIO } from '../../app/standard-catalogue/ports.js';
import type { SheetCells, SheetGrid } from '../../domain/standard-catalogue/sheet.js';
import { type DocumentLimits, documentLimits, refuse } from './document-limits.js';
import { THIN_BORDER, checkWorkbookBudget, newWorkbook } from './xlsx.js';

/** Rows above which the header ends in the domain's export layout (title + two header rows). */
const HEADER_ROWS = 3;
/** Cells of one sheet (rows × columns, as exceljs counts them) read at most: a catalogue has a dozen columns. */
const MAX_COLUMNS = 200;

/** The exceljs implementation of the catalogue spreadsheet port. */
export const catalogueSheetIO: CatalogueSheetIO = { read: (bytes) => readWorkbook(bytes), write: writeWorkbook };

/**
 * Reads every worksheet as text; each merged range's text fills all its cells. The workbook's ZIP budget and
 * row counts are checked before exceljs loads it (xlsx.ts); untrusted workbooks are read through the parsing
 * process (document-sandbox.ts).
 * @param bytes the XLSX file
 * @throws DocumentRefused past a limit; Error when the bytes are not an XLSX workbook
 */
export async function readWorkbook(bytes: Uint8Array, limits: DocumentLimits = documentLimits()): Promise<SheetCells> {
  await checkWorkbookBudget(bytes, limits);
  const wb = await newWorkbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    if (ws.rowCount > limits.maxRows) throw refuse.rows(ws.name, limits);
    if (ws.columnCount > MAX_COLUMNS) throw refuse.columns(ws.name, MAX_COLUMNS);
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        cells.push(cellText(cell.isMerged ? cell.master : cell));
      }
      rows.push(cells);
    }
    sheets.push({ name: ws.name, rows, merges: [] });
  });
  return { sheets };
}

/**
 * Writes the sheets with their merges, bold wrapped headers, thin borders and frozen header rows.
 * @param sheets the laid-out sheets (text in each merged range's top-left cell)
 * @returns the XLSX bytes
 */
export async function writeWorkbook(sheets: readonly SheetGrid[]): Promise<Uint8Array> {
  const wb = await newWorkbook();
  const used = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(uniqueName(sheet.name, used), {
      views: [{ state: 'frozen', ySplit: sheet.merges.length > 0 ? HEADER_ROWS : 1 }],
    });
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((text, c) => {
        const cell = row.getCell(c + 1);
        cell.value = text === '' ? null : text;
        cell.alignment = { wrapText: true, vertical: 'middle', horizontal: text.length <= 2 ? 'center' : 'left' };
        cell.border = THIN_BORDER;
        if (r < (sheet.merges.length > 0 ? HEADER_ROWS : 1)) cell.font = { bold: true };
      });
    });
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    const width = Math.max(0, ...sheet.rows.map((r) => r.length));
    for (let i = 0; i < width; i++) {
      ws.getColumn(i + 1).width =
        i === 0 ? 6 : Math.min(40, Math.max(8, ...sheet.rows.slice(1).map((r) => longestLine(r[i] ?? '') * 2)));
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return cell.text ?? '';
}

function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((l) => l.length));
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) candidate = `${name.slice(0, 28)}(${i})`;
  used.add(candidate);
  return candidate;
}

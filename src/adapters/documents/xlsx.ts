// exceljs, loaded on the first workbook rather than when the server starts (it takes a few hundred
// milliseconds and about 20 MB to load), and the cell border the workbooks share.
import type ExcelJS from 'exceljs';
import { type DocumentLimits, refuse } from './document-limits.js';
import { checkZipDirectory, verifyZipEntries } from './zip-budget.js';

/** A new, empty workbook made by gongkai. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import('exceljs');
  const wb = new exceljs.Workbook();
  wb.creator = 'gongkai';
  return wb;
}

/** A thin border on all four sides. */
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** A row element, namespace prefix or not. */
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
/** Longer than any match of {@link ROW} that can straddle two chunks. */
const TAIL = 64;

/**
 * Checks an uploaded workbook before exceljs loads it whole: its ZIP budget (zip-budget.ts) and, counted
 * while inflating each worksheet as a stream, its rows — a sheet of millions of rows is refused at the row
 * past the limit, without building it.
 * @throws DocumentRefused
 */
export async function checkWorkbookBudget(bytes: Uint8Array, limits: DocumentLimits): Promise<void> {
  const records = checkZipDirectory(bytes, limits);
  if (!records) return;
  const counts = new Map<string, { rows: number; tail: string }>();
  await verifyZipEntries(bytes, records, {
    select: (name) => WORKSHEET.test(name),
    chunk: (name, text) => {
      const seen = counts.get(name) ?? { rows: 0, tail: '' };
      const joined = seen.tail + text;
      for (const m of joined.matchAll(ROW)) if (m.index + m[0].length > seen.tail.length) seen.rows++;
      seen.tail = joined.slice(-TAIL);
      counts.set(name, seen);
      if (seen.rows > limits.maxRows) throw refuse.rows(name.replace(/^xl\/worksheets\//, ''), limits);
    },
  });
}

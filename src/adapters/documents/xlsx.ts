// exceljs, loaded on the first workbook rather than when the server starts (it takes a few hundred
// milliseconds and about 20 MB to load), and the cell border the workbooks share.
import type ExcelJS from 'exceljs';

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

// The 政府网站工作年度报表 (国办函〔2018〕12号) as an XLSX workbook with exceljs: one sheet 年度报表 with the title,
// then a row per field (分组, 指标, 单位, 数值, 来源) — counts as numbers, a filled value's source beside it, an
// entered value marked 填报 — and the note under the table.
import { FIELD_GROUPS } from '../../domain/website-report/fields.js';
import type { WebsiteReportDocument } from '../../app/website-report/ports.js';
import { THIN_BORDER, newWorkbook } from './xlsx.js';

/** The sheet's name. */
export const WEBSITE_REPORT_SHEET = '年度报表';

const FONT = '宋体';

/** Renders the report as XLSX bytes. */
export async function renderWebsiteReportXlsx(doc: WebsiteReportDocument): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.title = doc.title;
  const ws = wb.addWorksheet(WEBSITE_REPORT_SHEET, { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  ws.columns = [{ width: 12 }, { width: 40 }, { width: 8 }, { width: 28 }, { width: 44 }];
  ws.mergeCells('A1:E1');
  const title = ws.getCell('A1');
  title.value = doc.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells('A2:E2');
  ws.getCell('A2').value = `${doc.siteName}　${doc.year}年度　状态：${doc.stateLabel}`;
  ws.getCell('A2').font = { name: FONT };
  const head = ws.addRow(['分组', '指标', '单位', '数值', '来源']);
  head.eachCell((c) => {
    c.font = { name: FONT, bold: true };
    c.border = THIN_BORDER;
    c.alignment = { horizontal: 'center' };
  });
  for (const group of FIELD_GROUPS) {
    for (const field of doc.fields.filter((f) => f.group === group)) {
      const numeric = field.value !== '' && /^\d+(\.\d+)?$/.test(field.value) && field.unit !== '文本';
      const row = ws.addRow([
        group,
        field.label,
        field.unit === '文本' || field.unit === '是/否' ? '' : field.unit,
        numeric ? Number(field.value) : field.value,
        field.source ?? (field.value === '' ? '' : '填报'),
      ]);
      row.eachCell({ includeEmpty: true }, (c) => {
        c.font = { name: FONT };
        c.border = THIN_BORDER;
        c.alignment = { vertical: 'middle', wrapText: true };
      });
    }
  }
  const note = ws.addRow([doc.note]);
  ws.mergeCells(`A${note.number}:E${note.number}`);
  note.getCell(1).font = { name: FONT, size: 9 };
  note.getCell(1).alignment = { wrapText: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

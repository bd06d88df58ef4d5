// The 政府网站工作年度报表 (国办函〔2018〕12号) as PDF, made like the other PDFs (pdf-writer.ts: pdfmake with the
// embedded CJK font, so the text extracts as the same Chinese text): A4, the title centred, then one table of the
// fields by group (指标, 数值, 来源) and the note under it.
import { FIELD_GROUPS } from '../../domain/website-report/fields.js';
import type { WebsiteReportDocument } from '../../app/website-report/ports.js';
import { PDF_FAMILY, writePdf } from './pdf-writer.js';
import type { PdfContent, PdfDocumentDefinition, PdfTableCell } from './report-pdfmake.js';

const BODY = 10;

/**
 * Renders the report as a PDF.
 * @throws Error (Chinese) when no CJK font is installed (fonts-noto-cjk)
 */
export async function renderWebsiteReportPdf(
  doc: WebsiteReportDocument,
  opts: { fontFile?: string } = {},
): Promise<Uint8Array> {
  return writePdf(() => definition(doc), opts.fontFile);
}

function definition(doc: WebsiteReportDocument): PdfDocumentDefinition {
  const head = '#dddddd';
  const body: PdfTableCell[][] = [
    [
      { text: '指标', fillColor: head, alignment: 'center' },
      { text: '数值', fillColor: head, alignment: 'center' },
      { text: '来源', fillColor: head, alignment: 'center' },
    ],
  ];
  for (const group of FIELD_GROUPS) {
    const fields = doc.fields.filter((f) => f.group === group);
    if (fields.length === 0) continue;
    body.push([{ text: group, colSpan: 3, fillColor: '#eeeeee' }, { text: '' }, { text: '' }]);
    for (const f of fields) {
      const unit = f.value !== '' && f.unit !== '文本' && f.unit !== '是/否' ? f.unit : '';
      body.push([
        { text: f.label },
        { text: `${f.value}${unit}` },
        { text: f.source ?? (f.value === '' ? '' : '填报') },
      ]);
    }
  }
  const content: PdfContent[] = [
    { text: doc.title, style: 'title' },
    { text: `${doc.siteName}　${doc.year}年度　${doc.stateLabel}`, alignment: 'center', margin: [0, 0, 0, 8] },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [200, 120, 195], body },
      layout: { paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 2, paddingBottom: () => 2 },
    },
    { text: doc.note, fontSize: BODY - 2, margin: [0, 8, 0, 0] },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    language: 'zh-CN',
    info: { title: doc.title, author: doc.siteName, subject: doc.title, creator: 'gongkai' },
    content,
    footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 9, margin: [0, 12, 0, 0] }),
    defaultStyle: { font: PDF_FAMILY, fontSize: BODY, lineHeight: 1.3 },
    styles: { title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 6] } },
  };
}

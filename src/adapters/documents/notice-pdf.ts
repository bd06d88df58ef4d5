// Writes a generated notice (告知书) as PDF, made like the annual report's PDF (pdf-writer.ts: pdfmake with the
// embedded CJK font, so the text extracts as the same Chinese text), in the layout of the DOCX (notice-docx.ts,
// GB/T 9704-2012): A4 with the §5.2.1 margins, the title in 2号 (22 pt) centred, the document number under it,
// the body in 3号 (16 pt) with two-character first-line indents, the signature centred over a date set four
// characters from the right (§7.3.5.1), the page number as `— 1 —` (§7.5).
import type { NoticeDocument } from '../../domain/notices/notice.js';
import { GBT9704_MARGINS, PDF_FAMILY, writePdf } from './pdf-writer.js';
import type { PdfContent, PdfDocumentDefinition } from './report-pdfmake.js';

/** 3号, the body size, in points; one full-width character is as wide. */
const BODY = 16;
/** 2号, the title size, in points. */
const TITLE = 22;

/**
 * Renders a notice as a PDF.
 * @param doc the generated notice (domain/notices buildNoticeDocument), as the reader may see it
 * @param opts.fontFile a CJK font file; default: the first of CJK_FONT_PATHS installed
 * @returns the PDF bytes
 * @throws Error (Chinese) when no CJK font is installed (fonts-noto-cjk) or the font file is missing
 */
export async function renderNoticePdf(doc: NoticeDocument, opts: { fontFile?: string } = {}): Promise<Uint8Array> {
  return writePdf(() => definition(doc), opts.fontFile);
}

function definition(doc: NoticeDocument): PdfDocumentDefinition {
  const paragraphs = doc.paragraphs.map((text): PdfContent => ({
    text,
    alignment: 'justify',
    leadingIndent: 2 * BODY,
  }));
  // The last paragraph stays on the page of the signature (GB/T 9704 §7.3.5.4: no signature alone on a page).
  const last = paragraphs.pop();
  const content: PdfContent[] = [
    { text: doc.title, style: 'title' },
    { text: doc.docNo, alignment: 'center', margin: [0, 0, 0, BODY] },
    { text: doc.addressee },
    ...paragraphs,
    { stack: [...(last ? [last] : []), ...signature(doc)], unbreakable: true },
  ];
  return {
    pageSize: 'A4',
    pageMargins: GBT9704_MARGINS,
    language: 'zh-CN',
    info: { title: doc.title, author: doc.signature.orgName, subject: doc.docNo || doc.title, creator: 'gongkai' },
    content,
    footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 14, margin: [0, 12, 0, 0] }),
    defaultStyle: { font: PDF_FAMILY, fontSize: BODY, lineHeight: 1.5 },
    styles: { title: { fontSize: TITLE, bold: true, alignment: 'center', lineHeight: 1.3, margin: [0, 0, 0, 8] } },
  };
}

/** Width of a line of text in points at the body size, counting ASCII as half width (as notice-docx.ts). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? BODY / 2 : BODY;
  return width;
}

/** GB/T 9704 §7.3.5.1: two blank lines, the organization centred over the date, the date four characters in. */
function signature(doc: NoticeDocument): PdfContent[] {
  const dateIndent = 4 * BODY;
  const nameIndent = Math.max(0, dateIndent + (textWidth(doc.signature.date) - textWidth(doc.signature.orgName)) / 2);
  return [
    { text: doc.signature.orgName, alignment: 'right', margin: [0, 2 * BODY * 1.5, nameIndent, 0] },
    { text: doc.signature.date, alignment: 'right', margin: [0, 0, dateIndent, 0] },
  ];
}

// Writes a generated notice (告知书) as DOCX with the `docx` package in the GB/T 9704-2012 layout
// (gbt9704.ts): title in 2号小标宋, body in 3号仿宋 at a fixed 22 lines per page, two-character
// first-line indents, the signature centred over a date set four characters from the right, and the
// seal (a PNG) pressing on both.
import type { ImageRun, Paragraph, ParagraphChild } from 'docx';
import { GBT9704, para, renderOfficialDocx, runFont, titleParagraph, type Docx } from './gbt9704.js';
import type { NoticeDocument } from '../../domain/notices/notice.js';

/** Fonts by role; the defaults are those GB/T 9704 names (Windows and office machines have them). */
export type NoticeDocxFonts = { title: string; body: string; latin: string };

/** Options of {@link renderNoticeDocx}. */
export type NoticeDocxOptions = {
  /** The uploaded seal as PNG bytes (transparent background), printed over the signature. */
  seal?: Uint8Array;
  /** Seal diameter in millimetres (GB/T 9704 shows 42 mm for a 机关 seal). */
  sealDiameterMm?: number;
  fonts?: Partial<NoticeDocxFonts>;
};

/** Default fonts: 方正小标宋简体 for the title, 仿宋_GB2312 for the body, Times New Roman for Latin. */
export const NOTICE_DOCX_FONTS: NoticeDocxFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
};

const EMU_PER_MM = 36000;

/**
 * Renders a notice as a DOCX file.
 * @param doc the generated notice (domain/notices buildNoticeDocument)
 * @param options seal image and fonts
 * @returns the .docx bytes
 */
export async function renderNoticeDocx(doc: NoticeDocument, options: NoticeDocxOptions = {}): Promise<Buffer> {
  const fonts = { ...NOTICE_DOCX_FONTS, ...options.fonts };
  const layout = {
    creator: doc.signature.orgName,
    title: doc.title,
    description: doc.docNo,
    bodyFont: runFont(fonts.body, fonts.latin),
    pageNumberFont: runFont('SimSun', 'SimSun'),
  };
  return renderOfficialDocx(layout, (d) => [...heading(d, doc, fonts), ...body(d, doc), ...signature(d, doc, options)]);
}

function heading(d: Docx, doc: NoticeDocument, fonts: NoticeDocxFonts): Paragraph[] {
  const title = titleParagraph(d, doc.title, runFont(fonts.title, fonts.latin), GBT9704.LINE / 2);
  const docNo = para(d, {
    alignment: d.AlignmentType.CENTER,
    spacing: { after: GBT9704.LINE },
    children: doc.docNo ? [new d.TextRun(doc.docNo)] : [],
  });
  return [title, docNo];
}

function body(d: Docx, doc: NoticeDocument): Paragraph[] {
  const addressee = para(d, { children: [new d.TextRun(doc.addressee)] });
  // The last paragraph stays on the page of the signature (GB/T 9704 §7.3.5.4: no signature alone on a page).
  const last = doc.paragraphs.length - 1;
  const paragraphs = doc.paragraphs.map((text, i) =>
    para(d, {
      alignment: d.AlignmentType.JUSTIFIED,
      indent: GBT9704.FIRST_LINE_INDENT,
      keepNext: i === last,
      children: [new d.TextRun(text)],
    }),
  );
  return [addressee, ...paragraphs];
}

/** Width of a line of text at 16 pt, counting ASCII as half width. */
function textTwips(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? GBT9704.CHAR / 2 : GBT9704.CHAR;
  return width;
}

function signature(d: Docx, doc: NoticeDocument, options: NoticeDocxOptions): Paragraph[] {
  // GB/T 9704 §7.3.5.1: the date four characters from the right, the organization centred over it.
  const dateIndent = 4 * GBT9704.CHAR;
  const dateWidth = textTwips(doc.signature.date);
  const nameWidth = textTwips(doc.signature.orgName);
  const nameIndent = Math.max(0, Math.round(dateIndent + (dateWidth - nameWidth) / 2));
  const nameCentreFromRight = nameIndent + nameWidth / 2;
  const seal = options.seal ? sealImage(d, options.seal, options.sealDiameterMm ?? 42, nameCentreFromRight) : null;
  const nameChildren: ParagraphChild[] = [new d.TextRun(doc.signature.orgName)];
  if (seal) nameChildren.unshift(seal);
  return [
    para(d, { keepNext: true, children: [] }),
    para(d, { keepNext: true, children: [] }),
    para(d, {
      alignment: d.AlignmentType.RIGHT,
      indent: { right: nameIndent },
      keepNext: true,
      children: nameChildren,
    }),
    para(d, {
      alignment: d.AlignmentType.RIGHT,
      indent: { right: dateIndent },
      children: [new d.TextRun(doc.signature.date)],
    }),
  ];
}

/** The seal, floating in front of the text, centred on the signature and pressing on the date. */
function sealImage(d: Docx, png: Uint8Array, diameterMm: number, centreFromRightTwips: number): ImageRun {
  const { width, height } = pngSize(png);
  const widthMm = diameterMm;
  const heightMm = (diameterMm * height) / width;
  const centreFromLeftMm = GBT9704.TEXT_WIDTH_MM - centreFromRightTwips / GBT9704.TWIPS_PER_MM;
  return new d.ImageRun({
    type: 'png',
    data: png,
    // transformation is in pixels at 96 dpi
    transformation: { width: Math.round((widthMm / 25.4) * 96), height: Math.round((heightMm / 25.4) * 96) },
    altText: { name: 'seal', description: '印章', title: '印章' },
    floating: {
      horizontalPosition: {
        relative: d.HorizontalPositionRelativeFrom.MARGIN,
        offset: Math.round((centreFromLeftMm - widthMm / 2) * EMU_PER_MM),
      },
      // The signature and date sit a little below the seal's centre (GB/T 9704 §7.3.5.1).
      verticalPosition: {
        relative: d.VerticalPositionRelativeFrom.PARAGRAPH,
        offset: Math.round((-heightMm / 2 + 4) * EMU_PER_MM),
      },
      allowOverlap: true,
      behindDocument: false,
      wrap: { type: d.TextWrappingType.NONE },
    },
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) {
    throw new Error('印章图片必须是 PNG 格式');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

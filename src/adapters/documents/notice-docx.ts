// Writes a generated notice (告知书) as DOCX with the `docx` package, laid out after GB/T 9704-2012
// 《党政机关公文格式》 roughly: A4, 天头 37 mm, 订口 28 mm, a 156 × 225 mm text block, title in 2号
// 小标宋, body in 3号仿宋 at a fixed 22 lines per page, two-character first-line indents, the
// signature centred over a date set four characters from the right, and the seal (a PNG) pressing
// on both. East-Asian fonts are set through styles.default.document.run.font.eastAsia (STACK §2.6);
// LibreOffice substitutes installed CJK fonts when the named ones are missing.
import {
  AlignmentType,
  Document,
  Footer,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
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

const TWIPS_PER_MM = 56.6929;
const EMU_PER_MM = 36000;
const BODY_HALF_POINTS = 32; // 3号 = 16 pt
const TITLE_HALF_POINTS = 44; // 2号 = 22 pt
const LINE_TWIPS = 579; // 225 mm / 22 lines
const CHAR_TWIPS = 320; // one full-width character at 16 pt
const TEXT_WIDTH_MM = 156;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** A paragraph without the extra space Word and LibreOffice insert between Chinese and digits (2025年, not 2025 年). */
function para(options: Omit<IParagraphOptions, 'autoSpaceEastAsianText'>): Paragraph {
  return new Paragraph({ ...options, autoSpaceEastAsianText: false });
}

/**
 * Renders a notice as a DOCX file.
 * @param doc the generated notice (domain/notices buildNoticeDocument)
 * @param options seal image and fonts
 * @returns the .docx bytes
 */
export async function renderNoticeDocx(doc: NoticeDocument, options: NoticeDocxOptions = {}): Promise<Buffer> {
  const fonts = { ...NOTICE_DOCX_FONTS, ...options.fonts };
  const document = new Document({
    creator: doc.signature.orgName,
    title: doc.title,
    description: doc.docNo,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: fonts.body, ascii: fonts.latin, hAnsi: fonts.latin },
            size: BODY_HALF_POINTS,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20), header: mm(15) },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [...heading(doc, fonts), ...body(doc), ...signature(doc, options)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function heading(doc: NoticeDocument, fonts: NoticeDocxFonts): Paragraph[] {
  const title = para({
    alignment: AlignmentType.CENTER,
    spacing: { line: 720, lineRule: LineRuleType.AT_LEAST, before: 0, after: LINE_TWIPS / 2 },
    children: [
      new TextRun({
        text: doc.title,
        size: TITLE_HALF_POINTS,
        font: { eastAsia: fonts.title, ascii: fonts.latin, hAnsi: fonts.latin },
      }),
    ],
  });
  const docNo = para({
    alignment: AlignmentType.CENTER,
    spacing: { after: LINE_TWIPS },
    children: doc.docNo ? [new TextRun(doc.docNo)] : [],
  });
  return [title, docNo];
}

function body(doc: NoticeDocument): Paragraph[] {
  const addressee = para({ children: [new TextRun(doc.addressee)] });
  // The last paragraph stays on the page of the signature (GB/T 9704 §7.3.5.4: no signature alone on a page).
  const last = doc.paragraphs.length - 1;
  const paragraphs = doc.paragraphs.map((text, i) =>
    para({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 2 * CHAR_TWIPS },
      keepNext: i === last,
      children: [new TextRun(text)],
    }),
  );
  return [addressee, ...paragraphs];
}

/** Width of a line of text at 16 pt, counting ASCII as half width. */
function textTwips(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? CHAR_TWIPS / 2 : CHAR_TWIPS;
  return width;
}

function signature(doc: NoticeDocument, options: NoticeDocxOptions): Paragraph[] {
  // GB/T 9704 §7.3.5.1: the date four characters from the right, the organization centred over it.
  const dateIndent = 4 * CHAR_TWIPS;
  const dateWidth = textTwips(doc.signature.date);
  const nameWidth = textTwips(doc.signature.orgName);
  const nameIndent = Math.max(0, Math.round(dateIndent + (dateWidth - nameWidth) / 2));
  const nameCentreFromRight = nameIndent + nameWidth / 2;
  const seal = options.seal ? sealImage(options.seal, options.sealDiameterMm ?? 42, nameCentreFromRight) : null;
  const nameChildren: ParagraphChild[] = [new TextRun(doc.signature.orgName)];
  if (seal) nameChildren.unshift(seal);
  return [
    para({ keepNext: true, children: [] }),
    para({ keepNext: true, children: [] }),
    para({ alignment: AlignmentType.RIGHT, indent: { right: nameIndent }, keepNext: true, children: nameChildren }),
    para({
      alignment: AlignmentType.RIGHT,
      indent: { right: dateIndent },
      children: [new TextRun(doc.signature.date)],
    }),
  ];
}

/** The seal, floating in front of the text, centred on the signature and pressing on the date. */
function sealImage(png: Uint8Array, diameterMm: number, centreFromRightTwips: number): ImageRun {
  const { width, height } = pngSize(png);
  const widthMm = diameterMm;
  const heightMm = (diameterMm * height) / width;
  const centreFromLeftMm = TEXT_WIDTH_MM - centreFromRightTwips / TWIPS_PER_MM;
  return new ImageRun({
    type: 'png',
    data: png,
    // transformation is in pixels at 96 dpi
    transformation: { width: Math.round((widthMm / 25.4) * 96), height: Math.round((heightMm / 25.4) * 96) },
    altText: { name: 'seal', description: '印章', title: '印章' },
    floating: {
      horizontalPosition: {
        relative: HorizontalPositionRelativeFrom.MARGIN,
        offset: Math.round((centreFromLeftMm - widthMm / 2) * EMU_PER_MM),
      },
      // The signature and date sit a little below the seal's centre (GB/T 9704 §7.3.5.1).
      verticalPosition: {
        relative: VerticalPositionRelativeFrom.PARAGRAPH,
        offset: Math.round((-heightMm / 2 + 4) * EMU_PER_MM),
      },
      allowOverlap: true,
      behindDocument: false,
      wrap: { type: TextWrappingType.NONE },
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

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      para({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: 28,
            font: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: 'SimSun' },
          }),
        ],
      }),
    ],
  });
}

// The page layout of GB/T 9704-2012《党政机关公文格式》 shared by the office documents written with the
// `docx` package (the notice, notice-docx.ts; the annual report, report-docx.ts): A4, 天头 37 mm, 订口
// 28 mm, a 156 × 225 mm text block (§5.2.1 版心) of 22 lines (§5.2.2), body in 3号 (16 pt) at a fixed
// line pitch, the title in 2号 (22 pt) 小标宋, the page number centred as `— 1 —` (§7.5). East-Asian fonts
// are set through each run's `eastAsia` font; LibreOffice substitutes installed CJK fonts when the named
// ones are missing. `docx` is loaded on the first document (renderOfficialDocx), not when the server starts.
import type * as DocxModule from 'docx';
import type { IParagraphOptions } from 'docx';

/** The `docx` package, as {@link renderOfficialDocx} loads it. */
export type Docx = typeof DocxModule;

const TWIPS_PER_MM = 56.6929;

/** The measures of GB/T 9704-2012, in twips unless named otherwise. */
export const GBT9704 = {
  TWIPS_PER_MM,
  /** Width of the text block: 210 − 28 − 26 mm (§5.2.1 版心). */
  TEXT_WIDTH_MM: 156,
  TEXT_WIDTH: Math.round(156 * TWIPS_PER_MM),
  /** 225 mm / 22 lines (§5.2.2). */
  LINE: 579,
  /** One full-width character at 16 pt. */
  CHAR: 320,
  /** Paragraphs start two characters in. */
  FIRST_LINE_INDENT: { firstLine: 2 * 320 },
} as const;

/** Millimetres in twips. */
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);
/** 3号 = 16 pt, in half-points. */
const BODY_HALF_POINTS = 32;
/** 2号 = 22 pt, in half-points. */
const TITLE_HALF_POINTS = 44;
/** 4号 = 14 pt, in half-points: the page number. */
const PAGE_NUMBER_HALF_POINTS = 28;

/** A run's fonts: the East-Asian font for Chinese, the Latin font for ASCII. */
export type RunFont = { eastAsia: string; ascii: string; hAnsi: string };

/** The run font of an East-Asian font beside a Latin one. */
export const runFont = (eastAsia: string, latin: string): RunFont => ({ eastAsia, ascii: latin, hAnsi: latin });

/** A paragraph without the extra space Word and LibreOffice insert between Chinese and digits (2025年, not 2025 年). */
export function para(d: Docx, options: Omit<IParagraphOptions, 'autoSpaceEastAsianText'>): DocxModule.Paragraph {
  return new d.Paragraph({ ...options, autoSpaceEastAsianText: false });
}

/** The title: centred, 2号, at least 720 twips high, `spaceAfter` twips before what follows. */
export function titleParagraph(d: Docx, text: string, font: RunFont, spaceAfter: number): DocxModule.Paragraph {
  return para(d, {
    alignment: d.AlignmentType.CENTER,
    spacing: { line: 720, lineRule: d.LineRuleType.AT_LEAST, before: 0, after: spaceAfter },
    children: [new d.TextRun({ text, size: TITLE_HALF_POINTS, font })],
  });
}

/** What a GB/T 9704 document needs besides its layout. */
export type OfficialDocument = {
  creator: string;
  title: string;
  description?: string;
  /** The body's run font (the default of every run). */
  bodyFont: RunFont;
  /** The page number's run font. */
  pageNumberFont: RunFont;
};

/**
 * Writes a one-section document in the GB/T 9704 page layout, with its default run and paragraph
 * styles; `docx` is loaded here, on the first document.
 * @param content the paragraphs and tables, built with the loaded `docx`
 * @returns the .docx bytes
 */
export async function renderOfficialDocx(
  doc: OfficialDocument,
  content: (d: Docx) => (DocxModule.Paragraph | DocxModule.Table)[],
): Promise<Buffer> {
  const d: Docx = await import('docx');
  const document = new d.Document({
    creator: doc.creator,
    title: doc.title,
    ...(doc.description === undefined ? {} : { description: doc.description }),
    styles: {
      default: {
        document: {
          run: { font: doc.bodyFont, size: BODY_HALF_POINTS, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: GBT9704.LINE, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 } },
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
        footers: {
          default: new d.Footer({
            children: [
              para(d, {
                alignment: d.AlignmentType.CENTER,
                children: [
                  new d.TextRun({
                    children: ['— ', d.PageNumber.CURRENT, ' —'],
                    size: PAGE_NUMBER_HALF_POINTS,
                    font: doc.pageNumberFont,
                  }),
                ],
              }),
            ],
          }),
        },
        children: content(d),
      },
    ],
  });
  return d.Packer.toBuffer(document);
}

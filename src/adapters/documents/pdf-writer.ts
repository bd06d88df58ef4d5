// One PDF through pdfmake's server API with the embedded CJK font (report-pdf-font.ts), so the text layer
// extracts as the same Chinese text (docs/decisions/0009-report-documents.md). Shared by the annual report
// (report-pdf.ts) and the notices (notice-pdf.ts). No network and no file but the font: pdfmake's URL and
// local-file access policies deny everything else.
import { reportFonts, type FontFace, type ReportFonts } from './report-pdf-font.js';
import { loadPdfmake, type PdfDocumentDefinition, type PdfFontFamily, type PdfFontSource } from './report-pdfmake.js';

/** The pdfmake family of the text. */
export const PDF_FAMILY = 'ReportCJK';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** GB/T 9704 §5.2.1 margins in points: left, top, right, bottom (28, 37, 26, 35 mm). */
export const GBT9704_MARGINS = [28, 37, 26, 35].map((v) => v * PT_PER_MM) as [number, number, number, number];

/** The A4 text width between the GB/T 9704 margins, in points. */
export const GBT9704_TEXT_WIDTH = (210 - 28 - 26) * PT_PER_MM;

/**
 * Writes a PDF.
 * @param build the document, given the family name SVG text must use (see {@link fontDictionary})
 * @param fontFile a CJK font file (.ttf, .otf, or a .ttc collection); default: the first of CJK_FONT_PATHS installed
 * @returns the PDF bytes
 * @throws Error (Chinese) when no CJK font is installed (fonts-noto-cjk) or the font file is missing
 */
export async function writePdf(
  build: (svgFamily: string) => PdfDocumentDefinition,
  fontFile?: string,
): Promise<Uint8Array> {
  const { dictionary, svgFamily, files } = fontDictionary(reportFonts(fontFile));
  // pdfmake is a module-level singleton: fonts and policies are set right before the synchronous createPdf.
  const pdfmake = loadPdfmake();
  pdfmake.setFonts(dictionary);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => files.has(path));
  const doc = pdfmake.createPdf(build(svgFamily));
  return new Uint8Array(await doc.getBuffer());
}

/**
 * The pdfmake font dictionary, built fresh for each document (pdfmake rewrites its entries), the
 * family name to give SVG text, and the font files pdfmake may read. pdfmake takes a collection's
 * face as `[file, face]`, which its SVG renderer cannot open; SVG text therefore names a second
 * family whose entries are the face names, under which pdfkit has cached the faces once the body
 * text (which precedes every chart) used them. (Keeping the 20 MB collections in pdfmake's
 * in-memory file system between documents was measured: no faster, so the files are read each time.)
 */
function fontDictionary(fonts: ReportFonts): {
  dictionary: Record<string, PdfFontFamily>;
  svgFamily: string;
  files: Set<string>;
} {
  const files = new Set([fonts.normal.file, fonts.bold.file]);
  const src = (f: FontFace): PdfFontSource => (f.face === null ? f.file : [f.file, f.face]);
  const family = (normal: FontFace, bold: FontFace): PdfFontFamily => ({
    normal: src(normal),
    bold: src(bold),
    italics: src(normal),
    bolditalics: src(bold),
  });
  const dictionary: Record<string, PdfFontFamily> = { [PDF_FAMILY]: family(fonts.normal, fonts.bold) };
  if (fonts.normal.face === null) return { dictionary, svgFamily: PDF_FAMILY, files };
  const alias = fonts.normal.face;
  const bold = fonts.bold.face ?? fonts.bold.file;
  dictionary[alias] = { normal: alias, bold, italics: alias, bolditalics: bold };
  return { dictionary, svgFamily: alias, files };
}

// Writes an annual report as PDF with pdfmake's server API (docs/decisions/0009-report-documents.md),
// embedding a CJK TrueType/OpenType font so the text layer extracts as the same Chinese text (pdf-writer.ts).
// Chromium's print is not used: with Noto CJK it maps characters to Kangxi radicals in the text layer
// (人 → ⼈), which breaks copy, search and screen readers. Layout as the DOCX (report-docx.ts): A4, GB/T
// 9704 margins, title, preamble, six headings, the official tables (国办公开办函〔2021〕30号; 2019:
// 国办公开办函〔2019〕60号), chart SVGs after the section-三 table.
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import { SECTION_TITLES } from '../../domain/reports/labels.js';
import { preamble, reportTitle, sectionBody } from '../../domain/reports/render-text.js';
import { GBT9704_MARGINS, GBT9704_TEXT_WIDTH, PDF_FAMILY, writePdf } from './pdf-writer.js';
import { applicationsGrid, article20Grids, placeCells, reviewsGrid, withCaptionRow, type Grid } from './report-grid.js';
import {
  type PdfContent as Content,
  type PdfDocumentDefinition,
  type PdfTableCell as TableCell,
} from './report-pdfmake.js';

export { findCjkFont } from './report-pdf-font.js';

/** Options of {@link renderReportPdf}. */
export type ReportPdfOptions = {
  /** Chart SVGs (src/domain/reports/charts.ts), drawn after the section-三 table. */
  charts?: string[];
  /** A CJK font file (.ttf, .otf, or a .ttc collection); default: the first of CJK_FONT_PATHS installed. */
  fontFile?: string;
};

const CELL_PADDING = 3;
const BODY_SIZE = 12;

/**
 * Renders an annual report as a PDF in the official layout of `format`.
 * @param report the report
 * @param format the format whose tables to print
 * @param opts chart SVGs and the font file
 * @returns the PDF bytes
 * @throws Error (Chinese) when no CJK font is installed (fonts-noto-cjk) or the font file is missing
 */
export async function renderReportPdf(
  report: AnnualReport,
  format: ReportFormat,
  opts: ReportPdfOptions = {},
): Promise<Uint8Array> {
  return writePdf((svgFamily) => definition(report, format, opts.charts ?? [], svgFamily), opts.fontFile);
}

function definition(
  report: AnnualReport,
  format: ReportFormat,
  charts: string[],
  svgFamily: string,
): PdfDocumentDefinition {
  const title = reportTitle(report);
  const content: Content[] = [{ text: title, style: 'title' }];
  const intro = preamble(report);
  if (intro) content.push({ text: intro, style: 'body' });
  content.push(heading(SECTION_TITLES.overview), ...narrative(sectionBody(report, 'overview')));
  content.push(heading(SECTION_TITLES.article20));
  for (const grid of article20Grids(report, format)) content.push(table(withCaptionRow(grid), 9));
  content.push(
    { ...heading(SECTION_TITLES.applications), id: APPLICATIONS_ID },
    table(applicationsGrid(report, format), 8),
  );
  for (const svg of charts) content.push(chart(svg, svgFamily));
  content.push(heading(SECTION_TITLES.reviews), table(reviewsGrid(report), 7.5));
  content.push(heading(SECTION_TITLES.problems), ...narrative(sectionBody(report, 'problems')));
  content.push(heading(SECTION_TITLES.other), ...narrative(sectionBody(report, 'other')));
  return {
    pageSize: 'A4',
    pageMargins: GBT9704_MARGINS,
    language: 'zh-CN',
    info: {
      title,
      author: report.organization?.name ?? undefined,
      subject: '政府信息公开工作年度报告',
      creator: 'gongkai',
    },
    content,
    pageBreakBefore,
    footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 10, margin: [0, 12, 0, 0] }),
    defaultStyle: { font: PDF_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.5 },
    styles: {
      title: { fontSize: 20, bold: true, alignment: 'center', lineHeight: 1.3, margin: [0, 0, 0, 18] },
      heading: { fontSize: 14, bold: true, margin: [0, 12, 0, 4] },
      subheading: { bold: true },
      body: { alignment: 'justify', leadingIndent: 2 * BODY_SIZE },
    },
  };
}

const APPLICATIONS_ID = 'applications';

/**
 * A heading never ends a page; the section-三 heading moves to a new page when its table (about 30
 * rows) would cross a page break there, because pdfmake then pads the last row of a row group with
 * the group label's height. (A table longer than a page still breaks.)
 */
const pageBreakBefore: PdfDocumentDefinition['pageBreakBefore'] = (node, { getFollowingNodesOnPage }) => {
  if (node.headlineLevel !== 1) return false;
  // In the last eighth of the page there is no room for a table's caption, header and first row.
  if (node.startPosition.verticalRatio > 0.875) return true;
  const following = getFollowingNodesOnPage();
  if (following.length === 0) return true;
  return (
    node.id === APPLICATIONS_ID &&
    node.pageNumbers.length === 1 &&
    following.some((n) => n.table !== undefined && n.pageNumbers.length > 1)
  );
};

const heading = (text: string): Content => ({ text, style: 'heading', headlineLevel: 1 });

/** A line that is only a numbered sub-heading such as `（一）主动公开`. */
const SUBHEADING = /^（[一二三四五六七八九十]+）[^。；]{0,30}$/;

function narrative(text: string | null): Content[] {
  if (text === null) return [{ text: '（未填写）', style: 'body', color: '#666666' }];
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, style: SUBHEADING.test(line) ? ['body', 'subheading'] : 'body' }));
}

/** A grid as a pdfmake table: covered positions get the empty cells pdfmake expects, header rows repeat. */
function table(grid: Grid, fontSize: number): Content {
  const body: TableCell[][] = grid.rows.map(() =>
    Array.from({ length: grid.columns }, (): TableCell => ({ text: '' })),
  );
  for (const { row, col, cell } of placeCells(grid)) {
    const centred = cell.kind !== 'label' || (cell.rowSpan ?? 1) > 1;
    body[row]![col] = {
      text: cell.text,
      colSpan: cell.colSpan,
      rowSpan: cell.rowSpan,
      alignment: centred ? 'center' : 'left',
      fillColor: cell.kind === 'head' ? '#f2f2f2' : undefined,
    };
  }
  const available = GBT9704_TEXT_WIDTH - grid.columns * 2 * CELL_PADDING - (grid.columns + 1);
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  return {
    table: {
      headerRows: grid.headerRows,
      dontBreakRows: true,
      widths: grid.widths.map((w) => (w / sum) * available),
      body,
    },
    layout: {
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    fontSize,
    lineHeight: 1,
    margin: [0, 4, 0, 8],
  };
}

/** A chart SVG at its size (px → pt), at most the text width, its text in the embedded font. */
function chart(svg: string, family: string): Content {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 640) * 0.75;
  return {
    svg: withFontFamily(svg, family),
    width: Math.min(width, GBT9704_TEXT_WIDTH),
    alignment: 'center',
    margin: [0, 4, 0, 8],
  };
}

/**
 * Names the embedded font in every font-family of an SVG (attributes and inline styles), and on
 * the root element, so svg-to-pdfkit draws its text with the CJK font rather than a Latin fallback.
 */
export function withFontFamily(svg: string, family: string): string {
  const named = svg
    .replace(/font-family\s*=\s*"[^"]*"/g, `font-family="${family}"`)
    .replace(/font-family\s*=\s*'[^']*'/g, `font-family="${family}"`)
    .replace(/font-family\s*:\s*[^;"'}]+/g, `font-family:${family}`);
  return /<svg\b[^>]*\sfont-family=/.test(named) ? named : named.replace(/<svg\b/, `<svg font-family="${family}"`);
}

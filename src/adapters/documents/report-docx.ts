// Writes an annual report (政府信息公开工作年度报告) as DOCX with the `docx` package
// (docs/decisions/0009-report-documents.md), in the official format's layout (2021: 国办公开办函〔2021〕30号; 2019:
// 国办公开办函〔2019〕60号): title, preamble, the six section
// headings, the narrative, the section-二 tables, the section-三 table with its merged header and
// row groups, the section-四 table with its two-level header. Page and fonts follow GB/T 9704-2012
// (gbt9704.ts, shared with the notice): title in 小标宋, headings in 黑体, sub-headings in 楷体, body in
// 宋体.
import type { Paragraph, Table, TableCell } from 'docx';
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import { SECTION_TITLES } from '../../domain/reports/labels.js';
import { preamble, reportTitle, sectionBody } from '../../domain/reports/render-text.js';
import {
  applicationsGrid,
  article20Grids,
  reviewsGrid,
  withCaptionRow,
  type Grid,
  type GridCell,
} from './report-grid.js';
import { GBT9704, para, renderOfficialDocx, runFont, titleParagraph, type Docx } from './gbt9704.js';

/** Fonts by role (GB/T 9704 names; Windows and office machines have them). */
export type ReportDocxFonts = { title: string; heading: string; subheading: string; body: string; latin: string };

export const REPORT_DOCX_FONTS: ReportDocxFonts = {
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体',
  body: '宋体',
  latin: 'Times New Roman',
};

/** Options of {@link renderReportDocx}. */
export type ReportDocxOptions = {
  /**
   * Chart SVGs (src/domain/reports/charts.ts) placed after the section-三 table (see BLANK_PNG: Word draws them,
   * LibreOffice 7.4 does not).
   */
  charts?: string[];
  fonts?: Partial<ReportDocxFonts>;
};

const TABLE_HALF_POINTS = 21; // 五号 = 10.5 pt
const SMALL_TABLE_HALF_POINTS = 18; // 小五 = 9 pt, for sections 三 (30 rows on a page) and 四 (15 columns)

const font = (eastAsia: string, fonts: ReportDocxFonts) => runFont(eastAsia, fonts.latin);

/**
 * Renders an annual report as a DOCX file in the official layout of `format`.
 * @param report the report (the annual report model, or any report JSON of the same shape)
 * @param format the format whose tables to print
 * @param opts chart SVGs and fonts
 * @returns the .docx bytes
 */
export async function renderReportDocx(
  report: AnnualReport,
  format: ReportFormat,
  opts: ReportDocxOptions = {},
): Promise<Uint8Array> {
  const fonts = { ...REPORT_DOCX_FONTS, ...opts.fonts };
  const title = reportTitle(report);
  const layout = {
    creator: report.organization?.name ?? 'gongkai',
    title,
    bodyFont: font(fonts.body, fonts),
    pageNumberFont: font(fonts.body, fonts),
  };
  return renderOfficialDocx(layout, (d) => body(d, report, format, title, fonts, opts.charts ?? []));
}

function body(
  d: Docx,
  report: AnnualReport,
  format: ReportFormat,
  title: string,
  fonts: ReportDocxFonts,
  charts: string[],
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [titleParagraph(d, title, font(fonts.title, fonts), GBT9704.LINE)];
  const intro = preamble(report);
  if (intro) out.push(textParagraph(d, intro, fonts));
  out.push(heading(d, SECTION_TITLES.overview, fonts), ...narrative(d, sectionBody(report, 'overview'), fonts));
  out.push(heading(d, SECTION_TITLES.article20, fonts));
  for (const grid of article20Grids(report, format)) {
    out.push(table(d, withCaptionRow(grid), fonts, TABLE_HALF_POINTS), spacer(d));
  }
  // Section 三 starts a page and its table (about 30 rows, 小五) fits on it: a page break inside a row
  // group would cut its merged label (（四）无法提供) in two, and LibreOffice ignores keepNext in tables.
  out.push(
    heading(d, SECTION_TITLES.applications, fonts, true),
    table(d, applicationsGrid(report, format), fonts, SMALL_TABLE_HALF_POINTS),
  );
  for (const svg of charts) out.push(spacer(d), chart(d, svg));
  out.push(heading(d, SECTION_TITLES.reviews, fonts), table(d, reviewsGrid(report), fonts, SMALL_TABLE_HALF_POINTS));
  out.push(heading(d, SECTION_TITLES.problems, fonts), ...narrative(d, sectionBody(report, 'problems'), fonts));
  out.push(heading(d, SECTION_TITLES.other, fonts), ...narrative(d, sectionBody(report, 'other'), fonts));
  return out;
}

/** A section heading: 黑体, two characters in, kept with what follows (GB/T 9704 §7.3.3 一级标题). */
function heading(d: Docx, text: string, fonts: ReportDocxFonts, pageBreakBefore = false): Paragraph {
  return para(d, {
    indent: GBT9704.FIRST_LINE_INDENT,
    keepNext: true,
    pageBreakBefore,
    children: [new d.TextRun({ text, font: font(fonts.heading, fonts) })],
  });
}

function textParagraph(d: Docx, text: string, fonts: ReportDocxFonts, eastAsia = fonts.body): Paragraph {
  return para(d, {
    alignment: d.AlignmentType.JUSTIFIED,
    indent: GBT9704.FIRST_LINE_INDENT,
    children: [new d.TextRun({ text, font: font(eastAsia, fonts) })],
  });
}

/** A line that is only a numbered sub-heading such as `（一）主动公开`: 楷体 (GB/T 9704 二级标题). */
const SUBHEADING = /^（[一二三四五六七八九十]+）[^。；]{0,30}$/;

function narrative(d: Docx, text: string | null, fonts: ReportDocxFonts): Paragraph[] {
  if (text === null) return [textParagraph(d, '（未填写）', fonts)];
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      SUBHEADING.test(line) ? textParagraph(d, line, fonts, fonts.subheading) : textParagraph(d, line, fonts),
    );
}

const spacer = (d: Docx): Paragraph => para(d, { spacing: { line: 240, lineRule: d.LineRuleType.AUTO }, children: [] });

/** Column widths in twips, scaled to the text block; the last column takes the rounding. */
function columnWidths(grid: Grid): number[] {
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const widths = grid.widths.map((w) => Math.floor((w / sum) * GBT9704.TEXT_WIDTH));
  widths[widths.length - 1]! += GBT9704.TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A grid as a fixed-layout table; header rows repeat on each page, rows never split. */
function table(d: Docx, grid: Grid, fonts: ReportDocxFonts, size: number): Table {
  const widths = columnWidths(grid);
  return new d.Table({
    width: { size: GBT9704.TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    alignment: d.AlignmentType.CENTER,
    rows: grid.rows.map(
      (cells, r) =>
        new d.TableRow({
          tableHeader: r < grid.headerRows,
          cantSplit: true,
          children: cells.map((cell) => tableCell(d, cell, fonts, size)),
        }),
    ),
  });
}

function tableCell(d: Docx, cell: GridCell, fonts: ReportDocxFonts, size: number): TableCell {
  // Header and figures centred; a row label left-aligned unless it heads a group of rows.
  const alignment = cell.kind === 'label' && (cell.rowSpan ?? 1) === 1 ? d.AlignmentType.LEFT : d.AlignmentType.CENTER;
  return new d.TableCell({
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    verticalAlign: d.VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
    children: [
      para(d, {
        alignment,
        spacing: { line: 240, lineRule: d.LineRuleType.AUTO },
        children: [new d.TextRun({ text: cell.text, size, font: font(fonts.body, fonts) })],
      }),
    ],
  });
}

/**
 * A 1×1 white PNG: the fallback DOCX requires beside an SVG picture. Word 2016+ draws the SVG;
 * LibreOffice 7.4 shows the fallback (a blank box), so callers pass charts only for Word readers
 * (docs/decisions/0009-report-documents.md). Every charted number is also in the tables.
 */
const BLANK_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'),
);

/** A chart SVG as a centred inline picture, scaled to the text width at most. */
function chart(d: Docx, svg: string): Paragraph {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 640);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 360);
  // transformation is in pixels at 96 dpi; the text block is 156 mm ≈ 590 px wide.
  const maxPx = Math.floor((156 / 25.4) * 96);
  const scale = Math.min(1, maxPx / width);
  const title = unescapeXml(/<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1] ?? '图表');
  return para(d, {
    alignment: d.AlignmentType.CENTER,
    spacing: { line: 240, lineRule: d.LineRuleType.AUTO },
    children: [
      new d.ImageRun({
        type: 'svg',
        data: Buffer.from(svg, 'utf8'),
        fallback: { type: 'png', data: BLANK_PNG },
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        altText: {
          name: 'chart',
          title,
          description: unescapeXml(/<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? title),
        },
      }),
    ],
  });
}

const XML_TEXT: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&#39;': "'",
  '&amp;': '&',
};
const unescapeXml = (s: string): string => s.replace(/&(?:lt|gt|quot|apos|#39|amp);/g, (e) => XML_TEXT[e]!);

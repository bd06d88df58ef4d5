// The official tables of an annual report as neutral grids (cells with their spans), shared by the
// DOCX, XLSX and PDF writers so the three lay out the same merged header cells and row groups as
// the HTML page (src/domain/reports/render-html.ts). Labels and the row layout come from
// src/domain/reports (labels.ts, render-text.ts); nothing here retypes an official label.
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type AnnualReport,
  type Article20Column,
  type ReportFormat,
} from '../../domain/reports/annual-report.js';
import {
  APPLICANT_COLUMN_LABELS,
  APPLICATIONS_NOTE,
  REVIEW_COLUMN_LABELS,
  SECTION_TITLES,
  article20Tables,
} from '../../domain/reports/labels.js';
import { REVIEW_HEAD, applicationCell, applicationLines, showCell } from '../../domain/reports/render-text.js';

/** What a cell holds: a header label, a row label, or a figure. */
export type GridCellKind = 'head' | 'label' | 'num';

/** One cell of a grid, placed where it starts (as in HTML: covered positions are not listed). */
export interface GridCell {
  kind: GridCellKind;
  /** The printed text (a figure as the official table prints it: `+8`, `78874.11万元`, blank for null). */
  text: string;
  /** The figure itself for `num` cells: a number, or null for a blank cell. */
  value?: number | null;
  /** Excel number format for the figure, where plain `General` would lose what the text shows. */
  numFmt?: string;
  colSpan?: number;
  rowSpan?: number;
}

/** One official table. */
export interface Grid {
  /** The table's caption (section 二: `第二十条第（一）项`; 三 and 四: the section title without its number). */
  caption: string;
  /** Number of columns of the table. */
  columns: number;
  /** Rows at the top that are headers (repeated on each page). */
  headerRows: number;
  rows: GridCell[][];
  /** Relative column widths (sum irrelevant), for the writers to scale to their page. */
  widths: number[];
}

const head = (text: string, span: { cols?: number; rows?: number } = {}): GridCell => ({
  kind: 'head',
  text,
  colSpan: span.cols,
  rowSpan: span.rows,
});
const label = (text: string, cols = 1, rows = 1): GridCell => ({ kind: 'label', text, colSpan: cols, rowSpan: rows });

/** A figure cell: the raw value (null/absent → blank) and its printed text. */
function num(value: unknown, column?: Article20Column, unit?: unknown): GridCell {
  const v = typeof value === 'number' && Number.isFinite(value) ? value : null;
  const cell: GridCell = { kind: 'num', text: showCell(v, column, unit), value: v };
  // 本年增/减 prints a sign (+8 / -21) in the 2019 format (国办公开办函〔2019〕60号).
  if (column === 'change') cell.numFmt = '+0;-0;0';
  // The 2019 采购总金额 prints its unit after the amount (seed report: 78874.11万元; 国办公开办函〔2019〕60号).
  if (column === 'amount' && typeof unit === 'string' && unit !== '') {
    cell.numFmt = `General"${unit.replace(/"/g, '')}"`;
  }
  return cell;
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The section-二 tables of a format (国办公开办函〔2021〕30号; 2019: 国办公开办函〔2019〕60号): header row, one row per item. */
export function article20Grids(report: AnnualReport, format: ReportFormat): Grid[] {
  return article20Tables(format).map((t) => {
    const rows: GridCell[][] = [t.header.map((h) => head(h))];
    for (const { code, label: text } of t.rows) {
      const entry = obj(obj(report.article20)[code]);
      // Only the 2019 采购总金额 carries a unit (as render-text.ts article20Cells prints it).
      const unit = code === 'procurement' ? entry.unit : undefined;
      rows.push([label(text), ...t.columns.map((c) => num(entry[c], c, unit))]);
    }
    return {
      caption: t.caption,
      columns: t.header.length,
      headerRows: 1,
      rows,
      widths: [3, ...t.columns.map(() => 2)],
    };
  });
}

/**
 * The section-三 table: the 勾稽 note over the three label columns and
 * three header rows, 申请人情况 over the seven figure columns, 法人或其他组织 over its five; the
 * row groups 三、本年度办理结果 and （三）–（六） merged down their sub-rows.
 */
export function applicationsGrid(report: AnnualReport, format: ReportFormat): Grid {
  const L = APPLICANT_COLUMN_LABELS;
  const firms = [L.business, L.research, L.nonprofit, L.legal_services, L.other];
  const rows: GridCell[][] = [
    [head(APPLICATIONS_NOTE, { cols: 3, rows: 3 }), head('申请人情况', { cols: 7 })],
    [head(L.natural_person, { rows: 2 }), head('法人或其他组织', { cols: 5 }), head(L.total, { rows: 2 })],
    firms.map((f) => head(f)),
  ];
  for (const line of applicationLines(format)) {
    const groups = line.groups.map((g) => label(g.label, 1, g.rows));
    const cells = APPLICANT_COLUMNS.map((c) => num(applicationCell(report, format, line.code, c)));
    rows.push([...groups, label(line.label, line.span), ...cells]);
  }
  return {
    caption: SECTION_TITLES.applications.replace(/^三、/, ''),
    columns: 10,
    headerRows: 3,
    rows,
    widths: [1.6, 2.6, 10, ...APPLICANT_COLUMNS.map(() => 1.9)],
  };
}

/** The section-四 table: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉), five columns each, one row. */
export function reviewsGrid(report: AnnualReport): Grid {
  const leaf = REVIEW_COLUMNS.map((c) => REVIEW_COLUMN_LABELS[c]);
  const reviews = obj(report.reviews);
  return {
    caption: SECTION_TITLES.reviews.replace(/^四、/, ''),
    columns: 15,
    headerRows: 3,
    rows: [
      [head(REVIEW_HEAD.reconsideration, { cols: 5 }), head(REVIEW_HEAD.litigation, { cols: 10 })],
      [
        ...leaf.map((l) => head(l, { rows: 2 })),
        head(REVIEW_HEAD.direct, { cols: 5 }),
        head(REVIEW_HEAD.afterReconsideration, { cols: 5 }),
      ],
      [...leaf, ...leaf].map((l) => head(l)),
      REVIEW_ROWS.flatMap((g) => REVIEW_COLUMNS.map((c) => num(obj(reviews[g])[c]))),
    ],
    widths: REVIEW_ROWS.flatMap(() => REVIEW_COLUMNS.map(() => 1)),
  };
}

/** A cell with its absolute position (0-based row and column of its top-left corner). */
export interface PlacedCell {
  row: number;
  col: number;
  cell: GridCell;
}

/**
 * Places the cells of a grid on absolute coordinates, skipping positions covered by a span above
 * or to the left (the HTML table model).
 * @throws Error when a row overflows the grid's column count (a layout bug)
 */
export function placeCells(grid: Grid): PlacedCell[] {
  const taken = grid.rows.map(() => new Array<boolean>(grid.columns).fill(false));
  const out: PlacedCell[] = [];
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < grid.columns && taken[r]![c]) c++;
      const cols = cell.colSpan ?? 1;
      const rows = cell.rowSpan ?? 1;
      if (c + cols > grid.columns) {
        throw new Error(`table ${grid.caption}: row ${r + 1} has more than ${grid.columns} columns`);
      }
      for (let dr = 0; dr < rows; dr++) {
        for (let dc = 0; dc < cols; dc++) if (taken[r + dr]) taken[r + dr]![c + dc] = true;
      }
      out.push({ row: r, col: c, cell });
      c += cols;
    }
  });
  return out;
}

/** The section-二 caption as a header row spanning the table, as government pages print it (seed report). */
export function withCaptionRow(grid: Grid): Grid {
  return {
    ...grid,
    headerRows: grid.headerRows + 1,
    rows: [[head(grid.caption, { cols: grid.columns })], ...grid.rows],
  };
}

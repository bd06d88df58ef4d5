/**
 * Tables as the HTML reader collects them (rows of cells with their spans) → the expanded grid and
 * the pipe rows of the plain text.
 */
import type { HtmlTableCell, TableGrid } from '../../app/documents/ports.js';

/** Spans read from an attribute: a leading integer (`2`, `"2px"`), else 1; within [1, max]. */
export function spanOf(value: string | undefined, max: number): number {
  const n = parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** HTML's limit on colspan. */
export const MAX_COLSPAN = 1000;
/** Padding cells written after a merged figure cell, at most (a wider merge is a layout artefact). */
const MAX_PADDING = 49;

/**
 * Expands rows of cells into the grid: each cell takes the first free slot of its row, and its text
 * goes in the top-left slot of the block it spans; the slots it covers hold ''. A rowspan is cut at
 * the last row (a rowspan of 0 reaches it). Time and memory are those of the grid.
 */
export function expandGrid(caption: string, written: HtmlTableCell[][]): TableGrid {
  const rows: string[][] = [];
  const cells: HtmlTableCell[][] = [];
  /** For each column, how many more rows (this one included) a cell from above still covers. */
  const covered: number[] = [];
  let width = 0;
  written.forEach((rowCells, r) => {
    const row: string[] = [];
    const own: HtmlTableCell[] = [];
    let c = 0;
    const skipCovered = () => {
      while ((covered[c] ?? 0) > 0) row[c++] = '';
    };
    for (const cell of rowCells) {
      const rowSpan = cell.rowSpan === 0 ? written.length - r : Math.min(cell.rowSpan, written.length - r);
      skipCovered();
      row[c] = cell.text;
      for (let k = 0; k < cell.colSpan; k++) {
        if (k > 0) row[c + k] = '';
        covered[c + k] = Math.max(covered[c + k] ?? 0, rowSpan);
      }
      c += cell.colSpan;
      own.push({ ...cell, rowSpan });
    }
    for (let k = c; k < covered.length; k++) if ((covered[k] ?? 0) > 0) row[k] = '';
    for (let k = 0; k < covered.length; k++) if ((covered[k] ?? 0) > 0) covered[k]!--;
    width = Math.max(width, row.length);
    rows.push(row);
    cells.push(own);
  });
  for (const row of rows) for (let k = 0; k < width; k++) row[k] ??= '';
  return { caption, cells, rows, width };
}

const CJK = /[\u4e00-\u9fff]/;

/** A figure or a blank, not a label or a heading: its text has no Chinese. */
const isFigure = (cell: HtmlTableCell): boolean => !CJK.test(cell.text);

/** The blank slots written after, or under, a merged figure cell for the extra columns it spans. */
const paddingOf = (cell: HtmlTableCell): number => (isFigure(cell) ? Math.min(cell.colSpan - 1, MAX_PADDING) : 0);

/**
 * The table's rows in the plain text's format: `| a | b |`, the cells each row writes, each figure in
 * its column. A merged cell whose text has no Chinese (a figure, or a blank) is followed by a blank cell
 * per extra column it spans, and the rows below it that it covers get a blank cell in its place (a
 * blank column merged down, `<td rowspan="2">&nbsp;</td>`); a row that holds a figure and writes
 * fewer cells than the table is wide gets blank cells for the missing ones at its end. So blank cells
 * keep the figures after them in their columns. A merged label or heading is neither padded nor
 * repeated below. Rows with no cells are left out.
 */
export function pipeRows(grid: TableGrid): string[] {
  /** For each column, the cell merged down into it from a row above and how many more rows it covers. */
  const above: { cell: HtmlTableCell; rows: number }[] = [];
  const out: string[] = [];
  for (const row of grid.cells) {
    const slots: string[] = [];
    let c = 0;
    /** Writes the slots of column c onwards that cells from above cover (blank for a merged figure). */
    const covered = () => {
      for (let a = above[c]; a && a.rows > 0; a = above[c]) {
        if (isFigure(a.cell) && a.cell.colSpan <= MAX_PADDING + 1) slots.push('');
        c++;
      }
    };
    for (const cell of row) {
      covered();
      slots.push(cell.text, ...Array<string>(paddingOf(cell)).fill(''));
      for (let k = 0; k < cell.colSpan && c + k < grid.width; k++) above[c + k] = { cell, rows: cell.rowSpan };
      c += cell.colSpan;
    }
    const figures = row.some((cell) => isFigure(cell) && cell.text !== '');
    // Blank slots at the row's end, at most MAX_PADDING (a table wider than that is a layout artefact).
    for (let end = Math.min(grid.width, c + MAX_PADDING); c < end; c++) {
      const a = above[c];
      if (a && a.rows > 0 ? isFigure(a.cell) && a.cell.colSpan <= MAX_PADDING + 1 : figures) slots.push('');
    }
    for (const a of above) if (a) a.rows--;
    if (row.length > 0) out.push(`| ${slots.join(' | ')} |`);
  }
  return out;
}

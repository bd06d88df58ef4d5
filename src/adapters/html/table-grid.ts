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

/**
 * The table's rows in the plain text's format: `| a | b |`, the cells each row writes. A merged cell
 * whose text has no Chinese (a figure, or a blank) is followed by a blank cell per extra column it
 * spans so that the figures after it keep their column; a merged label or heading is not padded.
 * Rows with no cells are left out.
 */
export function pipeRows(grid: TableGrid): string[] {
  return grid.cells
    .filter((row) => row.length > 0)
    .map((row) => {
      const slots = row.flatMap((cell) => {
        const padding = CJK.test(cell.text) ? 0 : Math.min(cell.colSpan - 1, MAX_PADDING);
        return [cell.text, ...Array<string>(padding).fill('')];
      });
      return `| ${slots.join(' | ')} |`;
    });
}

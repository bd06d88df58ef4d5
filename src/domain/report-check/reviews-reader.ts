/**
 * Reads the section-四 table: one row of 15 numbers, 5 each for 行政复议, 行政诉讼/未经复议直接起诉
 * and 行政诉讼/复议后起诉. Header words split over lines or into single
 * characters are skipped as text; digits run together are split by R5 (each group's 总计).
 */
import { REVIEW_COLUMNS, REVIEW_ROWS, type Cell, type Reviews } from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import { fitCells, readCells } from './cells.js';
import type { Span } from './sections.js';

const N = REVIEW_ROWS.length * REVIEW_COLUMNS.length;

/** R5 as a predicate on the 15 values. */
const groupsAddUp = (v: number[]): boolean =>
  [0, 5, 10].every((g) => v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]! === v[g + 4]);

export interface ReviewsRead {
  reviews: Reviews;
  found: boolean;
  findings: Finding[];
}

function toReviews(values: Cell[]): Reviews {
  const out: Reviews = {};
  REVIEW_ROWS.forEach((row, r) => {
    out[row] = Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c, values[r * 5 + i] ?? null]));
  });
  return out;
}

/** Reads section 四 from `region` of normalised `text`. */
export function readReviews(text: string, region: Span): ReviewsRead {
  const slice = text.slice(region.start, region.end);
  let pos = 0;
  let partial: { count: number; offset: number } | null = null;
  while (pos < slice.length) {
    const run = readCells(slice.slice(pos));
    if (run.cells.length === 0 || run.end === 0) break;
    const fit = fitCells(run, N, groupsAddUp);
    if (fit.kind === 'exact' && run.cells.length >= N) {
      return { reviews: toReviews(fit.cells.map((c) => (c === null ? null : c.value))), found: true, findings: [] };
    }
    if (fit.kind === 'split' && fit.candidates.length === 1) {
      return { reviews: toReviews(fit.candidates[0]!), found: true, findings: [] };
    }
    if (run.cells.length >= 4 && !partial) partial = { count: run.cells.length, offset: region.start + pos };
    pos += run.end;
  }
  const findings: Finding[] = [];
  if (partial) {
    const msg = `第四部分表格只读到${partial.count}个数（应有15个），无法确定各列位置`;
    findings.push(finding('missing', 'warning', msg, { section: 'reviews', offset: partial.offset }));
  }
  return { reviews: {}, found: false, findings };
}

/**
 * Reads the section-四 table: one row of 15 numbers, 5 each for 行政复议, 行政诉讼/未经复议直接起诉
 * and 行政诉讼/复议后起诉. Header words split over lines or into single characters are skipped as
 * text. Digits run together are split by R5 (each group's 总计); a row whose blank cells were
 * dropped is placed back by R5. When R5 leaves several readings, the 行政复议 / 行政诉讼 counts
 * the narrative states choose among them (prose.ts); otherwise the table is left absent.
 */
import { REVIEW_COLUMNS, REVIEW_ROWS, type Cell, type Reviews } from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import { fitCells, placements, readCells, splitPruned, type CellRun, type Fit, type NumCell } from './cells.js';
import { statedValues, type ProseFigure } from './prose.js';
import { CONFIDENCE, rowSources, snippetOf, type How, type Provenance } from './provenance.js';
import type { Span } from './sections.js';

const N = REVIEW_ROWS.length * REVIEW_COLUMNS.length;

/** R5 as a predicate on the 15 values. */
const groupsAddUp = (v: number[]): boolean =>
  [0, 5, 10].every((g) => v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]! === v[g + 4]);

/** R5 on the complete groups of a prefix of the 15 values. */
const groupsSoFar = (v: number[]): boolean =>
  [0, 5, 10].every((g) => v.length < g + 5 || v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]! === v[g + 4]);

/** Splits of a run of digits too long to enumerate whole: cut group by group, R5 pruning each group. */
function longSplits(run: CellRun): number[][] | null {
  const nums = run.cells.filter((c): c is NumCell => c !== null);
  if (nums.length !== run.cells.length || !nums.every((c) => /^\d+$/.test(c.raw))) return null;
  return splitPruned(
    nums.map((c) => c.raw),
    N,
    groupsSoFar,
    4, // section-四 counts have at most 4 digits (a body with 10,000 cases a year has its cells printed apart)
  );
}

export interface ReviewsRead {
  reviews: Reviews;
  found: boolean;
  /** How each figure was read (provenance.ts). */
  sources: Provenance['reviews'];
  findings: Finding[];
}

function read(values: (Cell | undefined)[], how: How, confidence: number, snippet: string): ReviewsRead {
  const reviews: Reviews = {};
  const sources: Provenance['reviews'] = {};
  REVIEW_ROWS.forEach((row, r) => {
    const cells = Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c, values[r * 5 + i] ?? null]));
    reviews[row] = cells;
    sources[row] = rowSources(cells, how, confidence, snippet);
  });
  return { reviews, found: true, sources, findings: [] };
}

/** Keeps the readings whose 行政复议 total and 行政诉讼 totals agree with what the prose states. */
function byProse(candidates: Cell[][], prose: ProseFigure[]): Cell[][] {
  const recon = statedValues(prose, 'reconsideration');
  const lit = statedValues(prose, 'litigation');
  if (recon.length === 0 && lit.length === 0) return candidates;
  return candidates.filter((c) => {
    const [a, b, d] = [c[4] ?? 0, c[9] ?? 0, c[14] ?? 0];
    return recon.every((s) => s === a) && lit.every((s) => s === b + d || s === b || s === d);
  });
}

/** The readings of a run with fewer cells than 15: splits of run-together digits and placements of dropped blanks. */
function candidatesOf(run: CellRun, splits: number[][]): Cell[][] {
  const nums = run.cells.filter((c): c is NumCell => c !== null);
  const placed = nums.length === run.cells.length ? placements(nums, N, groupsAddUp) : [];
  return [...splits, ...placed];
}

/** Reads section 四 from `region` of normalised `text`; `prose` are the figures the narrative states. */
export function readReviews(text: string, region: Span, prose: ProseFigure[] = []): ReviewsRead {
  const slice = text.slice(region.start, region.end);
  let pos = 0;
  let partial: { run: CellRun; splits: number[][]; offset: number } | null = null;
  while (pos < slice.length) {
    const run = readCells(slice.slice(pos));
    if (run.cells.length === 0 || run.end === 0) break;
    const snippet = snippetOf(slice, pos, pos + run.end);
    const digits = run.cells.reduce((s, c) => s + (c?.raw.length ?? 0), 0);
    // Digits run together over 15 cells or more: the pruned search (complete where the plain one stops at its limit).
    const long = run.cells.length < N && digits >= N ? longSplits(run) : null;
    const fit: Fit = long ? { kind: 'split', candidates: long } : fitCells(run, N, groupsAddUp);
    if (fit.kind === 'exact' && run.cells.length >= N) {
      const values = fit.cells.map((c) => (c === null ? null : c.value));
      return read(values, run.positional ? 'cell' : 'text', CONFIDENCE.read, snippet);
    }
    if ((run.cells.length >= 4 || fit.kind === 'split' || digits >= N) && !partial) {
      partial = { run, splits: fit.kind === 'split' ? fit.candidates : [], offset: region.start + pos };
    }
    pos += run.end;
  }
  if (partial) {
    const all = candidatesOf(partial.run, partial.splits);
    const snippet = snippetOf(text, partial.offset, partial.offset + partial.run.end);
    if (all.length === 1) return read(all[0]!, 'inferred', CONFIDENCE.rowRule, snippet);
    const kept = byProse(all, prose);
    const confidence = kept.length < all.length ? CONFIDENCE.prose : CONFIDENCE.rowRule;
    if (kept.length === 1) return read(kept[0]!, 'inferred', confidence, snippet);
    const agreed = agreedCells(kept);
    const count = partial.run.cells.length;
    const missing = finding('missing', 'warning', `第四部分表格只读到${count}个数（应有15个），无法确定各列位置`, {
      section: 'reviews',
      offset: partial.offset,
    });
    if (agreed.some((v) => v !== undefined)) {
      // The cells every reading agrees on are read; the others are left absent.
      const some = read(agreed, 'inferred', confidence, snippet);
      for (const row of REVIEW_ROWS) {
        for (const c of REVIEW_COLUMNS) {
          if (agreed[REVIEW_ROWS.indexOf(row) * 5 + REVIEW_COLUMNS.indexOf(c)] !== undefined) continue;
          delete some.reviews[row]![c];
          delete some.sources[row]![c];
        }
      }
      return { ...some, findings: [missing] };
    }
    return { reviews: {}, found: false, sources: {}, findings: [missing] };
  }
  return { reviews: {}, found: false, sources: {}, findings: [] };
}

/** Per position, the value every reading gives it (undefined where they differ, or with no reading). */
function agreedCells(readings: Cell[][]): (Cell | undefined)[] {
  return Array.from({ length: N }, (_, i) => {
    const first = readings[0]?.[i];
    return readings.length > 0 && readings.every((r) => r[i] === first) ? first : undefined;
  });
}

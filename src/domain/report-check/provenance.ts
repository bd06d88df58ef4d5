/**
 * Where each figure of a checked report came from (docs/report-check.md, "Provenance"): the same
 * section / row / column keys as the report JSON, each figure with how it was read, a confidence
 * between 0 and 1 and the snippet of text it was read from.
 * - `cell`: a positional cell of a table whose structure the copy kept (HTML cells, pipe rows);
 * - `text`: flat text read unambiguously (as many numbers as the row has columns);
 * - `inferred`: placed or split by the arithmetic rules (R1–R8, check-report.ts) or the figures the
 *   report's own prose states, chosen because exactly one reading satisfies them.
 */
import type { ApplicationRow, Article20Row, ReviewRow } from '../reports/annual-report.js';

export type How = 'cell' | 'text' | 'inferred';

export interface FigureSource {
  how: How;
  confidence: number;
  snippet: string;
}

/** The sources of one row, keyed by column code. */
export type RowSources = Record<string, FigureSource>;

export interface Provenance {
  article20: Partial<Record<Article20Row, RowSources>>;
  applications: Partial<Record<ApplicationRow, RowSources>>;
  reviews: Partial<Record<ReviewRow, RowSources>>;
}

/**
 * Confidence of each way of reading. Cells and unambiguous flat text are read as printed; a
 * reading chosen by arithmetic is less certain the weaker the evidence that singled it out.
 */
export const CONFIDENCE = {
  /** Read as printed. */
  read: 1,
  /** Every cell zero, forced by a zero total (R3 with R8: counts are non-negative). */
  zeroRow: 0.95,
  /** Row labels lost: numeric lines taken in table order. */
  lineOrder: 0.9,
  /** The only split of run-together digits that satisfies the row's own rule (R3 or R5). */
  rowRule: 0.9,
  /** Chosen by the column rules R1/R4 over the whole table, or the 2021 stock identity (R7). */
  tableRules: 0.85,
  /** Blank cells placed by the column rules (the numbers were printed, their columns inferred). */
  placed: 0.8,
  /** The arithmetic left several readings and the figures stated in the report's prose chose one. */
  prose: 0.75,
  /** Only the total of a row whose blank cells were dropped. */
  totalOnly: 0.7,
} as const;

/** An empty provenance (fresh objects: the caller fills them). */
export const emptyProvenance = (): Provenance => ({ article20: {}, applications: {}, reviews: {} });

/**
 * The text a row was read from, on one line, at most 80 characters. A label match may begin on
 * the line before (header words such as `其他`): the snippet starts at the line of the row.
 */
export function snippetOf(text: string, start: number, end: number): string {
  let raw = text.slice(start, Math.max(start, end));
  const digit = raw.search(/\d/);
  for (let i = digit - 1; i > 0; i--) {
    if (raw[i] === '\n' && /[^\s|]/.test(raw.slice(i, digit))) {
      raw = raw.slice(i + 1);
      break;
    }
  }
  const s = raw.replace(/\s+/g, ' ').trim();
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

/** The same source for every column of a row that has a value (absent columns get none). */
export function rowSources(cells: Record<string, unknown>, how: How, confidence: number, snippet: string): RowSources {
  const out: RowSources = {};
  for (const [col, v] of Object.entries(cells)) {
    if (col === 'unit' || v === undefined) continue;
    out[col] = { how, confidence, snippet };
  }
  return out;
}

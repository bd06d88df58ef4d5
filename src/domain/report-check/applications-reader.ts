/**
 * Reads the section-三 table (国办公开办函〔2021〕30号 for 2021, 国办公开办函〔2019〕60号 for 2019) from a region of normalised text.
 * Two readers are tried and the better kept: rows anchored on their labels, and — for copies whose
 * labels drifted away from their figures (PDF-to-markdown) — numeric lines taken in table order.
 * Rows whose digits ran together are split by R3, then by the column rules R1/R4 (resolve.ts).
 */
import {
  APPLICANT_COLUMNS,
  applicationRows,
  type ApplicantColumn,
  type ApplicationRow,
  type Applications,
  type Cell,
} from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import { APPLICATION_ROW_LABELS } from '../reports/labels.js';
import { fitCells, placements, readCells, type CellRun, type Fit, type NumCell } from './cells.js';
import { statedValues, type ProseFigure } from './prose.js';
import { CONFIDENCE, rowSources, snippetOf, type How, type Provenance } from './provenance.js';
import { resolveColumns, type PendingRow } from './resolve.js';
import { findApplicationLabels, maskSpans, type LabelHit } from './row-labels.js';
import type { Span } from './sections.js';

const N = APPLICANT_COLUMNS.length;

/** R3 as a predicate on 7 values: the six parts add up to the total. */
export const rowAddsUp = (v: number[]): boolean => v.slice(0, -1).reduce((a, b) => a + b, 0) === v[v.length - 1];

export interface ApplicationsRead {
  applications: Applications;
  /** Rows whose labels were seen, in text order. */
  labelsSeen: ApplicationRow[];
  /** Offset of each row label (for findings). */
  offsets: Partial<Record<ApplicationRow, number>>;
  /** How each figure was read (provenance.ts). */
  sources: Provenance['applications'];
  findings: Finding[];
}

type RowFit = { row: ApplicationRow; fit: Fit; run: CellRun; offset: number; end: number };

const toRow = (values: (number | null)[]): Partial<Record<ApplicantColumn, Cell>> =>
  Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, values[i] ?? null]));

const cellValue = (c: NumCell | null): Cell => (c === null ? null : c.value);

/** Label-anchored reading: each label takes the cells that follow it. */
function readAnchored(text: string, hits: LabelHit<ApplicationRow>[], region: Span): RowFit[] {
  const out: RowFit[] = [];
  hits.forEach((hit, i) => {
    const next = hits[i + 1]?.start ?? region.end;
    const run = readCells(text.slice(hit.end, next));
    const fit = fitCells(run, N, rowAddsUp);
    if (hit.code === 'other' && fit.kind === 'none') return; // group label of the three 2021 sub-rows
    const seen = out.findIndex((r) => r.row === hit.code);
    if (seen >= 0 && out[seen]!.fit.kind !== 'none') return;
    if (seen >= 0) out.splice(seen, 1);
    out.push({ row: hit.code, fit, run, offset: hit.start, end: hit.end + run.end });
  });
  return out;
}

/** Line reading: every line holding exactly one full row of 7 cells, in table order. */
function readLines(
  text: string,
  hits: LabelHit<ApplicationRow>[],
  region: Span,
): { values: Cell[]; snippet: string }[] {
  const masked = maskSpans(text.slice(region.start, region.end), hits, region.start);
  const rows: { values: Cell[]; snippet: string }[] = [];
  for (const line of masked.split('\n')) {
    const run = readCells(line);
    const fit = fitCells(run, N, rowAddsUp);
    const snippet = snippetOf(line.replace(/＃+/g, ' '), 0, line.length);
    if (fit.kind === 'exact' && run.cells.length >= N && fit.cells.some((c) => c !== null)) {
      rows.push({ values: fit.cells.map(cellValue), snippet });
    } else if (fit.kind === 'split' && fit.candidates.length === 1) rows.push({ values: fit.candidates[0]!, snippet });
  }
  return rows;
}

const isGood = (f: Fit): boolean => f.kind === 'exact' || f.kind === 'split';

/** The reading of a row whose blank cells were dropped when the arithmetic cannot place them. */
function droppedRow(cells: NumCell[]): { row: Partial<Record<ApplicantColumn, Cell>>; confidence: number } {
  const values = cells.map((c) => c.value);
  const total = values[values.length - 1]!;
  if (values.every((v) => v === 0)) {
    return { row: toRow(APPLICANT_COLUMNS.map(() => 0)), confidence: CONFIDENCE.zeroRow };
  }
  if (values.length === 2 && values[0] === total) {
    return { row: { ...toRow([]), natural_person: total, total }, confidence: CONFIDENCE.totalOnly };
  }
  return { row: { total }, confidence: CONFIDENCE.totalOnly };
}

/** A row the text leaves open: its readings, where it was read, and what to fall back on. */
interface Open extends PendingRow {
  offset: number;
  snippet: string;
  /** Readings that put dropped numbers back into columns (the others are splits of run-together digits). */
  placed: Set<Cell[]>;
  dropped: NumCell[] | null;
}

/** Reads section 三 from `region` of normalised `text`; `prose` are the figures the narrative states. */
export function readApplications(text: string, region: Span, prose: ProseFigure[] = []): ApplicationsRead {
  const hits = findApplicationLabels(text, region);
  const anchored = readAnchored(text, hits, region);
  const result: ApplicationsRead = {
    applications: {},
    labelsSeen: hits.map((h) => h.code),
    offsets: {},
    sources: {},
    findings: [],
  };
  for (const h of hits) result.offsets[h.code] ??= h.start;
  const good = anchored.filter((r) => isGood(r.fit)).length;
  const lines = good < anchored.length ? readLines(text, hits, region) : [];
  if (lines.length === 23 || lines.length === 25) {
    if (lines.length > good) {
      const order = applicationRows(lines.length === 25 ? '2021' : '2019');
      order.forEach((row, i) => set(result, row, lines[i]!.values, 'text', CONFIDENCE.lineOrder, lines[i]!.snippet));
      return result;
    }
  }
  const open: Open[] = [];
  for (const { row, fit, run, offset, end } of anchored) {
    const snippet = snippetOf(text, offset, end);
    if (fit.kind === 'exact') {
      set(result, row, fit.cells.map(cellValue), run.positional ? 'cell' : 'text', CONFIDENCE.read, snippet);
    } else if (fit.kind === 'split' && fit.candidates.length === 1 && !couldBeBlank(run)) {
      set(result, row, fit.candidates[0]!, 'inferred', CONFIDENCE.rowRule, snippet);
    } else if (fit.kind === 'split' || fit.kind === 'dropped') {
      const nums = run.cells.filter((c): c is NumCell => c !== null);
      const placed = new Set(nums.length === run.cells.length ? placements(nums, N, rowAddsUp) : []);
      const candidates = [...(fit.kind === 'split' ? fit.candidates : []), ...placed];
      const dropped = fit.kind === 'dropped' && fit.cells.length > 0 ? fit.cells : null;
      if (dropped && dropped.every((c) => c.value === 0)) {
        set(result, row, droppedRow(dropped).row, 'inferred', CONFIDENCE.zeroRow, snippet);
      } else if (candidates.length > 0 || dropped) open.push({ row, candidates, offset, snippet, placed, dropped });
    }
  }
  if (open.length > 0) resolveOpen(result, open, prose);
  return result;
}

/** A run with fewer numbers than columns may be a row with blank cells rather than digits run together. */
const couldBeBlank = (run: CellRun): boolean => run.cells.length < N && run.cells.every((c) => c !== null);

function set(
  result: ApplicationsRead,
  row: ApplicationRow,
  values: Cell[] | Partial<Record<ApplicantColumn, Cell>>,
  how: How,
  confidence: number,
  snippet: string,
): void {
  const cells = Array.isArray(values) ? toRow(values) : values;
  result.applications[row] = cells;
  result.sources[row] = rowSources(cells, how, confidence, snippet);
}

/** Keeps the readings of 本年新收 whose total the prose states (alone or with 上年结转). */
function byProse(result: ApplicationsRead, open: Open[], prose: ProseFigure[]): boolean {
  const stated = statedValues(prose, 'received');
  const p = open.find((o) => o.row === 'new');
  if (!p || stated.length === 0) return false;
  const carried = result.applications.carried_over?.total ?? 0;
  const kept = p.candidates.filter((c) => stated.some((s) => c[N - 1] === s || c[N - 1] === s - carried));
  if (kept.length === 0 || kept.length === p.candidates.length) return false;
  p.candidates = kept;
  return true;
}

/** Chooses among the readings of open rows by the column rules, then the prose; unresolved rows get a finding. */
function resolveOpen(result: ApplicationsRead, open: Open[], prose: ProseFigure[]): void {
  const choosable = open.filter((p) => p.candidates.length > 0);
  let chosen = resolveColumns(result.applications, choosable);
  let confidence: number = CONFIDENCE.tableRules;
  if (open.some((p) => !chosen?.has(p.row)) && byProse(result, choosable, prose)) {
    chosen = resolveColumns(result.applications, choosable);
    confidence = CONFIDENCE.prose;
  }
  for (const p of open) {
    const values = chosen?.get(p.row);
    if (values) {
      const placed = p.placed.has(values) || [...p.placed].some((c) => c.join() === values.join());
      set(result, p.row, values, 'inferred', placed ? Math.min(confidence, CONFIDENCE.placed) : confidence, p.snippet);
      continue;
    }
    const where = { section: 'applications', row: p.row, offset: p.offset };
    if (p.dropped) {
      const fallback = droppedRow(p.dropped);
      set(result, p.row, fallback.row, 'inferred', fallback.confidence, p.snippet);
      const msg = `第三部分“${APPLICATION_ROW_LABELS[p.row]}”行只读到${p.dropped.length}个数（空白单元格被省略），无法确定全部列位置`;
      if (p.dropped.length < N) result.findings.push(finding('missing', 'warning', msg, where));
    } else {
      const msg = `第三部分“${APPLICATION_ROW_LABELS[p.row]}”行的数字连在一起，有${p.candidates.length}种拆分都符合行合计，无法确定`;
      result.findings.push(finding('missing', 'warning', msg, where));
    }
  }
}

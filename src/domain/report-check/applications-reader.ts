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
import { fitCells, readCells, type Fit, type NumCell } from './cells.js';
import { resolveColumns } from './resolve.js';
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
  findings: Finding[];
}

type RowFit = { row: ApplicationRow; fit: Fit; offset: number };

const toRow = (values: (number | null)[]): Partial<Record<ApplicantColumn, Cell>> =>
  Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, values[i] ?? null]));

const cellValue = (c: NumCell | null): Cell => (c === null ? null : c.value);

/** Label-anchored reading: each label takes the cells that follow it. */
function readAnchored(text: string, hits: LabelHit<ApplicationRow>[], region: Span): RowFit[] {
  const out: RowFit[] = [];
  hits.forEach((hit, i) => {
    const next = hits[i + 1]?.start ?? region.end;
    const fit = fitCells(readCells(text.slice(hit.end, next)), N, rowAddsUp);
    if (hit.code === 'other' && fit.kind === 'none') return; // group label of the three 2021 sub-rows
    const seen = out.findIndex((r) => r.row === hit.code);
    if (seen >= 0 && out[seen]!.fit.kind !== 'none') return;
    if (seen >= 0) out.splice(seen, 1);
    out.push({ row: hit.code, fit, offset: hit.start });
  });
  return out;
}

/** Line reading: every line holding exactly one full row of 7 cells, in table order. */
function readLines(text: string, hits: LabelHit<ApplicationRow>[], region: Span): (number | null)[][] {
  const masked = maskSpans(text.slice(region.start, region.end), hits, region.start);
  const rows: (number | null)[][] = [];
  for (const line of masked.split('\n')) {
    const run = readCells(line);
    const fit = fitCells(run, N, rowAddsUp);
    if (fit.kind === 'exact' && run.cells.length >= N && fit.cells.some((c) => c !== null)) {
      rows.push(fit.cells.map(cellValue));
    } else if (fit.kind === 'split' && fit.candidates.length === 1) rows.push(fit.candidates[0]!);
  }
  return rows;
}

const isGood = (f: Fit): boolean => f.kind === 'exact' || f.kind === 'split';

/** Reads the values of a row whose blank cells were dropped (column positions lost). */
function droppedRow(cells: NumCell[]): Partial<Record<ApplicantColumn, Cell>> {
  const values = cells.map((c) => c.value);
  const total = values[values.length - 1]!;
  if (values.every((v) => v === 0)) return toRow(APPLICANT_COLUMNS.map(() => 0));
  if (values.length === 2 && values[0] === total) return { ...toRow([]), natural_person: total, total };
  return { total };
}

/** Reads section 三 from `region` of normalised `text`. */
export function readApplications(text: string, region: Span): ApplicationsRead {
  const hits = findApplicationLabels(text, region);
  const anchored = readAnchored(text, hits, region);
  const result: ApplicationsRead = { applications: {}, labelsSeen: hits.map((h) => h.code), offsets: {}, findings: [] };
  for (const h of hits) result.offsets[h.code] ??= h.start;
  const good = anchored.filter((r) => isGood(r.fit)).length;
  const lines = good < anchored.length ? readLines(text, hits, region) : [];
  if (lines.length === 23 || lines.length === 25) {
    if (lines.length > good) {
      const order = applicationRows(lines.length === 25 ? '2021' : '2019');
      order.forEach((row, i) => (result.applications[row] = toRow(lines[i]!)));
      return result;
    }
  }
  const pending: { row: ApplicationRow; candidates: number[][] }[] = [];
  for (const { row, fit, offset } of anchored) {
    const where = { section: 'applications', row, offset };
    if (fit.kind === 'exact') result.applications[row] = toRow(fit.cells.map(cellValue));
    else if (fit.kind === 'split' && fit.candidates.length === 1) result.applications[row] = toRow(fit.candidates[0]!);
    else if (fit.kind === 'split') pending.push({ row, candidates: fit.candidates });
    else if (fit.kind === 'dropped' && fit.cells.length > 0) {
      result.applications[row] = droppedRow(fit.cells);
      const msg = `第三部分“${APPLICATION_ROW_LABELS[row]}”行只读到${fit.cells.length}个数（空白单元格被省略），无法确定全部列位置`;
      if (fit.cells.length < N && fit.cells.some((c) => c.value !== 0)) {
        result.findings.push(finding('missing', 'warning', msg, where));
      }
    }
  }
  if (pending.length > 0) resolvePending(result, pending);
  return result;
}

/** Chooses among the readings of run-together rows by the column rules; unresolved rows stay absent. */
function resolvePending(result: ApplicationsRead, pending: { row: ApplicationRow; candidates: number[][] }[]): void {
  const chosen = resolveColumns(result.applications, pending);
  for (const p of pending) {
    const values = chosen?.get(p.row);
    if (values) result.applications[p.row] = toRow(values);
    else {
      const msg = `第三部分“${APPLICATION_ROW_LABELS[p.row]}”行的数字连在一起，有${p.candidates.length}种拆分都符合行合计，无法确定`;
      result.findings.push(
        finding('missing', 'warning', msg, { section: 'applications', row: p.row, offset: result.offsets[p.row] }),
      );
    }
  }
}

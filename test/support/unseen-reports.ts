/**
 * Test helper: synthetic "unseen" reports for the reading classes of docs/report-check.md (headings
 * that differ from the standard, blank cells, numbers run together, column shifts in the 2021
 * section 二). Each is a valid random report rendered by the product renderer
 * (render-report-text.ts) and then damaged the way real copies are; `truth` is what the text
 * still says (a blank cell is null).
 */
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type ApplicationRow,
  type ReportFigures,
  type ReportFormat,
} from '../../src/domain/reports/annual-report.js';
import { prng, randomFigures, renderReportText, reshape, type Shape } from './render-report-text.js';

export type Figures = ReportFigures & { format: ReportFormat };

export interface Unseen {
  name: string;
  text: string;
  truth: Figures;
  previous?: ReportFigures;
}

/** A valid random report (seeded), its year and its pipe text. */
export function base(seed: number, format: ReportFormat = '2021'): { figures: Figures; year: number } {
  const figures = randomFigures(prng(seed), format);
  return { figures, year: format === '2021' ? 2022 : 2020 };
}

/** The cells of a table row as the renderer prints them (`2 | 3 | 5 |`). */
export const pipeCells = (values: (number | null)[]): string => `${values.map((v) => v ?? '').join(' | ')} |`;

/** The figures of a section-三 row in column order. */
export const appValues = (f: Figures, row: ApplicationRow): number[] =>
  APPLICANT_COLUMNS.map((c) => f.applications[row]![c] as number);

/** The 15 figures of section 四 in table order. */
export const reviewValues = (f: Figures): number[] =>
  REVIEW_ROWS.flatMap((r) => REVIEW_COLUMNS.map((c) => f.reviews[r]![c] as number));

/** Re-shapes pipe text (render-report-text.ts): pipe rows, space-separated cells, one cell per line. */
export const shaped = (text: string, shape: Shape): string => reshape(text, shape);

/** Replaces exactly one occurrence of `from` (throws when absent: the fixture would not be damaged). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`fixture: ${from} not in the text`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Replaces the cells of the section-三 row labelled `label` (the first cells after the label). */
export function replaceRow(text: string, label: string, from: string, to: string): string {
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`fixture: ${label} not in the text`);
  return text.slice(0, at) + replaceOnce(text.slice(at), from, to);
}

/** Adds sentences to section 一 (the narrative the prose figures are read from). */
export const withOverview = (text: string, sentences: string): string =>
  replaceOnce(text, '一、总体情况\n', `一、总体情况\n${sentences}\n`);

export { renderReportText, prng };

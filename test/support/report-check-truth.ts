/**
 * Compares the report checker with the hand-read truth of the corpus fixtures
 * (test/fixtures/reports/corpus/truth.json, copied from the shared corpus).
 * Used by the corpus tests and by `node --import tsx test/support/measure-report-check.ts`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReportText, type CheckedReport } from '../../src/domain/report-check/check-text.js';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reports', 'corpus');

export interface TruthEntry {
  year: number;
  format: '2019' | '2021' | null;
  complete: boolean;
  spam: boolean;
  violations: boolean | null;
  cells?: Record<string, number | null>;
}

export interface FileScore {
  file: string;
  keys: number;
  matched: number;
  wrong: string[];
  absent: string[];
  year: boolean;
  format: boolean;
  spam: boolean;
  violations: boolean | null;
  complete: boolean;
  report: CheckedReport;
}

export function loadTruth(): Record<string, TruthEntry> {
  const raw = JSON.parse(readFileSync(join(CORPUS_DIR, 'truth.json'), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('_'))) as Record<string, TruthEntry>;
}

/** Looks up `section|row|column` in a checked report (undefined when absent). */
export function cellOf(report: CheckedReport, key: string): number | null | undefined {
  const [section, row, column] = key.split('|') as [string, string, string];
  const table = (report as unknown as Record<string, Record<string, Record<string, number | null>>>)[section];
  const cells = table?.[row];
  if (!cells || !(column in cells)) return undefined;
  return cells[column];
}

const RULES = new Set(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8']);

/** Scores one corpus file against its truth entry. */
export function scoreFile(file: string, truth: TruthEntry): FileScore {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  const report = checkReportText(text, { file });
  const score: FileScore = {
    file,
    keys: 0,
    matched: 0,
    wrong: [],
    absent: [],
    year: report.year === truth.year,
    format: true,
    spam: false,
    violations: null,
    complete: report.complete === truth.complete,
    report,
  };
  for (const [key, expected] of Object.entries(truth.cells ?? {})) {
    score.keys++;
    const got = cellOf(report, key);
    if (got === undefined) score.absent.push(key);
    else if (got === expected) score.matched++;
    else score.wrong.push(`${key}: ${got} ≠ ${expected}`);
  }
  score.format = truth.format === null || report.format === truth.format;
  score.spam = report.tampered === truth.spam;
  const broke = report.findings.some((f) => RULES.has(f.rule) && f.severity === 'error');
  score.violations = truth.violations === null ? null : broke === truth.violations;
  return score;
}

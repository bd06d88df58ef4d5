/**
 * The provenance of a checked report in readable Chinese (`report check --explain`): one line per
 * table row and way of reading — the figures, how they were read, the confidence and the text
 * they were read from. Pure.
 */
import { APPLICANT_COLUMN_LABELS, ARTICLE20_COLUMN_LABELS, REVIEW_COLUMN_LABELS, rowLabel } from '../reports/labels.js';
import type { CheckedReport } from './check-text.js';
import type { FigureSource, How } from './provenance.js';

export const HOW_LABELS: Record<How, string> = {
  cell: '表格单元格',
  text: '文本（逐个读出）',
  inferred: '推算（按勾稽关系或正文数字确定）',
};

const SECTIONS = [
  ['article20', '第二部分', ARTICLE20_COLUMN_LABELS],
  ['applications', '第三部分', APPLICANT_COLUMN_LABELS],
  ['reviews', '第四部分', REVIEW_COLUMN_LABELS],
] as const;

const shown = (v: unknown): string => (v === null ? '空' : String(v));

/** The lines explaining where each figure came from (empty without provenance). */
export function explainLines(report: CheckedReport): string[] {
  const p = report.provenance;
  if (!p) return [];
  const lines: string[] = [];
  for (const [section, name, columns] of SECTIONS) {
    const figures = report[section] as Record<string, Record<string, unknown> | undefined>;
    for (const [row, sources] of Object.entries(p[section] as Record<string, Record<string, FigureSource>>)) {
      // Columns read the same way are shown together.
      const groups = new Map<string, string[]>();
      let snippet = '';
      for (const [col, s] of Object.entries(sources)) {
        const key = `${HOW_LABELS[s.how]}，置信度 ${s.confidence}`;
        const label = (columns as Record<string, string>)[col] ?? col;
        groups.set(key, [...(groups.get(key) ?? []), `${label} ${shown(figures[row]?.[col])}`]);
        snippet = s.snippet;
      }
      for (const [key, cells] of groups) {
        lines.push(`${name}“${rowLabel(section, row)}”：${cells.join('，')}（${key}）`);
      }
      if (snippet) lines.push(`  原文：${snippet}`);
    }
  }
  return lines;
}

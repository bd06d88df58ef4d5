/**
 * Rule R8 (check-report.ts): counts are non-negative integers; amounts (the 2021 收费金额 in 万元,
 * the 2019 采购总金额) are non-negative decimals; the 2019 format's 本年增/减 may be negative.
 */
import type { Article20Column, Cell, ReportFigures } from './annual-report.js';
import { finding, type Finding } from './finding.js';
import { ARTICLE20_COLUMN_LABELS, rowLabel } from './labels.js';

type Kind = 'count' | 'signed' | 'amount';

function kindOf(column: Article20Column): Kind {
  if (column === 'amount') return 'amount';
  if (column === 'change') return 'signed';
  return 'count';
}

function problem(value: Cell | undefined, kind: Kind): string | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) return '不是有效数字';
  if (kind === 'signed') return Number.isInteger(value) ? null : '应为整数';
  if (value < 0) return '不能为负数';
  if (kind === 'count' && !Number.isInteger(value)) return '应为整数';
  return null;
}

/** The cell's name in a message (built only for a cell that breaks the rule; most reports have none). */
function cellLabel(section: 'article20' | 'applications' | 'reviews', row: string, column: string): string {
  if (section === 'article20') {
    const col = column as Article20Column;
    return `第二部分“${rowLabel('article20', row)}”的${ARTICLE20_COLUMN_LABELS[col] ?? col}`;
  }
  return `${section === 'applications' ? '第三部分' : '第四部分'}“${rowLabel(section, row)}”`;
}

/** R8 over every cell of a report. */
export function checkCellValues(report: ReportFigures): Finding[] {
  const out: Finding[] = [];
  const check = (
    section: 'article20' | 'applications' | 'reviews',
    row: string,
    column: string,
    value: Cell | undefined,
    kind: Kind,
  ) => {
    const p = problem(value, kind);
    if (p) {
      out.push(
        finding('R8', 'error', `${cellLabel(section, row, column)}的数值${value}${p}`, { section, row, column }),
      );
    }
  };
  for (const [row, cells] of Object.entries(report.article20 ?? {})) {
    for (const [column, value] of Object.entries(cells ?? {})) {
      if (column === 'unit') continue;
      check('article20', row, column, value as Cell, kindOf(column as Article20Column));
    }
  }
  for (const section of ['applications', 'reviews'] as const) {
    for (const [row, cells] of Object.entries(report[section] ?? {})) {
      for (const [column, value] of Object.entries(cells ?? {})) check(section, row, column, value as Cell, 'count');
    }
  }
  return out;
}

/**
 * The arithmetic rules of the annual report (勾稽关系; docs/report-check.md lists them too):
 * - R1 (printed in the section-三 header note): per column, 一 + 二 = （七）总计 + 四.
 * - R2 (row label of （二）部分公开): a counting rule with no arithmetic form of its own; it is what
 *   makes R4 hold (each application in exactly one outcome row), so R4 enforces it.
 * - R3: per row, 总计 = the six applicant columns.
 * - R4: per column, （七）总计 = the sum of all outcome rows.
 * - R5: section 四, each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结.
 * - R6: this year's 上年结转 = last year's 结转下年度 (skipped without last year's report).
 * - R7: 现行有效件数 = last year's + 制发 − 废止 (2021 format; a warning, can fail legitimately).
 * - R8: counts are non-negative integers; amounts non-negative decimals; 2019 本年增/减 may be negative.
 * A blank (null) cell counts as 0; a blank total over non-zero parts is itself a finding (R3/R4/R5).
 */
import {
  APPLICANT_COLUMNS,
  OUTCOME_CODES,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type ApplicantColumn,
  type ApplicationRow,
  type Applications,
  type Cell,
  type ReportFigures,
  type Reviews,
} from './annual-report.js';
import { finding, type Finding } from './finding.js';
import { APPLICANT_COLUMN_LABELS, APPLICATION_ROW_LABELS, REVIEW_COLUMN_LABELS, REVIEW_ROW_LABELS } from './labels.js';
import { checkCellValues } from './check-values.js';

export interface CheckOptions {
  /** Last year's report, for the cross-year rules R6 and R7. */
  previous?: ReportFigures | null;
  /** Where last year's report was read from (a file name): put in the R6/R7 messages and `where.previousFile`. */
  previousFile?: string;
}

const PARTS: ApplicantColumn[] = APPLICANT_COLUMNS.filter((c) => c !== 'total');

/** Reads a section-三 cell: undefined when the row or cell is absent, blanks count as 0. */
function appCell(apps: Applications, row: ApplicationRow, col: ApplicantColumn): number | undefined {
  const r = apps[row];
  if (!r || !(col in r)) return undefined;
  return r[col] ?? 0;
}

function sum(values: (number | undefined)[]): number | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return round(s);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const rowName = (row: ApplicationRow): string => APPLICATION_ROW_LABELS[row];
const colName = (col: ApplicantColumn): string => APPLICANT_COLUMN_LABELS[col];

/** R1: per column 一 + 二 = （七）总计 + 四. */
function checkR1(apps: Applications): Finding[] {
  const out: Finding[] = [];
  for (const col of APPLICANT_COLUMNS) {
    const left = sum([appCell(apps, 'new', col), appCell(apps, 'carried_over', col)]);
    const right = sum([appCell(apps, 'total', col), appCell(apps, 'carried_forward', col)]);
    if (left === undefined || right === undefined || left === right) continue;
    out.push(
      finding(
        'R1',
        'error',
        `第三部分“${colName(col)}”列：本年新收与上年结转之和为${left}，不等于（七）总计与结转下年度之和${right}`,
        { section: 'applications', row: 'total', column: col },
      ),
    );
  }
  return out;
}

/** R3: per row 总计 = sum of the six applicant columns. */
function checkR3(apps: Applications): Finding[] {
  const out: Finding[] = [];
  for (const [row, cells] of Object.entries(apps) as [ApplicationRow, Partial<Record<ApplicantColumn, Cell>>][]) {
    if (!cells || !('total' in cells)) continue;
    const parts = sum(PARTS.map((c) => appCell(apps, row, c)));
    if (parts === undefined) continue;
    const where = { section: 'applications', row, column: 'total' };
    if (cells.total === null && parts !== 0) {
      out.push(finding('R3', 'error', `第三部分“${rowName(row)}”行的总计为空，但各列之和为${parts}`, where));
    } else if ((cells.total ?? 0) !== parts) {
      out.push(
        finding('R3', 'error', `第三部分“${rowName(row)}”行：各列之和为${parts}，总计却为${cells.total}`, where),
      );
    }
  }
  return out;
}

/** The outcome rows a report actually prints: single `other` row or the three `other.*` rows. */
function presentOutcomeRows(apps: Applications): ApplicationRow[] {
  const base: ApplicationRow[] = OUTCOME_CODES.filter((c) => !c.startsWith('other.'));
  if (apps.other) return [...base, 'other'];
  return [...OUTCOME_CODES];
}

/** R4: per column （七）总计 = sum of outcome rows. */
function checkR4(apps: Applications): Finding[] {
  const out: Finding[] = [];
  const rows = presentOutcomeRows(apps);
  for (const col of APPLICANT_COLUMNS) {
    const parts = sum(rows.map((r) => appCell(apps, r, col)));
    const total = apps.total?.[col];
    if (parts === undefined || total === undefined) continue;
    const where = { section: 'applications', row: 'total', column: col };
    if (total === null && parts !== 0) {
      out.push(finding('R4', 'error', `第三部分（七）总计“${colName(col)}”列为空，但各办理结果之和为${parts}`, where));
    } else if ((total ?? 0) !== parts) {
      out.push(
        finding('R4', 'error', `第三部分“${colName(col)}”列：各办理结果之和为${parts}，（七）总计却为${total}`, where),
      );
    }
  }
  return out;
}

/** R5: section 四 group totals. */
function checkR5(reviews: Reviews): Finding[] {
  const out: Finding[] = [];
  for (const row of REVIEW_ROWS) {
    const cells = reviews[row];
    if (!cells || !('total' in cells)) continue;
    const parts = sum(
      REVIEW_COLUMNS.filter((c) => c !== 'total').map((c) => (c in cells ? (cells[c] ?? 0) : undefined)),
    );
    if (parts === undefined) continue;
    const where = { section: 'reviews', row, column: 'total' };
    const name = REVIEW_ROW_LABELS[row];
    if (cells.total === null && parts !== 0) {
      out.push(finding('R5', 'error', `第四部分“${name}”的总计为空，但各结果之和为${parts}`, where));
    } else if ((cells.total ?? 0) !== parts) {
      out.push(
        finding(
          'R5',
          'error',
          `第四部分“${name}”：${REVIEW_COLUMN_LABELS.upheld}、${REVIEW_COLUMN_LABELS.corrected}、其他结果、尚未审结之和为${parts}，总计却为${cells.total}`,
          where,
        ),
      );
    }
  }
  return out;
}

/** R6: this year's 上年结转 = last year's 结转下年度, per column. */
function checkR6(apps: Applications, previous: ReportFigures, previousFile?: string): Finding[] {
  const out: Finding[] = [];
  const named = previousFile !== undefined ? `（${previousFile}）` : '';
  for (const col of APPLICANT_COLUMNS) {
    const now = appCell(apps, 'carried_over', col);
    const before = appCell(previous.applications, 'carried_forward', col);
    if (now === undefined || before === undefined || now === before) continue;
    out.push(
      finding(
        'R6',
        'error',
        `第三部分“${colName(col)}”列：上年结转为${now}，上一年度报告${named}的结转下年度为${before}`,
        {
          section: 'applications',
          row: 'carried_over',
          column: col,
          ...(previousFile !== undefined ? { previousFile } : {}),
        },
      ),
    );
  }
  return out;
}

/** R7: 现行有效件数 stock continuity (2021 format only), a warning. */
function checkR7(report: ReportFigures, previous: ReportFigures, previousFile?: string): Finding[] {
  const out: Finding[] = [];
  const named = previousFile !== undefined ? `（${previousFile}）` : '';
  for (const row of ['rules', 'normative'] as const) {
    const now = report.article20[row];
    const before = previous.article20[row]?.in_force;
    if (!now || now.in_force === undefined || before === undefined) continue;
    const expected = (before ?? 0) + (now.made ?? 0) - (now.repealed ?? 0);
    if ((now.in_force ?? 0) === expected) continue;
    const name = row === 'rules' ? '规章' : '行政规范性文件';
    out.push(
      finding(
        'R7',
        'warning',
        `第二部分“${name}”现行有效件数为${now.in_force ?? 0}，按上年${named}${before ?? 0}件加本年制发减本年废止应为${expected}`,
        { section: 'article20', row, column: 'in_force', ...(previousFile !== undefined ? { previousFile } : {}) },
      ),
    );
  }
  return out;
}

/**
 * The cross-year rules alone: R6, and R7 when this year's report is in the 2021 format (the 2019
 * tables have no 现行有效件数). Cells absent from either report are not compared.
 */
export function crossYearFindings(report: ReportFigures, previous: ReportFigures, previousFile?: string): Finding[] {
  const out = checkR6(report.applications ?? {}, previous, previousFile);
  if ((report.format ?? '2021') === '2021') out.push(...checkR7(report, previous, previousFile));
  return out;
}

/** Runs R1–R8 over a report's figures. Pure; absent cells are not checked. */
export function checkReport(report: ReportFigures, options: CheckOptions = {}): Finding[] {
  const apps = report.applications ?? {};
  const out = [
    ...checkCellValues(report),
    ...checkR1(apps),
    ...checkR3(apps),
    ...checkR4(apps),
    ...checkR5(report.reviews ?? {}),
  ];
  if (options.previous) out.push(...crossYearFindings(report, options.previous, options.previousFile));
  return out;
}

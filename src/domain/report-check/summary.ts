/**
 * The batch audit of `report check <folder> --summary out.html --summary-xlsx out.xlsx`
 * (docs/report-check.md, "Batch audit"): the checked reports ranked by their findings (errors first,
 * then warnings), and their main figures side by side, one row per report and one column per figure,
 * each cell saying whether it was read, left blank in the table, inferred, or not read. Pure: the HTML
 * page and the workbook are written from this model.
 */
import { OUTCOME_CODES, type ReportFormat } from '../reports/annual-report.js';
import type { Finding } from '../reports/finding.js';
import { findingPlace } from '../reports/labels.js';
import type { CheckedReport } from './check-text.js';
import type { FigureSource, Provenance, RowSources } from './provenance.js';

/** How a figure stands in the summary. */
export type SummaryCellStatus =
  /** Read from the report. */
  | 'read'
  /** The table's cell is blank (counts as 0 in the arithmetic). */
  | 'blank'
  /** Chosen by the checker from the table's arithmetic, not printed plainly (run-together digits). */
  | 'inferred'
  /** Not read: the row or cell is not in the text, or could not be read. */
  | 'missing';

/** One figure of one report. */
export interface SummaryCell {
  /** The number (a blank cell counts as 0 in a group's sum); null when blank or missing. */
  value: number | null;
  status: SummaryCellStatus;
  /** The checker's confidence in an inferred figure, 0–1, when it gave one. */
  confidence?: number;
}

/** A column of the figures: a cell of the official tables (per format) or the sum of a group of rows. */
export interface SummaryColumn {
  /** Stable id (`applications.new.total`, `applications.withheld.total`). */
  id: string;
  /** The table it belongs to, for the grouped header. */
  group: '主动公开' | '收到申请' | '办理结果' | '复议诉讼';
  /** Chinese label. */
  label: string;
  /** The `section|row|column` keys it reads, per format; several keys are summed. */
  keys: Record<ReportFormat, string[]>;
}

const same = (...keys: string[]): Record<ReportFormat, string[]> => ({ '2019': keys, '2021': keys });
const outcomes = (prefix: string): string[] =>
  OUTCOME_CODES.filter((c) => c.startsWith(`${prefix}.`)).map((c) => `applications|${c}|total`);

/**
 * The figures compared across reports: the main cells of section 二 (现行有效 规章 and 行政规范性文件 —
 * 对外公开总数量 in the 2019 format — and the decisions of 许可, 处罚, 强制), section 三's 总计 column
 * (本年新收, 上年结转, each outcome group, （七）总计, 结转下年度) and section 四's totals. The outcome groups
 * (不予公开, 无法提供, 不予处理, 其他处理) are the sums of their rows' 总计 (国办公开办函〔2021〕30号 tables).
 */
export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  {
    id: 'article20.rules.in_force',
    group: '主动公开',
    label: '规章 现行有效件数',
    keys: { '2021': ['article20|rules|in_force'], '2019': ['article20|rules|total_published'] },
  },
  {
    id: 'article20.normative.in_force',
    group: '主动公开',
    label: '行政规范性文件 现行有效件数',
    keys: { '2021': ['article20|normative|in_force'], '2019': ['article20|normative|total_published'] },
  },
  {
    id: 'article20.licensing.decisions',
    group: '主动公开',
    label: '行政许可 处理决定数',
    keys: same('article20|licensing|decisions'),
  },
  {
    id: 'article20.penalties.decisions',
    group: '主动公开',
    label: '行政处罚 处理决定数',
    keys: same('article20|penalties|decisions'),
  },
  {
    id: 'article20.enforcement.decisions',
    group: '主动公开',
    label: '行政强制 处理决定数',
    keys: same('article20|enforcement|decisions'),
  },
  { id: 'applications.new.total', group: '收到申请', label: '本年新收', keys: same('applications|new|total') },
  {
    id: 'applications.carried_over.total',
    group: '收到申请',
    label: '上年结转',
    keys: same('applications|carried_over|total'),
  },
  {
    id: 'applications.disclosed.total',
    group: '办理结果',
    label: '予以公开',
    keys: same('applications|disclosed|total'),
  },
  {
    id: 'applications.partially_disclosed.total',
    group: '办理结果',
    label: '部分公开',
    keys: same('applications|partially_disclosed|total'),
  },
  { id: 'applications.withheld.total', group: '办理结果', label: '不予公开', keys: same(...outcomes('withheld')) },
  {
    id: 'applications.unavailable.total',
    group: '办理结果',
    label: '无法提供',
    keys: same(...outcomes('unavailable')),
  },
  {
    id: 'applications.not_processed.total',
    group: '办理结果',
    label: '不予处理',
    keys: same(...outcomes('not_processed')),
  },
  {
    id: 'applications.other.total',
    group: '办理结果',
    label: '其他处理',
    keys: { '2019': ['applications|other|total'], '2021': outcomes('other') },
  },
  { id: 'applications.total.total', group: '办理结果', label: '总计', keys: same('applications|total|total') },
  {
    id: 'applications.carried_forward.total',
    group: '办理结果',
    label: '结转下年度',
    keys: same('applications|carried_forward|total'),
  },
  {
    id: 'reviews.reconsideration.total',
    group: '复议诉讼',
    label: '行政复议 总计',
    keys: same('reviews|reconsideration|total'),
  },
  {
    id: 'reviews.litigation_direct.total',
    group: '复议诉讼',
    label: '未经复议直接起诉 总计',
    keys: same('reviews|litigation_direct|total'),
  },
  {
    id: 'reviews.litigation_after_reconsideration.total',
    group: '复议诉讼',
    label: '复议后起诉 总计',
    keys: same('reviews|litigation_after_reconsideration|total'),
  },
];

/** One report in the summary, in rank order. */
export interface SummaryReport {
  /** 1 for the report with the most errors (then warnings). Equal counts share a rank. */
  rank: number;
  file: string;
  organization: string | null;
  year: number | null;
  format: ReportFormat | null;
  expectedFormat: ReportFormat | null;
  complete: boolean;
  tampered: boolean;
  errors: number;
  warnings: number;
  /** The first error (else the first finding), for the ranking table. */
  mainProblem: Finding | null;
  findings: Finding[];
  /** One cell per {@link SUMMARY_COLUMNS} entry, in order. */
  cells: SummaryCell[];
}

/** Totals over the reports. */
export interface SummaryTotals {
  reports: number;
  complete: number;
  withErrors: number;
  withWarningsOnly: number;
  tampered: number;
  /** Figures read over figures sought (read, blank or inferred over every cell of the data table). */
  figuresRead: number;
  figuresSought: number;
  inferred: number;
}

/** The whole batch audit. */
export interface ReportSummary {
  /** The folder or file checked, as given. */
  target: string;
  columns: readonly SummaryColumn[];
  reports: SummaryReport[];
  totals: SummaryTotals;
}

/** Where a figure came from, when the report was read with its provenance (check-text.ts `explain`). */
function sourceOf(report: CheckedReport, section: string, row: string, column: string): FigureSource | undefined {
  const rows = report.provenance?.[section as keyof Provenance] as Record<string, RowSources | undefined> | undefined;
  return rows?.[row]?.[column];
}

/** One cell of a report's table by its `section|row|column` key. */
function cellOf(report: CheckedReport, key: string): SummaryCell {
  const [section, row, column] = key.split('|') as [string, string, string];
  const table = (report as unknown as Record<string, Record<string, Record<string, unknown>> | undefined>)[section];
  const value = table?.[row]?.[column];
  if (typeof value !== 'number' && value !== null) return { value: null, status: 'missing' };
  const source = sourceOf(report, section, row, column);
  if (source?.how === 'inferred') return { value, status: 'inferred', confidence: source.confidence };
  return value === null ? { value, status: 'blank' } : { value, status: 'read' };
}

/** The format whose keys to read: the report's, else the year's, else the one whose cells it has. */
function formatOf(report: CheckedReport): ReportFormat {
  if (report.format) return report.format;
  if (report.expectedFormat) return report.expectedFormat;
  return report.article20.rules && 'total_published' in report.article20.rules ? '2019' : '2021';
}

/**
 * A column's cell: a single key as read; a sum of rows is missing when any row is missing, inferred
 * when any is inferred (with the lowest confidence), blank when every row is blank, else read. A cell
 * missing in the report's format is taken from the other format's rows when the report printed those
 * (a 2021 report with the 2019 tables' single 其他处理 row, or its section-二 columns).
 */
export function summaryCell(report: CheckedReport, column: SummaryColumn): SummaryCell {
  const format = formatOf(report);
  const cell = cellFrom(report, column.keys[format]);
  if (cell.status !== 'missing') return cell;
  return cellFrom(report, column.keys[format === '2021' ? '2019' : '2021']);
}

function cellFrom(report: CheckedReport, keys: readonly string[]): SummaryCell {
  const parts = keys.map((key) => cellOf(report, key));
  if (parts.length === 1) return parts[0]!;
  if (parts.some((p) => p.status === 'missing')) return { value: null, status: 'missing' };
  if (parts.every((p) => p.status === 'blank')) return { value: null, status: 'blank' };
  const value = parts.reduce((sum, p) => sum + (p.value ?? 0), 0);
  const inferred = parts.filter((p) => p.status === 'inferred');
  if (inferred.length === 0) return { value, status: 'read' };
  const confidences = inferred.flatMap((p) => (p.confidence === undefined ? [] : [p.confidence]));
  return { value, status: 'inferred', ...(confidences.length > 0 ? { confidence: Math.min(...confidences) } : {}) };
}

const countOf = (findings: Finding[], severity: Finding['severity']): number =>
  findings.filter((f) => f.severity === severity).length;

/** Orders reports: more errors first, then more warnings, then by file name. */
function byFindings(a: SummaryReport, b: SummaryReport): number {
  return b.errors - a.errors || b.warnings - a.warnings || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/**
 * Builds the batch audit of checked reports.
 * @param target the folder or file checked, as given (shown on the page)
 */
export function buildReportSummary(reports: readonly CheckedReport[], target: string): ReportSummary {
  const rows = reports.map((r, i): SummaryReport => {
    const errors = countOf(r.findings, 'error');
    return {
      rank: 0,
      file: r.file ?? `#${i + 1}`,
      organization: r.organization.name ?? null,
      year: r.year,
      format: r.format,
      expectedFormat: r.expectedFormat,
      complete: r.complete,
      tampered: r.tampered,
      errors,
      warnings: r.findings.length - errors,
      mainProblem: r.findings.find((f) => f.severity === 'error') ?? r.findings[0] ?? null,
      findings: r.findings,
      cells: SUMMARY_COLUMNS.map((c) => summaryCell(r, c)),
    };
  });
  rows.sort(byFindings);
  rows.forEach((row, i) => {
    const before = rows[i - 1];
    row.rank = before && before.errors === row.errors && before.warnings === row.warnings ? before.rank : i + 1;
  });
  const cells = rows.flatMap((r) => r.cells);
  return {
    target,
    columns: SUMMARY_COLUMNS,
    reports: rows,
    totals: {
      reports: rows.length,
      complete: rows.filter((r) => r.complete).length,
      withErrors: rows.filter((r) => r.errors > 0).length,
      withWarningsOnly: rows.filter((r) => r.errors === 0 && r.warnings > 0).length,
      tampered: rows.filter((r) => r.tampered).length,
      figuresRead: cells.filter((c) => c.status !== 'missing').length,
      figuresSought: cells.length,
      inferred: cells.filter((c) => c.status === 'inferred').length,
    },
  };
}

/** Chinese names of the cell statuses, for legends and notes. */
export const SUMMARY_STATUS_LABELS: Record<SummaryCellStatus, string> = {
  read: '读取',
  blank: '表中为空',
  inferred: '推断',
  missing: '未读到',
};

/** A finding in one line: rule, message and where it is (`R3：… （收到和处理政府信息公开申请情况 / 总计 / 总计）`). */
export function findingLine(f: Finding): string {
  const place = findingPlace(f.where);
  return `${f.rule}：${f.message}${place ? `（${place}）` : ''}`;
}

/**
 * A finding about a report: an arithmetic rule it breaks (R1–R8, check-report.ts) or a problem the
 * checker saw in the published text (spam, format, missing, truncated, prose).
 */
export type FindingRule =
  | 'R1'
  | 'R2'
  | 'R3'
  | 'R4'
  | 'R5'
  | 'R6'
  | 'R7'
  | 'R8'
  | 'spam'
  | 'format'
  | 'missing'
  | 'truncated'
  | 'prose'
  /** A narrative section still holding a 【请补充】 placeholder (report-readiness.ts). */
  | 'unfinished';

export type Severity = 'error' | 'warning';

/** Where a finding is: a table cell (section/row/column) and/or a text offset in the read text. */
export interface FindingWhere {
  section?: string;
  row?: string;
  column?: string;
  offset?: number;
  length?: number;
  excerpt?: string;
  /** R6/R7: the file last year's report was read from. */
  previousFile?: string;
}

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  /** Chinese, for the user. */
  message: string;
  where: FindingWhere;
}

/** Builds a finding (keeps call sites short). */
export function finding(rule: FindingRule, severity: Severity, message: string, where: FindingWhere = {}): Finding {
  return { rule, severity, message, where };
}

/**
 * What every monitoring check produces: a finding with a stable rule id, its severity, where it was
 * found and the evidence. The rules follow 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号): single-veto
 * items make a site or account 不合格 by themselves; deduction items lower the score of a 门户 site; warnings
 * warn early. New-media rules also follow 国办发〔2018〕123号 (备案, 关停/注销 announced).
 */

/** Stable rule ids of website checks (the ids are contracts: command output, stored findings, letters). */
export const SITE_RULES = [
  'unavailable',
  'home_stale',
  'column_stale',
  'column_empty',
  'dead_link',
  'sensitive_word',
  'pii',
  'spam',
  'interaction_unanswered',
  'tampered',
] as const;
export type SiteRule = (typeof SITE_RULES)[number];

/** Stable rule ids of 政务新媒体 account checks. */
export const ACCOUNT_RULES = [
  'account_stale',
  'account_zombie',
  'account_no_interaction',
  'account_unfiled',
  'account_closed_not_cancelled',
] as const;
export type AccountRule = (typeof ACCOUNT_RULES)[number];

export type MonitorRule = SiteRule | AccountRule;

/** veto: a single-veto item (不合格 by itself); deduction: lowers a portal's score; warning: early notice. */
export type Severity = 'veto' | 'deduction' | 'warning';

/** Rules whose findings code cannot decide: a person confirms them before they count. */
export const NEEDS_CONFIRMATION: ReadonlySet<MonitorRule> = new Set<MonitorRule>(['sensitive_word', 'pii', 'tampered']);

/** One finding. `url` for websites, `account` (`"<platform>:<name>"`) for new media. */
export interface MonitorFinding {
  rule: MonitorRule;
  severity: Severity;
  url?: string;
  account?: string;
  /** Name of the column the finding belongs to, when it belongs to one. */
  column?: string;
  /** Chinese sentence for people. */
  message: string;
  /** What was seen: the excerpt, the status code, the last date found, the page the link was on… */
  evidence: Record<string, string | number | boolean | null>;
}

/** The checked site's or account's verdict (19号: any single-veto item → 不合格; a portal below 60 → 不合格). */
export interface MonitorSummary {
  verdict: '合格' | '不合格';
  /** Deduction score out of 100 (portal sites only; null for other sites and accounts). */
  score: number | null;
  /** Rule ids of the single-veto items hit. */
  vetoes: MonitorRule[];
}

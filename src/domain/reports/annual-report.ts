/**
 * The annual-report model (政府信息公开工作年度报告) shared by the report generator and
 * the report checker (年报体检). Its JSON form is documented in docs/annual-report.schema.json;
 * the keys below are that contract. Source of the structure: the 2021 format
 * (国办公开办函〔2021〕30号) and the 2019 trial format (国办公开办函〔2019〕60号).
 */
import { OUTCOMES, type Outcome } from '../applications/application.js';

/** `'2019'` = trial format (report years 2019–2020), `'2021'` = revised format (2021 on). GLOSSARY. */
export type ReportFormat = '2019' | '2021';

/** A published table cell: a number, or null where the table left it blank. */
export type Cell = number | null;

/** Column codes of the section 三 table (7 numeric columns). */
export const APPLICANT_COLUMNS = [
  'natural_person',
  'business',
  'research',
  'nonprofit',
  'legal_services',
  'other',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

/**
 * Outcome codes exactly as GLOSSARY.md writes them (one per leaf row of section 三): the stored
 * outcome of a closed application is the row it counts in, so the list lives with the applications.
 */
export const OUTCOME_CODES = OUTCOMES;
export type OutcomeCode = Outcome;

/** Row codes of section 三: `new`, `carried_over`, outcomes, single `other` (2019), `total`, `carried_forward`. */
export type ApplicationRow = 'new' | 'carried_over' | OutcomeCode | 'other' | 'total' | 'carried_forward';

/** Outcome rows that are summed into （七）总计 (R4), in table order, per format. */
export function outcomeRows(format: ReportFormat): ApplicationRow[] {
  const base = OUTCOME_CODES.filter((c) => !c.startsWith('other.'));
  return format === '2021' ? [...OUTCOME_CODES] : [...base, 'other'];
}

/** All leaf rows of section 三 in table order for a format (2019: one 其他处理 row). */
export function applicationRows(format: ReportFormat): ApplicationRow[] {
  return ['new', 'carried_over', ...outcomeRows(format), 'total', 'carried_forward'];
}

/** Section 四 rows (行政复议, 行政诉讼/未经复议直接起诉, 行政诉讼/复议后起诉). */
export const REVIEW_ROWS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type ReviewRow = (typeof REVIEW_ROWS)[number];

/** Section 四 columns (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** Section 二 row codes (GLOSSARY: `article20.<row>`). */
export type Article20Row =
  'rules' | 'normative' | 'licensing' | 'other_services' | 'penalties' | 'enforcement' | 'fees' | 'procurement';

/** Section 二 column codes; which apply depends on the format (see labels.ts). */
export type Article20Column =
  | 'made'
  | 'repealed'
  | 'in_force'
  | 'decisions'
  | 'amount'
  | 'new_made'
  | 'new_published'
  | 'total_published'
  | 'previous_items'
  | 'change'
  | 'projects';

/** One section-二 row: its cells, plus the unit of an amount where the report states one. */
export type Article20Entry = Partial<Record<Article20Column, Cell>> & { unit?: string };

export type Article20 = Partial<Record<Article20Row, Article20Entry>>;
export type Applications = Partial<Record<ApplicationRow, Partial<Record<ApplicantColumn, Cell>>>>;
export type Reviews = Partial<Record<ReviewRow, Partial<Record<ReviewColumn, Cell>>>>;

/** The statistical part of a report: what the arithmetic rules R1–R8 look at. */
export interface ReportFigures {
  format?: ReportFormat | null;
  article20: Article20;
  applications: Applications;
  reviews: Reviews;
}

/** One organization's annual report for one year (the generator's model). */
export interface AnnualReport extends ReportFigures {
  format: ReportFormat;
  year: number;
  organization: { name: string | null; creditCode: string | null };
  contact: { address: string | null; postcode: string | null; phone: string | null };
  sections: { overview: string | null; problems: string | null; other: string | null };
}

/**
 * The format a report year must use: the 2019 trial format (国办公开办函〔2019〕60号) for 2019–2020, the 2021
 * format (国办公开办函〔2021〕30号) from 2021.
 */
export function formatForYear(year: number | null): ReportFormat | null {
  if (year === null || year < 2019) return null;
  return year >= 2021 ? '2021' : '2019';
}

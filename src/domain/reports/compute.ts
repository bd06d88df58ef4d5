/**
 * Computing an annual report from the recorded work: section 三 from the applications,
 * section 四 from the review register, section 二 item (一) from the publications, the rest of
 * section 二 from figures typed in or imported (compute-article20.ts). Pure: facts in, model out.
 *
 * The counting rule of section 三 (R1/R6 of check-report.ts; GLOSSARY 结转): every application
 * closed in the year counts once, in the row of its outcome code and the column of its applicant
 * type; open cases at the year end are 结转下年度 and become next year's 上年结转.
 */
import type { LocalDate } from '../core/local-date.js';
import { DomainError } from '../core/domain-error.js';
import { LEGAL_PERSON_SUBTYPES } from '../applications/application.js';
import type { AnnualPublicationCounts } from '../publications/annual-counts.js';
import type { ReviewSummary } from '../reviews/review-case.js';
import {
  APPLICANT_COLUMNS,
  OUTCOME_CODES,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  applicationRows,
  formatForYear,
  outcomeRows,
  type AnnualReport,
  type ApplicantColumn,
  type ApplicationRow,
  type Applications,
  type OutcomeCode,
  type ReportFormat,
  type Reviews,
} from './annual-report.js';
import { article20Section, type ManualArticle20 } from './compute-article20.js';

export {
  MANUAL_ARTICLE20_FIELDS,
  article20Section,
  type ManualArticle20,
  type ManualArticle20Field,
} from './compute-article20.js';
export { rollupReports, type RollupMeta } from './rollup.js';

/** One application as the report sees it (no personal data). */
export type ApplicationFact = {
  applicantType: 'natural_person' | 'legal_person';
  applicantSubtype: string | null;
  receivedOn: LocalDate;
  closedOn: LocalDate | null;
  outcome: OutcomeCode | null;
};

/** Where an application counts: 本年新收, 上年结转, 结转下年度, or the row of its outcome. */
export type TallyBucket = 'new' | 'carried_over' | 'carried_forward' | OutcomeCode;

/** How many applications of one applicant type/subtype fall in one bucket. */
export type ApplicationTally = {
  applicantType: 'natural_person' | 'legal_person';
  applicantSubtype: string | null;
  bucket: TallyBucket;
  count: number;
};

/**
 * The outcome bucket of a case closed without a recorded outcome code: （六）3 其他 (the 2019
 * format's single 其他处理 row). Every closed case must count in exactly one outcome row, or R1
 * and R4 cannot hold; the procedure always records an outcome, so this only catches
 * imported or legacy data.
 */
export const UNRECORDED_OUTCOME: OutcomeCode = 'other.other';

/**
 * The buckets one application counts in for `year` (0–3 of them), the reference form of the rule
 * the database also applies in SQL:
 * - `new`: received in the year;
 * - `carried_over`: received before 1 January and not closed before 1 January;
 * - its outcome: closed in the year;
 * - `carried_forward`: received by 31 December and not closed by 31 December.
 * So 一 + 二 = （七） + 四 per column for any set of facts (R1).
 */
export function bucketsOf(fact: ApplicationFact, year: number): TallyBucket[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const received = fact.receivedOn as string;
  const closed = fact.closedOn as string | null;
  const out: TallyBucket[] = [];
  if (received > end) return out;
  if (received >= start) out.push('new');
  else if (closed === null || closed >= start) out.push('carried_over');
  if (closed !== null && closed >= start && closed <= end) out.push(fact.outcome ?? UNRECORDED_OUTCOME);
  if (closed === null || closed > end) out.push('carried_forward');
  return out;
}

const BUCKET_ORDER: TallyBucket[] = ['new', 'carried_over', ...OUTCOME_CODES, 'carried_forward'];

/** Tallies the facts of one organization for `year` (the counting rule above), in a stable order. */
export function tallyApplications(facts: readonly ApplicationFact[], year: number): ApplicationTally[] {
  const counts = new Map<string, ApplicationTally>();
  for (const f of facts) {
    for (const bucket of bucketsOf(f, year)) {
      const key = `${f.applicantType}\u0000${f.applicantSubtype ?? ''}\u0000${bucket}`;
      const t = counts.get(key);
      if (t) t.count += 1;
      else counts.set(key, { applicantType: f.applicantType, applicantSubtype: f.applicantSubtype, bucket, count: 1 });
    }
  }
  return [...counts.values()].sort(compareTallies);
}

/** Orders tallies by bucket (table order), then applicant type, then subtype. */
export function compareTallies(a: ApplicationTally, b: ApplicationTally): number {
  return (
    BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket) ||
    a.applicantType.localeCompare(b.applicantType) ||
    (a.applicantSubtype ?? '').localeCompare(b.applicantSubtype ?? '')
  );
}

const SUBTYPE_COLUMNS: readonly string[] = LEGAL_PERSON_SUBTYPES;

/**
 * The section-三 column of an applicant (the format's columns): 自然人, or the legal person's subtype among
 * 商业企业/科研机构/社会公益组织/法律服务机构, with anything else under 其他.
 */
export function applicantColumn(type: 'natural_person' | 'legal_person', subtype: string | null): ApplicantColumn {
  if (type === 'natural_person') return 'natural_person';
  return subtype !== null && SUBTYPE_COLUMNS.includes(subtype) ? (subtype as ApplicantColumn) : 'other';
}

type Row = Record<ApplicantColumn, number>;
const zeroRow = (): Row => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0])) as Row;

/** The section-三 row a bucket lands in for a format (2019: the three `other.*` codes share 其他处理). */
function rowOfBucket(bucket: TallyBucket, format: ReportFormat): ApplicationRow {
  return format === '2019' && bucket.startsWith('other.') ? 'other' : bucket;
}

/**
 * Section 三 from a tally: every row of the format with every column a number; 总计 column = the
 * six applicant columns (R3), （七）总计 row = the outcome rows (R4).
 */
export function applicationsSection(tally: readonly ApplicationTally[], format: ReportFormat): Applications {
  const rows = new Map<ApplicationRow, Row>(applicationRows(format).map((r) => [r, zeroRow()]));
  for (const t of tally) {
    const row = rows.get(rowOfBucket(t.bucket, format));
    if (!row) throw new DomainError('report_unknown_bucket', `未知的统计项“${t.bucket}”`);
    row[applicantColumn(t.applicantType, t.applicantSubtype)] += t.count;
  }
  const total = rows.get('total')!;
  for (const r of outcomeRows(format)) {
    for (const c of APPLICANT_COLUMNS) total[c] += rows.get(r)![c];
  }
  for (const row of rows.values()) {
    row.total = APPLICANT_COLUMNS.filter((c) => c !== 'total').reduce((s, c) => s + row[c], 0);
  }
  return Object.fromEntries(rows);
}

/** Section 四 from the register's summary; 总计 = the four results (R5). */
export function reviewsSection(summary: ReviewSummary): Reviews {
  const out: Reviews = {};
  for (const row of REVIEW_ROWS) {
    const s = summary[row];
    const cells = Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, s[c]])) as Record<
      (typeof REVIEW_COLUMNS)[number],
      number
    >;
    cells.total = s.upheld + s.corrected + s.other + s.pending;
    out[row] = cells;
  }
  return out;
}

/** Everything one organization's report is computed from. */
export type ComposeInput = {
  year: number;
  /** Defaults to the format the year requires (国办公开办函〔2019〕60号 for 2019–2020, 国办公开办函〔2021〕30号 after). */
  format?: ReportFormat;
  organization: { name: string | null; creditCode: string | null };
  contact: { address: string | null; postcode: string | null; phone: string | null };
  tally: readonly ApplicationTally[];
  reviews: ReviewSummary;
  publications: AnnualPublicationCounts;
  manual: ManualArticle20;
  sections?: Partial<AnnualReport['sections']>;
};

/** The format of a report year, or a Chinese error before 2019 (no format of this product covers it). */
export function reportFormatOf(year: number, requested?: ReportFormat): ReportFormat {
  const format = requested ?? formatForYear(year);
  if (!format) {
    throw new DomainError(
      'report_year_unsupported',
      `${year}年度的报告格式不受支持：本系统支持2019年度及以后的年度报告`,
    );
  }
  return format;
}

/** Builds one organization's report for a year. */
export function composeReport(input: ComposeInput): AnnualReport {
  const format = reportFormatOf(input.year, input.format);
  return {
    format,
    year: input.year,
    organization: { name: input.organization.name, creditCode: input.organization.creditCode },
    contact: { address: input.contact.address, postcode: input.contact.postcode, phone: input.contact.phone },
    sections: {
      overview: input.sections?.overview ?? null,
      problems: input.sections?.problems ?? null,
      other: input.sections?.other ?? null,
    },
    article20: article20Section(format, input.publications, input.manual),
    applications: applicationsSection(input.tally, format),
    reviews: reviewsSection(input.reviews),
  };
}

// The 复议/诉讼/投诉 register: reconsideration, litigation and complaint cases about disclosure work,
// their validation, and the annual report's section 四 computed from them.
import type { ReviewColumn, ReviewRow } from '../reports/annual-report.js';
import { parseLocalDate, type LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';

/**
 * Stored case kinds; never rename. 行政复议 and 行政诉讼 arise from disclosure decisions (art. 51,
 * annual report section 四, 国办公开办函〔2021〕30号); 举报投诉 are complaints to the disclosure authority
 * (art. 47), recorded here but not counted in section 四.
 */
export const REVIEW_KINDS = ['reconsideration', 'litigation', 'complaint'] as const;
/** One case kind. */
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** How a lawsuit reached the court (GLOSSARY "Litigation"): 未经复议直接起诉 or 复议后起诉. */
export const LITIGATION_ROUTES = ['direct', 'after_reconsideration'] as const;
/** One litigation route. */
export type LitigationRoute = (typeof LITIGATION_ROUTES)[number];

/** Results (GLOSSARY): 结果维持, 结果纠正, 其他结果, 尚未审结 — the columns of section 四. */
export const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
/** One result. */
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** Chinese labels of the kinds. */
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
  complaint: '举报投诉',
};

/** Chinese labels of the litigation routes (the section 四 sub-headers). */
export const LITIGATION_ROUTE_LABELS: Record<LitigationRoute, string> = {
  direct: '未经复议直接起诉',
  after_reconsideration: '复议后起诉',
};

/** Chinese labels of the results (the section 四 column headers). */
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

/** Labels of the case fields, for forms and error summaries. */
export const REVIEW_FIELD_LABELS = {
  orgId: '被申请（被诉、被投诉）机构',
  trackingCode: '关联申请查询码',
  kind: '类别',
  litigationRoute: '起诉方式',
  caseNo: '案号（文号）',
  filedOn: '立案（收到）日期',
  body: '复议机关／人民法院／受理投诉的机关',
  claimantName: '申请人（原告、投诉人）姓名或名称',
  subject: '争议事项',
  result: '结果',
  resultOn: '审结（办结）日期',
  handling: '处理情况',
  notes: '备注',
} as const;

/** The case details a user enters (the organization and the linked application are resolved by the use case). */
export type ReviewCaseDetails = {
  kind: ReviewKind;
  /** Set for litigation only. */
  litigationRoute: LitigationRoute | null;
  caseNo: string;
  filedOn: LocalDate;
  body: string;
  /** Personal data: shown to staff only, never on public pages, never in the audit trail. */
  claimantName: string;
  subject: string;
  result: ReviewResult;
  /** Null while pending. */
  resultOn: LocalDate | null;
  handling: string;
  notes: string;
};

/** Everything stored about a case except its identity and timestamps. */
export type ReviewCaseFields = ReviewCaseDetails & { orgId: string; applicationId: string | null };

/** A stored case, with the linked application's 查询码 for display. */
export type ReviewCase = ReviewCaseFields & {
  id: string;
  applicationTrackingCode: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Per-field Chinese error messages. */
export type FieldErrors = Record<string, string>;

/** The typed text of a case form (every value a string, as posted). */
export type ReviewCaseText = Partial<Record<keyof ReviewCaseDetails, string>>;

const MAX_LENGTH: Partial<Record<keyof ReviewCaseDetails, number>> = {
  caseNo: 100,
  body: 100,
  claimantName: 100,
  subject: 500,
  handling: 2000,
  notes: 2000,
};

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v);

/**
 * The 行政复议 / 未经复议直接起诉 / 复议后起诉 / 举报投诉 label of a case.
 * @returns the route's label for litigation, the kind's label otherwise
 */
export function caseTypeLabel(c: Pick<ReviewCaseDetails, 'kind' | 'litigationRoute'>): string {
  if (c.kind === 'litigation' && c.litigationRoute) {
    return LITIGATION_ROUTE_LABELS[c.litigationRoute];
  }
  return REVIEW_KIND_LABELS[c.kind];
}

/**
 * Checks the rules between fields: litigation needs a route (and only litigation has one), a
 * decided case needs its result date, a pending one has none, and no date lies before filing or after today.
 * @returns per-field errors, empty when the case is consistent
 */
export function reviewCaseErrors(c: ReviewCaseDetails, today: LocalDate): FieldErrors {
  const errors: FieldErrors = {};
  if (c.kind === 'litigation' && c.litigationRoute === null) {
    errors.litigationRoute = '行政诉讼案件请选择“未经复议直接起诉”或“复议后起诉”';
  }
  if (c.kind !== 'litigation' && c.litigationRoute !== null) {
    errors.litigationRoute = '只有行政诉讼案件需要选择起诉方式';
  }
  if (c.filedOn > today) {
    errors.filedOn = '立案（收到）日期不能晚于今天';
  }
  if (c.result === 'pending') {
    if (c.resultOn !== null) errors.resultOn = '尚未审结的案件不应填写审结日期';
  } else if (c.resultOn === null) {
    errors.resultOn = '已有结果的案件请填写审结（办结）日期';
  } else if (c.resultOn < c.filedOn) {
    errors.resultOn = '审结（办结）日期不能早于立案（收到）日期';
  } else if (c.resultOn > today) {
    errors.resultOn = '审结（办结）日期不能晚于今天';
  }
  for (const [field, max] of Object.entries(MAX_LENGTH)) {
    const value = c[field as keyof ReviewCaseDetails];
    if (typeof value === 'string' && max !== undefined && value.length > max) {
      errors[field] = `不能超过${max}个字符`;
    }
  }
  return errors;
}

/**
 * Parses the typed form of a case: required fields, known codes, real dates, then {@link reviewCaseErrors}.
 * A route chosen for a case that is not litigation is dropped (the form shows the select for every kind).
 * @param today the office's date, for "not in the future"
 * @returns the details, or per-field Chinese errors
 */
export function parseReviewCase(raw: ReviewCaseText, today: LocalDate): Result<ReviewCaseDetails, FieldErrors> {
  const t = (k: keyof ReviewCaseDetails): string => (raw[k] ?? '').trim();
  const errors: FieldErrors = {};
  const kind = t('kind');
  if (!isOneOf(REVIEW_KINDS, kind)) errors.kind = '请选择类别';
  const route = t('litigationRoute');
  if (route !== '' && !isOneOf(LITIGATION_ROUTES, route)) errors.litigationRoute = '起诉方式无效';
  const result = t('result') || 'pending';
  if (!isOneOf(REVIEW_RESULTS, result)) errors.result = '请选择结果';
  const filedOn = requiredDate(t('filedOn'), '请填写立案（收到）日期', 'filedOn', errors);
  const resultText = t('resultOn');
  const resultOn = resultText === '' ? null : requiredDate(resultText, '', 'resultOn', errors);
  if (!t('body')) errors.body = '请填写复议机关、人民法院或受理投诉的机关';
  if (!t('subject')) errors.subject = '请填写争议事项';
  if (
    Object.keys(errors).length > 0 ||
    !isOneOf(REVIEW_KINDS, kind) ||
    !isOneOf(REVIEW_RESULTS, result) ||
    filedOn === null
  ) {
    return err(errors);
  }
  const details: ReviewCaseDetails = {
    kind,
    litigationRoute: kind === 'litigation' && isOneOf(LITIGATION_ROUTES, route) ? route : null,
    caseNo: t('caseNo'),
    filedOn,
    body: t('body'),
    claimantName: t('claimantName'),
    subject: t('subject'),
    result,
    resultOn,
    handling: t('handling'),
    notes: t('notes'),
  };
  const rules = reviewCaseErrors(details, today);
  return Object.keys(rules).length > 0 ? err(rules) : ok(details);
}

/**
 * A required date field: `missing` when it is empty, the format message when it is not a real date.
 * @returns the date, or null with the message put in `errors[field]`
 */
export function requiredDate(text: string, missing: string, field: string, errors: FieldErrors): LocalDate | null {
  if (text === '') {
    errors[field] = missing;
    return null;
  }
  const parsed = parseLocalDate(text);
  if (!parsed.ok) {
    errors[field] = '日期应为 YYYY-MM-DD 格式的真实日期';
    return null;
  }
  return parsed.value;
}

/** Section 四 as computed: every cell a number. Assignable to the report model's `Reviews`. */
export type ReviewSummary = Record<ReviewRow, Record<ReviewColumn, number>>;

/**
 * The section 四 row a case counts in, or null for complaints (art. 47 complaints are not
 * 行政复议 or 行政诉讼 and have no place in the table).
 */
export function reviewRowOf(c: Pick<ReviewCaseDetails, 'kind' | 'litigationRoute'>): ReviewRow | null {
  switch (c.kind) {
    case 'reconsideration':
      return 'reconsideration';
    case 'litigation':
      // A litigation case always has a route (validation and a CHECK constraint see to it).
      return c.litigationRoute === 'after_reconsideration' ? 'litigation_after_reconsideration' : 'litigation_direct';
    case 'complaint':
      return null;
  }
}

/**
 * The result of a case as it stood at the end of `year`: a result decided after 31 December
 * is still 尚未审结 for that year, so a report recomputed later gives the same numbers.
 */
export function resultAtYearEnd(c: Pick<ReviewCaseDetails, 'result' | 'resultOn'>, year: number): ReviewResult {
  if (c.result === 'pending' || c.resultOn === null || c.resultOn > `${year}-12-31`) {
    return 'pending';
  }
  return c.result;
}

/**
 * How section 四 assigns a case to a report year. Neither the 2019 nor the 2021 format states it
 * (国办公开办函〔2019〕60号, 〔2021〕30号), so it is a site-wide setting (one rule for every unit, so the
 * reports of a government and of its departments add up):
 * - `result_year` (the default): a case counts in the year its result is known, with that result, and
 *   in every year at whose 31 December it is still open, as 尚未审结 — no result is lost between years;
 * - `filing_year` (the rule it replaces): a case counts once, in its filing year, with its result as at
 *   31 December of that year ({@link resultAtYearEnd}); a result decided the next year is never shown.
 */
export const REVIEW_COUNTING_RULES = ['result_year', 'filing_year'] as const;
/** One counting rule. */
export type ReviewCountingRule = (typeof REVIEW_COUNTING_RULES)[number];
/** The rule in force when none is set. */
export const DEFAULT_REVIEW_COUNTING: ReviewCountingRule = 'result_year';

/** Short Chinese names of the rules (setting form, captions). */
export const REVIEW_COUNTING_LABELS: Record<ReviewCountingRule, string> = {
  result_year: '按结果年度统计',
  filing_year: '按立案年度统计',
};

/** The rule as the report's notes and the register state it. */
export const REVIEW_COUNTING_NOTES: Record<ReviewCountingRule, string> = {
  result_year:
    '行政复议、行政诉讼案件按结果年度统计：案件计入作出结果的年度；截至当年12月31日尚未审结的案件计入当年“尚未审结”，审结后计入审结年度。',
  filing_year:
    '行政复议、行政诉讼案件按立案年度统计：案件只计入立案年度，结果以当年12月31日的状态为准，次年作出的结果不再计入。',
};

/** Whether a value is a counting rule (settings are stored as JSON). */
export const isReviewCountingRule = (v: unknown): v is ReviewCountingRule =>
  typeof v === 'string' && (REVIEW_COUNTING_RULES as readonly string[]).includes(v);

/**
 * The filing and result dates a case of `year` may have under a rule — the repository's filter, exact
 * for both rules: `filing_year` keeps cases filed in the year; `result_year` keeps cases filed by
 * 31 December and not decided before 1 January (decided in the year, or still open at its end).
 */
export function reviewYearBounds(
  year: number,
  rule: ReviewCountingRule,
): { filedFrom: LocalDate | null; filedTo: LocalDate; undecidedOrDecidedFrom: LocalDate | null } {
  const first = `${year}-01-01` as LocalDate;
  const last = `${year}-12-31` as LocalDate;
  return rule === 'filing_year'
    ? { filedFrom: first, filedTo: last, undecidedOrDecidedFrom: null }
    : { filedFrom: null, filedTo: last, undecidedOrDecidedFrom: first };
}

/**
 * The section 四 column a case counts in for `year` under a rule, or null when it does not count that year.
 * @see REVIEW_COUNTING_RULES
 */
export function countedResult(
  c: Pick<ReviewCaseDetails, 'filedOn' | 'result' | 'resultOn'>,
  year: number,
  rule: ReviewCountingRule,
): ReviewResult | null {
  const { filedFrom, filedTo, undecidedOrDecidedFrom } = reviewYearBounds(year, rule);
  if (c.filedOn > filedTo || (filedFrom !== null && c.filedOn < filedFrom)) return null;
  if (undecidedOrDecidedFrom !== null && c.result !== 'pending' && c.resultOn !== null) {
    if (c.resultOn < undecidedOrDecidedFrom) return null;
  }
  return resultAtYearEnd(c, year);
}

/**
 * Computes the annual report's section 四 for one organization's cases.
 *
 * - which year a case counts in, and with which result, is the counting rule ({@link REVIEW_COUNTING_RULES},
 *   {@link countedResult}); the default counts a case in the year its result is known;
 * - complaints (举报投诉) are not counted; each 总计 is the sum of its four results (R5).
 * Which organization counts a case is decided when it is registered: the register holds the
 * cases against the organization's own decisions (the acting agency, not the 复议机关 as
 * co-defendant; 国办公开办函〔2016〕201号).
 * @param cases the organization's cases (any years; those not counted in `year` are left out)
 * @param year the report year
 * @param rule the counting rule in force
 */
export function summarizeReviews(
  cases: readonly Pick<ReviewCaseDetails, 'kind' | 'litigationRoute' | 'filedOn' | 'result' | 'resultOn'>[],
  year: number,
  rule: ReviewCountingRule,
): ReviewSummary {
  const empty = (): Record<ReviewColumn, number> => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  const out: ReviewSummary = {
    reconsideration: empty(),
    litigation_direct: empty(),
    litigation_after_reconsideration: empty(),
  };
  for (const c of cases) {
    const row = reviewRowOf(c);
    const column = row === null ? null : countedResult(c, year, rule);
    if (row === null || column === null) continue;
    out[row][column] += 1;
    out[row].total += 1;
  }
  return out;
}

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

function requiredDate(text: string, missing: string, field: string, errors: FieldErrors): LocalDate | null {
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
 * Computes the annual report's section 四 for one organization's cases.
 *
 * Counting rule (decided here, [D]: neither the 2019 nor the 2021 format states it):
 * - a case counts once, in the report of the year it was filed (`filedOn`, the date the
 *   复议机关 or court accepted it; for complaints, received) — cases filed in other years are ignored;
 * - its column is its result as at 31 December of that year ({@link resultAtYearEnd}): a case
 *   filed in Y and still undecided at the end of Y counts as 尚未审结 in Y's report and is not
 *   counted again in Y+1's report when it is decided;
 * - complaints (举报投诉) are not counted; each 总计 is the sum of its four results (R5).
 * Which organization counts a case is decided when it is registered: the register holds the
 * cases against the organization's own decisions (the acting agency, not the 复议机关 as
 * co-defendant; 国办公开办函〔2016〕201号).
 * @param cases the organization's cases (any years; others are filtered out)
 * @param year the report year
 */
export function summarizeReviews(
  cases: readonly Pick<ReviewCaseDetails, 'kind' | 'litigationRoute' | 'filedOn' | 'result' | 'resultOn'>[],
  year: number,
): ReviewSummary {
  const empty = (): Record<ReviewColumn, number> => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  const out: ReviewSummary = {
    reconsideration: empty(),
    litigation_direct: empty(),
    litigation_after_reconsideration: empty(),
  };
  const prefix = `${year}-`;
  for (const c of cases) {
    const row = reviewRowOf(c);
    if (row === null || !c.filedOn.startsWith(prefix)) continue;
    out[row][resultAtYearEnd(c, year)] += 1;
    out[row].total += 1;
  }
  return out;
}

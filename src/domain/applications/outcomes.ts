// Outcome codes (办理结果): for each, its row of section 三 of the annual report, the article of the
// Regulation (国令第711号) the reply rests on, and how the two report formats count it.
//
// Row labels: the 2021 format of the annual report (国办公开办函〔2021〕30号; the 2019 trial format folds
// （六） into one row), taken from domain/reports/labels.ts so the report and the case use one spelling.
// The article of each row is inferred from the Regulation's wording; the format does not print it.

import type { ApplicationRow, ReportFormat } from '../reports/annual-report.js';
import { APPLICATION_GROUP_LABELS, APPLICATION_ROW_LABELS } from '../reports/labels.js';
import { OUTCOMES, type Outcome } from './application.js';

/** The row groups of section 三（一）–（六）. */
export type OutcomeGroup = 'disclosed' | 'partially_disclosed' | 'withheld' | 'unavailable' | 'not_processed' | 'other';

/** What the domain knows about one outcome code. */
export type OutcomeInfo = {
  readonly code: Outcome;
  /** The leaf row label as printed in the 2021 format, e.g. `1.属于国家秘密`. */
  readonly label: string;
  readonly group: OutcomeGroup;
  /** The group row label, e.g. `（三）不予公开`. */
  readonly groupLabel: string;
  /** The article the reply cites, e.g. `第十四条`; null where the Regulation names none. */
  readonly article: string | null;
  /** Further articles that lead to the same row (e.g. 第三十六条第五项 for not_held). */
  readonly alsoArticles: readonly string[];
  /** Where the basis is outside the Regulation, e.g. the fee measures. */
  readonly otherBasis: string | null;
  /** False where the mapping rests on practice rather than on the Regulation's wording. */
  readonly confirmed: boolean;
};

const GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclosed: '（一）予以公开',
  partially_disclosed: '（二）部分公开',
  withheld: APPLICATION_GROUP_LABELS.withheld,
  unavailable: APPLICATION_GROUP_LABELS.unavailable,
  not_processed: APPLICATION_GROUP_LABELS.not_processed,
  other: APPLICATION_GROUP_LABELS.other,
};

type Basis = [article: string | null, alsoArticles: string[], confirmed: boolean, otherBasis?: string];

// Section 三 of the annual report, row by row.
const BASIS: Record<Outcome, Basis> = {
  // 第三十六条第二项 (can be disclosed → provide). 第一项 (already proactively disclosed → tell where)
  // is counted here by common practice (not by the Regulation's wording).
  disclosed: ['第三十六条第二项', ['第三十六条第一项'], false],
  partially_disclosed: ['第三十七条', [], true],
  // 第十四条: 国家秘密; 法律、行政法规禁止公开; 危及国家安全、公共安全、经济安全、社会稳定.
  'withheld.state_secret': ['第十四条', [], true],
  'withheld.prohibited_by_law': ['第十四条', [], true],
  'withheld.security_stability': ['第十四条', [], true],
  // 第十五条 (trade secrets, privacy), usually after consulting the third party under 第三十二条.
  'withheld.third_party_rights': ['第十五条', ['第三十二条'], true],
  'withheld.internal_affairs': ['第十六条第一款', [], true],
  'withheld.process_information': ['第十六条第二款', [], true],
  'withheld.enforcement_file': ['第十六条第二款', [], true],
  'withheld.inquiry_matter': ['第三十六条第七项', [], true],
  // 第三十六条第四项 (does not exist); 第五项 (not this agency's to disclose) counts in the same row.
  'unavailable.not_held': ['第三十六条第四项', ['第三十六条第五项'], true],
  'unavailable.needs_creation': ['第三十八条', [], true],
  'unavailable.still_unclear': ['第三十条', [], true],
  'not_processed.petition_or_complaint': ['第三十九条第一款', [], true],
  'not_processed.repeated': ['第三十六条第六项', [], true],
  'not_processed.publication': ['第三十九条第二款', [], true],
  'not_processed.excessive': ['第三十五条', [], true],
  // The Regulation names no article for it.
  'not_processed.confirmation': [null, [], false],
  // 第三十条: "申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。"
  'other.correction_lapsed': ['第三十条', [], true],
  // 第四十二条 and the measures' deemed abandonment (国办函〔2020〕109号, as local measures restate it).
  'other.fee_unpaid': ['第四十二条', [], false, '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'],
  'other.other': [null, [], true],
};

/** Every outcome with its label, group and legal basis, in report order. */
export const OUTCOME_INFO: Readonly<Record<Outcome, OutcomeInfo>> = Object.freeze(
  Object.fromEntries(OUTCOMES.map((code) => [code, buildInfo(code)])) as Record<Outcome, OutcomeInfo>,
);

/**
 * Outcomes only the clock produces (a lapse move), never chosen when drafting a reply.
 */
export const LAPSE_OUTCOMES: readonly Outcome[] = ['other.correction_lapsed', 'other.fee_unpaid'];

/**
 * @param value any string, e.g. from a form
 * @returns true when it is a stored outcome code
 */
export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}

/**
 * @param code an outcome code
 * @returns its group (the part before the dot; `disclosed` and `partially_disclosed` are their own group)
 */
export function outcomeGroup(code: Outcome): OutcomeGroup {
  const head = code.split('.')[0] ?? '';
  switch (head) {
    case 'withheld':
    case 'unavailable':
    case 'not_processed':
    case 'other':
    case 'disclosed':
    case 'partially_disclosed':
      return head;
    default:
      throw new Error(`unknown outcome group: ${code}`);
  }
}

/**
 * The section-三 row an outcome is counted in. The 2019 trial format has one 其他处理 row, so every
 * `other.*` code folds into `other` there; the 2021 format has a row per code.
 * @param code an outcome code
 * @param format the report format
 * @returns the row code of domain/reports
 */
export function reportRow(code: Outcome, format: ReportFormat): ApplicationRow {
  return format === '2019' && outcomeGroup(code) === 'other' ? 'other' : code;
}

/**
 * A citation for notices, e.g. `《中华人民共和国政府信息公开条例》第十四条`.
 * @param code an outcome code
 * @returns the citation, or null when the outcome rests on no article
 */
export function outcomeCitation(code: Outcome): string | null {
  const info = OUTCOME_INFO[code];
  const parts: string[] = [];
  if (info.article !== null) {
    parts.push(`《中华人民共和国政府信息公开条例》${[info.article, ...info.alsoArticles].join('、')}`);
  }
  if (info.otherBasis !== null) {
    parts.push(info.otherBasis);
  }
  return parts.length > 0 ? parts.join('和') : null;
}

function buildInfo(code: Outcome): OutcomeInfo {
  const [article, alsoArticles, confirmed, otherBasis] = BASIS[code];
  const group = outcomeGroup(code);
  return Object.freeze({
    code,
    label: APPLICATION_ROW_LABELS[code],
    group,
    groupLabel: GROUP_LABELS[group],
    article,
    alsoArticles: Object.freeze([...alsoArticles]),
    otherBasis: otherBasis ?? null,
    confirmed,
  });
}

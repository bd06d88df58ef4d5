// DisclosureRules: the statutory periods of 依申请公开, as data, versioned by the date of receipt
// A change in the law never re-dates old applications: an application keeps the rules in force on
// the day it was received.
//
// 2019: 《中华人民共和国政府信息公开条例》（国令第711号, in force 2019-05-15).
// 2007: 《中华人民共和国政府信息公开条例》（国令第492号）— 15 + 15 working days (art. 24).

import { compareDates, localDate, type LocalDate } from '../core/local-date.js';

/** Which text of the Regulation governs an application. */
export type RegulationVersion = '2007' | '2019';

/** The periods and switches the state machine and the deadline ledger read. All periods are working days. */
export type DisclosureRules = {
  readonly version: RegulationVersion;
  /** The first receipt date the version applies to. */
  readonly effectiveFrom: LocalDate;
  /** Name of the governing text, for notices and the ledger. */
  readonly regulation: string;
  /** Where each period is written in that text, for the ledger's explanations. */
  readonly articles: Readonly<{
    reply: string;
    extension: string;
    correction: string;
    consultation: string;
    agencyConsultation: string;
    pause: string;
  }>;
  /** Reply period from receipt (2019 art. 33 para 2: 20; 2007 art. 24 para 2: 15). */
  readonly replyWorkingDays: number;
  /** Longest extension (2019 art. 33 para 2: 20; 2007 art. 24 para 2: 15). */
  readonly maxExtensionWorkingDays: number;
  /** How many extensions a case may have (both texts allow one: "延长的期限最长不得超过…"). */
  readonly maxExtensions: number;
  /**
   * Correction notice due within this many working days of receipt (2019 art. 30); null = no statutory limit (2007).
   */
  readonly correctionNoticeWorkingDays: number | null;
  /** Consultation answer window (2019 arts. 32, 34: 15 working days from receipt of the letter). */
  readonly consultationWorkingDays: number;
  /**
   * Time consulting third parties / co-producing agencies is not counted (2019 art. 33 para 3; 2007 art. 24 para 3).
   */
  readonly consultationStopsClock: boolean;
  /** Whether 信息处理费 may be charged at all (2019 art. 42; the 2007 text had no processing fee). */
  readonly processingFeeAllowed: boolean;
  /**
   * Fee payment period, from the day after the applicant receives the fee notice (国办函〔2020〕109号 as local
   * measures restate it).
   */
  readonly feePaymentWorkingDays: number;
  /**
   * Whether notice-to-payment time is left out of the reply period. The national measures do not say so
   * expressly, so it is a switch; default true, as local measures do.
   */
  readonly feePeriodStopsClock: boolean;
  /**
   * Whether the time the applicant takes to explain an excessive request (art. 35, 说明理由) is left out of the reply
   * period. Art. 35 does not say so, so it is a setting; default false (the clock runs). The choice in force is
   * recorded on the request_reasons event, so a later change of the setting never re-dates a case.
   */
  readonly reasonsRequestStopsClock: boolean;
  /**
   * A case is "due soon" (即将到期) when its due date is at most this many working days ahead. Office practice, not law.
   */
  readonly dueSoonWorkingDays: number;
};

/** Settings an office may change; the version, its start date and the statutory maxima stay fixed. */
export type RuleOverrides = Partial<
  Pick<
    DisclosureRules,
    'feePeriodStopsClock' | 'dueSoonWorkingDays' | 'consultationWorkingDays' | 'reasonsRequestStopsClock'
  >
>;

/** 国令第711号: in force 2019-05-15. */
export const RULES_2019: DisclosureRules & { readonly correctionNoticeWorkingDays: number } = {
  version: '2019',
  effectiveFrom: localDate('2019-05-15'),
  regulation: '《中华人民共和国政府信息公开条例》（国令第711号）',
  articles: {
    reply: '第三十三条第二款',
    extension: '第三十三条第二款',
    correction: '第三十条',
    consultation: '第三十二条',
    agencyConsultation: '第三十四条',
    pause: '第三十三条第三款',
  },
  // 第三十三条第二款: "应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开
  // 工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。"
  replyWorkingDays: 20,
  maxExtensionWorkingDays: 20,
  maxExtensions: 1,
  // 第三十条: "…应当在收到申请之日起7个工作日内一次性告知申请人作出补正…"
  correctionNoticeWorkingDays: 7,
  // 第三十二条 (third party) / 第三十四条 (co-producing agency): "自收到征求意见书之日起15个工作日内提出意见".
  consultationWorkingDays: 15,
  // 第三十三条第三款: "行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。"
  consultationStopsClock: true,
  // 第四十二条 and 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）.
  processingFeeAllowed: true,
  feePaymentWorkingDays: 20,
  feePeriodStopsClock: true, // a setting: see DisclosureRules.feePeriodStopsClock
  reasonsRequestStopsClock: false, // a setting: see DisclosureRules.reasonsRequestStopsClock
  dueSoonWorkingDays: 5,
};

/**
 * 国令第492号 (2008-05-01 to 2019-05-14), for legacy cases. Art. 24: 15 working
 * days, extension at most 15 with the disclosure office head's consent; third-party consultation
 * not counted. It set no correction-notice limit (art. 21(4) only says to tell the applicant) and no
 * consultation window in days: the 15 below is the office's working window, not law.
 */
export const RULES_2007: DisclosureRules = {
  version: '2007',
  effectiveFrom: localDate('2008-05-01'),
  regulation: '《中华人民共和国政府信息公开条例》（国令第492号）',
  // 2007 text: 第二十四条 (reply, extension, consultation time not counted), 第二十一条第四项
  // (申请内容不明确的，应当告知申请人作出更改、补充), 第二十三条 (third party). It had no article on
  // co-producing agencies, so agency consultation cites 第二十三条 too (a reading, not the text's words).
  articles: {
    reply: '第二十四条第二款',
    extension: '第二十四条第二款',
    correction: '第二十一条第四项',
    consultation: '第二十三条',
    agencyConsultation: '第二十三条',
    pause: '第二十四条第三款',
  },
  replyWorkingDays: 15,
  maxExtensionWorkingDays: 15,
  maxExtensions: 1,
  correctionNoticeWorkingDays: null,
  consultationWorkingDays: 15,
  consultationStopsClock: true,
  processingFeeAllowed: false,
  feePaymentWorkingDays: 20,
  feePeriodStopsClock: true,
  reasonsRequestStopsClock: false,
  dueSoonWorkingDays: 5,
};

/**
 * 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号, dated 2020-11-17) applies from 2021-01-01: an application
 * received before that day is never charged, even under the 2019 text.
 */
export const PROCESSING_FEE_FROM: LocalDate = localDate('2021-01-01');

/** All versions, newest first. */
export const RULE_VERSIONS: readonly DisclosureRules[] = [RULES_2019, RULES_2007];

/**
 * The rules governing an application received on `receivedOn`: the 2019 text from 2019-05-15,
 * the 2007 text before (also for any date before 2008-05-01, which only imported data can carry).
 * @param receivedOn the receipt date fixed under art. 31
 * @param overrides office settings (e.g. `feePeriodStopsClock: false` where local measures say otherwise)
 * @returns the rules, frozen
 */
export function rulesFor(receivedOn: LocalDate, overrides: RuleOverrides = {}): DisclosureRules {
  const base = RULE_VERSIONS.find((r) => compareDates(receivedOn, r.effectiveFrom) >= 0) ?? RULES_2007;
  const feeAllowed = base.processingFeeAllowed && compareDates(receivedOn, PROCESSING_FEE_FROM) >= 0;
  return Object.freeze({ ...base, processingFeeAllowed: feeAllowed, ...definedOnly(overrides) });
}

function definedOnly(overrides: RuleOverrides): RuleOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as RuleOverrides;
}

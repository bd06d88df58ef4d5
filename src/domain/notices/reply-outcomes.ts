// The reply (依申请公开政府信息告知书) for every outcome code: the legal basis it cites, the remedy
// clause it carries, and the default wording of the decision.
//
// Articles follow the rows of the annual report's section 三 (outcomes.ts) read against the Regulation's
// text (国令第711号). Refusals to disclose also cite art. 36(3) (告知申请人不予公开并说明理由).
// Remedies: 《行政复议法》(2023年修订, in force 2024-01-01) art. 20 gives 60 days; art. 23 ¶1 item (4)
// makes reconsideration compulsory before suit when an application is refused (不予公开), and ¶2 obliges the
// office to say so. Otherwise 《行政诉讼法》 art. 46 gives six months for a direct suit; after reconsideration
// art. 45 gives 15 days. Which clause each outcome group carries is decided in
// docs/decisions/0011-review-routes-in-notices.md (REVIEW_ROUTE_DEFAULTS below; a setting per organization).
import type { Outcome } from '../applications/application.js';
import { outcomeGroup, type OutcomeGroup } from '../applications/outcomes.js';
import { compareDates, localDate, type LocalDate } from '../core/local-date.js';
import type { TemplateParagraph } from './notice-template.js';

/** The Regulation, as cited in notices. */
export const REGULATION = '《中华人民共和国政府信息公开条例》';

/**
 * Remedy clauses: `either` (复议 within 60 days or 诉讼 within 6 months) and
 * `reconsideration_first` (行政复议法 art. 23: 复议前置 for 不予公开).
 */
export const REMEDY_VARIANTS = ['either', 'reconsideration_first'] as const;
/** One remedy clause variant. */
export type RemedyVariant = (typeof REMEDY_VARIANTS)[number];

/** From this date 《行政复议法》(2023) applies, with its reconsideration-first rule. */
export const RECONSIDERATION_LAW_2023_FROM: LocalDate = localDate('2024-01-01');

/** What the reply for one outcome says and rests on. */
export type ReplyOutcomeRule = {
  /** Row label of section 三 of the annual report. */
  label: string;
  /**
   * Articles of the Regulation (after {@link REGULATION}), or the full citation when `fullBasis`; null: the handler
   * gives it.
   */
  basis: string | null;
  fullBasis?: boolean;
  /** The decision paragraphs of the default template. */
  decision: readonly TemplateParagraph[];
};

const REFUSED = '本机关决定不予公开。';
const reasons: TemplateParagraph = { when: 'reasons', text: '{{reasons}}' };
const provided: TemplateParagraph[] = [
  { when: 'provision', text: '{{provision}}' },
  { unless: 'provision', text: '现将该政府信息随本告知书一并提供给您。' },
];

/** The reply rule of every outcome code. */
export const REPLY_OUTCOMES: Readonly<Record<Outcome, ReplyOutcomeRule>> = {
  // Whether "already proactively disclosed" (art. 36(1)) replies count here is practice;
  // such a reply passes legalBasis 第三十六条第（一）项 in the model.
  disclosed: {
    label: '予以公开',
    basis: '第三十六条第（二）项',
    decision: [
      '经审查，您申请获取的政府信息属于可以公开的政府信息。根据{{legalBasis}}的规定，本机关决定予以公开。',
      ...provided,
    ],
  },
  // Partly refused, so 复议前置 applies to the refused part (行政复议法 art. 23 ¶1 (4)); see REVIEW_ROUTE_DEFAULTS.
  partially_disclosed: {
    label: '部分公开',
    basis: '第三十七条',
    decision: [
      '经审查，您申请获取的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据{{legalBasis}}的规定，本机关决定向您提供可以公开的政府信息内容，对其余内容不予公开。',
      '不予公开部分及理由：{{reasons}}',
      ...provided,
    ],
  },
  'withheld.state_secret': {
    label: '属于国家秘密',
    basis: '第十四条、第三十六条第（三）项',
    decision: [
      `经审查，您申请获取的政府信息属于依法确定为国家秘密的政府信息。根据{{legalBasis}}的规定，${REFUSED}`,
      reasons,
    ],
  },
  'withheld.prohibited_by_law': {
    label: '其他法律行政法规禁止公开',
    basis: '第十四条、第三十六条第（三）项',
    decision: [
      `经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息。根据{{legalBasis}}的规定，${REFUSED}`,
      '禁止公开的依据：{{reasons}}',
    ],
  },
  'withheld.security_stability': {
    label: '危及“三安全一稳定”',
    basis: '第十四条、第三十六条第（三）项',
    decision: [
      `经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据{{legalBasis}}的规定，${REFUSED}`,
      reasons,
    ],
  },
  'withheld.third_party_rights': {
    label: '保护第三方合法权益',
    basis: '第十五条、第三十六条第（三）项',
    decision: [
      `经审查，您申请获取的政府信息涉及商业秘密、个人隐私等事项，公开后会对第三方合法权益造成损害。根据{{legalBasis}}的规定，${REFUSED}`,
      reasons,
    ],
  },
  'withheld.internal_affairs': {
    label: '属于三类内部事务信息',
    basis: '第十六条第一款、第三十六条第（三）项',
    decision: [
      `经审查，您申请获取的信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息。根据{{legalBasis}}的规定，${REFUSED}`,
      reasons,
    ],
  },
  'withheld.process_information': {
    label: '属于四类过程性信息',
    basis: '第十六条第二款、第三十六条第（三）项',
    decision: [
      `经审查，您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据{{legalBasis}}的规定，${REFUSED}`,
      reasons,
    ],
  },
  'withheld.enforcement_file': {
    label: '属于行政执法案卷',
    basis: '第十六条第二款、第三十六条第（三）项',
    decision: [`经审查，您申请获取的信息属于行政执法案卷信息。根据{{legalBasis}}的规定，${REFUSED}`, reasons],
  },
  // The row rests on art. 36(7) (行政查询事项), not on art. 16.
  'withheld.inquiry_matter': {
    label: '属于行政查询事项',
    basis: '第三十六条第（七）项',
    decision: [
      '经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据{{legalBasis}}的规定，请您依照有关法律、行政法规的规定办理。',
      { when: 'provision', text: '办理途径：{{provision}}' },
      reasons,
    ],
  },
  // art. 36(4); with a referral to the responsible agency art. 36(5) (see legalBasisFor).
  'unavailable.not_held': {
    label: '本机关不掌握相关政府信息',
    basis: '第三十六条第（四）项',
    decision: [
      {
        unless: 'referralAgency',
        text: '经检索，本机关没有制作或者获取您申请公开的政府信息。根据{{legalBasis}}的规定，现告知您该政府信息不存在。',
      },
      {
        when: 'referralAgency',
        text: '经审查，您申请公开的信息不属于本机关负责公开的政府信息。根据{{legalBasis}}的规定，现告知您负责公开该政府信息的行政机关：{{referralAgency}}。',
      },
      reasons,
    ],
  },
  'unavailable.needs_creation': {
    label: '没有现成信息需要另行制作',
    basis: '第三十八条',
    decision: [
      '经审查，本机关没有您所申请的现成信息，提供该信息需要本机关对现有政府信息进行加工、分析。根据{{legalBasis}}的规定，本机关不予提供。',
      reasons,
    ],
  },
  // Art. 30 (the correction did not make the request clear).
  'unavailable.still_unclear': {
    label: '补正后申请内容仍不明确',
    basis: '第三十条',
    decision: [
      '本机关已告知您对申请内容作出补正，但补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息。根据{{legalBasis}}的规定，本机关无法向您提供。',
      reasons,
    ],
  },
  'not_processed.petition_or_complaint': {
    label: '信访举报投诉类申请',
    basis: '第三十九条第一款',
    decision: [
      '经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{{legalBasis}}的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。',
      { when: 'provision', text: '相应渠道：{{provision}}' },
      reasons,
    ],
  },
  'not_processed.repeated': {
    label: '重复申请',
    basis: '第三十六条第（六）项',
    decision: [
      '经审查，本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据{{legalBasis}}的规定，本机关不予重复处理。',
      { when: 'previousReply', text: '本机关此前的答复：{{previousReply}}。' },
      reasons,
    ],
  },
  'not_processed.publication': {
    label: '要求提供公开出版物',
    basis: '第三十九条第二款',
    decision: [
      '经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据{{legalBasis}}的规定，本机关不作为政府信息公开申请处理。',
      { when: 'provision', text: '您可以通过以下途径获取：{{provision}}' },
      reasons,
    ],
  },
  'not_processed.excessive': {
    label: '无正当理由大量反复申请',
    basis: '第三十五条',
    decision: [
      '您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。经审查，本机关认为申请理由不合理。根据{{legalBasis}}的规定，本机关不予处理。',
      reasons,
    ],
  },
  // The Regulation names no article. Art. 2 defines 政府信息; a request to confirm or re-issue
  // information the applicant already holds is not a request to obtain it. Editable per organization.
  'not_processed.confirmation': {
    label: '要求行政机关确认或重新出具已获取信息',
    basis: '第二条',
    decision: [
      '经审查，您的申请系要求本机关确认或者重新出具您已获取的信息，不属于获取政府信息的申请。根据{{legalBasis}}的规定，本机关不作为政府信息公开申请处理。',
      reasons,
    ],
  },
  'other.correction_lapsed': {
    label: '申请人无正当理由逾期不补正',
    basis: '第三十条',
    decision: [
      '本机关已书面告知您对申请作出补正，您无正当理由逾期未补正，视为放弃申请。根据{{legalBasis}}的规定，本机关不再处理您的政府信息公开申请。',
      reasons,
    ],
  },
  // The measures (国办函〔2020〕109号) are cited by name only.
  'other.fee_unpaid': {
    label: '申请人逾期未按收费通知要求缴纳费用',
    basis: `${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`,
    fullBasis: true,
    decision: [
      '本机关已向您送达信息处理费收费通知书，您未在规定期限内缴纳信息处理费，视为放弃申请。根据{{legalBasis}}的规定，本机关不再处理您的政府信息公开申请。',
      reasons,
    ],
  },
  // No fixed article: the handler states the reasons and the basis (model.legalBasis).
  'other.other': {
    label: '其他',
    basis: null,
    decision: ['{{reasons}}', '根据{{legalBasis}}的规定，特此告知。'],
  },
};

/**
 * The legal basis a reply cites for its outcome.
 * @param options referral: the not_held reply names the responsible agency (art. 36(5))
 * @returns the full citation, or undefined when the handler must give it (other.other)
 */
export function legalBasisFor(outcome: Outcome, options: { referral?: boolean } = {}): string | undefined {
  if (outcome === 'unavailable.not_held' && options.referral === true) return `${REGULATION}第三十六条第（五）项`;
  const rule = REPLY_OUTCOMES[outcome];
  if (rule.basis === null) return undefined;
  return rule.fullBasis === true ? rule.basis : `${REGULATION}${rule.basis}`;
}

/** The outcome groups in report order (section 三（一）–（六）), for the review-route setting. */
export const REVIEW_ROUTE_GROUPS = [
  'disclosed',
  'partially_disclosed',
  'withheld',
  'unavailable',
  'not_processed',
  'other',
] as const satisfies readonly OutcomeGroup[];

/** The review route of each outcome group, as an organization may set it (absent groups: the default). */
export type ReviewRoutes = Partial<Record<OutcomeGroup, RemedyVariant>>;

/**
 * The default review route of each outcome group (行政复议法 (2023) art. 23 ¶1 (4): "申请政府信息公开，行政机关不予
 * 公开" must go to reconsideration first). The Regulation itself says 不予公开 for the refusals of art. 36(3) and
 * art. 37 (and the annual report's group （三）不予公开 includes 行政查询事项, art. 36(7)); "does not exist",
 * "needs creation", "not processed" and the lapses are answers of their own (arts. 30, 35, 36(4)–(6), 38, 39),
 * so they keep both routes open. Courts and local practice differ on those, hence a setting.
 */
export const REVIEW_ROUTE_DEFAULTS: Readonly<Record<OutcomeGroup, RemedyVariant>> = {
  disclosed: 'either',
  partially_disclosed: 'reconsideration_first',
  withheld: 'reconsideration_first',
  unavailable: 'either',
  not_processed: 'either',
  other: 'either',
};

/** Groups whose route is fixed by art. 23 ¶1 (4) and cannot be set otherwise: the refusals. */
export const FIXED_REVIEW_ROUTES: readonly OutcomeGroup[] = ['partially_disclosed', 'withheld'];

/** The groups whose route an organization may set (REVIEW_ROUTE_GROUPS but the fixed ones). */
export const SETTABLE_REVIEW_ROUTES = REVIEW_ROUTE_GROUPS.filter((g) => !FIXED_REVIEW_ROUTES.includes(g));

/** Chinese names of the outcome groups, as section 三 of the annual report heads them. */
export const REVIEW_ROUTE_GROUP_LABELS: Readonly<Record<(typeof REVIEW_ROUTE_GROUPS)[number], string>> = {
  disclosed: '予以公开',
  partially_disclosed: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

/** How each route reads in the settings (行政复议法 (2023) art. 23). */
export const REMEDY_ROUTE_CHOICES: Readonly<Record<RemedyVariant, string>> = {
  either: '可申请行政复议，也可直接提起行政诉讼',
  reconsideration_first: '应先申请行政复议（复议前置）',
};

/**
 * Which remedy clause a reply carries.
 * @param issuedOn before 2024-01-01 the old 《行政复议法》 had no reconsideration-first rule
 * @param routes the organization's setting per outcome group (refusals always go reconsideration first)
 */
export function remedyVariantFor(outcome: Outcome, issuedOn: LocalDate, routes: ReviewRoutes = {}): RemedyVariant {
  if (compareDates(issuedOn, RECONSIDERATION_LAW_2023_FROM) < 0) return 'either';
  const group = outcomeGroup(outcome);
  if (FIXED_REVIEW_ROUTES.includes(group)) return REVIEW_ROUTE_DEFAULTS[group];
  return routes[group] ?? REVIEW_ROUTE_DEFAULTS[group];
}

// The notice models (告知书): what each kind of letter says, as data. src/domain/notices/notice.ts turns a
// model into a document with the organization's templates.
import type { Channel, Outcome } from '../applications/application.js';
import type { LocalDate } from '../core/local-date.js';
import type { ReviewRoutes } from './reply-outcomes.js';

/** Kinds of notice. Stored values (notice.kind); never rename. */
export const NOTICE_KINDS = [
  'acknowledgement',
  'correction',
  'extension',
  'fee',
  'consultation_third_party',
  'consultation_agency',
  'reply',
  // Art. 32, last sentence: the decision to disclose over a third party's objection, written to the third party.
  'disclosure_third_party',
  // Art. 35: the request to explain an excessive request (说明理由), and the delayed period set after it.
  'reasons_request',
  'delayed_period',
] as const;
/** One kind of notice. */
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The Chinese name of each kind of notice. */
export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  acknowledgement: '接收回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  fee: '收费通知书',
  consultation_third_party: '征求第三方意见书',
  consultation_agency: '征求意见书（共同制作机关）',
  reply: '答复告知书',
  disclosure_third_party: '决定公开告知书（第三方）',
  reasons_request: '说明理由告知书',
  delayed_period: '延迟答复告知书',
};

/** Kinds addressed to someone other than the applicant: never mailed to the applicant nor shown on /track. */
export const NOT_FOR_APPLICANT: readonly NoticeKind[] = [
  'consultation_third_party',
  'consultation_agency',
  'disclosure_third_party',
];

/** The issuing organization as printed on a notice. */
export type NoticeOrg = {
  name: string;
  /** 政府信息公开工作机构, e.g. 区政府办公室政务公开科. */
  officeName: string;
  address: string;
  phone: string;
  postcode: string;
};

/** A person or body a notice names. */
export type NoticeParty = { name: string; address: string };

/** Fields every notice has. */
export type NoticeBase = {
  /** The office's document number (see formatNoticeDocNo). */
  docNo: string;
  org: NoticeOrg;
  applicant: NoticeParty;
  trackingCode: string;
  /** The receipt date under art. 31 (for a corrected application, the original receipt). */
  receivedOn: LocalDate;
  issuedOn: LocalDate;
  /** The information asked for, as the applicant described it. */
  requestDescription: string;
  /** Reference to an uploaded seal image (e.g. a stored file id), printed over the signature. */
  sealImageRef?: string | null;
};

/** 政府信息公开申请接收回执. */
export type AcknowledgementNotice = NoticeBase & { kind: 'acknowledgement'; channel: Channel; dueOn: LocalDate };
/** 补正告知书 (art. 30): what to correct, and the end of the correction period. */
export type CorrectionNotice = NoticeBase & {
  kind: 'correction';
  items: readonly string[];
  correctionDueOn: LocalDate;
};
/** 延期答复告知书 (art. 33 para 2). */
export type ExtensionNotice = NoticeBase & {
  kind: 'extension';
  originalDueOn: LocalDate;
  newDueOn: LocalDate;
  workingDays: number;
  reason?: string;
};
/** Fee bases of the 2020 measures: per piece or per page, never both. */
export type FeeBasis = 'per_piece' | 'per_page';
/** 说明理由告知书 (art. 35): the applicant is asked to explain a request beyond a reasonable volume or frequency. */
export type ReasonsRequestNotice = NoticeBase & {
  kind: 'reasons_request';
  reasonsDueOn: LocalDate;
  /** What to explain, one item a line (optional). */
  items: readonly string[];
  /** Print that the time taken is not counted in the reply period (the setting in force when asked). */
  pausesClock: boolean;
};
/** 延迟答复告知书 (art. 35, second branch): the reasons are accepted, the reply comes by a later reasonable day. */
export type DelayedPeriodNotice = NoticeBase & {
  kind: 'delayed_period';
  originalDueOn: LocalDate;
  delayedDueOn: LocalDate;
  reason: string;
};
/** 收费通知书 (art. 42; 国办函〔2020〕109号). */
export type FeeNotice = NoticeBase & {
  kind: 'fee';
  basis: FeeBasis;
  /** Pieces or pages counted. */
  quantity: number;
  amountYuan: number;
  /** Where and how to pay (account, payee, reference). */
  paymentInstructions: string;
  /** Print that the payment period does not count toward the reply deadline (configurable). */
  paymentPeriodExcluded?: boolean;
};
/** 征求第三方意见书 (art. 32); addressed to the third party, never naming the applicant. */
export type ThirdPartyConsultationNotice = NoticeBase & {
  kind: 'consultation_third_party';
  party: NoticeParty;
  information?: string;
};
/** 征求意见书 to a co-producing agency (art. 34). */
export type AgencyConsultationNotice = NoticeBase & {
  kind: 'consultation_agency';
  agency: NoticeParty;
  information?: string;
};
/** Where the applicant may seek a remedy against a reply. */
export type RemedyBodies = {
  /** 行政复议机关: for a county department its 本级人民政府 (行政复议法 art. 24). */
  reconsiderationBody: string;
  /** The court; default 有管辖权的人民法院. */
  court?: string;
};
/** 依申请公开政府信息告知书: the reply, with its outcome code. */
export type ReplyNotice = NoticeBase & {
  kind: 'reply';
  outcome: Outcome;
  /** The handler's specific reasons (required for partially_disclosed, prohibited_by_law and other.other). */
  reasons?: string;
  /** How the information is provided or where to get it. */
  provision?: string;
  /** For not_held when another agency is responsible (art. 36(5)): its name and contact. */
  referralAgency?: string;
  /** For repeated applications: the earlier reply (document number and date). */
  previousReply?: string;
  /** Replaces the legal basis the outcome table gives (required for other.other). */
  legalBasis?: string;
  remedies: RemedyBodies;
  /** The organization's review route per outcome group (see REVIEW_ROUTE_DEFAULTS). */
  reviewRoutes?: ReviewRoutes;
};
/**
 * 决定公开告知书（第三方） (art. 32, last sentence: 决定予以公开的，应当将决定公开的政府信息内容和理由书面告知第三方):
 * to a consulted third party that objected, when the reply discloses all or part of the information.
 * Like the consultation letter, it never names the applicant.
 */
export type ThirdPartyDisclosureNotice = NoticeBase & {
  kind: 'disclosure_third_party';
  party: NoticeParty;
  /** The reply's outcome: disclosed or partially_disclosed. */
  outcome: 'disclosed' | 'partially_disclosed';
  /** Why the office discloses over the objection. */
  disclosureReasons?: string;
  /** What the third party said (the consultation's recorded opinion). */
  opinion?: string;
  remedies: RemedyBodies;
};

/** Everything a notice is generated from. */
export type NoticeModel =
  | AcknowledgementNotice
  | CorrectionNotice
  | ExtensionNotice
  | ReasonsRequestNotice
  | DelayedPeriodNotice
  | FeeNotice
  | ThirdPartyConsultationNotice
  | AgencyConsultationNotice
  | ReplyNotice
  | ThirdPartyDisclosureNotice;

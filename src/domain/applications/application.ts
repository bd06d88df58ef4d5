// Disclosure applications (依申请公开, Regulation arts. 27–45): the stored shape, the applicant,
// channels, states, outcome codes and the events that make up a case's history.
import type { LocalDate } from '../core/local-date.js';

/** Channels an application arrives through (GLOSSARY; art. 31 sets each one's receipt date). */
export const CHANNELS = ['online', 'in_person', 'registered_mail', 'ordinary_mail', 'fax', 'email'] as const;
/** One channel. */
export type Channel = (typeof CHANNELS)[number];

/** Applicant types and legal-person subtypes: the columns of the annual report's section 三. */
export const APPLICANT_TYPES = ['natural_person', 'legal_person'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const LEGAL_PERSON_SUBTYPES = ['business', 'research', 'nonprofit', 'legal_services', 'other'] as const;
export type LegalPersonSubtype = (typeof LEGAL_PERSON_SUBTYPES)[number];

/** Identity documents accepted on the form. */
export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'foreigner_permanent_residence',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];

/** Form of provision (载体形式) and way of obtaining (获取方式), as 第二十九条第二款第三项 asks for them. */
export const CARRIERS = ['paper', 'electronic', 'disc'] as const;
export type Carrier = (typeof CARRIERS)[number];
export const DELIVERIES = ['post', 'email', 'pickup', 'online'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** The applicant: personal data, shown only to roles of the organization handling the case. */
export type Applicant = {
  type: ApplicantType;
  /** Only for legal persons. */
  subtype: LegalPersonSubtype | null;
  name: string;
  idType: IdType | null;
  /** Identity document number; for organizations the unified social credit code. */
  idNumber: string;
  /** 法定代表人 and 联系人, organizations only. */
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
};

/** What is asked for (art. 29 para 2 item 2) and in what form (item 3). */
export type Request = {
  description: string;
  title: string;
  docNo: string;
  indexNo: string;
  carrier: Carrier;
  delivery: Delivery;
};

/**
 * Outcome codes: one per row of section 三 of the annual report (GLOSSARY "Outcome codes").
 * Stored values; never rename.
 */
export const OUTCOMES = [
  'disclosed',
  'partially_disclosed',
  'withheld.state_secret',
  'withheld.prohibited_by_law',
  'withheld.security_stability',
  'withheld.third_party_rights',
  'withheld.internal_affairs',
  'withheld.process_information',
  'withheld.enforcement_file',
  'withheld.inquiry_matter',
  'unavailable.not_held',
  'unavailable.needs_creation',
  'unavailable.still_unclear',
  'not_processed.petition_or_complaint',
  'not_processed.repeated',
  'not_processed.publication',
  'not_processed.excessive',
  'not_processed.confirmation',
  'other.correction_lapsed',
  'other.fee_unpaid',
  'other.other',
] as const;
/** One outcome code. */
export type Outcome = (typeof OUTCOMES)[number];

/** Stored application states; never rename (change the label instead). */
export const APPLICATION_STATES = [
  'received', // submitted or entered, not yet registered (登记)
  'registered', // registered, being handled (承办)
  'awaiting_correction', // 补正 notice issued, waiting for the corrected application (art. 30)
  'in_consultation', // 征求意见 with a third party or co-producing agency; main clock paused (arts. 32, 34)
  'awaiting_payment', // fee notice issued, waiting for payment (art. 42)
  'in_legal_review', // reply drafted with an outcome; 合法性审查 and 保密审查 (art. 17)
  'awaiting_approval', // passed legal review; 审批 by a signer
  'approved', // approved, to be sent
  'replied', // reply sent (答复)
  'archived', // filed (归档); closed
  'withdrawn', // withdrawn by the applicant; closed
] as const;
/** One state. */
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/**
 * Moves, named as the API names them. `propose_lapse` is the clock's: the daily job proposes ending a case whose
 * correction or payment period ran out; the handler confirms with `lapse_correction` / `lapse_fee` (art. 30 applies
 * only to a failure "无正当理由").
 */
export const ACTIONS = [
  'register',
  'assign',
  'transfer',
  'request_correction',
  'receive_correction',
  'start_consultation',
  'end_consultation',
  'request_extension',
  'extend',
  'request_reasons',
  'record_reasons',
  'set_delayed_period',
  'issue_fee_notice',
  'record_payment',
  'draft_reply',
  'pass_legal_review',
  'return_from_legal_review',
  'approve_reply',
  'return_from_approval',
  'send_reply',
  'withdraw',
  'archive',
  'propose_lapse',
  'lapse_correction',
  'lapse_fee',
] as const;
/** One move. */
export type Action = (typeof ACTIONS)[number];

/**
 * One entry of the case history (the deadline ledger): what happened, on which legal day, and the due date after it.
 */
export type ApplicationEvent = {
  seq: number;
  action: Action | 'submit';
  /** The legal date the move counts from (e.g. the day the corrected application arrived). */
  on: LocalDate;
  at: string;
  actorId: string | null;
  actorLabel: string;
  /** Move parameters (dueOn, workingDays, outcome, party, pieces, pages, handler…) and note. */
  params: Record<string, unknown>;
  /** The reply due date after this event (null while the clock is stopped). */
  dueOn: LocalDate | null;
  /** Why the due date is what it is, in Chinese, for the ledger. */
  explanation: string;
  provisional: boolean;
};

/** A case as the domain sees it. */
export type ApplicationSnapshot = {
  id: string;
  orgId: string;
  trackingCode: string;
  channel: Channel;
  receivedOn: LocalDate;
  applicant: Applicant;
  request: Request;
  state: ApplicationState;
  handlerId: string | null;
  outcome: Outcome | null;
  dueOn: LocalDate | null;
  /** Set when a correction or fee period runs: the date it ends. */
  waitingUntil: LocalDate | null;
  extended: boolean;
  closedOn: LocalDate | null;
  events: ApplicationEvent[];
};

// A Publication (一条政府信息) of the proactive-disclosure catalogue: its stored vocabularies, its
// snapshot as the review chain sees it, and the Chinese labels (Regulation arts. 19–26).

import type { LocalDate } from '../core/local-date.js';

/** Kinds (体裁), stored values; never rename (GLOSSARY: rule/normative/other_document/interpretation/news/other). */
export const PUBLICATION_KINDS = ['rule', 'normative', 'other_document', 'interpretation', 'news', 'other'] as const;
/** One kind. */
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** Chinese kind labels. */
export const KIND_LABELS: Readonly<Record<PublicationKind, string>> = {
  rule: '规章',
  normative: '行政规范性文件',
  other_document: '其他文件',
  interpretation: '政策解读',
  news: '新闻动态',
  other: '其他',
};

/**
 * Review-chain states. `submitted` waits for level 1, `in_review` for a later level (`reviewLevel`),
 * `signed_off` for release, `scheduled` for its release time. A published item under revision
 * (`currentVersion` set) is back in `draft`…`scheduled` while its live version stays up; a withdrawn item under
 * revision (撤稿后修订: `currentVersion` and `withdrawnAt` set) is too, and nothing of it is shown meanwhile.
 */
export const PUBLICATION_STATES = [
  'draft',
  'submitted',
  'in_review',
  'signed_off',
  'scheduled',
  'published',
  'withdrawn',
] as const;
/** One state. */
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** 有效性 of a document. */
export const VALIDITIES = ['valid', 'expired', 'repealed'] as const;
/** One validity. */
export type Validity = (typeof VALIDITIES)[number];
/** Chinese validity labels. */
export const VALIDITY_LABELS: Readonly<Record<Validity, string>> = { valid: '有效', expired: '失效', repealed: '废止' };

/** 公开属性. `withheld` items are registered and counted but never reach the portal. */
export const DISCLOSURES = ['proactive', 'on_request', 'withheld'] as const;
/** One disclosure mode. */
export type Disclosure = (typeof DISCLOSURES)[number];
/** Chinese disclosure labels. */
export const DISCLOSURE_LABELS: Readonly<Record<Disclosure, string>> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/** Legal grounds of 不予公开 (arts. 14–16). */
export const WITHHELD_GROUNDS = [
  'state_secret',
  'law_forbids',
  'security_stability',
  'third_party',
  'internal_affairs',
  'process_info',
  'enforcement_file',
] as const;
/** One ground. */
export type WithheldGround = (typeof WITHHELD_GROUNDS)[number];
/** Chinese ground labels with their article. */
export const WITHHELD_GROUND_LABELS: Readonly<Record<WithheldGround, string>> = {
  state_secret: '属于国家秘密（第十四条）',
  law_forbids: '法律、行政法规禁止公开（第十四条）',
  security_stability: '公开后可能危及“三安全一稳定”（第十四条）',
  third_party: '涉及商业秘密、个人隐私等（第十五条）',
  internal_affairs: '属于内部事务信息（第十六条第一款）',
  process_info: '属于过程性信息（第十六条第二款）',
  enforcement_file: '属于行政执法案卷信息（第十六条第二款）',
};

/** The descriptive fields of a publication (the metadata table and body). */
export type PublicationFields = {
  categoryId: string;
  title: string;
  summary: string;
  publisher: string;
  docNo: string;
  writtenOn: LocalDate;
  topic: string;
  kind: PublicationKind;
  validity: Validity;
  validityOn: LocalDate | null;
  disclosure: Disclosure;
  withheldGround: WithheldGround | null;
  bodyHtml: string;
  keywords: string;
  keyAreas: readonly string[];
  interpretsId: string | null;
  major: boolean;
  /** The standard-catalogue row (标准目录事项) the item belongs to, if linked. */
  catalogueRowId?: string | null;
};

/** The metadata table of a published version, as the portal, the feeds, the API and the archive show it. */
export type PublicMetadata = {
  indexNo: string;
  title: string;
  summary: string;
  publisher: string;
  docNo: string;
  writtenOn: LocalDate;
  /** 发布日期: the first publication's day, kept by later versions. */
  publishedOn: LocalDate;
  topic: string;
  kind: PublicationKind;
  validity: Validity;
  validityOn: LocalDate | null;
  keywords: string;
  keyAreas: readonly string[];
};

/** The metadata table of a version's fields. */
export function publicMetadata(f: PublicationFields & { indexNo: string }, publishedOn: LocalDate): PublicMetadata {
  return {
    indexNo: f.indexNo,
    title: f.title,
    summary: f.summary,
    publisher: f.publisher,
    docNo: f.docNo,
    writtenOn: f.writtenOn,
    publishedOn,
    topic: f.topic,
    kind: f.kind,
    validity: f.validity,
    validityOn: f.validityOn,
    keywords: f.keywords,
    keyAreas: f.keyAreas,
  };
}

/** A row of the review ledger: every step of an item's life, with the checks' findings as evidence. */
export type ReviewEntry = {
  seq: number;
  /** The chain level approved or rejected (1-based), or null for other steps. */
  level: number | null;
  action: string;
  actorId: string | null;
  actorLabel: string;
  at: string;
  comment: string;
  findings: readonly unknown[];
};

/** What the review chain needs of an item. */
export type PublicationSnapshot = {
  id: string;
  orgId: string;
  state: PublicationState;
  /** The chain level awaited in submitted/in_review (1-based); null elsewhere. */
  reviewLevel: number | null;
  major: boolean;
  createdBy: string | null;
  /** The last published version's number, or null if never published. */
  currentVersion: number | null;
  scheduledAt: string | null;
  /**
   * When the item was withdrawn (撤稿), while it is: kept through a revision after withdrawal (撤稿后修订), cleared
   * when the new version is published. Absent or null: not withdrawn.
   */
  withdrawnAt?: string | null;
  reviews: readonly ReviewEntry[];
};

/** Parses the stored comma list of key areas. */
export function splitKeyAreas(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

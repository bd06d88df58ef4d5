// Sample notices for the template editor's preview and the document-number preview: the
// organization's own name and contact, a fictional applicant and case (示例数据, never stored).
import type { Outcome } from '../../domain/applications/application.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { addDays, localDate } from '../../domain/core/local-date.js';
import type { Result } from '../../domain/core/result.js';
import type { DomainError } from '../../domain/core/domain-error.js';
import { formatNoticeDocNo } from '../../domain/notices/doc-no.js';
import {
  buildNoticeDocument,
  type NoticeBase,
  type NoticeDocument,
  type NoticeKind,
  type NoticeModel,
} from '../../domain/notices/notice.js';
import type { TemplateIssue } from '../../domain/notices/notice-template.js';
import { kindOfKey, type OrgNoticeTemplates, type TemplateKey } from '../../domain/notices/templates.js';
import type { EffectiveNoticeSettings as NoticeSettings } from './notice-settings.js';

/**
 * The document number the pattern gives the first notice of the year (serial 1).
 * @param pattern the document-number pattern
 * @param year e.g. this year
 * @param kind the kind for `{kind}` (default: a reply)
 * @returns the number, or the pattern's problems
 */
export function sampleDocNo(
  pattern: string,
  org: Organization,
  year: number,
  kind: NoticeKind = 'reply',
): Result<string, DomainError> {
  return formatNoticeDocNo(pattern, { orgShortName: org.shortName || org.name, year, serial: 1, kind });
}

/**
 * A fictional notice of the template's kind, issued today by the organization.
 * @param key the template being previewed (a reply key gives a reply with that outcome)
 * @param settings the organization's settings (document number, remedies, payment instructions, seal)
 * @param today the office's date (YYYY-MM-DD)
 */
export function sampleNoticeModel(
  key: TemplateKey,
  org: Organization,
  settings: NoticeSettings,
  today: string,
): NoticeModel {
  const issuedOn = localDate(today);
  const receivedOn = addDays(issuedOn, -7);
  const kind = kindOfKey(key);
  const docNo = sampleDocNo(settings.docNoPattern, org, Number(today.slice(0, 4)), kind);
  const base: NoticeBase = {
    docNo: docNo.ok ? docNo.value : '（文号格式有误）',
    org: {
      name: org.name,
      officeName: org.officeName || org.name,
      address: org.officeAddress || org.address,
      phone: org.officePhone || org.phone,
      postcode: org.postcode,
    },
    applicant: { name: '王小明（示例）', address: '示例市示例区示例路1号' },
    trackingCode: 'SAMPLE-0001',
    receivedOn,
    issuedOn,
    requestDescription: '2024年本机关老旧小区改造项目的立项批复文件（示例）',
    sealImageRef: settings.sealFileId,
  };
  switch (kind) {
    case 'acknowledgement':
      return { ...base, kind, channel: 'online', dueOn: addDays(receivedOn, 28) };
    case 'correction':
      return {
        ...base,
        kind,
        items: ['请写明所需政府信息的名称、文号或者其他特征性描述。', '请写明所需信息的大致形成时间。'],
        correctionDueOn: addDays(issuedOn, 15),
      };
    case 'extension':
      return {
        ...base,
        kind,
        originalDueOn: addDays(receivedOn, 28),
        newDueOn: addDays(receivedOn, 56),
        workingDays: 20,
        reason: '申请内容涉及的信息需要检索的档案数量较大',
      };
    case 'fee':
      return {
        ...base,
        kind,
        basis: 'per_piece',
        quantity: 12,
        amountYuan: 200,
        paymentInstructions: settings.paymentInstructions,
        paymentPeriodExcluded: true,
      };
    case 'consultation_third_party':
      return {
        ...base,
        kind,
        party: { name: '示例建设有限公司', address: '示例市示例区工业路8号' },
        information: '该项目施工合同中的工程价款条款（示例）',
      };
    case 'consultation_agency':
      return {
        ...base,
        kind,
        agency: { name: '示例市示例区住房和城乡建设局', address: '示例市示例区建设路2号' },
        information: '两机关联合印发的实施方案（示例）',
      };
    case 'reasons_request':
      return {
        ...base,
        kind,
        reasonsDueOn: addDays(issuedOn, 15),
        items: ['申请公开上述信息的用途。', '一次申请数百份文件的理由。'],
        pausesClock: false,
      };
    case 'delayed_period':
      return {
        ...base,
        kind,
        originalDueOn: addDays(receivedOn, 28),
        delayedDueOn: addDays(receivedOn, 90),
        reason: '申请公开的信息涉及近十年的档案，数量较大，需逐件检索和审查',
      };
    case 'reply':
      return sampleReply(base, key.slice('reply.'.length) as Outcome, settings);
    case 'disclosure_third_party':
      return {
        ...base,
        kind,
        party: { name: '示例建设有限公司', address: '示例市示例区工业路8号' },
        outcome: 'partially_disclosed',
        disclosureReasons: '（示例）该项目使用财政资金，工程价款的公开关系公共利益，不公开可能对公共利益造成重大影响。',
        opinion: '（示例）工程价款属于商业秘密，不同意公开。',
        remedies: { reconsiderationBody: settings.reviewBody.name ?? '', court: settings.court },
      };
  }
}

function sampleReply(base: NoticeBase, outcome: Outcome, settings: NoticeSettings): NoticeModel {
  const uses = (codes: string[]) => codes.includes(outcome);
  return {
    ...base,
    kind: 'reply',
    outcome,
    remedies: { reconsiderationBody: settings.reviewBody.name ?? '', court: settings.court },
    reviewRoutes: settings.reviewRoutes,
    reasons: '（示例）承办人填写的具体理由。',
    ...(uses([
      'withheld.inquiry_matter',
      'not_processed.petition_or_complaint',
      'not_processed.publication',
      'disclosed',
      'partially_disclosed',
    ])
      ? { provision: '（示例）通过电子邮件发送至申请人预留的邮箱。' }
      : {}),
    ...(outcome === 'not_processed.repeated' ? { previousReply: '示例区政办依申〔2025〕1号，2025年1月6日' } : {}),
    ...(outcome === 'other.other' ? { legalBasis: '（示例）承办人填写的法律依据' } : {}),
  };
}

/** A preview: the document, or the problems building it with the sample values. */
export type NoticePreview = Result<NoticeDocument, TemplateIssue[]>;

/**
 * Renders the template with sample values, as the organization's notices would look.
 * @param templates the organization's templates with the edited one in place
 */
export function previewNotice(
  key: TemplateKey,
  org: Organization,
  settings: NoticeSettings,
  templates: OrgNoticeTemplates,
  today: string,
): NoticePreview {
  return buildNoticeDocument(sampleNoticeModel(key, org, settings, today), templates);
}

// Placeholder values of a notice, computed from its model: dates in Chinese, amounts in capitals,
// numbered correction items, the legal basis of a reply's outcome.
import type { Channel } from '../applications/application.js';
import { formatChineseDate } from '../core/local-date.js';
import { amountInWords } from './amount-in-words.js';
import type { FeeBasis, NoticeBase, NoticeModel, ReplyNotice } from './notice-model.js';
import { placeholdersFor } from './placeholders.js';
import { legalBasisFor, REPLY_OUTCOMES } from './reply-outcomes.js';

/** Working days the applicant has to pay a fee, from the day after receiving the notice (国办函〔2020〕109号). */
export const FEE_PAYMENT_WORKING_DAYS = 20;
/** Working days a third party or co-producing agency has to answer (arts. 32, 34). */
export const CONSULTATION_WORKING_DAYS = 15;

/** Channel names as printed in the acknowledgement ("通过……提交"). */
export const CHANNEL_PHRASES: Readonly<Record<Channel, string>> = {
  online: '互联网在线申请渠道',
  in_person: '当面提交方式',
  registered_mail: '邮寄（需签收）方式',
  ordinary_mail: '平常信函方式',
  fax: '传真方式',
  email: '电子邮件方式',
};

/** Fee bases as printed on the fee notice. */
export const FEE_BASIS_LABELS: Readonly<Record<FeeBasis, string>> = { per_piece: '按件计收', per_page: '按量计收' };

/** The standards of 国办函〔2020〕109号, printed on the fee notice. */
export const FEE_STANDARDS: Readonly<Record<FeeBasis, string>> = {
  per_piece:
    '同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11至30件（含30件）的部分，每件收费100元；' +
    '31件以上的部分，以10件为一档，每增加一档，每件收费标准提高100元。',
  per_page:
    '30页以下（含30页）的，不收费；31至100页（含100页）的部分，每页收费10元；101至200页（含200页）的部分，每页收费20元；201页以上的部分，每页收费40元。',
};

/** What the office decided to disclose, as the third party's notice prints it (art. 32). */
export const DISCLOSURE_DECISIONS: Readonly<Record<'disclosed' | 'partially_disclosed', string>> = {
  disclosed: '向申请人公开上述政府信息',
  partially_disclosed: '向申请人公开上述政府信息中可以公开的部分，其余内容不予公开',
};

/** Printed on fee notices when the payment period is excluded from the reply period (configurable). */
export const PAYMENT_PERIOD_NOTE = '自本通知书送达之日起至您缴纳信息处理费之日止的期间，不计算在答复期限内。';

/**
 * Computes every placeholder value of a notice; values the model does not have are undefined.
 * @param model the notice data
 * @param remedies the rendered remedy clause (replies only)
 * @returns a record over exactly the placeholders this kind knows
 */
export function noticeValues(model: NoticeModel, remedies?: string): Record<string, string | undefined> {
  const all = { ...commonValues(model), ...kindValues(model, remedies) };
  return Object.fromEntries(placeholdersFor(model.kind).map((name) => [name, blankToUndefined(all[name])]));
}

function blankToUndefined(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}

function commonValues(m: NoticeBase): Record<string, string | undefined> {
  const contact = [
    m.org.officeName && `联系机构：${m.org.officeName}`,
    m.org.address && `地址：${m.org.address}`,
    m.org.postcode && `邮编：${m.org.postcode}`,
    m.org.phone && `联系电话：${m.org.phone}`,
  ].filter((part) => part !== '');
  return {
    docNo: m.docNo,
    orgName: m.org.name,
    officeName: m.org.officeName,
    orgAddress: m.org.address,
    orgPhone: m.org.phone,
    orgPostcode: m.org.postcode,
    contactLine: contact.join('；'),
    applicantName: m.applicant.name,
    applicantAddress: m.applicant.address,
    trackingCode: m.trackingCode,
    receivedOn: formatChineseDate(m.receivedOn),
    issuedOn: formatChineseDate(m.issuedOn),
    requestDescription: m.requestDescription.trim().replace(/[。；;，,\s]+$/u, ''),
  };
}

function kindValues(m: NoticeModel, remedies: string | undefined): Record<string, string | undefined> {
  switch (m.kind) {
    case 'acknowledgement':
      return { channel: CHANNEL_PHRASES[m.channel], dueOn: formatChineseDate(m.dueOn) };
    case 'correction':
      return {
        correctionItems: m.items
          .filter((x) => x.trim() !== '')
          .map((x, i) => `${i + 1}. ${x.trim()}`)
          .join('\n'),
        correctionDueOn: formatChineseDate(m.correctionDueOn),
      };
    case 'extension':
      return {
        originalDueOn: formatChineseDate(m.originalDueOn),
        newDueOn: formatChineseDate(m.newDueOn),
        extensionDays: String(m.workingDays),
        extensionReason: m.reason,
      };
    case 'fee':
      return {
        feeBasis: FEE_BASIS_LABELS[m.basis],
        feeQuantity: `${m.quantity}${m.basis === 'per_piece' ? '件' : '页'}`,
        feeStandard: FEE_STANDARDS[m.basis],
        feeAmount: validAmount(m.amountYuan) ? formatYuan(m.amountYuan) : undefined,
        feeAmountInWords: validAmount(m.amountYuan) ? amountInWords(m.amountYuan) : undefined,
        paymentInstructions: m.paymentInstructions,
        paymentDays: String(FEE_PAYMENT_WORKING_DAYS),
        paymentPeriodNote: m.paymentPeriodExcluded === true ? PAYMENT_PERIOD_NOTE : undefined,
      };
    case 'consultation_third_party':
      return { ...consulted(m.information), partyName: m.party.name, partyAddress: m.party.address };
    case 'consultation_agency':
      return { ...consulted(m.information), agencyName: m.agency.name, agencyAddress: m.agency.address };
    case 'reply':
      return replyValues(m, remedies);
    case 'reasons_request':
      return {
        reasonsDueOn: formatChineseDate(m.reasonsDueOn),
        reasonsItems: m.items
          .filter((x) => x.trim() !== '')
          .map((x, i) => `${i + 1}. ${x.trim()}`)
          .join('\n'),
        reasonsPauseNote: m.pausesClock ? '您说明理由所需时间不计算在答复期限内。' : undefined,
      };
    case 'delayed_period':
      return {
        originalDueOn: formatChineseDate(m.originalDueOn),
        delayedDueOn: formatChineseDate(m.delayedDueOn),
        delayReason: m.reason,
      };
    case 'disclosure_third_party':
      return {
        partyName: m.party.name,
        partyAddress: m.party.address,
        disclosureDecision: DISCLOSURE_DECISIONS[m.outcome],
        disclosureReasons: m.disclosureReasons,
        opinion: m.opinion,
        remedies,
      };
  }
}

function consulted(information: string | undefined): Record<string, string | undefined> {
  return { consultedInformation: information, consultationDays: String(CONSULTATION_WORKING_DAYS) };
}

function replyValues(m: ReplyNotice, remedies: string | undefined): Record<string, string | undefined> {
  return {
    outcomeLabel: REPLY_OUTCOMES[m.outcome].label,
    legalBasis: m.legalBasis?.trim() || legalBasisFor(m.outcome, { referral: Boolean(m.referralAgency?.trim()) }),
    reasons: m.reasons,
    provision: m.provision,
    referralAgency: m.referralAgency,
    previousReply: m.previousReply,
    remedies,
  };
}

function validAmount(yuan: number): boolean {
  return Number.isFinite(yuan) && yuan >= 0 && yuan < 1e12;
}

/** Yuan with two decimals only when there are cents, no separators (they break lines in CJK text): 5500 / 12.50. */
function formatYuan(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const whole = String(Math.floor(fen / 100));
  return fen % 100 === 0 ? whole : `${whole}.${String(fen % 100).padStart(2, '0')}`;
}

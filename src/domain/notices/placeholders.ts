// The placeholders each kind of notice can fill, the ones an edited template must keep, and their
// Chinese labels for the template editor.
import type { NoticeKind } from './notice-model.js';

/** Placeholders every notice can use. */
export const COMMON_PLACEHOLDERS = [
  'docNo',
  'orgName',
  'officeName',
  'orgAddress',
  'orgPhone',
  'orgPostcode',
  'contactLine',
  'applicantName',
  'applicantAddress',
  'trackingCode',
  'receivedOn',
  'issuedOn',
  'requestDescription',
] as const;

/** Placeholders specific to each kind (in addition to {@link COMMON_PLACEHOLDERS}). */
export const KIND_PLACEHOLDERS: Readonly<Record<NoticeKind, readonly string[]>> = {
  acknowledgement: ['channel', 'dueOn'],
  correction: ['correctionItems', 'correctionDueOn'],
  extension: ['originalDueOn', 'newDueOn', 'extensionDays', 'extensionReason'],
  fee: [
    'feeBasis',
    'feeQuantity',
    'feeStandard',
    'feeAmount',
    'feeAmountInWords',
    'paymentInstructions',
    'paymentDays',
    'paymentPeriodNote',
  ],
  consultation_third_party: ['partyName', 'partyAddress', 'consultedInformation', 'consultationDays'],
  consultation_agency: ['agencyName', 'agencyAddress', 'consultedInformation', 'consultationDays'],
  reply: ['outcomeLabel', 'legalBasis', 'reasons', 'provision', 'referralAgency', 'previousReply', 'remedies'],
  disclosure_third_party: [
    'partyName',
    'partyAddress',
    'disclosureDecision',
    'disclosureReasons',
    'opinion',
    'remedies',
  ],
  reasons_request: ['reasonsDueOn', 'reasonsItems', 'reasonsPauseNote'],
  delayed_period: ['originalDueOn', 'delayedDueOn', 'delayReason'],
};

/** Placeholders an edited template of each kind must still contain (the legal core of the notice). */
export const REQUIRED_PLACEHOLDERS: Readonly<Record<NoticeKind, readonly string[]>> = {
  acknowledgement: ['receivedOn', 'trackingCode', 'dueOn'],
  correction: ['correctionItems', 'correctionDueOn'],
  extension: ['newDueOn', 'extensionDays'],
  fee: ['feeBasis', 'feeAmount', 'paymentInstructions', 'paymentDays'],
  consultation_third_party: ['requestDescription', 'consultationDays'],
  consultation_agency: ['requestDescription', 'consultationDays'],
  reply: ['legalBasis', 'remedies'],
  disclosure_third_party: ['requestDescription', 'disclosureDecision', 'disclosureReasons', 'remedies'],
  reasons_request: ['reasonsDueOn'],
  delayed_period: ['delayedDueOn', 'delayReason'],
};

/** Placeholders of the remedy clause of replies (行政复议 / 行政诉讼). */
export const REMEDY_PLACEHOLDERS = ['reconsiderationBody', 'court'] as const;

/** Chinese labels, for the editor and for error messages. */
export const PLACEHOLDER_LABELS: Readonly<Record<string, string>> = {
  docNo: '文号',
  orgName: '机关名称',
  officeName: '政府信息公开工作机构',
  orgAddress: '机关地址',
  orgPhone: '联系电话',
  orgPostcode: '邮政编码',
  contactLine: '联系方式（机构、地址、邮编、电话）',
  applicantName: '申请人姓名或名称',
  applicantAddress: '申请人地址',
  trackingCode: '查询码',
  receivedOn: '收到申请日期',
  issuedOn: '落款日期',
  requestDescription: '申请内容',
  channel: '申请渠道',
  dueOn: '答复期限',
  correctionItems: '补正事项',
  correctionDueOn: '补正期限',
  originalDueOn: '原答复期限',
  newDueOn: '延长后的答复期限',
  extensionDays: '延长工作日数',
  extensionReason: '延期理由',
  feeBasis: '计收方式',
  feeQuantity: '计费数量',
  feeStandard: '收费标准',
  feeAmount: '应缴金额',
  feeAmountInWords: '应缴金额（大写）',
  paymentInstructions: '缴费方式',
  paymentDays: '缴费期限（工作日）',
  paymentPeriodNote: '缴费期间不计入答复期限的说明',
  partyName: '第三方名称',
  partyAddress: '第三方地址',
  agencyName: '被征求意见机关',
  agencyAddress: '被征求意见机关地址',
  consultedInformation: '拟公开的信息',
  consultationDays: '提出意见期限（工作日）',
  outcomeLabel: '办理结果',
  legalBasis: '法律依据',
  reasons: '理由',
  provision: '提供方式或获取途径',
  referralAgency: '负责公开的行政机关及联系方式',
  previousReply: '此前的答复',
  remedies: '救济途径',
  disclosureDecision: '决定公开的内容',
  disclosureReasons: '决定公开的理由',
  opinion: '第三方意见摘要',
  reasonsDueOn: '说明理由的期限',
  reasonsItems: '需说明的事项',
  reasonsPauseNote: '说明理由期间不计入答复期限的说明',
  delayedDueOn: '延迟答复的期限',
  delayReason: '确定延迟答复期限的理由',
  reconsiderationBody: '行政复议机关',
  court: '人民法院',
};

/**
 * Every placeholder a kind of notice knows.
 * @param kind the notice kind
 * @returns common and kind-specific names
 */
export function placeholdersFor(kind: NoticeKind): readonly string[] {
  return [...COMMON_PLACEHOLDERS, ...KIND_PLACEHOLDERS[kind]];
}

/**
 * A placeholder with its Chinese label, for messages.
 * @returns e.g. 法律依据（{{legalBasis}}）
 */
export function describePlaceholder(name: string): string {
  const label = PLACEHOLDER_LABELS[name];
  return label === undefined ? `{{${name}}}` : `${label}（{{${name}}}）`;
}

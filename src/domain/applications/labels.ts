// The Chinese labels of an application's coded fields and form fields: one map per concept, used by the
// back office, the portal, the JSON API and the notices alike. States and moves are labelled beside the
// transition table (transition-table.ts), outcomes beside their legal basis (outcomes.ts).
import { APPLICANT_COLUMN_LABELS } from '../reports/labels.js';
import {
  LEGAL_PERSON_SUBTYPES,
  type ApplicantType,
  type ApplicationSnapshot,
  type Carrier,
  type Channel,
  type Delivery,
  type IdType,
  type LegalPersonSubtype,
  type Outcome,
  type Request,
} from './application.js';
import type { DeadlineStatus } from './deadlines.js';
import { OUTCOME_INFO, outcomeCitation } from './outcomes.js';
import type { CONSULTATION_KINDS, SERVICE_METHODS } from './transition-params.js';

/** Channels as staff name them (《政府信息公开条例》第三十一条 sets each one's receipt date). */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: '网上申请',
  in_person: '当面提交',
  registered_mail: '挂号信等需签收的邮寄',
  ordinary_mail: '平常信函（平信）',
  fax: '传真',
  email: '电子邮件',
};

/** Applicant types (the columns of the annual report's section 三). */
export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = {
  natural_person: APPLICANT_COLUMN_LABELS.natural_person,
  legal_person: '法人或其他组织',
};

/** Legal-person subtypes: the report's own column labels (section 三). */
export const SUBTYPE_LABELS: Readonly<Record<LegalPersonSubtype, string>> = Object.fromEntries(
  LEGAL_PERSON_SUBTYPES.map((s) => [s, APPLICANT_COLUMN_LABELS[s]]),
) as Record<LegalPersonSubtype, string>;

/** Identity documents. */
export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreigner_permanent_residence: '外国人永久居留身份证',
  other: '其他',
};

/** Form of provision (载体形式). */
export const CARRIER_LABELS: Readonly<Record<Carrier, string>> = { paper: '纸质', electronic: '电子', disc: '光盘' };

/** Way of obtaining the information (获取方式). */
export const DELIVERY_LABELS: Readonly<Record<Delivery, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
};

/** Deadline statuses, as text (a badge never relies on colour alone). */
export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  on_time: '期限内',
  due_soon: '即将到期',
  overdue: '已逾期',
  closed: '已办结',
  paused: '计时暂停',
};

/** How a notice or a reply is served (送达方式). */
export const SERVICE_METHOD_LABELS: Readonly<Record<(typeof SERVICE_METHODS)[number], string>> = {
  post: '邮寄',
  email: '电子邮件',
  in_person: '当面送达',
  online: '网上送达',
};

/** Whom a consultation asks: a third party (第三十二条) or the agencies that made the information (第三十四条). */
export const CONSULTATION_KIND_LABELS: Readonly<Record<(typeof CONSULTATION_KINDS)[number], string>> = {
  third_party: '第三方（第三十二条）',
  agency: '共同制作机关（第三十四条）',
};

/**
 * The fields of an application as the online form, the staff entry form and the API name them (the keys
 * are the field paths intake reports errors under).
 */
export const APPLICATION_FIELD_LABELS = {
  org: '受理机关',
  orgCreditCode: '受理机关',
  channel: '收到渠道',
  dates: '收到日期',
  'dates.submittedOn': '提交（递交、发出）日期',
  'dates.signedForOn': '签收日期',
  'dates.confirmedOn': '与申请人确认的日期',
  'applicant.type': '申请人类型',
  'applicant.subtype': '法人或其他组织类别',
  'applicant.name': '申请人姓名或名称',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.creditCode': '统一社会信用代码',
  'applicant.legalRepresentative': '法定代表人（负责人）',
  'applicant.contactPerson': '联系人',
  'applicant.phone': '联系电话',
  'applicant.email': '电子邮箱',
  'applicant.address': '通信地址',
  'applicant.postcode': '邮政编码',
  description: '所需信息的内容描述',
  title: '所需信息的名称',
  docNo: '文号',
  indexNo: '索引号',
  carrier: '信息的提供形式',
  delivery: '获取信息的方式',
  proof: '身份证明',
} as const satisfies Record<string, string>;

/** A field of the application forms. */
export type ApplicationField = keyof typeof APPLICATION_FIELD_LABELS;

/**
 * An outcome by name: the group, with the reason for the groups that have one (`（三）不予公开 1.属于国家秘密`).
 * @param code an outcome code
 */
export function outcomeName(code: Outcome): string {
  const info = OUTCOME_INFO[code];
  return info.group === 'disclosed' || info.group === 'partially_disclosed'
    ? info.groupLabel
    : `${info.groupLabel} ${info.label}`;
}

/**
 * An outcome as the back office shows it: its report row and the article it rests on.
 * @param code the stored outcome, or null
 */
export function outcomeWithCitation(code: Outcome | null): string {
  if (code === null) return '—';
  const cite = outcomeCitation(code);
  return `${outcomeName(code)}${cite ? `（${cite}）` : ''}`;
}

/**
 * An outcome as the applicant reads it: the group, and the reason for the groups that have one
 * (e.g. `不予公开：属于国家秘密`), without the report's numbering.
 * @param code the case's outcome code
 */
export function outcomeForApplicant(code: Outcome): string {
  const info = OUTCOME_INFO[code];
  const group = info.groupLabel.replace(/^（[一二三四五六七八九十]+）/, '');
  if (info.group === 'disclosed' || info.group === 'partially_disclosed') return group;
  return `${group}：${info.label.replace(/^\d+\.\s*/, '')}`;
}

/**
 * The last corrected request recorded by `receive_correction` ({correctedRequest}), if any: what the later notices
 * say was asked for (art. 30: the corrected application replaces the first).
 * @param app the case's events
 */
export function correctedRequest(app: Pick<ApplicationSnapshot, 'events'>): string | null {
  const text = app.events.findLast((x) => x.action === 'receive_correction')?.params.correctedRequest;
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

/**
 * The request as the case page and the applicant's page list it (art. 29 ¶2 items 2 and 3), with the corrected
 * description (补正) where there is one; a blank optional field is null (shown as absent).
 */
export function requestRows(r: Request, correctedDescription?: string | null): [string, string | null][] {
  return [
    ['所需政府信息的内容描述', r.description],
    ...(correctedDescription === undefined
      ? []
      : [['补正后的内容描述', correctedDescription] as [string, string | null]]),
    ['文件名称', r.title || null],
    ['文号', r.docNo || null],
    ['索引号', r.indexNo || null],
    ['信息载体形式', CARRIER_LABELS[r.carrier]],
    ['获取信息方式', DELIVERY_LABELS[r.delivery]],
  ];
}

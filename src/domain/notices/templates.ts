// Default notice templates, the per-organization override set, and validation of edited templates.
import { OUTCOMES, type Outcome } from '../applications/application.js';
import {
  checkTemplate,
  checkText,
  type NoticeTemplate,
  type TemplateIssue,
  type TemplateParagraph,
} from './notice-template.js';
import type { NoticeKind, NoticeModel } from './notice-model.js';
import { placeholdersFor, REMEDY_PLACEHOLDERS, REQUIRED_PLACEHOLDERS } from './placeholders.js';
import { REGULATION, REPLY_OUTCOMES, type RemedyVariant } from './reply-outcomes.js';

/** A template's key: the kind, or `reply.<outcome>` for replies. */
export type TemplateKey = Exclude<NoticeKind, 'reply'> | `reply.${Outcome}`;

/** An organization's edited templates; whatever is absent falls back to the defaults. */
export type OrgNoticeTemplates = {
  notices?: Partial<Record<TemplateKey, NoticeTemplate>>;
  remedies?: Partial<Record<RemedyVariant, string>>;
};

const CONTACT: TemplateParagraph = { when: 'contactLine', text: '{{contactLine}}' };
const APPLICANT = '{{applicantName}}：';
const RECEIVED = '本机关于{{receivedOn}}收到您（单位）提出的政府信息公开申请（查询码：{{trackingCode}}）';

/** Default templates of the kinds other than replies. */
export const DEFAULT_TEMPLATES: Readonly<Record<Exclude<NoticeKind, 'reply'>, NoticeTemplate>> = {
  acknowledgement: {
    title: '政府信息公开申请接收回执',
    addressee: APPLICANT,
    paragraphs: [
      '本机关于{{receivedOn}}收到您（单位）通过{{channel}}提交的政府信息公开申请，现予登记。',
      '申请内容：{{requestDescription}}。',
      '查询码：{{trackingCode}}。您可以凭查询码和申请时填写的联系电话或者证件号码查询办理进度。',
      `根据${REGULATION}第三十三条的规定，本机关将在收到申请之日起20个工作日内，即{{dueOn}}前作出答复；需要延长答复期限的，将另行告知。征求第三方和其他机关意见所需时间不计算在上述期限内。`,
      CONTACT,
      '特此告知。',
    ],
  },
  correction: {
    title: '政府信息公开申请补正告知书',
    addressee: APPLICANT,
    paragraphs: [
      `${RECEIVED}，申请获取：{{requestDescription}}。经审查，您的申请内容不明确。根据${REGULATION}第三十条的规定，请您对以下事项作出补正：`,
      '{{correctionItems}}',
      '请于{{correctionDueOn}}前将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      CONTACT,
      '特此告知。',
    ],
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    addressee: APPLICANT,
    paragraphs: [
      `${RECEIVED}，申请获取：{{requestDescription}}。`,
      {
        when: 'extensionReason',
        text: `因{{extensionReason}}，本机关不能在原定答复期限{{originalDueOn}}前作出答复。经本机关政府信息公开工作机构负责人同意，根据${REGULATION}第三十三条第二款的规定，答复期限延长{{extensionDays}}个工作日，本机关将于{{newDueOn}}前作出答复。`,
      },
      {
        unless: 'extensionReason',
        text: `本机关不能在原定答复期限{{originalDueOn}}前作出答复。经本机关政府信息公开工作机构负责人同意，根据${REGULATION}第三十三条第二款的规定，答复期限延长{{extensionDays}}个工作日，本机关将于{{newDueOn}}前作出答复。`,
      },
      CONTACT,
      '特此告知。',
    ],
  },
  fee: {
    title: '政府信息公开信息处理费收费通知书',
    addressee: APPLICANT,
    paragraphs: [
      `${RECEIVED}。您申请公开政府信息的数量、频次明显超过合理范围，根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费。`,
      '计收方式：{{feeBasis}}；计费数量：{{feeQuantity}}。',
      '收费标准：{{feeStandard}}',
      '应缴金额：人民币{{feeAmount}}元（大写：{{feeAmountInWords}}）。',
      '缴费方式：{{paymentInstructions}}',
      '请您自收到本通知书之次日起{{paymentDays}}个工作日内缴纳。无正当理由逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      { when: 'paymentPeriodNote', text: '{{paymentPeriodNote}}' },
      CONTACT,
      '特此通知。',
    ],
  },
  // Art. 35: "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。"
  reasons_request: {
    title: '政府信息公开申请说明理由告知书',
    addressee: APPLICANT,
    paragraphs: [
      `${RECEIVED}，申请获取：{{requestDescription}}。经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${REGULATION}第三十五条的规定，请您于{{reasonsDueOn}}前向本机关书面说明理由。`,
      { when: 'reasonsItems', text: '请说明以下事项：\n{{reasonsItems}}' },
      `本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在${REGULATION}第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您。`,
      { when: 'reasonsPauseNote', text: '{{reasonsPauseNote}}' },
      CONTACT,
      '特此告知。',
    ],
  },
  // Art. 35, second branch: "…可以确定延迟答复的合理期限并告知申请人。"
  delayed_period: {
    title: '政府信息公开申请延迟答复告知书',
    addressee: APPLICANT,
    paragraphs: [
      `${RECEIVED}，申请获取：{{requestDescription}}。经审查，本机关认为您说明的申请理由合理，但因{{delayReason}}，本机关无法在${REGULATION}第三十三条规定的期限（{{originalDueOn}}）内答复。`,
      `根据${REGULATION}第三十五条的规定，经本机关政府信息公开工作机构负责人同意，本机关确定延迟答复的期限为{{delayedDueOn}}，将于该日前作出答复。`,
      CONTACT,
      '特此告知。',
    ],
  },
  // Addressed to the third party; the applicant's identity and tracking code stay out of it.
  consultation_third_party: {
    title: '政府信息公开征求第三方意见书',
    addressee: '{{partyName}}：',
    paragraphs: [
      `本机关于{{receivedOn}}收到一份政府信息公开申请，申请获取：{{requestDescription}}。经审查，公开该政府信息可能损害您（单位）的合法权益。根据${REGULATION}第三十二条的规定，现书面征求您（单位）的意见。`,
      { when: 'consultedInformation', text: '拟公开的信息：{{consultedInformation}}' },
      `请您（单位）自收到本意见书之日起{{consultationDays}}个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，本机关将依照${REGULATION}的规定决定是否公开。`,
      '第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您（单位）。',
      CONTACT,
      '特此征求意见。',
    ],
  },
  consultation_agency: {
    title: '政府信息公开征求意见书',
    addressee: '{{agencyName}}：',
    paragraphs: [
      `本机关于{{receivedOn}}收到一份政府信息公开申请，申请获取：{{requestDescription}}。该政府信息由本机关与贵单位共同制作，根据${REGULATION}第三十四条的规定，现征求贵单位意见。`,
      { when: 'consultedInformation', text: '拟公开的信息：{{consultedInformation}}' },
      '请贵单位自收到本意见书之日起{{consultationDays}}个工作日内提出书面意见。逾期未提出意见的，视为同意公开。',
      CONTACT,
      '特此函告。',
    ],
  },
  // Art. 32, last sentence; addressed to the third party, never naming the applicant. The remedies are the
  // third party's own (either route: art. 23 ¶1 (4) concerns an applicant refused, not a third party).
  disclosure_third_party: {
    title: '政府信息公开决定公开告知书',
    addressee: '{{partyName}}：',
    paragraphs: [
      `本机关于{{receivedOn}}收到一份政府信息公开申请，申请获取：{{requestDescription}}。因公开该政府信息可能损害您（单位）的合法权益，本机关依照${REGULATION}第三十二条的规定书面征求了您（单位）的意见，您（单位）不同意公开。`,
      { when: 'opinion', text: '您（单位）的意见：{{opinion}}' },
      `经审查，本机关认为不公开可能对公共利益造成重大影响。根据${REGULATION}第三十二条的规定，本机关决定{{disclosureDecision}}，现将决定公开的政府信息内容和理由书面告知您（单位）。`,
      '决定公开的理由：{{disclosureReasons}}',
      '{{remedies}}',
      CONTACT,
      '特此告知。',
    ],
  },
};

/** Default title of replies. */
export const REPLY_TITLE = '依申请公开政府信息告知书';

/** Default remedy clauses; `{{reconsiderationBody}}` and `{{court}}` are filled per reply. */
export const DEFAULT_REMEDIES: Readonly<Record<RemedyVariant, string>> = {
  either:
    '如对本告知书不服，您可以依照《中华人民共和国行政复议法》的规定，自收到本告知书之日起60日内向{{reconsiderationBody}}申请行政复议；' +
    '也可以依照《中华人民共和国行政诉讼法》的规定，自收到本告知书之日起6个月内向{{court}}提起行政诉讼。',
  reconsideration_first:
    '如对本告知书不服，根据《中华人民共和国行政复议法》第二十条、第二十三条的规定，您应当自收到本告知书之日起60日内先向{{reconsiderationBody}}申请行政复议；' +
    '对行政复议决定不服的，可以依照《中华人民共和国行政诉讼法》的规定，自收到行政复议决定书之日起15日内向{{court}}提起行政诉讼。',
};

/**
 * The default reply template of an outcome: receipt, decision, remedies, contact.
 * @param outcome the outcome code
 */
export function defaultReplyTemplate(outcome: Outcome): NoticeTemplate {
  return {
    title: REPLY_TITLE,
    addressee: APPLICANT,
    paragraphs: [
      `${RECEIVED}，申请获取：{{requestDescription}}。现答复如下：`,
      ...REPLY_OUTCOMES[outcome].decision,
      '{{remedies}}',
      CONTACT,
      '特此告知。',
    ],
  };
}

/** Every template key: the kinds other than replies, then one reply key per outcome code. */
export const TEMPLATE_KEYS: readonly TemplateKey[] = [
  ...(Object.keys(DEFAULT_TEMPLATES) as Exclude<NoticeKind, 'reply'>[]),
  ...OUTCOMES.map((o): TemplateKey => `reply.${o}`),
];

/** The template key of a notice. */
export function templateKeyOf(model: NoticeModel): TemplateKey {
  return model.kind === 'reply' ? `reply.${model.outcome}` : model.kind;
}

/** The notice kind a template key belongs to. */
export function kindOfKey(key: TemplateKey): NoticeKind {
  return key.startsWith('reply.') ? 'reply' : (key as Exclude<NoticeKind, 'reply'>);
}

/**
 * The default template for a key.
 * @param key a template key
 */
export function defaultTemplate(key: TemplateKey): NoticeTemplate {
  if (key.startsWith('reply.')) return defaultReplyTemplate(key.slice('reply.'.length) as Outcome);
  return DEFAULT_TEMPLATES[key as Exclude<NoticeKind, 'reply'>];
}

/** The organization's template for a key, or the default. */
export function templateFor(key: TemplateKey, templates: OrgNoticeTemplates = {}): NoticeTemplate {
  return templates.notices?.[key] ?? defaultTemplate(key);
}

/** The organization's remedy clause, or the default. */
export function remedyTemplate(variant: RemedyVariant, templates: OrgNoticeTemplates = {}): string {
  return templates.remedies?.[variant] ?? DEFAULT_REMEDIES[variant];
}

/**
 * Validates an edited template before it is saved: known placeholders only, well-formed, and the
 * required ones (e.g. {{legalBasis}} and {{remedies}} in every reply) present.
 * @param key which template it replaces
 * @param template the edited template
 * @returns the problems; empty when it can be saved
 */
export function validateNoticeTemplate(key: TemplateKey, template: NoticeTemplate): TemplateIssue[] {
  const kind = kindOfKey(key);
  return checkTemplate(template, placeholdersFor(kind), REQUIRED_PLACEHOLDERS[kind]);
}

/**
 * Validates an edited remedy clause: it must name the reconsideration body and keep to known placeholders.
 * @returns the problems; empty when it can be saved
 */
export function validateRemedyTemplate(variant: RemedyVariant, text: string): TemplateIssue[] {
  const used = new Set<string>();
  const issues = checkText(text, REMEDY_PLACEHOLDERS, `remedies.${variant}`, used);
  if (!used.has('reconsiderationBody')) {
    issues.push({
      code: 'required_placeholder_absent',
      placeholder: 'reconsiderationBody',
      where: `remedies.${variant}`,
      message: '救济途径必须包含占位符 {{reconsiderationBody}}',
    });
  }
  for (const word of ['行政复议', '行政诉讼']) {
    if (!text.includes(word)) {
      issues.push({ code: 'required_text_absent', where: `remedies.${variant}`, message: `救济途径必须写明“${word}”` });
    }
  }
  return issues;
}

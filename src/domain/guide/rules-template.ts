// The default 政府信息公开制度 page of an organization: the working rules the Regulation asks every
// administrative organ to set up, under the four headings of the 制度 directory (国办公开办函〔2019〕61号):
// 主动公开 (《条例》第十九条至第二十六条), 依申请公开 (第二十七条至第四十五条), 保密审查 (第十七条) and
// 监督考核 (第四十六条至第五十三条). Default text without placeholders, naming the organization and its office, in
// the rich-text allow-list so an organization can start editing from it.
import { RULES_2019 } from '../applications/rules.js';
import { escapeHtml as x } from '../core/text.js';
import type { Organization } from '../orgs/organization.js';
import { PUBLICATION_WORKING_DAYS } from '../publications/deadlines.js';

/** The four headings of the 制度 page, in order. */
export const RULES_HEADINGS = ['主动公开制度', '依申请公开制度', '保密审查制度', '监督考核制度'] as const;

const NUMERALS = ['一', '二', '三', '四'];

/**
 * The default 政府信息公开制度 of an organization.
 * @returns HTML within the rich-text allow-list, every value escaped
 */
export function rulesTemplateHtml(o: Organization): string {
  const name = x(o.name);
  const office = x(o.officeName || o.name);
  const r = RULES_2019;
  const bodies: readonly string[][] = [
    [
      `${name}对主动公开的政府信息实行“谁制作、谁公开，谁保存、谁公开”（《条例》第十条）。信息形成或者变更后，` +
        '由承办科室拟稿，经审核、签发后在政府信息公开专栏发布；拟稿与审核、签发由不同人员负责。',
      `属于主动公开范围的政府信息，自形成或者变更之日起${PUBLICATION_WORKING_DAYS}个工作日内公开（《条例》第二十六条）；` +
        '公开的信息标注索引号、主题分类、发布机构、成文日期、发文字号、发布日期和有效性。',
      '对不予公开的政府信息定期评估审查，因情势变化可以公开的，及时公开（《条例》第十八条）；' +
        '依申请公开的政府信息可以为公众普遍需要的，纳入主动公开范围（《条例》第四十四条）。',
    ],
    [
      `${office}统一受理向本机关提出的政府信息公开申请，登记收到申请的时间、申请人、申请内容和办理过程。`,
      `申请内容不明确的，自收到申请之日起${r.correctionNoticeWorkingDays}个工作日内一次性告知补正（《条例》第三十条）；` +
        `能够当场答复的当场答复，不能当场答复的自收到申请之日起${r.replyWorkingDays}个工作日内答复，` +
        `延长答复期限须经政府信息公开工作机构负责人同意，最长不超过${r.maxExtensionWorkingDays}个工作日（《条例》第三十三条）。`,
      '答复前由承办人拟稿，经合法性审查和负责人审批后，以书面告知书答复申请人，答复材料归档备查。' +
        '收取信息处理费的，按照国办函〔2020〕109号的标准和程序办理。',
    ],
    [
      '拟公开的政府信息在公开前，依照《中华人民共和国保守国家秘密法》以及其他法律、法规和国家有关规定进行审查；' +
        '对不能确定是否可以公开的，依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定（《条例》第十七条）。',
      '公开前审查是否涉及国家秘密、商业秘密、个人隐私，以及公开后是否可能危及国家安全、公共安全、经济安全、社会稳定' +
        '（《条例》第十四条、第十五条）；审查意见随稿件留存。',
      '依申请公开的答复，同样在答复前经过保密审查和合法性审查。',
    ],
    [
      `${name}的政府信息公开工作接受上级政府信息公开工作主管部门的监督检查和考核评议（《条例》第四十六条、第四十七条），` +
        '考核结果纳入本机关年度工作考核。',
      '按照《条例》第四十九条、第五十条规定的期限，编制并公布上一年度政府信息公开工作年度报告。',
      '公民、法人或者其他组织可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，' +
        `也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）；${office}对投诉、举报及时调查处理并反馈。` +
        '违反《条例》规定的，依法追究责任（《条例》第五十二条、第五十三条）。',
    ],
  ];
  const sections = RULES_HEADINGS.map(
    (h, i) => `<h2>${NUMERALS[i]}、${h}</h2>\n${(bodies[i] ?? []).map((p) => `<p>${p}</p>`).join('\n')}`,
  );
  return [
    `<p>为做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），${name}建立以下政府信息公开工作制度。</p>`,
    ...sections,
  ].join('\n');
}

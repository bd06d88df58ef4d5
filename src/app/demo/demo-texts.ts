// Texts of the demo district's publications: one fictional item for each category of the default catalogue
// (domain/publications/catalogue.ts), worded the way such items are published, every body ending with the
// 示例数据 note. Pure: names, years and serial numbers come in, nothing is random.
import { escapeHtml } from '../../domain/core/text.js';
import type { PublicationKind } from '../../domain/publications/publication.js';

/** The note every demo body ends with: the content is fictional. */
export const DEMO_NOTE = '（示例数据：本条信息为演示用的虚构内容，不具有任何效力。）';

/** What an item's text is written from: its organization's names and functions, the year and a serial. */
export type TextSource = { name: string; shortName: string; functions: string; year: number; n: number };

/** The text of one demo item. `docNo` asks for a 发文字号; `attachment` names a generated PDF to attach. */
export type DemoText = {
  title: string;
  kind: PublicationKind;
  summary: string;
  paragraphs: string[];
  keywords: string;
  docNo?: boolean;
  attachment?: string;
};

/** The HTML body of a text: its paragraphs, then the 示例数据 note. */
export function bodyHtml(paragraphs: readonly string[]): string {
  return [...paragraphs, DEMO_NOTE].map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

/** Picks one of a list by a serial (deterministic). */
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const NUMERALS = [...'一二三四五六七八九十'];

/** A 公文 that the organization issues to its units (a policy document, 其他文件). */
function notice(s: TextSource, subject: string, kind: PublicationKind): DemoText {
  return {
    title: `${s.name}关于${subject}的通知`,
    kind,
    summary: `就${subject}提出工作要求。`,
    paragraphs: [
      '各有关单位：',
      `为${subject}，结合本地实际，现将有关事项通知如下。`,
      `一、提高认识。各单位要充分认识${subject}的重要意义，明确责任分工。`,
      '二、抓好落实。各单位要细化措施，按时报送工作进展情况。',
      `三、本通知自印发之日起施行，由${s.shortName}负责解释。`,
    ],
    keywords: subject.slice(0, 8),
    docNo: true,
    attachment: `${subject}（正式文本）.pdf`,
  };
}

/** A plain item: a title, a summary sentence and its paragraphs. */
const plain = (
  kind: PublicationKind,
  title: string,
  paragraphs: string[],
  keywords: string,
  extra: Partial<DemoText> = {},
): DemoText => ({ title, kind, summary: paragraphs[0] ?? title, paragraphs, keywords, ...extra });

const NORMATIVE_SUBJECTS = [
  '进一步规范行政执法公示工作',
  '加强老旧小区改造项目管理',
  '规范政府信息公开申请办理工作',
  '加强城市道路挖掘管理',
  '做好困难群众临时救助工作',
] as const;

const OTHER_SUBJECTS = [
  '做好年度政务公开工作',
  '开展安全生产大检查',
  '做好防汛防台风工作',
  '做好春节期间值班值守工作',
] as const;

/** The text of the demo item filed in the category `slug` (named `categoryName`) of the default catalogue. */
export function demoText(slug: string, categoryName: string, s: TextSource): DemoText {
  const { name, shortName, year, n } = s;
  switch (slug) {
    case 'rules':
      return plain(
        'other_document',
        `${name}政府信息公开工作制度`,
        [
          `为规范${shortName}政府信息公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。`,
          '一、政府信息公开工作机构负责本机关政府信息公开的日常工作。',
          '二、拟公开的政府信息经起草、初审、复审和签发后方可发布（三级审核）。',
          '三、依申请公开按收到申请、登记、承办、审查、审批、答复、归档的程序办理。',
        ],
        '政务公开,工作制度',
      );
    case 'functions':
      return plain(
        'other',
        `${name}主要职责`,
        [s.functions || `${name}依法履行本级行政管理职责。`, `${shortName}办公地址、联系电话等见政府信息公开指南。`],
        '机构职能',
      );
    case 'policy-rules':
      return plain(
        'other_document',
        `${name}关于转发《示例市城市绿化管理办法》的通知`,
        [
          '各有关单位：',
          '现将《示例市城市绿化管理办法》（示例市人民政府令第8号）转发给你们，请认真贯彻执行。',
          '区（县）人民政府无权制定规章，本栏目转载与本机关工作相关的上级规章。',
        ],
        '规章,城市绿化',
      );
    case 'policy-normative':
      return notice(s, pick(NORMATIVE_SUBJECTS, n), 'normative');
    case 'policy-other':
      return notice(s, pick(OTHER_SUBJECTS, n), 'other_document');
    case 'meetings':
      return plain(
        'news',
        `${shortName}召开${year}年第${pick(NUMERALS, n)}次${name.endsWith('政府') ? '常务会议' : '工作会议'}`,
        [
          `近日，${shortName}召开会议，传达学习上级有关会议精神，研究部署近期重点工作。`,
          '会议审议通过了政务公开工作要点，听取了重点项目推进情况汇报。',
          '会议强调，要坚持以公开为常态、不公开为例外，及时回应群众关切。',
        ],
        '会议,政务公开',
      );
    case 'plans':
      return plain(
        'other',
        `${name}${year}年工作要点`,
        [
          `${year}年，${shortName}将围绕中心工作，重点抓好以下工作。`,
          '一是持续优化营商环境；二是扎实办好民生实事；三是深化政务公开。',
        ],
        '工作要点,计划',
      );
    case 'statistics':
      return plain(
        'other',
        `${year}年${QUARTERS[n % 4]}${shortName}主要统计数据`,
        [`本季度${shortName}各项业务指标运行平稳，主要数据见附表。`, '数据为初步统计数，以统计部门正式公布数为准。'],
        '统计,数据',
      );
    case 'licensing':
      return plain(
        'other',
        `${shortName}${year}年${QUARTERS[n % 4]}行政许可办理结果公示`,
        [`本季度共受理行政许可申请${12 + (n % 9)}件，办结${11 + (n % 9)}件，均在法定期限内办结。`],
        '行政许可,双公示',
      );
    case 'penalties':
      return plain(
        'other',
        `${shortName}行政处罚决定公示（示罚〔${year}〕${n + 3}号）`,
        ['当事人：示例某某贸易有限公司（虚构）。', '违法事实：未按规定公示相关信息。处罚依据及结果：依法给予警告。'],
        '行政处罚,双公示',
      );
    case 'budgets':
      return plain(
        'other_document',
        `${name}${year}年部门预算`,
        [
          `根据预算管理有关规定，现将${name}${year}年部门预算公开如下。`,
          `${year}年收支预算总计${(820 + n * 37) / 10}万元，其中一般公共预算拨款收入占${86 + (n % 10)}%。`,
          '“三公”经费预算较上年下降，严格控制一般性支出。',
        ],
        '预算,财政预决算,三公经费',
        { attachment: `${year}年部门预算公开表.pdf` },
      );
    case 'fees':
      return plain(
        'other',
        `${shortName}行政事业性收费项目清单`,
        ['本机关现行行政事业性收费项目、收费依据和收费标准如下。清单之外的收费项目一律不得收取。'],
        '收费,清单',
      );
    case 'procurement':
      return plain(
        'other',
        `${shortName}办公设备采购项目成交结果公告`,
        [
          `项目编号：SLQ-${year}-${String(n + 1).padStart(3, '0')}（虚构）。`,
          `成交供应商：示例某某科技有限公司（虚构）；成交金额：${(35 + n) * 1000}元。`,
        ],
        '政府采购,成交公告',
      );
    case 'projects':
      return plain(
        'other',
        `示例区人民路改造工程项目批准信息（${shortName}）`,
        [
          '项目名称：示例区人民路改造工程。建设内容：道路、排水及照明改造。',
          `批准文件：示发改投〔${year}〕3号（虚构）。`,
        ],
        '重大建设项目,批准',
      );
    case 'proposals':
      return plain(
        'other_document',
        `${name}关于区政协${pick(NUMERALS, n)}届${pick(NUMERALS, n + 1)}次会议第${20 + n}号提案的答复`,
        [
          '您提出的关于加强社区养老服务的提案收悉，现答复如下。',
          '我们高度重视，已将提案建议纳入年度工作计划，并会同有关部门逐项落实。',
          '感谢您对我们工作的关心和支持。',
        ],
        '建议提案,办理结果',
      );
    default:
      return plain(
        'other',
        `${name}${categoryName}信息公开（${year}年）`,
        [
          `现将${shortName}${categoryName}相关信息公开如下。`,
          `${shortName}持续做好${categoryName}领域信息公开，方便群众查询和监督。`,
        ],
        categoryName,
      );
  }
}

/** The body of the interpretation of a demo document: what it is for, what it says, how to ask. */
export function interpretationParagraphs(docTitle: string, issuer: string): string[] {
  return [
    `一、起草背景。为进一步规范相关工作，${issuer}起草了${docTitle}。`,
    '二、主要内容。文件共三部分，明确了工作目标、责任分工和保障措施。',
    '三、施行时间。文件自印发之日起施行。群众可通过政府信息公开工作机构的联系电话咨询。',
  ];
}

/**
 * The official labels of the two annual-report formats, as data: the 2021 format (国办公开办函〔2021〕30号)
 * and the 2019 trial format (国办公开办函〔2019〕60号). Canonical (full-width bracket) spelling; the report
 * checker accepts variants (docs/report-check.md). Also the labels the application shows around a report:
 * its formats and where a finding is.
 */
import type {
  ApplicantColumn,
  ApplicationRow,
  Article20Column,
  Article20Row,
  ReportFormat,
  ReviewColumn,
  ReviewRow,
} from './annual-report.js';
import type { FindingWhere } from './finding.js';

/** The six parts in order: key and name (identical in both formats). */
const SECTIONS = [
  ['overview', '总体情况'],
  ['article20', '主动公开政府信息情况'],
  ['applications', '收到和处理政府信息公开申请情况'],
  ['reviews', '政府信息公开行政复议、行政诉讼情况'],
  ['problems', '存在的主要问题及改进情况'],
  ['other', '其他需要报告的事项'],
] as const;

/** Section keys of the six parts, in order. */
export const SECTION_KEYS = SECTIONS.map(([key]) => key);
export type SectionKey = (typeof SECTIONS)[number][0];

/** The parts a body writes (一、五、六); the other three are tables computed from the recorded work. */
export const NARRATIVE_KEYS = ['overview', 'problems', 'other'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

/** Section names without their numbering. */
export const SECTION_NAMES = Object.fromEntries(SECTIONS) as Record<SectionKey, string>;

/** Section headings as printed: 一、总体情况 … 六、其他需要报告的事项. */
export const SECTION_TITLES = Object.fromEntries(
  SECTION_KEYS.map((k, i) => [k, `${'一二三四五六'[i]}、${SECTION_NAMES[k]}`]),
) as Record<SectionKey, string>;

/** The two formats, as the back office and the documents name them. */
export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  '2021': '2021年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
};

/** Chinese names of section-二 columns for messages (both formats); also the tables' headers unless stated. */
export const ARTICLE20_COLUMN_LABELS: Record<Article20Column, string> = {
  made: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  decisions: '处理决定数量',
  amount: '金额',
  new_made: '本年新制作数量',
  new_published: '本年新公开数量',
  total_published: '对外公开总数量',
  previous_items: '上一年项目数量',
  change: '本年增/减',
  projects: '采购项目数量',
};

/** One section-二 sub-table: its caption, header cells and rows with their column codes. */
export interface Article20Table {
  caption: string;
  header: string[];
  rows: { code: Article20Row; label: string }[];
  columns: Article20Column[];
}

/**
 * A section-二 table from its item of art. 20 and two word lists: the rows as `code:label`, the columns as
 * `code` (headed by its label above) or `code:header`. The first header cell is always 信息内容.
 */
function table(item: string, rows: string, columns: string): Article20Table {
  const pairs = (words: string) => words.split(' ').map((w) => w.split(':') as [string, string | undefined]);
  const cols = pairs(columns).map(([code, header]) => [code as Article20Column, header] as const);
  return {
    caption: `第二十条第（${item}）项`,
    header: ['信息内容', ...cols.map(([code, header]) => header ?? ARTICLE20_COLUMN_LABELS[code])],
    rows: pairs(rows).map(([code, label]) => ({ code: code as Article20Row, label: label ?? code })),
    columns: cols.map(([code]) => code),
  };
}

/** The 2021 format's section 二. */
const ARTICLE20_2021: Article20Table[] = [
  table('一', 'rules:规章 normative:行政规范性文件', 'made repealed in_force'),
  table('五', 'licensing:行政许可', 'decisions:本年处理决定数量'),
  table('六', 'penalties:行政处罚 enforcement:行政强制', 'decisions:本年处理决定数量'),
  table('八', 'fees:行政事业性收费', 'amount:本年收费金额（单位：万元）'),
];

/** The 2019 trial format's section 二. */
const ARTICLE20_2019: Article20Table[] = [
  table('一', 'rules:规章 normative:规范性文件', 'new_made new_published total_published'),
  table('五', 'licensing:行政许可 other_services:其他对外管理服务事项', 'previous_items change decisions'),
  table('六', 'penalties:行政处罚 enforcement:行政强制', 'previous_items change decisions'),
  table('八', 'fees:行政事业性收费', 'previous_items change'),
  table('九', 'procurement:政府集中采购', 'projects amount:采购总金额'),
];

/** Section-二 tables of a format. */
export function article20Tables(format: ReportFormat): Article20Table[] {
  return format === '2021' ? ARTICLE20_2021 : ARTICLE20_2019;
}

/** The columns a section-二 row has in a format (empty if the row does not exist in it). */
export function article20Columns(format: ReportFormat, row: Article20Row): Article20Column[] {
  return article20Tables(format).find((t) => t.rows.some((r) => r.code === row))?.columns ?? [];
}

/** Section-三 header note (printed in the top-left cell). */
export const APPLICATIONS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Section-三 column labels. Group labels: 申请人情况, 法人或其他组织. */
export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
  natural_person: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** Section-三 leaf row labels (the 2019 trial format has a single 其他处理 row). */
export const APPLICATION_ROW_LABELS: Record<ApplicationRow, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  disclosed: '（一）予以公开',
  partially_disclosed: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'withheld.state_secret': '1.属于国家秘密',
  'withheld.prohibited_by_law': '2.其他法律行政法规禁止公开',
  'withheld.security_stability': '3.危及“三安全一稳定”',
  'withheld.third_party_rights': '4.保护第三方合法权益',
  'withheld.internal_affairs': '5.属于三类内部事务信息',
  'withheld.process_information': '6.属于四类过程性信息',
  'withheld.enforcement_file': '7.属于行政执法案卷',
  'withheld.inquiry_matter': '8.属于行政查询事项',
  'unavailable.not_held': '1.本机关不掌握相关政府信息',
  'unavailable.needs_creation': '2.没有现成信息需要另行制作',
  'unavailable.still_unclear': '3.补正后申请内容仍不明确',
  'not_processed.petition_or_complaint': '1.信访举报投诉类申请',
  'not_processed.repeated': '2.重复申请',
  'not_processed.publication': '3.要求提供公开出版物',
  'not_processed.excessive': '4.无正当理由大量反复申请',
  'not_processed.confirmation': '5.要求行政机关确认或重新出具已获取信息',
  'other.correction_lapsed': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other.fee_unpaid': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other.other': '3.其他',
  other: '（六）其他处理',
  total: '（七）总计',
  carried_forward: '四、结转下年度继续办理',
};

/** Group labels of section 三 (merged cells on the left; carry no numbers). */
export const APPLICATION_GROUP_LABELS = {
  outcomes: '三、本年度办理结果',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
} as const;

/** Section-四 row labels. */
export const REVIEW_ROW_LABELS: Record<ReviewRow, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

/** Section-四 column labels. */
export const REVIEW_COLUMN_LABELS: Record<ReviewColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** A short Chinese name of any row for messages. */
export function rowLabel(section: 'applications' | 'reviews' | 'article20', row: string): string {
  if (section === 'applications') return APPLICATION_ROW_LABELS[row as ApplicationRow] ?? row;
  if (section === 'reviews') return REVIEW_ROW_LABELS[row as ReviewRow] ?? row;
  return ARTICLE20_ROW_LABELS.get(row) ?? row;
}

/** Section-二 row labels by code, the 2021 tables' first. */
const ARTICLE20_ROW_LABELS = new Map(
  [...ARTICLE20_2019, ...ARTICLE20_2021].flatMap((t) => t.rows.map((r): [string, string] => [r.code, r.label])),
);

/** Column names for messages: section 二's, 四's, then 三's (三's 其他 over 四's 其他结果). */
const COLUMN_LABELS: Record<string, string> = {
  ...ARTICLE20_COLUMN_LABELS,
  ...REVIEW_COLUMN_LABELS,
  ...APPLICANT_COLUMN_LABELS,
};

/** Where a finding is, in words: section, row, column, text offset (`第三部分… / 自然人`). */
export function findingPlace(w: FindingWhere): string {
  const section = SECTION_KEYS.find((k) => k === w.section);
  const tabular = section === 'applications' || section === 'reviews' || section === 'article20';
  const parts = [
    w.section ? (section ? SECTION_NAMES[section] : w.section) : '',
    w.row ? (tabular ? rowLabel(section, w.row) : w.row) : '',
    w.column ? (COLUMN_LABELS[w.column] ?? w.column) : '',
    w.offset !== undefined ? `文本第 ${w.offset} 个字符处` : '',
  ];
  return parts.filter(Boolean).join(' / ');
}

/**
 * The official labels of the two annual-report formats, as data. Canonical (full-width bracket)
 * spelling; importers accept variants (SPEC §1.4 note).
 *
 * Sources: SPEC §1.2 (six headings; S4–S9), §1.4 (section 二 tables, 2021; S4–S8), §1.5 (section 三,
 * S4–S8, （四）–（六） rows S12/S45), §1.6 (section 四; S13, S14, S45), §2.3–§2.5 (2019 trial format; S12).
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

/** Section keys of the six parts, in order. */
export const SECTION_KEYS = ['overview', 'article20', 'applications', 'reviews', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Section headings (identical in both formats; SPEC §1.2, §2.2). */
export const SECTION_TITLES: Record<SectionKey, string> = {
  overview: '一、总体情况',
  article20: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviews: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** One section-二 sub-table: its caption, header cells and rows with their column codes. */
export interface Article20Table {
  caption: string;
  header: string[];
  rows: { code: Article20Row; label: string }[];
  columns: Article20Column[];
}

/** SPEC §1.4 (2021 format). */
const ARTICLE20_2021: Article20Table[] = [
  {
    caption: '第二十条第（一）项',
    header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { code: 'rules', label: '规章' },
      { code: 'normative', label: '行政规范性文件' },
    ],
    columns: ['made', 'repealed', 'in_force'],
  },
  {
    caption: '第二十条第（五）项',
    header: ['信息内容', '本年处理决定数量'],
    rows: [{ code: 'licensing', label: '行政许可' }],
    columns: ['decisions'],
  },
  {
    caption: '第二十条第（六）项',
    header: ['信息内容', '本年处理决定数量'],
    rows: [
      { code: 'penalties', label: '行政处罚' },
      { code: 'enforcement', label: '行政强制' },
    ],
    columns: ['decisions'],
  },
  {
    caption: '第二十条第（八）项',
    header: ['信息内容', '本年收费金额（单位：万元）'],
    rows: [{ code: 'fees', label: '行政事业性收费' }],
    columns: ['amount'],
  },
];

/** SPEC §2.3 (2019 trial format). */
const ARTICLE20_2019: Article20Table[] = [
  {
    caption: '第二十条第（一）项',
    header: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
    rows: [
      { code: 'rules', label: '规章' },
      { code: 'normative', label: '规范性文件' },
    ],
    columns: ['new_made', 'new_published', 'total_published'],
  },
  {
    caption: '第二十条第（五）项',
    header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    rows: [
      { code: 'licensing', label: '行政许可' },
      { code: 'other_services', label: '其他对外管理服务事项' },
    ],
    columns: ['previous_items', 'change', 'decisions'],
  },
  {
    caption: '第二十条第（六）项',
    header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
    rows: [
      { code: 'penalties', label: '行政处罚' },
      { code: 'enforcement', label: '行政强制' },
    ],
    columns: ['previous_items', 'change', 'decisions'],
  },
  {
    caption: '第二十条第（八）项',
    header: ['信息内容', '上一年项目数量', '本年增/减'],
    rows: [{ code: 'fees', label: '行政事业性收费' }],
    columns: ['previous_items', 'change'],
  },
  {
    caption: '第二十条第（九）项',
    header: ['信息内容', '采购项目数量', '采购总金额'],
    rows: [{ code: 'procurement', label: '政府集中采购' }],
    columns: ['projects', 'amount'],
  },
];

/** Section-二 tables of a format. */
export function article20Tables(format: ReportFormat): Article20Table[] {
  return format === '2021' ? ARTICLE20_2021 : ARTICLE20_2019;
}

/** The columns a section-二 row has in a format (empty if the row does not exist in it). */
export function article20Columns(format: ReportFormat, row: Article20Row): Article20Column[] {
  return article20Tables(format).find((t) => t.rows.some((r) => r.code === row))?.columns ?? [];
}

/** Section-三 header note (SPEC §1.5, printed in the top-left cell). */
export const APPLICATIONS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Section-三 column labels (SPEC §1.5). Group labels: 申请人情况, 法人或其他组织. */
export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
  natural_person: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** Section-三 leaf row labels (SPEC §1.5; the 2019 single 其他处理 row from §2.4). */
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

/** Section-四 labels (SPEC §1.6). */
export const REVIEW_ROW_LABELS: Record<ReviewRow, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

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
  return article20RowLabels().get(row) ?? row;
}

let article20Labels: Map<string, string> | null = null;

/** Section-二 row labels by code, the 2021 tables' first (built once). */
function article20RowLabels(): Map<string, string> {
  if (!article20Labels) {
    article20Labels = new Map();
    for (const t of [...ARTICLE20_2021, ...ARTICLE20_2019]) {
      for (const r of t.rows) if (!article20Labels.has(r.code)) article20Labels.set(r.code, r.label);
    }
  }
  return article20Labels;
}

/** Chinese names of section-二 columns for messages (both formats). */
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

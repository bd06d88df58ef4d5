// A row of the standard catalogue (基层政务公开标准目录): the item and the fields of the published tables,
// and its validation.
//
// 国办发〔2019〕54号: the catalogue "must at least contain the name, content, basis, time limit, subject,
// method, channel and audience of each item". 公开对象, 公开方式 and 公开层级 are enumerations that
// localities vary, so only 公开方式 is closed.
import type { TimeLimitRule } from './time-limit.js';

/** 公开方式: proactive or on request. */
export const METHODS = ['主动', '依申请'] as const;
/** One 公开方式. */
export type DisclosureMethod = (typeof METHODS)[number];

/** 公开方式 as the published tables and pages write it. */
export const METHOD_LABELS: Record<DisclosureMethod, string> = { 主动: '主动公开', 依申请: '依申请公开' };

/** The usual 公开对象 values; a catalogue may write others (特定群众, or a named group). */
export const AUDIENCES = ['全社会', '特定群体'] as const;

/** The usual 公开层级 values (variants 乡、村级, 镇级, 村级, 市级, 区级 are kept as written). */
export const DEFAULT_LEVELS = ['县级', '乡级'] as const;

/** The usual channels (■ = 必选, □ = 可选 in the published tables). */
export const KNOWN_CHANNELS = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏（电子屏）',
  '精准推送',
  '其他',
] as const;

/** The editable content of a row. */
export type CatalogueRowFields = {
  keyAreaId: string;
  level1: string;
  level2: string;
  /** Optional 三级事项; '' when the catalogue has two levels. */
  level3: string;
  contentElements: string;
  basis: string;
  timeLimitText: string;
  /** The computable reading of timeLimitText, or null (see parseTimeLimit). */
  timeLimitRule: TimeLimitRule | null;
  subject: string;
  channelsRequired: string[];
  channelsOptional: string[];
  audience: string;
  method: DisclosureMethod;
  /** 公开层级 ticked, as written (e.g. ['县级', '乡、村级']). */
  levels: string[];
  sort: number;
};

/** A stored row. */
export type CatalogueRow = CatalogueRowFields & {
  id: string;
  orgId: string;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A row's problems, keyed by field name, in Chinese. */
export type RowErrors = Partial<Record<keyof CatalogueRowFields, string>>;

/** Field labels as the published tables print them (also the row form's labels and error summary). */
export const FIELD_LABELS: Record<keyof CatalogueRowFields, string> = {
  keyAreaId: '重点领域',
  level1: '一级事项',
  level2: '二级事项',
  level3: '三级事项',
  contentElements: '公开内容（要素）',
  basis: '公开依据',
  timeLimitText: '公开时限',
  timeLimitRule: '公开时限',
  subject: '公开主体',
  channelsRequired: '公开渠道和载体（必选）',
  channelsOptional: '公开渠道和载体（可选）',
  audience: '公开对象',
  method: '公开方式',
  levels: '公开层级',
  sort: '序号',
};

/** The column headers of the published table, in order (the channels are one column: ■ required, □ optional). */
export const ROW_COLUMNS: readonly string[] = [
  ...(['sort', 'level1', 'level2', 'level3', 'contentElements', 'basis', 'timeLimitText', 'subject'] as const).map(
    (k) => FIELD_LABELS[k],
  ),
  '公开渠道和载体',
  FIELD_LABELS.audience,
  FIELD_LABELS.method,
  FIELD_LABELS.levels,
];

/** A row's channels as the published tables mark them: "■政府网站", "□两微一端". */
export function channelMarks(row: Pick<CatalogueRowFields, 'channelsRequired' | 'channelsOptional'>): string[] {
  return [...row.channelsRequired.map((c) => `■${c}`), ...row.channelsOptional.map((c) => `□${c}`)];
}

const MAX_TEXT = 4000;

/**
 * Checks a row against the minimum elements of 54号 and the catalogue's enumerations.
 * @param row the candidate row
 * @returns the errors (empty when valid)
 */
export function validateRow(row: Omit<CatalogueRowFields, 'keyAreaId' | 'sort'>): RowErrors {
  const errors: RowErrors = {};
  const required: (keyof typeof row & keyof CatalogueRowFields)[] = [
    'level1',
    'level2',
    'contentElements',
    'basis',
    'timeLimitText',
    'subject',
    'audience',
  ];
  for (const field of required) {
    if (String(row[field]).trim() === '') errors[field] = `${FIELD_LABELS[field]}不能为空`;
  }
  for (const field of ['level1', 'level2', 'level3', 'contentElements', 'basis', 'timeLimitText', 'subject'] as const) {
    if (row[field].length > MAX_TEXT) errors[field] = `${FIELD_LABELS[field]}不能超过${MAX_TEXT}字`;
  }
  if (!(METHODS as readonly string[]).includes(row.method)) errors.method = '公开方式应为“主动”或“依申请”之一';
  if (row.channelsRequired.length + row.channelsOptional.length === 0) {
    errors.channelsRequired = '公开渠道和载体至少填写一项';
  }
  const both = row.channelsRequired.filter((c) => row.channelsOptional.includes(c));
  if (both.length > 0) errors.channelsOptional = `渠道不能同时为必选和可选：${both.join('、')}`;
  return errors;
}

/**
 * The path that identifies a row within its area (一级 / 二级 / 三级), used to match rows on re-import.
 * @param row the row
 */
export function rowPath(row: Pick<CatalogueRowFields, 'keyAreaId' | 'level1' | 'level2' | 'level3'>): string {
  return [row.keyAreaId, row.level1.trim(), row.level2.trim(), row.level3.trim()].join('\u0000');
}

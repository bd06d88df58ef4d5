/**
 * An assessment scheme (考核方案): the indicators a supervising office scores its units on for a year, each with
 * its points, and the grade bands. Indicators are computed from gongkai's records or entered by the assessor with
 * evidence. Assessment of disclosure work is required by 《条例》第四十八条 (政府信息公开工作考核制度、社会评议制度和
 * 责任追究制度) and reported by governments in their annual report (第五十条第四项).
 *
 * Scoring (the default; every weight is the scheme's own and can be edited):
 * - a share indicator (value 0–1) scores value × max;
 * - a count indicator (value = items that cost points) scores max − perItem × value, floored at 0;
 * - an indicator without data (value null, shown as 无数据) takes no points from the unit: it scores its max
 *   (`noData: 'full'`, the default) or, when the scheme says so, nothing (`noData: 'zero'`).
 */

/** The computed indicators of the default scheme; their ids are a contract of `gongkai assess --json`. */
export const COMPUTED_INDICATORS = [
  'art26_on_time',
  'catalogue_rows_empty',
  'policy_without_interpretation',
  'applications_on_time',
  'review_corrected',
  'annual_report',
  'website_verdict',
  'media_verdict',
  'rectification_open',
  'training',
] as const;

/** The id of a computed indicator (the measure it reads). */
export type ComputedIndicator = (typeof COMPUTED_INDICATORS)[number];

/** What an indicator's value is: a share between 0 and 1, or a count of items that cost points. */
export type ValueKind = 'share' | 'count';

/** One indicator of a scheme. */
export interface IndicatorDef {
  /** Stable id: a computed indicator's id, or the assessor's own id (letters, digits, `_`) for entered ones. */
  readonly id: string;
  /** Chinese name shown in tables. */
  readonly name: string;
  /** Computed from the records (`measure` says which), or entered by the assessor with evidence. */
  readonly mode: 'computed' | 'entered';
  /** For computed indicators: the measure read (one of COMPUTED_INDICATORS). */
  readonly measure?: ComputedIndicator;
  readonly valueKind: ValueKind;
  /** Points the indicator is worth. */
  readonly max: number;
  /** For count indicators: points taken per item (k). */
  readonly perItem?: number;
  /** The formula in words (Chinese), shown next to the number. */
  readonly formula: string;
}

/** The grades, best first. */
export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];

/** A grade band: a total at or above `min` earns the grade (bands checked best first; 不合格 below the last). */
export interface GradeBand {
  readonly grade: Grade;
  readonly min: number;
}

/** A scheme's content (what is frozen when an assessment is published). */
export interface SchemeDef {
  readonly indicators: readonly IndicatorDef[];
  readonly grades: readonly GradeBand[];
  /** How an indicator without data scores: its max (default: no points taken) or zero. */
  readonly noData: 'full' | 'zero';
}

/** The value and score of one indicator for one unit (the `items` entries of `assess --json`). */
export interface IndicatorScore {
  readonly score: number;
  /** A share (0–1) or a count, as the indicator states; null when there is no data (无数据). */
  readonly value: number | null;
  readonly max: number;
}

/**
 * The default scheme shipped with gongkai (100 points). Weights are the project's stated defaults, not an
 * official table: each office copies and edits them.
 */
export const DEFAULT_SCHEME: SchemeDef = {
  noData: 'full',
  grades: [
    { grade: '优秀', min: 90 },
    { grade: '良好', min: 80 },
    { grade: '合格', min: 60 },
    { grade: '不合格', min: 0 },
  ],
  indicators: [
    {
      id: 'art26_on_time',
      name: '主动公开时限',
      mode: 'computed',
      measure: 'art26_on_time',
      valueKind: 'share',
      max: 15,
      formula: '本年发布的主动公开信息中，自成文日期（形成之日）起20个工作日内公开的比例 × 15分（《条例》第二十六条）',
    },
    {
      id: 'catalogue_rows_empty',
      name: '标准目录空项与超期',
      mode: 'computed',
      measure: 'catalogue_rows_empty',
      valueKind: 'count',
      max: 10,
      perItem: 1,
      formula: '基层政务公开标准目录中尚无发布信息或已超过公开时限的事项（按计算当日的状态），每项扣1分，扣完为止',
    },
    {
      id: 'policy_without_interpretation',
      name: '政策解读',
      mode: 'computed',
      measure: 'policy_without_interpretation',
      valueKind: 'count',
      max: 10,
      perItem: 2,
      formula: '本年公开的行政规范性文件中尚无已发布解读的，每件扣2分，扣完为止',
    },
    {
      id: 'applications_on_time',
      name: '依申请公开按期答复',
      mode: 'computed',
      measure: 'applications_on_time',
      valueKind: 'share',
      max: 15,
      formula:
        '本年答复（撤回的除外）的申请中在答复期限内答复的件数 ÷（本年答复件数 + 截至年末已逾期仍未答复的件数）× 15分（《条例》第三十三条）',
    },
    {
      id: 'review_corrected',
      name: '复议诉讼纠错',
      mode: 'computed',
      measure: 'review_corrected',
      valueKind: 'count',
      max: 10,
      perItem: 5,
      formula:
        '本年有结果的行政复议、行政诉讼案件中结果为纠正（撤销、变更、确认违法、责令履行等）的，每件扣5分，扣完为止',
    },
    {
      id: 'annual_report',
      name: '年度报告',
      mode: 'computed',
      measure: 'annual_report',
      valueKind: 'count',
      max: 10,
      perItem: 4,
      formula:
        '本年度政府信息公开工作年度报告逾期公布（部门次年1月31日前、政府次年3月31日前，或上级规定的更早日期）、已报送的报告校验有错误、过期仍未在门户公布，每项扣4分（《条例》第四十九条）',
    },
    {
      id: 'website_verdict',
      name: '政府网站检查',
      mode: 'computed',
      measure: 'website_verdict',
      valueKind: 'share',
      max: 10,
      formula: '本单位登记的政府网站中截至年末最近一次检查合格的比例 × 10分（国办秘函〔2019〕19号）',
    },
    {
      id: 'media_verdict',
      name: '政务新媒体检查',
      mode: 'computed',
      measure: 'media_verdict',
      valueKind: 'share',
      max: 5,
      formula: '本单位运营中的政务新媒体账号中截至年末检查合格的比例 × 5分（国办秘函〔2019〕19号）',
    },
    {
      id: 'rectification_open',
      name: '整改落实',
      mode: 'computed',
      measure: 'rectification_open',
      valueKind: 'count',
      max: 5,
      perItem: 1,
      formula: '网站检查发现问题的整改任务中截至年末已过整改期限仍未整改的，每项扣1分，扣完为止',
    },
    {
      id: 'training',
      name: '培训参与',
      mode: 'computed',
      measure: 'training',
      valueKind: 'share',
      max: 10,
      formula: '本年考核范围内各单位组织的政务公开培训中本单位有人参加的场次比例 × 10分',
    },
  ],
};

/** Rounds a score to two decimals (scores are shown with at most two). */
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Scores one indicator from its value under the scheme's rules (see the file comment). */
export function scoreIndicator(def: IndicatorDef, value: number | null, noData: SchemeDef['noData']): IndicatorScore {
  if (value === null) return { score: noData === 'full' ? def.max : 0, value: null, max: def.max };
  if (def.valueKind === 'share') {
    const share = Math.min(1, Math.max(0, value));
    return { score: round2(share * def.max), value, max: def.max };
  }
  const taken = (def.perItem ?? 1) * Math.max(0, value);
  return { score: round2(Math.max(0, def.max - taken)), value, max: def.max };
}

/** The grade a total earns under the bands (best band whose minimum it reaches; 不合格 below all). */
export function gradeOf(total: number, bands: readonly GradeBand[]): Grade {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => total >= b.min)?.grade ?? '不合格';
}

/** Competition ranks (1, 2, 2, 4) by total, highest first. */
export function ranks(totals: readonly number[]): number[] {
  return totals.map((t) => 1 + totals.filter((o) => o > t).length);
}

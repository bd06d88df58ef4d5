// The pure parts of an assessment's result table: a scheme's content checked before it is saved, and the rows
// scored from the indicators' values and the adjustments (totals, competition ranks, grade bands).
import {
  COMPUTED_INDICATORS,
  GRADES,
  gradeOf,
  ranks,
  scoreIndicator,
  type Grade,
  type IndicatorScore,
  type SchemeDef,
} from './scheme.js';

/** Rounds to two decimals (scores and totals are shown with at most two). */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The errors of a scheme's content, in Chinese, keyed by where they are (`indicators.2.max`, `grades`…); empty
 * when it can be saved. Ids are unique and well-formed; a computed indicator reads a known measure; points are
 * positive; a count indicator's per-item deduction is positive; the four grade bands are ordered.
 */
export function schemeErrors(def: SchemeDef): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(def.indicators) || def.indicators.length === 0) errors.indicators = '方案至少应有一项指标';
  const seen = new Set<string>();
  (def.indicators ?? []).forEach((ind, i) => {
    const at = `indicators.${i}`;
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(ind.id ?? '')) {
      errors[`${at}.id`] = '指标代码应以字母开头，只含字母、数字和下划线';
    } else if (seen.has(ind.id)) errors[`${at}.id`] = `指标代码“${ind.id}”重复`;
    seen.add(ind.id);
    if (!(ind.name ?? '').trim()) errors[`${at}.name`] = '请填写指标名称';
    if (ind.mode !== 'computed' && ind.mode !== 'entered') errors[`${at}.mode`] = '指标应为自动计算或人工录入';
    if (ind.mode === 'computed' && !COMPUTED_INDICATORS.includes(ind.measure as never)) {
      errors[`${at}.measure`] = '自动计算的指标应选择计算口径';
    }
    if (ind.valueKind !== 'share' && ind.valueKind !== 'count') errors[`${at}.valueKind`] = '指标值应为比例或件数';
    if (!Number.isFinite(ind.max) || ind.max <= 0) errors[`${at}.max`] = '分值应为正数';
    if (ind.valueKind === 'count' && !(Number.isFinite(ind.perItem) && (ind.perItem ?? 0) > 0)) {
      errors[`${at}.perItem`] = '按件扣分的指标应填写每件扣分（正数）';
    }
    if (!(ind.formula ?? '').trim()) errors[`${at}.formula`] = '请用文字说明计算方法';
  });
  const bands = def.grades ?? [];
  const gradesOk =
    bands.length === GRADES.length &&
    GRADES.every((g, i) => bands[i]?.grade === g && Number.isFinite(bands[i]?.min)) &&
    bands.every((b, i) => i === 0 || b.min < (bands[i - 1]?.min ?? 0));
  if (!gradesOk) errors.grades = '等次分数线应按优秀、良好、合格、不合格从高到低排列';
  if (def.noData !== 'full' && def.noData !== 'zero') errors.noData = '无数据指标的计分方式应为满分或零分';
  return errors;
}

/** One unit's input to the table: the value of each indicator (null: 无数据) and its adjustments. */
export type UnitValues = {
  values: Readonly<Record<string, number | null>>;
  adjustments: readonly { indicatorId: string | null; points: number }[];
};

/** One unit's scored line: each indicator's score (adjusted ones included), total, rank and grade. */
export type ScoredLine = { items: Record<string, IndicatorScore>; total: number; rank: number; grade: Grade };

/**
 * Scores every unit: each indicator by the scheme's rule ({@link scoreIndicator}), an adjustment of an indicator
 * added to its score (kept between 0 and its max), an adjustment of the total added to the total; then
 * competition ranks by total and the grade of each total.
 */
export function scoreUnits(def: SchemeDef, units: readonly UnitValues[]): ScoredLine[] {
  const lines = units.map((u) => {
    const items: Record<string, IndicatorScore> = {};
    for (const ind of def.indicators) {
      const base = scoreIndicator(ind, u.values[ind.id] ?? null, def.noData);
      const added = u.adjustments.filter((a) => a.indicatorId === ind.id).reduce((s, a) => s + a.points, 0);
      items[ind.id] =
        added === 0 ? base : { ...base, score: round2(Math.min(ind.max, Math.max(0, base.score + added))) };
    }
    const onTotal = u.adjustments.filter((a) => a.indicatorId === null).reduce((s, a) => s + a.points, 0);
    const total = round2(Object.values(items).reduce((s, i) => s + i.score, 0) + onTotal);
    return { items, total };
  });
  const rankOf = ranks(lines.map((l) => l.total));
  return lines.map((l, i) => ({ ...l, rank: rankOf[i] ?? 1, grade: gradeOf(l.total, def.grades) }));
}

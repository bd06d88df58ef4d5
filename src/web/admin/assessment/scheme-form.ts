// The scheme form's values and the scheme they stand for. Every indicator is a numbered group of fields
// (`indicators.3.max`…, as the use case names its errors); `count` says how many there are, and one more, numbered
// `count`, is the blank row for a new entered indicator. A ticked `indicators.N.remove` drops an entered indicator.
import { GRADES, type IndicatorDef, type SchemeDef } from '../../../domain/assessment/scheme.js';
import type { SchemeRecord } from '../../../app/assessment/ports.js';
import { type FormValues } from '../../common/validation.js';
import { valueOf } from '../../common/pipeline.js';

/** The grades whose minimum the form asks (不合格 is everything below 合格). */
export const BAND_GRADES = GRADES.filter((g) => g !== '不合格');

/** A scheme as the form's values. */
export function schemeValues(s: Pick<SchemeRecord, 'name' | 'def'>): Record<string, string> {
  const v: Record<string, string> = { name: s.name, noData: s.def.noData, count: String(s.def.indicators.length) };
  s.def.indicators.forEach((ind, i) => {
    const at = `indicators.${i}`;
    v[`${at}.id`] = ind.id;
    v[`${at}.name`] = ind.name;
    v[`${at}.mode`] = ind.mode;
    v[`${at}.measure`] = ind.measure ?? '';
    v[`${at}.valueKind`] = ind.valueKind;
    v[`${at}.max`] = String(ind.max);
    v[`${at}.perItem`] = ind.perItem === undefined ? '' : String(ind.perItem);
    v[`${at}.formula`] = ind.formula;
  });
  BAND_GRADES.forEach((g, i) => {
    v[`grades.${i}.min`] = String(s.def.grades.find((b) => b.grade === g)?.min ?? '');
  });
  return v;
}

/** How many indicator groups the form has (the stored ones; the blank row is numbered after them). */
export const countOf = (values: Record<string, string>): number =>
  Math.min(200, Math.max(0, Number.parseInt(values.count ?? '0', 10) || 0));

/** A number as typed (blank: NaN, which the use case refuses with its message). */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * The scheme the form stands for, and for each of its indicators the number of the form's group (the use case
 * names errors by the indicator's place in the scheme; the form shows them by group).
 */
export function schemeOfForm(values: FormValues): { name: string; def: SchemeDef; groups: number[] } {
  const v = (k: string) => valueOf(values, k).trim();
  const count = countOf({ count: v('count') });
  const indicators: IndicatorDef[] = [];
  const groups: number[] = [];
  for (let i = 0; i <= count; i++) {
    const at = `indicators.${i}`;
    if (i === count && !v(`${at}.id`) && !v(`${at}.name`)) continue;
    const mode = i === count ? 'entered' : v(`${at}.mode`) === 'computed' ? 'computed' : 'entered';
    if (mode === 'entered' && v(`${at}.remove`)) continue;
    const valueKind = v(`${at}.valueKind`) === 'count' ? 'count' : 'share';
    indicators.push({
      id: v(`${at}.id`),
      name: v(`${at}.name`),
      mode,
      ...(mode === 'computed' ? { measure: v(`${at}.measure`) as IndicatorDef['measure'] } : {}),
      valueKind,
      max: num(v(`${at}.max`)),
      ...(valueKind === 'count' ? { perItem: num(v(`${at}.perItem`)) } : {}),
      formula: v(`${at}.formula`),
    });
    groups.push(i);
  }
  const grades = [
    ...BAND_GRADES.map((grade, i) => ({ grade, min: num(v(`grades.${i}.min`)) })),
    { grade: '不合格' as const, min: 0 },
  ];
  return { name: v('name'), def: { indicators, grades, noData: v('noData') === 'zero' ? 'zero' : 'full' }, groups };
}

/** The use case's errors (`indicators.<place>.<field>`) renamed to the form's groups. */
export function errorsByGroup(errors: Record<string, string>, groups: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([k, msg]) => {
      const m = /^indicators\.(\d+)\.(\w+)$/.exec(k);
      return m ? [`indicators.${groups[Number(m[1])] ?? m[1]}.${m[2]}`, msg] : [k, msg];
    }),
  );
}

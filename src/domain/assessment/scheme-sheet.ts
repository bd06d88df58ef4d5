// A scheme as the rows of one worksheet (for the XLSX export and import of the back office): a header, one row per
// indicator, then one row per grade band and the no-data rule. Reading it back names every bad cell at once
// (row and column, in Chinese) and checks the content like any edit (schemeErrors).
import { COMPUTED_INDICATORS, GRADES, type IndicatorDef, type SchemeDef } from './scheme.js';
import { schemeErrors } from './result-table.js';

/** The header of the indicator rows. */
export const SCHEME_SHEET_HEADER = [
  '指标代码',
  '指标名称',
  '计算方式',
  '计算口径',
  '指标值类型',
  '分值',
  '每件扣分',
  '计算方法（文字说明）',
] as const;

const MODE = { computed: '自动计算', entered: '人工录入' } as const;
const KIND = { share: '比例', count: '件数' } as const;
const NO_DATA = { full: '满分', zero: '零分' } as const;
const GRADE_LABEL = '等次分数线';
const NO_DATA_LABEL = '无数据计分';

/** The worksheet's rows of a scheme (every cell text). */
export function schemeSheetRows(def: SchemeDef): string[][] {
  return [
    [...SCHEME_SHEET_HEADER],
    ...def.indicators.map((i) => [
      i.id,
      i.name,
      MODE[i.mode],
      i.measure ?? '',
      KIND[i.valueKind],
      String(i.max),
      i.perItem === undefined ? '' : String(i.perItem),
      i.formula,
    ]),
    [],
    ...def.grades.map((g) => [GRADE_LABEL, g.grade, String(g.min)]),
    [NO_DATA_LABEL, NO_DATA[def.noData]],
  ];
}

/** A cell's place as the spreadsheet names it: column letter and row number (`C4`). */
const cellName = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

const keyOf = <K extends string>(labels: Record<K, string>, text: string): K | undefined =>
  (Object.keys(labels) as K[]).find((k) => labels[k] === text.trim());

/**
 * Reads a scheme from the worksheet's rows: the content, or every error by cell (`C4: …`) and, when the cells read,
 * every error of the content (as an edit would name them).
 */
export function parseSchemeSheet(rows: readonly (readonly string[])[]): { def: SchemeDef } | { errors: string[] } {
  const errors: string[] = [];
  const header = (rows[0] ?? []).map((c) => c.trim());
  if (SCHEME_SHEET_HEADER.some((h, i) => header[i] !== h)) {
    return { errors: [`第1行应为表头：${SCHEME_SHEET_HEADER.join('、')}`] };
  }
  const indicators: IndicatorDef[] = [];
  const grades: { grade: (typeof GRADES)[number]; min: number }[] = [];
  let noData: SchemeDef['noData'] = 'full';
  const num = (text: string, r: number, c: number): number => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) errors.push(`${cellName(r, c)}: 应为数字`);
    return n;
  };
  rows.slice(1).forEach((raw, k) => {
    const r = k + 1;
    const cell = (c: number) => (raw[c] ?? '').trim();
    if (raw.every((c) => c.trim() === '')) return;
    if (cell(0) === GRADE_LABEL) {
      const grade = GRADES.find((g) => g === cell(1));
      if (!grade) errors.push(`${cellName(r, 1)}: 等次应为${GRADES.join('、')}之一`);
      else grades.push({ grade, min: num(cell(2), r, 2) });
      return;
    }
    if (cell(0) === NO_DATA_LABEL) {
      const rule = keyOf(NO_DATA, cell(1));
      if (!rule) errors.push(`${cellName(r, 1)}: 应为“满分”或“零分”`);
      else noData = rule;
      return;
    }
    const mode = keyOf(MODE, cell(2));
    const valueKind = keyOf(KIND, cell(4));
    if (!mode) errors.push(`${cellName(r, 2)}: 应为“自动计算”或“人工录入”`);
    if (!valueKind) errors.push(`${cellName(r, 4)}: 应为“比例”或“件数”`);
    const measure = COMPUTED_INDICATORS.find((m) => m === cell(3));
    if (mode === 'computed' && !measure) {
      errors.push(`${cellName(r, 3)}: 计算口径应为${COMPUTED_INDICATORS.join('、')}之一`);
    }
    indicators.push({
      id: cell(0),
      name: cell(1),
      mode: mode ?? 'entered',
      ...(mode === 'computed' && measure ? { measure } : {}),
      valueKind: valueKind ?? 'share',
      max: num(cell(5), r, 5),
      ...(cell(6) !== '' ? { perItem: num(cell(6), r, 6) } : {}),
      formula: cell(7),
    });
  });
  if (errors.length > 0) return { errors };
  const def: SchemeDef = { indicators, grades, noData };
  const invalid = Object.values(schemeErrors(def));
  return invalid.length > 0 ? { errors: invalid } : { def };
}

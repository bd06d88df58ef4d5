// The section-二 figures typed in the back office or imported from CSV: parsing a typed value with a
// Chinese message (R8, src/domain/reports/check-report.ts: counts are non-negative integers,
// amounts non-negative decimals, the 2019 本年增/减 may be negative) and merging into the stored cells.
import type { ReportFormat } from '../../domain/reports/annual-report.js';
import {
  MANUAL_ARTICLE20_FIELDS,
  type ManualArticle20,
  type ManualArticle20Field,
} from '../../domain/reports/compute.js';
import type { FigureSource, StoredReport } from './ports.js';

/** Largest figure accepted (far above any real count or amount; keeps the JSON exact). */
const MAX_FIGURE = 1e12;
/** Decimal places kept for amounts (万元 to the fen is 6 places). */
const MAX_DECIMALS = 6;

/** Full-width digits, signs and points as typed with a Chinese input method, made ASCII. */
function asciiNumber(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－−—]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[,，\s]/g, '');
}

/**
 * Parses one typed cell: blank → null (the table prints a blank), else a number that fits the field.
 * @returns the value, or a Chinese message naming the cell
 */
export function parseFigure(
  field: ManualArticle20Field,
  raw: string,
): { ok: true; value: number | null } | { ok: false; message: string } {
  const text = asciiNumber(raw.trim());
  if (text === '') return { ok: true, value: null };
  const name = `“${field.label}”`;
  const shape = field.decimal ? /^[+-]?\d+(\.\d+)?$/ : /^[+-]?\d+$/;
  if (!shape.test(text)) {
    const what = field.decimal ? '数字（可带小数）' : field.signed ? '整数（减少填负数）' : '非负整数';
    return { ok: false, message: `${name}应为${what}，收到“${raw.trim()}”` };
  }
  const value = Number(text);
  if (value < 0 && !field.signed) return { ok: false, message: `${name}不能为负数` };
  if (Math.abs(value) > MAX_FIGURE) return { ok: false, message: `${name}的数值过大` };
  if (field.decimal && (text.split('.')[1]?.length ?? 0) > MAX_DECIMALS) {
    return { ok: false, message: `${name}最多保留${MAX_DECIMALS}位小数` };
  }
  return { ok: true, value };
}

/** The manual fields of a format by key. */
export function manualFields(format: ReportFormat): Map<string, ManualArticle20Field> {
  return new Map(MANUAL_ARTICLE20_FIELDS(format).map((f) => [f.key, f]));
}

/**
 * Parses typed values by field key, collecting every error (field key → message).
 * Keys may carry an `article20.` prefix; unknown keys are errors too (a CSV naming a cell of the other format).
 */
export function parseFigures(
  format: ReportFormat,
  input: Record<string, string>,
): { values: Map<string, number | null>; errors: Record<string, string> } {
  const fields = manualFields(format);
  const values = new Map<string, number | null>();
  const errors: Record<string, string> = {};
  for (const [rawKey, raw] of Object.entries(input)) {
    const key = rawKey.replace(/^article20\./, '');
    const field = fields.get(key);
    if (!field) {
      errors[key] = `${format}年版表格第二部分没有“${key}”这一栏，或该栏由系统根据已公开的文件计算，不能填写`;
      continue;
    }
    const parsed = parseFigure(field, typeof raw === 'string' ? raw : String(raw));
    if (parsed.ok) values.set(key, parsed.value);
    else errors[key] = parsed.message;
  }
  return { values, errors };
}

/** The stored cell of a key, or undefined when never entered. */
export function storedFigure(manual: ManualArticle20, field: ManualArticle20Field): number | null | undefined {
  return manual[field.row]?.[field.column];
}

/**
 * Merges parsed values into a stored record's figures, recording the source of each value that changed.
 * @returns the number of cells that changed
 */
export function mergeFigures(
  stored: StoredReport,
  values: Map<string, number | null>,
  source: (key: string) => FigureSource,
): number {
  const fields = manualFields(stored.format);
  const manual: ManualArticle20 = structuredClone(stored.figures);
  let changed = 0;
  for (const [key, value] of values) {
    const field = fields.get(key);
    if (!field || (storedFigure(manual, field) ?? null) === value) continue;
    (manual[field.row] ??= {})[field.column] = value;
    stored.sources[key] = source(key);
    changed += 1;
  }
  stored.figures = manual;
  return changed;
}

// Files of an assessment (考核): a scheme as an XLSX workbook and back (sheets 考核指标 and 等级与规则, read through
// the guarded sheet reader like every uploaded workbook: docs/security/documents.md), and the result table as XLSX
// and PDF (the writers are adapters: src/adapters/documents/assessment-*.ts). The use cases (AssessmentUseCases)
// authorize every read and write; these functions only turn their records into files and files into records.
import type { Actor } from '../../domain/policies/actor.js';
import {
  COMPUTED_INDICATORS,
  GRADES,
  type ComputedIndicator,
  type GradeBand,
  type IndicatorDef,
  type SchemeDef,
} from '../../domain/assessment/scheme.js';
import type { SheetGrid } from '../../domain/standard-catalogue/sheet.js';
import type { CatalogueSheetIO } from '../standard-catalogue/ports.js';
import { DocumentRefused } from '../documents/ports.js';
import { invalid } from '../errors.js';
import type { AssessmentUseCases, ResultTable, SchemeRecord } from './ports.js';

/** What a result document shows: its title, the assessed scope and the table (frozen once published). */
export type ResultDocument = {
  title: string;
  scopeName: string;
  table: ResultTable;
  /** Whether the table is the published (frozen) one. */
  published: boolean;
};

/** The writers of the result table (src/adapters/documents/assessment-xlsx.ts and assessment-pdf.ts). */
export type AssessmentDocumentRenderers = {
  xlsx(doc: ResultDocument): Promise<Uint8Array>;
  /** @throws Error (Chinese) when no CJK font is installed */
  pdf(doc: ResultDocument): Promise<Uint8Array>;
};

/** What the exports use: the organizations (the scope's name), the sheet reader/writer and the result writers. */
export type AssessmentFileContext = {
  repos: { orgs: { byId(id: string): Promise<{ name: string } | undefined> } };
  catalogueSheets: CatalogueSheetIO;
  assessmentDocuments: AssessmentDocumentRenderers;
};

/** The sheets of a scheme workbook. */
export const SCHEME_SHEETS = { indicators: '考核指标', rules: '等级与规则' } as const;

/** The header of the 考核指标 sheet (columns A–H). */
export const INDICATOR_HEADER = [
  '指标编号',
  '指标名称',
  '取值方式',
  '计算项',
  '值类型',
  '分值',
  '每项扣分',
  '计分规则',
] as const;

/** The header of the 等级与规则 sheet. */
export const RULES_HEADER = ['项目', '设定'] as const;

/** How an indicator's value is obtained, in the workbook's and the pages' words. */
export const MODE_LABELS: Readonly<Record<IndicatorDef['mode'], string>> = {
  computed: '自动计算',
  entered: '人工录入',
};
/** What an indicator's value is, in the workbook's and the pages' words. */
export const VALUE_KIND_LABELS: Readonly<Record<IndicatorDef['valueKind'], string>> = { share: '比例', count: '计数' };
/** How an indicator without data scores, in the workbook's and the pages' words. */
export const NO_DATA_LABELS: Readonly<Record<SchemeDef['noData'], string>> = {
  full: '无数据不扣分（计满分）',
  zero: '无数据计零分',
};

/** The id of an assessor's own indicator: a letter, then letters, digits or `_`. */
export const INDICATOR_ID = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** A cell refused in an imported workbook: sheet, row (1-based) and column letter, and why. */
export type SchemeSheetError = { sheet: string; row: number; column: string; message: string };

const LETTERS = 'ABCDEFGH';
const keyOf = <V extends string>(labels: Readonly<Record<V, string>>, text: string): V | undefined =>
  (Object.keys(labels) as V[]).find((k) => labels[k] === text.trim() || k === text.trim());

/** A scheme as the rows of its two sheets (what {@link readSchemeSheets} reads back). */
export function schemeSheets(name: string, def: SchemeDef): SheetGrid[] {
  const indicators = def.indicators.map((i) => [
    i.id,
    i.name,
    MODE_LABELS[i.mode],
    i.measure ?? '',
    VALUE_KIND_LABELS[i.valueKind],
    String(i.max),
    i.valueKind === 'count' ? String(i.perItem ?? 1) : '',
    i.formula,
  ]);
  const min = (g: string) => String(def.grades.find((b) => b.grade === g)?.min ?? '');
  const rules = [
    ['方案名称', name],
    ...GRADES.filter((g) => g !== '不合格').map((g) => [`${g}最低分`, min(g)]),
    ['无数据', NO_DATA_LABELS[def.noData]],
  ];
  return [
    { name: SCHEME_SHEETS.indicators, rows: [[...INDICATOR_HEADER], ...indicators], merges: [] },
    { name: SCHEME_SHEETS.rules, rows: [[...RULES_HEADER], ...rules], merges: [] },
  ];
}

/** A number written in a cell (blank: undefined; not a number: NaN). */
const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/** Reads one indicator row; errors name its cells. */
function readIndicator(row: readonly string[], line: number, err: (col: number, msg: string) => void) {
  const cell = (i: number) => (row[i] ?? '').trim();
  const mode = keyOf(MODE_LABELS, cell(2));
  const valueKind = keyOf(VALUE_KIND_LABELS, cell(4));
  const max = numberOf(cell(5));
  const perItem = numberOf(cell(6));
  const measure = cell(3);
  if (!INDICATOR_ID.test(cell(0))) err(0, '指标编号应以字母开头，只含字母、数字和下划线');
  if (!cell(1)) err(1, '请填写指标名称');
  if (!mode) err(2, '取值方式应为“自动计算”或“人工录入”');
  if (mode === 'computed' && !COMPUTED_INDICATORS.includes(measure as ComputedIndicator)) {
    err(3, `计算项应为以下之一：${COMPUTED_INDICATORS.join('、')}`);
  }
  if (mode === 'entered' && measure) err(3, '人工录入的指标不填计算项');
  if (!valueKind) err(4, '值类型应为“比例”或“计数”');
  if (max === undefined || !Number.isFinite(max) || max <= 0) err(5, '分值应为大于0的数');
  if (valueKind === 'count' && (perItem === undefined || !Number.isFinite(perItem) || perItem <= 0)) {
    err(6, '计数类指标应填写大于0的每项扣分');
  }
  if (valueKind === 'share' && perItem !== undefined) err(6, '比例类指标不填每项扣分');
  if (!cell(7)) err(7, `请用文字写明计分规则（第${line}行）`);
  if (!mode || !valueKind || max === undefined) return undefined;
  const def: IndicatorDef = {
    id: cell(0),
    name: cell(1),
    mode,
    ...(mode === 'computed' ? { measure: measure as ComputedIndicator } : {}),
    valueKind,
    max,
    ...(valueKind === 'count' ? { perItem } : {}),
    formula: cell(7),
  };
  return def;
}

/** Reads the 等级与规则 sheet: the name, the grade minimums (ordered) and the no-data rule. */
function readRules(rows: readonly (readonly string[])[], sheet: string, errors: SchemeSheetError[]) {
  const at = (label: string) => {
    const i = rows.findIndex((r) => (r[0] ?? '').trim() === label);
    return { row: i + 1, text: i < 0 ? undefined : (rows[i]?.[1] ?? '').trim() };
  };
  const fail = (row: number, message: string) => errors.push({ sheet, row: Math.max(row, 1), column: 'B', message });
  const name = at('方案名称');
  if (!name.text) fail(name.row, '请填写方案名称（“方案名称”一行）');
  const grades: GradeBand[] = [];
  for (const grade of GRADES.filter((g) => g !== '不合格')) {
    const cell = at(`${grade}最低分`);
    const min = numberOf(cell.text ?? '');
    if (min === undefined || !Number.isFinite(min) || min < 0) {
      fail(cell.row, `请在“${grade}最低分”一行填写不小于0的分数`);
      continue;
    }
    const better = grades.at(-1);
    if (better && min >= better.min) fail(cell.row, `${grade}最低分应低于${better.grade}最低分`);
    grades.push({ grade, min });
  }
  grades.push({ grade: '不合格', min: 0 });
  const noDataCell = at('无数据');
  const noData = keyOf(NO_DATA_LABELS, noDataCell.text ?? '');
  if (!noData) fail(noDataCell.row, `“无数据”一行应为“${NO_DATA_LABELS.full}”或“${NO_DATA_LABELS.zero}”`);
  return { name: name.text ?? '', grades, noData: noData ?? 'full' };
}

/**
 * Reads a scheme workbook's sheets (as text) back into a name and scheme content; every wrong cell is reported
 * with its sheet, row and column, and nothing is returned unless all are right.
 */
export function readSchemeSheets(
  sheets: readonly { name: string; rows: readonly (readonly string[])[] }[],
): { ok: true; name: string; def: SchemeDef } | { ok: false; errors: SchemeSheetError[] } {
  const errors: SchemeSheetError[] = [];
  const ind = sheets.find((s) => s.name === SCHEME_SHEETS.indicators);
  const rules = sheets.find((s) => s.name === SCHEME_SHEETS.rules);
  for (const [want, got] of [
    [SCHEME_SHEETS.indicators, ind],
    [SCHEME_SHEETS.rules, rules],
  ] as const) {
    if (!got) errors.push({ sheet: want, row: 1, column: 'A', message: `工作簿中没有“${want}”工作表` });
  }
  if (!ind || !rules) return { ok: false, errors };
  const header = (ind.rows[0] ?? []).map((c) => c.trim());
  INDICATOR_HEADER.forEach((h, i) => {
    if (header[i] !== h) {
      errors.push({ sheet: ind.name, row: 1, column: LETTERS[i] ?? 'A', message: `表头应为“${h}”` });
    }
  });
  const indicators: IndicatorDef[] = [];
  const seen = new Map<string, number>();
  ind.rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.every((c) => c.trim() === '')) return;
    const err = (col: number, message: string) =>
      errors.push({ sheet: ind.name, row: line, column: LETTERS[col] ?? 'A', message });
    const def = readIndicator(row, line, err);
    const id = (row[0] ?? '').trim();
    const first = seen.get(id);
    if (first !== undefined) err(0, `指标编号“${id}”与第${first}行重复`);
    seen.set(id, line);
    if (def) indicators.push(def);
  });
  if (indicators.length === 0 && errors.length === 0) {
    errors.push({ sheet: ind.name, row: 2, column: 'A', message: '方案至少应有一项指标' });
  }
  const r = readRules(rules.rows, rules.name, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, name: r.name, def: { indicators, grades: r.grades, noData: r.noData } };
}

/** A scheme as an XLSX workbook (sheets 考核指标 and 等级与规则). */
export async function exportScheme(
  ctx: Pick<AssessmentFileContext, 'catalogueSheets'>,
  uc: AssessmentUseCases,
  actor: Actor,
  schemeId: string,
): Promise<{ bytes: Uint8Array; scheme: SchemeRecord }> {
  const scheme = await uc.getScheme(actor, schemeId);
  return { bytes: await ctx.catalogueSheets.write(schemeSheets(scheme.name, scheme.def)), scheme };
}

/**
 * Replaces a draft scheme's name and content with an uploaded workbook's, all or nothing: the file is read by the
 * guarded sheet reader (limits on untrusted documents) and every wrong cell is reported.
 * @throws AppError 'invalid' (unreadable or refused file; the use case's own checks), 'forbidden', 'not_found'
 */
export async function importScheme(
  ctx: Pick<AssessmentFileContext, 'catalogueSheets'>,
  uc: AssessmentUseCases,
  actor: Actor,
  schemeId: string,
  bytes: Uint8Array,
): Promise<{ ok: true; scheme: SchemeRecord } | { ok: false; errors: SchemeSheetError[] }> {
  await uc.getScheme(actor, schemeId);
  const cells = await ctx.catalogueSheets.read(bytes).catch((e: unknown) => {
    if (e instanceof DocumentRefused) throw invalid(e.message, { file: e.message });
    throw invalid('无法读取该文件，请上传由本系统导出的考核方案 XLSX 文件', { file: '无法读取该文件' });
  });
  const read = readSchemeSheets(cells.sheets);
  if (!read.ok) return read;
  return { ok: true, scheme: await uc.updateScheme(actor, schemeId, { name: read.name, def: read.def }) };
}

/** The title of a result document: scope, year and scheme. */
export const resultTitle = (scopeName: string, table: ResultTable): string =>
  `${scopeName}${table.year}年度政务公开工作考核结果`;

/** The result table of a scheme as XLSX or PDF (the published snapshot once published). */
export async function exportResult(
  ctx: AssessmentFileContext,
  uc: AssessmentUseCases,
  actor: Actor,
  schemeId: string,
  format: 'xlsx' | 'pdf',
): Promise<{ bytes: Uint8Array; name: string }> {
  const scheme = await uc.getScheme(actor, schemeId);
  const table = await uc.compute(actor, schemeId);
  const scopeName = (await ctx.repos.orgs.byId(scheme.scopeOrgId))?.name ?? '';
  const doc: ResultDocument = {
    title: resultTitle(scopeName, table),
    scopeName,
    table,
    published: scheme.state === 'published',
  };
  const bytes = await ctx.assessmentDocuments[format](doc);
  return { bytes, name: `${doc.title}.${format}` };
}

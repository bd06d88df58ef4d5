// Importing the section-二 figures that come from other systems (许可, 处罚, 强制, 收费, 采购) from a
// CSV file. One cell a line: `栏目,数值[,备注]`, where 栏目 is the field key
// (`licensing.decisions`) or its Chinese label (`行政许可：本年处理决定数量`); an optional header line.
// The whole file is checked first; one bad cell rejects it and nothing is saved.
import type { Actor } from '../../domain/policies/actor.js';
import { parseCsv } from '../../domain/core/csv.js';
import { reportFormatOf } from '../../domain/reports/compute.js';
import type { ManualArticle20Field } from '../../domain/reports/compute.js';
import { actorLabel } from '../actors.js';
import { invalid } from '../errors.js';
import { changeReport } from './annual-reports.js';
import { reportFor, type ReportContext } from './report-context.js';
import { manualFields, mergeFigures, parseFigure } from './report-figures.js';

/** Largest CSV accepted (a handful of cells; anything bigger is the wrong file). */
export const MAX_CSV_CHARS = 200_000;

/** Column names of the optional header line. */
const HEADER = /^(栏目|项目|字段|key|field)$/i;

/** Finds a field by its key or its Chinese label (full-width colon or not, spaces ignored). */
function fieldNamed(fields: Map<string, ManualArticle20Field>, name: string): ManualArticle20Field | undefined {
  const plain = (s: string) => s.replace(/\s/g, '').replace(/[:：]/g, '：');
  const wanted = plain(name.replace(/^article20\./, ''));
  return fields.get(wanted) ?? [...fields.values()].find((f) => plain(f.label) === wanted);
}

type Parsed = { values: Map<string, number | null>; notes: Map<string, string> };

/** Reads every line, collecting errors that name line and column (第N行第M列). */
function readCells(fields: Map<string, ManualArticle20Field>, text: string, format: string): Parsed {
  const csv = parseCsv(text);
  if (!csv.ok) {
    throw invalid(`CSV 文件第${csv.error.line}行格式有误：${csv.error.message}`, {
      file: `第${csv.error.line}行：${csv.error.message}`,
    });
  }
  const records = csv.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const body = records[0] && HEADER.test(records[0].fields[0]?.trim() ?? '') ? records.slice(1) : records;
  if (body.length === 0) {
    throw invalid('CSV 文件中没有数据', { file: '文件中没有可导入的数据行（每行：栏目,数值[,备注]）' });
  }
  const values = new Map<string, number | null>();
  const notes = new Map<string, string>();
  const errors: Record<string, string> = {};
  const fail = (line: number, column: number, message: string) => {
    errors[`line${line}.col${column}`] ??= `第${line}行第${column}列：${message}`;
  };
  for (const { line, fields: cells } of body) {
    const name = cells[0]?.trim() ?? '';
    const field = fieldNamed(fields, name);
    if (!field) {
      fail(line, 1, `${format}年版表格第二部分没有需要填写的栏目“${name}”`);
      continue;
    }
    if (values.has(field.key)) {
      fail(line, 1, `栏目“${field.label}”重复出现`);
      continue;
    }
    const parsed = parseFigure(field, cells[1] ?? '');
    if (!parsed.ok) fail(line, 2, parsed.message);
    else {
      values.set(field.key, parsed.value);
      notes.set(field.key, (cells[2] ?? '').trim().slice(0, 200));
    }
  }
  const messages = Object.values(errors);
  if (messages.length > 0) {
    throw invalid(`CSV 文件有${messages.length}处错误，未导入任何数字：${messages.join('；')}`, errors);
  }
  return { values, notes };
}

/**
 * Imports section-二 cells of a draft from CSV text; each imported cell records its source (file, line).
 * @returns how many cells the file set
 * @throws AppError 'invalid' naming each bad line and column (nothing saved); 'forbidden' unless a compiler and a draft
 */
export async function importArticle20Csv(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  fileName: string,
  text: string,
): Promise<{ count: number }> {
  const { o, stored: current } = await reportFor(ctx.repos, actor, 'report.edit', orgId, year);
  if (text.length > MAX_CSV_CHARS) throw invalid('CSV 文件过大', { file: `文件过大（最多 ${MAX_CSV_CHARS} 个字符）` });
  const format = current?.format ?? reportFormatOf(year);
  const { values, notes } = readCells(manualFields(format), text, format);
  const name = fileName.trim() || '上传的文件';
  const by = actorLabel(actor);
  const edit = { right: 'report.edit', action: 'report.figures_imported' } as const;
  await changeReport(ctx, actor, o, year, edit, async (stored, _repos, at) => {
    const note = (key: string) => [name, notes.get(key)].filter(Boolean).join('：');
    const changed = mergeFigures(stored, values, (key) => ({ source: 'csv', note: note(key), by, at }));
    return { file: name, cells: values.size, changed, figures: Object.fromEntries(values) };
  });
  return { count: values.size };
}

/** Decodes an uploaded CSV: UTF-8 (BOM dropped), else GB18030 — what spreadsheet programs save in zh-CN. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Imports the section-二 cells from an uploaded CSV file ({@link importArticle20Csv}).
 * @throws AppError 'invalid' (field `csv`) when no file was chosen, else as {@link importArticle20Csv}
 */
export async function importArticle20Upload(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  file: { name: string; bytes: Uint8Array } | undefined,
): Promise<{ count: number }> {
  if (!file || file.bytes.byteLength === 0) {
    await reportFor(ctx.repos, actor, 'report.edit', orgId, year);
    throw invalid('没有导入任何数字', { csv: '请选择要导入的 CSV 文件' });
  }
  return importArticle20Csv(ctx, actor, orgId, year, file.name, decodeCsv(file.bytes));
}

// One line of a publications import file (`gongkai publications import FILE.jsonl`;
// docs/publications-import.md): a JSON object with the draft fields of the staff API plus the item's original 索引号 and
// 发布日期, checked on its own. Checks that need other lines or the database (the organization, the
// category, duplicate 索引号, the interpreted document) take their facts as arguments.

import { compareDates, isLocalDate, type LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { fieldLabel, parseDraft, type ParsedDraft } from './draft-fields.js';
import { isPlausibleIndexNo } from './index-no.js';
import type { CategoryKind } from './catalogue.js';
import type { PublicationKind } from './publication.js';
import { escapeRegExp } from '../core/text.js';

/** A problem with one line: the 1-based line number, the field (null for the whole line) and a Chinese message. */
export type ImportLineError = { line: number; field: string | null; message: string };

/** A line that passed its own checks. */
export type ImportLine = {
  line: number;
  /** The publishing organization's 统一社会信用代码, upper-cased. */
  org: string;
  /** The original 索引号, kept as given (a 索引号 never changes). */
  indexNo: string;
  /** The original 发布日期. */
  publishedOn: LocalDate;
  draft: ParsedDraft;
};

/**
 * Fields a line may carry: the staff API's draft fields (and the form's optional ones) plus indexNo and publishedOn.
 */
export const IMPORT_FIELDS: readonly string[] = [
  'org',
  'title',
  'kind',
  'category',
  'docNo',
  'writtenOn',
  'summary',
  'body',
  'keyAreas',
  'keywords',
  'interprets',
  'indexNo',
  'publishedOn',
  'publisher',
  'topic',
  'validity',
  'validityOn',
  'disclosure',
  'major',
];

const fail = (line: number, field: string | null, message: string): ImportLineError => ({ line, field, message });
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function parseObject(source: string, line: number): Result<Record<string, unknown>, ImportLineError> {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return err(fail(line, null, '不是有效的JSON，每行应为一个JSON对象'));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(fail(line, null, '每行应为一个JSON对象（{…}）'));
  }
  return ok(value as Record<string, unknown>);
}

/** Checks the import-only fields: organization, 索引号, 发布日期 (not before 成文日期, not after today), 主动公开 only. */
function importFieldErrors(o: Record<string, unknown>, line: number, today: LocalDate): ImportLineError[] {
  const out: ImportLineError[] = [];
  for (const key of Object.keys(o)) if (!IMPORT_FIELDS.includes(key)) out.push(fail(line, key, `未知字段“${key}”`));
  if (text(o.org) === '') out.push(fail(line, 'org', '请填写发布机关的统一社会信用代码'));
  const indexNo = text(o.indexNo);
  if (indexNo === '') out.push(fail(line, 'indexNo', '请填写原索引号'));
  else if (!isPlausibleIndexNo(indexNo)) {
    out.push(fail(line, 'indexNo', `索引号“${indexNo}”格式有误：应为4至60个字母、数字或符号，不含空格和汉字`));
  }
  const publishedOn = text(o.publishedOn);
  const writtenOn = text(o.writtenOn);
  if (!isLocalDate(publishedOn)) out.push(fail(line, 'publishedOn', '请按YYYY-MM-DD填写发布日期'));
  else if (compareDates(publishedOn, today) > 0) out.push(fail(line, 'publishedOn', '发布日期不能晚于今天'));
  else if (isLocalDate(writtenOn) && compareDates(publishedOn, writtenOn) < 0) {
    out.push(fail(line, 'publishedOn', '发布日期不能早于成文日期'));
  }
  // Only 主动公开 items are published (Regulation art. 19); 依申请公开 and 不予公开 items are never "already published".
  if (o.disclosure !== undefined && text(o.disclosure) !== 'proactive') {
    out.push(fail(line, 'disclosure', '导入的是已发布的信息，公开属性只能是主动公开（proactive）'));
  }
  return out;
}

/**
 * Parses and checks one line on its own.
 * @param source the line's text (not blank)
 * @param line its 1-based number in the file
 * @param today the office's date (成文日期 and 发布日期 may not be later)
 * @param cleanHtml the HTML allow-list the body goes through before it is checked (a body of nothing but scripts is
 *   empty)
 * @returns the parsed line, or every problem found on it
 */
export function parseImportLine(
  source: string,
  line: number,
  today: LocalDate,
  cleanHtml: (html: string) => string,
): Result<ImportLine, ImportLineError[]> {
  const parsed = parseObject(source, line);
  if (!parsed.ok) return err([parsed.error]);
  const o = parsed.value;
  const errors = importFieldErrors(o, line, today);
  const body = typeof o.body === 'string' ? cleanHtml(o.body) : o.body;
  const draft = parseDraft({ ...o, body, disclosure: 'proactive' }, today);
  if (!draft.ok) for (const [field, message] of Object.entries(draft.error)) errors.push(fail(line, field, message));
  if (errors.length > 0 || !draft.ok) return err(errors);
  return ok({
    line,
    org: text(o.org).toUpperCase(),
    indexNo: text(o.indexNo),
    publishedOn: text(o.publishedOn) as LocalDate,
    draft: draft.value,
  });
}

/** A catalogue node as the import sees it (an existing category, or a node of the default tree not created yet). */
export type ImportCategory = { id: string | null; slug: string; kind: CategoryKind; statutoryKey: string | null };

/**
 * The category of each kind when a line names none (the same defaults as the draft form: statutory keys under 政策文件).
 */
export const KIND_DEFAULT_CATEGORY: Readonly<Partial<Record<PublicationKind, string>>> = {
  rule: 'policy-rule',
  normative: 'policy-normative',
  other_document: 'policy-other',
  interpretation: 'policy-interpretation',
};

/**
 * The category a line is filed under: the one it names (id or slug), else its kind's default.
 * @param categories the organization's active categories
 * @returns the category, or a Chinese message for the `category` field
 */
export function resolveImportCategory(
  categories: readonly ImportCategory[],
  named: string,
  kind: PublicationKind,
): Result<ImportCategory, string> {
  if (named === '') {
    const key = KIND_DEFAULT_CATEGORY[kind];
    const found =
      key === undefined ? undefined : categories.find((c) => c.statutoryKey === key && c.kind === 'category');
    return found ? ok(found) : err('请填写栏目（栏目编号或英文标识，如 budgets）');
  }
  const found = categories.find((c) => c.id === named || c.slug === named);
  if (!found) return err(`本机关没有栏目“${named}”`);
  if (found.kind !== 'category') return err(`“${named}”是目录，不能直接发布信息，请填写其下的栏目`);
  return ok(found);
}

/**
 * The year and serial of a 索引号 made with a pattern (so new numbers continue after imported ones).
 * @param pattern a valid 索引号 pattern
 * @returns undefined when the text does not follow the pattern for this credit code
 */
export function indexNoSerial(
  pattern: string,
  creditCode: string,
  indexNo: string,
): { year: number; serial: number } | undefined {
  const TOKEN = /\{(creditCode|yyyy|serial(?::\d)?)\}/g;
  let re = '';
  let last = 0;
  const groups: string[] = [];
  for (const m of pattern.matchAll(TOKEN)) {
    re += escapeRegExp(pattern.slice(last, m.index));
    const token = m[1] ?? '';
    if (token === 'creditCode') re += escapeRegExp(creditCode);
    else {
      re += token === 'yyyy' ? '(\\d{4})' : '(\\d+)';
      groups.push(token === 'yyyy' ? 'year' : 'serial');
    }
    last = m.index + m[0].length;
  }
  const m = new RegExp(`^${re}${escapeRegExp(pattern.slice(last))}$`).exec(indexNo);
  if (!m) return undefined;
  const year = Number(m[groups.indexOf('year') + 1]);
  const serial = Number(m[groups.indexOf('serial') + 1]);
  return Number.isSafeInteger(serial) && year > 0 ? { year, serial } : undefined;
}

/**
 * One error as a line of output: `第12行 publishedOn（发布日期）：发布日期不能早于成文日期`.
 */
export function formatImportError(e: ImportLineError): string {
  const label = e.field === null ? undefined : fieldLabel(e.field);
  const field = e.field === null ? '' : ` ${e.field}${label ? `（${label}）` : ''}`;
  return `第${e.line}行${field}：${e.message}`;
}

// Historical cases from CSV (`gongkai applications import FILE.csv`), so an office can start
// mid-year with its earlier cases counted. Pure: text in, rows or every error (line and column) out.
import { parseCsv } from '../core/csv.js';
import { parseLocalDate, type LocalDate } from '../core/local-date.js';
import { CHANNELS, LEGAL_PERSON_SUBTYPES, type Channel, type LegalPersonSubtype, type Outcome } from './application.js';
import { isOutcome } from './outcomes.js';

/** The header, in this order (the command's help and the documentation name it so). */
export const IMPORT_HEADER = [
  'org',
  'receivedOn',
  'channel',
  'applicantType',
  'applicantSubtype',
  'applicantName',
  'description',
  'outcome',
  'closedOn',
] as const;

/** One valid row. */
export type ImportRow = {
  line: number;
  orgCreditCode: string;
  receivedOn: LocalDate;
  channel: Channel;
  applicantType: 'natural_person' | 'legal_person';
  applicantSubtype: LegalPersonSubtype | null;
  applicantName: string;
  description: string;
  outcome: Outcome | null;
  closedOn: LocalDate | null;
};

/** A problem at a line and column (column = header name). */
export type ImportError = { line: number; column: string; message: string };

/**
 * Parses and validates the file. `org` must be one of `knownOrgs`; an empty `closedOn` means the
 * case is still open (then `outcome` must be empty too); a closed case needs an outcome.
 * @param today dates after today are refused
 */
export function parseImportCsv(
  text: string,
  knownOrgs: ReadonlySet<string>,
  today: LocalDate,
): { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return { ok: false, errors: [{ line: parsed.error.line, column: '', message: parsed.error.message }] };
  }
  const [head, ...body] = parsed.records;
  const header = head?.fields.map((f) => f.trim()) ?? [];
  if (header.join(',') !== IMPORT_HEADER.join(',')) {
    return { ok: false, errors: [{ line: 1, column: '', message: `表头应为：${IMPORT_HEADER.join(',')}` }] };
  }
  const errors: ImportError[] = [];
  const rows: ImportRow[] = [];
  for (const rec of body) {
    const row = checkRow(rec.line, rec.fields, knownOrgs, today, errors);
    if (row) rows.push(row);
  }
  if (body.length === 0) errors.push({ line: 2, column: '', message: '文件中没有数据行' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function checkRow(
  line: number,
  fields: string[],
  orgs: ReadonlySet<string>,
  today: LocalDate,
  errors: ImportError[],
): ImportRow | undefined {
  const before = errors.length;
  const get = (col: (typeof IMPORT_HEADER)[number]) => (fields[IMPORT_HEADER.indexOf(col)] ?? '').trim();
  const err = (column: string, message: string) => errors.push({ line, column, message });
  if (fields.length !== IMPORT_HEADER.length) err('', `应有${IMPORT_HEADER.length}列，实有${fields.length}列`);
  const org = get('org').toUpperCase();
  if (!orgs.has(org)) err('org', `未知机构（统一社会信用代码）：${org || '（空）'}`);
  const receivedOn = date(get('receivedOn'), 'receivedOn', true, today, err);
  const channel = get('channel');
  if (!(CHANNELS as readonly string[]).includes(channel)) err('channel', `渠道应为：${CHANNELS.join('、')}`);
  const type = get('applicantType');
  if (type !== 'natural_person' && type !== 'legal_person') {
    err('applicantType', '申请人类型应为 natural_person 或 legal_person');
  }
  const subtype = get('applicantSubtype');
  if (type === 'legal_person' && !(LEGAL_PERSON_SUBTYPES as readonly string[]).includes(subtype)) {
    err('applicantSubtype', `法人或其他组织的类别应为：${LEGAL_PERSON_SUBTYPES.join('、')}`);
  }
  if (type === 'natural_person' && subtype !== '') err('applicantSubtype', '自然人不填类别');
  if (get('applicantName') === '') err('applicantName', '申请人姓名或名称不能为空');
  if (get('description') === '') err('description', '申请内容不能为空');
  const closedOn = date(get('closedOn'), 'closedOn', false, today, err);
  const outcome = get('outcome');
  if (outcome !== '' && !isOutcome(outcome)) err('outcome', `未知办理结果代码：${outcome}`);
  if (closedOn && outcome === '') err('outcome', '已办结的申请须填写办理结果');
  if (!closedOn && outcome !== '') err('closedOn', '填写了办理结果的申请须填写办结日期');
  if (receivedOn && closedOn && closedOn < receivedOn) err('closedOn', '办结日期不能早于收到日期');
  if (errors.length > before || !receivedOn) return undefined;
  return {
    line,
    orgCreditCode: org,
    receivedOn,
    channel: channel as Channel,
    applicantType: type as ImportRow['applicantType'],
    applicantSubtype: type === 'legal_person' ? (subtype as LegalPersonSubtype) : null,
    applicantName: get('applicantName'),
    description: get('description'),
    outcome: outcome === '' ? null : (outcome as Outcome),
    closedOn,
  };
}

function date(
  raw: string,
  column: string,
  required: boolean,
  today: LocalDate,
  err: (c: string, m: string) => void,
): LocalDate | null {
  if (raw === '') {
    if (required) err(column, '日期不能为空');
    return null;
  }
  const d = parseLocalDate(raw);
  if (!d.ok) {
    err(column, `日期格式应为 YYYY-MM-DD：${raw}`);
    return null;
  }
  if (d.value > today) {
    err(column, `日期不能晚于今天：${raw}`);
    return null;
  }
  return d.value;
}

// Reading a catalogue row from a form (the back office's add/edit form): text fields, channel and
// level checkboxes plus "other" text, and the 公开时限 read into its computable rule.
import { parseTimeLimit } from '../../domain/standard-catalogue/time-limit.js';
import {
  validateRow,
  type CatalogueRowFields,
  type DisclosureMethod,
} from '../../domain/standard-catalogue/catalogue-row.js';

/** The raw form: strings, repeated fields as arrays. */
export type RowInput = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A parsed row: its fields (sort null when not given) or per-field Chinese messages keyed by form field. */
export type ParsedRow =
  | { ok: true; fields: Omit<CatalogueRowFields, 'sort'> & { sort: number | null } }
  | { ok: false; errors: Record<string, string> };

/** Separators of free-text lists ("其他渠道", "其他层级"). */
const LIST_SEPARATORS = /[,，、;；\n]/;
const MAX_SORT = 1_000_000;

const one = (input: RowInput, key: string): string => {
  const v = input[key];
  return (typeof v === 'string' ? v : (v?.[0] ?? '')).trim();
};

const many = (input: RowInput, key: string): string[] => {
  const v = input[key];
  return (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]).map((x) => x.trim()).filter((x) => x !== '');
};

/** Ticked values plus the typed "other" list, deduplicated, in order. */
const ticksAndOthers = (input: RowInput, key: string): string[] => [
  ...new Set([
    ...many(input, key),
    ...one(input, `${key}Other`)
      .split(LIST_SEPARATORS)
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  ]),
];

/**
 * Parses and checks a row form against the minimum elements of 国办发〔2019〕54号 (name, content, basis,
 * time limit, subject, method, channel, audience) via validateRow.
 * @param input fields keyAreaId, level1–3, contentElements, basis, timeLimitText, subject,
 *   channelsRequired[] (+ channelsRequiredOther), channelsOptional[] (+ channelsOptionalOther), audience,
 *   method, levels[] (+ levelsOther), sort
 */
export function parseRowInput(input: RowInput): ParsedRow {
  const sortText = one(input, 'sort');
  const timeLimitText = one(input, 'timeLimitText');
  const fields = {
    keyAreaId: one(input, 'keyAreaId'),
    level1: one(input, 'level1'),
    level2: one(input, 'level2'),
    level3: one(input, 'level3'),
    contentElements: one(input, 'contentElements'),
    basis: one(input, 'basis'),
    timeLimitText,
    timeLimitRule: parseTimeLimit(timeLimitText),
    subject: one(input, 'subject'),
    channelsRequired: ticksAndOthers(input, 'channelsRequired'),
    channelsOptional: ticksAndOthers(input, 'channelsOptional'),
    audience: one(input, 'audience'),
    method: one(input, 'method') as DisclosureMethod,
    levels: ticksAndOthers(input, 'levels'),
    sort: sortText === '' ? null : Number(sortText),
  };
  const errors: Record<string, string> = { ...validateRow(fields) };
  if (fields.keyAreaId === '') errors.keyAreaId = '请选择重点领域';
  if (fields.sort !== null && !(Number.isInteger(fields.sort) && fields.sort >= 0 && fields.sort <= MAX_SORT)) {
    errors.sort = `序号应为0到${MAX_SORT}之间的整数`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, fields };
}

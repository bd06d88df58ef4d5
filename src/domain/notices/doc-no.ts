// Document numbers (发文字号) of notices, from a per-organization pattern.
//
// GB/T 9704-2012 §7.2.4: 机关代字 + year in full in 六角括号〔〕 + serial number, and the serial is
// not padded ("不编虚位", 1 not 01). Padding is still configurable (`{serial:3}`) because some
// offices number their notice registers that way.
import { DomainError } from '../core/domain-error.js';
import { err, ok, type Result } from '../core/result.js';
import type { NoticeKind } from './notice.js';

/** The default pattern, e.g. 示例区政办依申〔2025〕12号. */
export const DEFAULT_DOC_NO_PATTERN = '{orgShort}依申〔{yyyy}〕{serial}号';

/** One-character kind marks for `{kind}`, e.g. `{orgShort}依申{kind}〔{yyyy}〕{serial}号` → 示例区政办依申补〔2025〕3号. */
export const KIND_MARKS: Readonly<Record<NoticeKind, string>> = {
  acknowledgement: '收',
  correction: '补',
  extension: '延',
  fee: '费',
  consultation_third_party: '征',
  consultation_agency: '征',
  reply: '答',
  disclosure_third_party: '告',
  reasons_request: '说',
  delayed_period: '迟',
};

/** Values for a document number. */
export type DocNoParts = { orgShortName: string; year: number; serial: number; kind: NoticeKind };

/** Error code for a bad pattern or serial. */
export const INVALID_DOC_NO = 'invalid_doc_no_pattern';

const TOKEN = /\{([^{}]*)\}/g;
const SERIAL = /^serial(?::(\d{1,2}))?$/;
const SIMPLE = ['orgShort', 'yyyy', 'yy', 'kind'];

/**
 * Checks a document number pattern: tokens {orgShort} {yyyy} {yy} {kind} {serial} {serial:N}; {serial} is required.
 * @returns the problems in Chinese; empty when the pattern is usable
 */
export function validateDocNoPattern(pattern: string): string[] {
  const problems: string[] = [];
  let serials = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    const token = match[1] ?? '';
    if (SERIAL.test(token)) serials++;
    else if (!SIMPLE.includes(token)) {
      problems.push(`未知的文号占位符“{${token}}”，可用：{orgShort} {yyyy} {yy} {kind} {serial} {serial:位数}`);
    }
  }
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) problems.push('文号格式中有不成对的花括号');
  if (serials !== 1) problems.push('文号格式必须且只能包含一个 {serial}（发文顺序号）');
  if (!pattern.includes('{yyyy}') && !pattern.includes('{yy}')) problems.push('文号格式应包含年份 {yyyy}');
  return problems;
}

/**
 * Formats a notice's document number.
 * @param pattern e.g. {@link DEFAULT_DOC_NO_PATTERN}; `{serial:N}` pads the serial to N digits
 * @param parts organization short name, year, serial (≥ 1) and notice kind
 * @returns the number, or a DomainError `invalid_doc_no_pattern`
 */
export function formatNoticeDocNo(pattern: string, parts: DocNoParts): Result<string, DomainError> {
  const problems = validateDocNoPattern(pattern);
  if (!Number.isSafeInteger(parts.serial) || parts.serial < 1) problems.push(`发文顺序号必须是正整数：${parts.serial}`);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) problems.push(`年份无效：${parts.year}`);
  if (problems.length > 0) return err(new DomainError(INVALID_DOC_NO, problems.join('；')));
  return ok(
    fillNumberPattern(pattern, parts.serial, (token) => {
      if (token === 'orgShort') return parts.orgShortName;
      if (token === 'yyyy') return String(parts.year);
      if (token === 'yy') return String(parts.year).slice(2);
      return KIND_MARKS[parts.kind];
    }),
  );
}

/**
 * Fills a numbering pattern (document numbers, 档号): `{serial}` and `{serial:N}` (padded to N digits) with the
 * serial, every other `{token}` with `value(token)`. The caller has checked the pattern's tokens.
 */
export function fillNumberPattern(pattern: string, serial: number, value: (token: string) => string): string {
  return pattern.replace(TOKEN, (_whole, token: string) => {
    const width = SERIAL.exec(token);
    return width ? String(serial).padStart(Number(width[1] ?? 0), '0') : value(token);
  });
}

/** The tokens of a numbering pattern, and how many of them are a serial. */
export function patternTokens(pattern: string): { tokens: string[]; serials: number } {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1] ?? '');
  return { tokens, serials: tokens.filter((t) => SERIAL.test(t)).length };
}

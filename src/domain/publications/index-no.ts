// 索引号 (Identifier): generated, unique and never changed (前段码/后段码, 后段码 = year + "-" +
// 5-digit serial). The pattern is configurable per organization.

import { DomainError } from '../core/domain-error.js';
import { err, ok, type Result } from '../core/result.js';
import { escapeRegExp } from '../core/text.js';

/** Error code of a bad pattern. */
export const INVALID_INDEX_PATTERN = 'invalid_index_pattern';

/** The default pattern: `{creditCode}/{yyyy}-{serial:5}`. */
export const DEFAULT_INDEX_PATTERN = '{creditCode}/{yyyy}-{serial:5}';

const TOKEN = /\{(creditCode|yyyy|serial(?::(\d))?)\}/g;

/** What a 索引号 is made of. */
export type IndexNoParts = { creditCode: string; year: number; serial: number };

/**
 * Checks a pattern: it must contain `{yyyy}` and `{serial}` (optionally `{serial:N}`, N 1–9) once,
 * no other `{…}` placeholder, and only printable characters without spaces.
 */
export function validateIndexPattern(pattern: string): Result<string, DomainError> {
  const bad = (m: string) => err(new DomainError(INVALID_INDEX_PATTERN, m));
  if (!/^[\x21-\x7e]{1,60}$/.test(pattern)) return bad('索引号格式只能由字母、数字和符号组成，不含空格，最长60个字符');
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1] ?? '');
  if (tokens.filter((t) => t === 'yyyy').length !== 1) return bad('索引号格式应含一个{yyyy}（年份）');
  if (tokens.filter((t) => t.startsWith('serial')).length !== 1) {
    return bad('索引号格式应含一个{serial}或{serial:5}（流水号）');
  }
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) {
    return bad('索引号格式中有不认识的占位符，可用{creditCode}、{yyyy}、{serial:5}');
  }
  return ok(pattern);
}

/**
 * Formats a 索引号.
 * @param pattern a valid pattern
 * @param parts credit code, year and serial
 * @throws DomainError when the serial does not fit its width (the year's numbers ran out)
 */
export function formatIndexNo(pattern: string, parts: IndexNoParts): string {
  return pattern.replace(TOKEN, (_m, token: string, width?: string) => {
    if (token === 'creditCode') return parts.creditCode;
    if (token === 'yyyy') return String(parts.year).padStart(4, '0');
    const digits = String(parts.serial);
    const w = width === undefined ? 1 : Number(width);
    if (width !== undefined && digits.length > w) {
      throw new DomainError(INVALID_INDEX_PATTERN, `本年度索引号流水号已超过${w}位`);
    }
    return digits.padStart(w, '0');
  });
}

/**
 * Whether a text could be a 索引号 made with a pattern (for imports that carry their own numbers,
 * only the general shape is checked: printable, no spaces, 4–60 characters).
 */
export function isPlausibleIndexNo(text: string): boolean {
  return /^[\x21-\x7e]{4,60}$/.test(text);
}

/**
 * Whether a text matches a pattern exactly (for a given credit code).
 * @returns true when it could have been produced by {@link formatIndexNo}
 */
export function matchesIndexPattern(pattern: string, creditCode: string, text: string): boolean {
  let re = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    re += escapeRegExp(pattern.slice(last, m.index));
    const token = m[1] ?? '';
    re +=
      token === 'creditCode' ? escapeRegExp(creditCode) : token === 'yyyy' ? '\\d{4}' : m[2] ? `\\d{${m[2]},}` : '\\d+';
    last = m.index + m[0].length;
  }
  return new RegExp(`^${re}${escapeRegExp(pattern.slice(last))}$`).test(text);
}

/** The counter key of an organization's serials in a year. */
export function indexNoCounterKey(orgId: string, year: number): string {
  return `indexno:${orgId}:${year}`;
}

/**
 * Personal data published by mistake: 18-digit 居民身份证 numbers with a valid check digit (GB 11643-1999
 * 公民身份号码, ISO 7064 MOD 11-2), mainland mobile numbers, and bank card numbers passing the Luhn check
 * (ISO/IEC 7812-1). The evidence is masked: the finding must not republish what it found.
 */

/** Kinds of personal data found. */
export type PiiKind = 'id_card' | 'mobile' | 'bank_card';

/** One match: its kind, masked value and offset. */
export interface PiiHit {
  kind: PiiKind;
  masked: string;
  offset: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 §8: the check digit of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

/** Whether an 18-character ID number has a valid birth date and check digit. */
export function validIdNumber(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idCheckDigit(id.slice(0, 17)) === id[17]?.toUpperCase();
}

/** Whether a digit string passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Keeps `head` and `tail` characters, stars in between: 1101**********002X. */
export function mask(value: string, head: number, tail: number): string {
  return value.slice(0, head) + '*'.repeat(Math.max(0, value.length - head - tail)) + value.slice(value.length - tail);
}

const DIGITS = /(?<![\dA-Za-z])\d[\d ]{9,22}[\dXx](?![\dA-Za-z])|(?<![\dA-Za-z])\d{11}(?![\dA-Za-z])/g;

/** Personal data in a text, in order. */
export function findPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const raw = m[0];
    const compact = raw.replace(/ /g, '');
    const offset = m.index;
    if (compact.length === 18 && validIdNumber(compact)) {
      hits.push({ kind: 'id_card', masked: mask(compact.toUpperCase(), 4, 4), offset });
    } else if (/^1[3-9]\d{9}$/.test(compact) && raw === compact) {
      hits.push({ kind: 'mobile', masked: mask(compact, 3, 4), offset });
    } else if (
      /^[3-6]\d{15,18}$/.test(compact) &&
      luhnValid(compact) &&
      (raw === compact || /^(\d{4} )+\d+$/.test(raw))
    ) {
      hits.push({ kind: 'bank_card', masked: mask(compact, 4, 4), offset });
    }
  }
  return hits;
}

/** Chinese names of the kinds. */
export const PII_LABELS: Record<PiiKind, string> = {
  id_card: '居民身份证号码',
  mobile: '手机号码',
  bank_card: '银行卡号',
};

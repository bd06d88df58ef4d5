// Chinese weak-password patterns (docs/security/accounts.md): a common password of Chinese users, a dictionary word
// with a year or a few digits ("Admin@2026"), a pinyin name with a birth date or digits ("zhangsan1990"), a birth
// date or a number pattern alone, an identity card number (居民身份证号码, GB 11643: 6-digit area code, birth date,
// sequence, check digit) or its first 14 digits, a keyboard walk, and the site's, the organizations' and the
// account's own names. Pure: the inputs (site words, codes, username, email) are parameters.
import {
  COMMON_CHINESE_PASSWORDS,
  COMMON_NUMBERS,
  KEYBOARD_WALKS,
  PINYIN_SURNAMES,
  PINYIN_SYLLABLES,
  WEAK_WORDS,
} from './chinese-password-data.js';

/** What the password must not be built from, besides the built-in lists. */
export type PasswordInputs = {
  username: string;
  /** The account's email address (its local part counts). */
  email?: string;
  /** Other words: the site's and the organizations' latin names, organizations' credit codes. */
  words?: readonly string[];
};

/** Why a password is refused: its Chinese reason. */
export const WEAK_PASSWORD_REASONS = {
  common: '密码包含常见弱口令',
  wordAndYear: '密码由常见单词加年份或数字组成',
  nameAndDate: '密码包含拼音姓名和日期',
  idNumber: '密码包含身份证号码',
  digits: '密码是出生日期或常见数字组合',
  keyboard: '密码是键盘上相邻按键的组合',
  personal: '密码包含网站名称、机构名称或本人账号信息',
} as const;

/** Built-in words always treated as the site's own (the product, the government, the administrator). */
const SITE_WORDS = ['gongkai', 'zhengfu', 'admin'];

/** Letters between two letters that stand for letters ("p@ssw0rd"). */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '3': 'e', $: 's', '5': 's', '!': 'i' };

const deleet = (s: string): string => s.replace(/(?<=[a-z])[@40135$!](?=[a-z])/g, (c) => LEET[c] ?? c);

/** Whether `s` splits into pieces each accepted by `piece` (longest first), in at most `max` pieces. */
function splits(s: string, piece: (p: string) => boolean, max: number, minLen = 1): boolean {
  const best: number[] = Array.from({ length: s.length + 1 }, () => Infinity);
  best[0] = 0;
  for (let i = 0; i < s.length; i++) {
    if ((best[i] ?? Infinity) >= max) continue;
    for (let j = s.length; j >= i + minLen; j--) {
      if (piece(s.slice(i, j))) best[j] = Math.min(best[j] ?? Infinity, (best[i] ?? 0) + 1);
    }
  }
  return (best[s.length] ?? Infinity) <= max;
}

const validMonthDay = (mm: string, dd: string): boolean => {
  const [m, d] = [Number(mm), Number(dd)];
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
};

/** A year 1900–2099, a date yyyymmdd, yymmdd or mmdd. */
export function isDate(d: string): boolean {
  if (/^(19|20)\d\d$/.test(d)) return true;
  if (/^(19|20)\d{6}$/.test(d)) return validMonthDay(d.slice(4, 6), d.slice(6, 8));
  if (/^\d{6}$/.test(d)) return validMonthDay(d.slice(2, 4), d.slice(4, 6));
  if (/^\d{4}$/.test(d)) return validMonthDay(d.slice(0, 2), d.slice(2, 4));
  return false;
}

const ASCENDING = '01234567890123456789';
const DESCENDING = '98765432109876543210';

/** One piece of a weak number: a common number, a date, a run up or down, a digit repeated. */
const numberPiece = (p: string): boolean =>
  COMMON_NUMBERS.includes(p) ||
  isDate(p) ||
  (p.length >= 3 && (ASCENDING.includes(p) || DESCENDING.includes(p) || /^(\d)\1+$/.test(p)));

/** Digits a guesser tries first: up to 4 digits, or at most three pieces of dates and number patterns. */
export function isWeakNumber(d: string): boolean {
  return d.length <= 4 || /^(\d{1,3})\1+$/.test(d) || splits(d, numberPiece, 3);
}

/** A keyboard walk: pieces of three or more keys along a row, a column or a zigzag. */
export function isKeyboardWalk(s: string): boolean {
  const along = (p: string) => KEYBOARD_WALKS.some((w) => w.includes(p) || [...w].reverse().join('').includes(p));
  return s.length >= 3 && splits(s, along, 4, 3);
}

/** A pinyin name: a common surname and a given name of one or two syllables ("zhangsan", "ouyangxiaoming"). */
export function isPinyinName(letters: string): boolean {
  return PINYIN_SURNAMES.some((surname) => {
    if (!letters.startsWith(surname)) return false;
    const given = letters.slice(surname.length);
    return given.length > 0 && splits(given, (p) => PINYIN_SYLLABLES.has(p), 2);
  });
}

/** An identity card number or its first 14 digits (area code and birth date), anywhere in the password. */
export function containsIdNumber(password: string): boolean {
  const re = /[1-8]\d{5}(?:19|20)\d\d(\d\d)(\d\d)/g;
  for (const m of password.matchAll(re)) {
    if (validMonthDay(m[1] ?? '', m[2] ?? '')) return true;
  }
  return false;
}

/** The words of the account and the site a password must not be built on, lower case. */
function personalWords(inputs: PasswordInputs): string[] {
  const local = (inputs.email ?? '').split('@')[0] ?? '';
  const parts = [inputs.username, local, ...local.split(/[._+-]/), ...(inputs.words ?? []), ...SITE_WORDS];
  return [...new Set(parts.map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((w) => w.length >= 3))];
}

/** A common password alone, or with a few weak digits or symbols around it. */
function isCommonPassword(alnum: string): boolean {
  return COMMON_CHINESE_PASSWORDS.some((entry) => {
    const at = alnum.indexOf(entry);
    if (at < 0) return false;
    const rest = alnum.slice(0, at) + alnum.slice(at + entry.length);
    return /^\d*$/.test(rest) && isWeakNumber(rest);
  });
}

/**
 * Checks a password against the Chinese weak-password patterns.
 * @returns the Chinese reason of the first pattern found, or null
 */
export function weakPasswordReason(password: string, inputs: PasswordInputs): string | null {
  const alnum = password.toLowerCase().replace(/[^a-z0-9]/g, '');
  const unleet = deleet(password.toLowerCase()).replace(/[^a-z0-9]/g, '');
  const letters = unleet.replace(/\d/g, '');
  const digits = alnum.replace(/[a-z]/g, '');
  const fewDigits = digits.length <= 6 || isWeakNumber(digits);
  if (containsIdNumber(password)) return WEAK_PASSWORD_REASONS.idNumber;
  if (isCommonPassword(alnum) || isCommonPassword(unleet)) return WEAK_PASSWORD_REASONS.common;
  if (letters === '' && isWeakNumber(digits)) return WEAK_PASSWORD_REASONS.digits;
  const personal = personalWords(inputs);
  if (personal.some((w) => alnum.includes(w) && (letters === w.replace(/\d/g, '') || w.length >= 10))) {
    return WEAK_PASSWORD_REASONS.personal;
  }
  if (letters !== '' && isKeyboardWalk(alnum)) return WEAK_PASSWORD_REASONS.keyboard;
  if (letters !== '' && fewDigits && (WEAK_WORDS.has(letters) || isKeyboardWalk(letters))) {
    return WEAK_PASSWORD_REASONS.wordAndYear;
  }
  if (letters.length <= 3 && letters !== '' && isWeakNumber(digits)) return WEAK_PASSWORD_REASONS.common;
  if (fewDigits && isPinyinName(alnum.replace(/\d/g, ''))) return WEAK_PASSWORD_REASONS.nameAndDate;
  return null;
}

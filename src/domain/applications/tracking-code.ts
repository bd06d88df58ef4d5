// 查询码 (tracking code): what an applicant types on /track to follow a case without an account;
// and the masking of identity numbers in lists (lists never show a whole document number).
//
// Shape: 11 random characters + 1 check character, shown in groups of four: `7KQM-4XWD-P2HC`.
// Alphabet: 32 symbols without 0/O, 1/I (and so without the L/1 confusion either), so each random
// byte maps to one symbol without bias (256 = 8 × 32) and 11 symbols carry 55 bits — far beyond
// guessing under the /track rate limit. Check character: Luhn mod N (N = 32), which catches every
// single mistyped character and most swaps of neighbours. Randomness is a parameter: the domain
// has no entropy source.

import { DomainError } from '../core/domain-error.js';
import { err, ok, type Result } from '../core/result.js';

/** The 32 symbols, in value order. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Random symbols per code (the 12th is the check character). */
export const TRACKING_RANDOM_LENGTH = 11;
/** Error code for a malformed code. */
export const INVALID_TRACKING_CODE = 'invalid_tracking_code';

const N = TRACKING_ALPHABET.length;
const GROUP = 4;

/**
 * Builds a tracking code from random bytes (e.g. `crypto.randomBytes(11)` at the edge).
 * @param randomBytes at least {@link TRACKING_RANDOM_LENGTH} bytes; only the first 11 are used
 * @returns the canonical grouped code, e.g. `7KQM-4XWD-P2HC`
 * @throws DomainError `invalid_tracking_code` when fewer than 11 bytes are given
 */
export function formatTrackingCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < TRACKING_RANDOM_LENGTH) {
    throw new DomainError(INVALID_TRACKING_CODE, `生成查询码需要至少 ${TRACKING_RANDOM_LENGTH} 个随机字节`);
  }
  const body = Array.from(randomBytes.subarray(0, TRACKING_RANDOM_LENGTH), (b) => TRACKING_ALPHABET[b % N] ?? '').join(
    '',
  );
  return group(body + checkCharacter(body));
}

/**
 * Reads a code as typed: case, spaces and hyphens do not matter.
 * @param input what the applicant typed
 * @returns the canonical grouped code, or `invalid_tracking_code`
 */
export function parseTrackingCode(input: string): Result<string, DomainError> {
  const compact = input.toUpperCase().replace(/[\s\-－—_]/g, '');
  const bad = new DomainError(INVALID_TRACKING_CODE, '查询码格式不正确');
  if (compact.length !== TRACKING_RANDOM_LENGTH + 1 || [...compact].some((c) => !TRACKING_ALPHABET.includes(c))) {
    return err(bad);
  }
  const body = compact.slice(0, TRACKING_RANDOM_LENGTH);
  return compact.slice(TRACKING_RANDOM_LENGTH) === checkCharacter(body) ? ok(group(compact)) : err(bad);
}

/**
 * @param input a candidate code
 * @returns true when {@link parseTrackingCode} accepts it
 */
export function isValidTrackingCode(input: string): boolean {
  return parseTrackingCode(input).ok;
}

/**
 * Luhn mod N check character over symbols of {@link TRACKING_ALPHABET}.
 * @param body the random symbols
 * @returns the check symbol
 */
export function checkCharacter(body: string): string {
  let total = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const addend = factor * TRACKING_ALPHABET.indexOf(body[i] ?? '');
    total += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return TRACKING_ALPHABET[(N - (total % N)) % N] ?? '';
}

/**
 * Masks an identity document number for lists: keeps the first 3 and last 4 characters
 * (`110***********1234`). Numbers of 7 characters or fewer keep only the first character, so a
 * short number is never shown whole.
 * @param idNumber the full number
 * @returns the masked number ('' stays '')
 */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber.trim()];
  if (chars.length === 0) {
    return '';
  }
  if (chars.length <= 7) {
    return chars[0] + '*'.repeat(chars.length - 1);
  }
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

/**
 * Masks a natural person's name for lists and cards: keeps the first character (the surname in most names) and
 * hides the rest (`张**`); a one-character name becomes `*`. A legal person's name is not personal data and is
 * not passed here.
 * @param name the name as typed
 * @returns the masked name ('' stays '')
 */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) {
    return '*'.repeat(chars.length);
  }
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * Masks an email address for lists: keeps the first character of the local part and the whole domain
 * (`z***@example.com`), so staff can tell where mail goes without reading the applicant's address.
 * @param address the address as stored
 * @returns the masked address (an address without `@` is masked as a whole)
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return maskPersonName(address);
  const local = [...address.slice(0, at)];
  return `${local[0] ?? ''}***${address.slice(at)}`;
}

function group(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

// Format checks for the applicant's identity and contact fields (art. 29 para 2 item 1: 身份证明、
// 联系方式). Each returns a Chinese message for the form, or null when the value is acceptable.

/** ISO 7064 MOD 11-2 weights for the first 17 digits of a resident ID number (GB 11643-1999 §8.2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for each value of the weighted sum mod 11 (GB 11643-1999: 10 is written X). */
const ID_CHECK = '10X98765432';

/**
 * The check character of an 18-character 居民身份证号码 (公民身份号码, GB 11643-1999), ISO 7064 MOD 11-2.
 * @param first17 the 17 leading digits
 * @returns `0`–`9` or `X`, or null when the input is not 17 digits
 */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) {
    return null;
  }
  let total = 0;
  for (let i = 0; i < 17; i += 1) {
    total += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  }
  return ID_CHECK[total % 11] ?? null;
}

/**
 * Validates a resident ID number: 18 characters, region code starting 1–8, a real date of birth
 * (years 1900–2099) at positions 7–14, and the MOD 11-2 check character (a lowercase x is accepted).
 * @param value the number as typed
 * @returns a Chinese message, or null when valid
 */
export function residentIdError(value: string): string | null {
  const id = value.trim().toUpperCase();
  if (!/^[1-8]\d{16}[\dX]$/.test(id)) {
    return '居民身份证号码应为18位，前17位为数字，末位为数字或X';
  }
  if (!isRealDate(id.slice(6, 14))) {
    return '居民身份证号码中的出生日期不正确';
  }
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? null : '居民身份证号码校验位不正确，请核对';
}

/**
 * Canonical phone form: spaces removed, a leading +86/0086 dropped, full-width digits and hyphens folded.
 * @param value the phone number as typed
 * @returns the normalized number
 */
export function normalizePhone(value: string): string {
  const halfWidth = value
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—]/g, '-');
  return halfWidth.replace(/\s+/g, '').replace(/^(\+86|0086)-?/, '');
}

/**
 * Mobile (1[3-9] and 9 more digits) or landline with area code (0 + 2–3 digits, then 7–8 digits,
 * optional extension), e.g. `13812345678`, `010-12345678`, `(0571)87654321`, `0512-6512345-802`.
 * @param value the number as typed
 * @returns a Chinese message, or null when valid
 */
export function phoneError(value: string): string | null {
  const phone = normalizePhone(value);
  if (/^1[3-9]\d{9}$/.test(phone) || /^(0\d{2,3}-?|\(0\d{2,3}\))\d{7,8}(-\d{1,6})?$/.test(phone)) {
    return null;
  }
  return '电话号码格式不正确：手机号为11位，固定电话须带区号（如 010-12345678）';
}

/**
 * A plain address check: one @, no spaces, a dot in the domain, at most 254 characters.
 * @param value the email address
 * @returns a Chinese message, or null when valid
 */
export function emailError(value: string): string | null {
  const email = value.trim();
  if (email.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) {
    return null;
  }
  return '电子邮箱格式不正确';
}

/**
 * @param value the postcode
 * @returns a Chinese message, or null when it is 6 digits
 */
export function postcodeError(value: string): string | null {
  return /^\d{6}$/.test(value.trim()) ? null : '邮政编码应为6位数字';
}

function isRealDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) {
    return false;
  }
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

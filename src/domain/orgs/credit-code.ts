// Unified social credit code (统一社会信用代码) validation, per GB 32100-2015.

// GB 32100-2015 §4: the code uses the digits and 21 capital letters, excluding I, O, Z, S and V.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 §5 (check character): weights W_i = 3^(i-1) mod 31 for positions 1–17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Computes the 18th (check) character for the first 17 characters of a credit code.
 * @returns the check character, or null if the input is not 17 valid characters
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) {
    return null;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) {
      return null;
    }
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c] ?? null;
}

/**
 * Validates a unified social credit code: 18 characters from the GB 32100 set with a correct check character.
 * @returns a Chinese error message, or null when valid
 */
export function creditCodeError(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return '统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）';
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return '统一社会信用代码校验位不正确';
  }
  return null;
}

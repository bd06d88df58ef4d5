// Amounts of money in Chinese capital numerals (人民币大写), as fee notices print them next to the figure.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

/**
 * Writes an amount of yuan in capitals, e.g. 5500 → 伍仟伍佰元整, 1005.3 → 壹仟零伍元叁角.
 * @param yuan a non-negative amount with at most two decimals, below 10^16 fen
 * @returns the capital form
 * @throws RangeError for negative, non-finite or too large amounts
 */
export function amountInWords(yuan: number): string {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || fen < 0 || !Number.isSafeInteger(fen)) {
    throw new RangeError(`金额无效：${yuan}`);
  }
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const head = whole === 0 && fen > 0 ? '' : `${integerInWords(whole)}元`;
  if (jiao === 0 && cents === 0) return `${head}整`;
  const jiaoPart = jiao > 0 ? `${DIGITS[jiao]}角` : whole > 0 ? '零' : '';
  return `${head}${jiaoPart}${cents > 0 ? `${DIGITS[cents]}分` : ''}`;
}

function integerInWords(n: number): string {
  if (n === 0) return DIGITS[0] ?? '零';
  const text = String(n);
  let out = '';
  let pendingZero = false;
  let groupHasDigit = false;
  for (let i = 0; i < text.length; i++) {
    const d = Number(text[i]);
    const pos = text.length - 1 - i;
    if (d === 0) {
      pendingZero = out !== '';
    } else {
      out += `${pendingZero ? '零' : ''}${DIGITS[d]}${SMALL_UNITS[pos % 4]}`;
      pendingZero = false;
      groupHasDigit = true;
    }
    if (pos % 4 === 0 && pos > 0) {
      if (groupHasDigit) out += GROUP_UNITS[pos / 4] ?? '';
      groupHasDigit = false;
    }
  }
  return out;
}

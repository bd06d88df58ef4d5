/**
 * The report's identity as its text states it: year (title first, then the statistical period
 * "统计期限自2020年1月1日", then the first year mentioned), issuer and contact details.
 */

const TITLE_YEAR =
  /(\d{4})\s*年\s*度?\s*[^\n。，,]{0,24}?政\s*府\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:报\s*告|年\s*报)/;
const PERIOD_YEAR = /(?:统计期限|统计周期|统计时限|数据期限)[^\d]{0,8}(\d{4})\s*年\s*1\s*月\s*1\s*日/;
const ANY_YEAR = /(20[12]\d)\s*年/;

function yearOf(m: RegExpMatchArray | null): number | null {
  const y = m ? Number(m[1]) : NaN;
  return y >= 2008 && y <= 2100 ? y : null;
}

/** The report year. */
export function findYear(text: string): number | null {
  const head = text.slice(0, 1500);
  return yearOf(head.match(TITLE_YEAR)) ?? yearOf(text.match(PERIOD_YEAR)) ?? yearOf(text.match(ANY_YEAR));
}

const ISSUER_PATTERNS = [
  /本报告由\s*([^\s，,。、()]{2,30}?)\s*(?:根据|依据|按照|编制)/,
  /^\s*(?:标题[:：]\s*)?([^\s\d，,。|]{2,30}?)\s*\d{4}\s*年\s*度?\s*政府信息公开(?:工作)?年度报告/m,
  /请与\s*([^\s，,。、()]{2,30}?)\s*联系/,
];

/** The issuing body, when the text names it. */
export function findIssuer(text: string): string | null {
  for (const re of ISSUER_PATTERNS) {
    const m = text.match(re);
    const name = m?.[1]?.trim();
    if (name && /(政府|局|办|委|厅|院|中心|室|区|县|市|镇|乡|街道|管委会)/.test(name)) return name;
  }
  return null;
}

/** Contact details of the disclosure office (地址, 邮编, 电话). */
export function findContact(text: string): { address: string | null; postcode: string | null; phone: string | null } {
  const address = text.match(/(?:联系)?地址\s*[:：]\s*([^,，;；。)\n]{2,80})/)?.[1]?.trim() ?? null;
  const postcode = text.match(/邮\s*编\s*[:：]?\s*(\d{6})/)?.[1] ?? null;
  const phone = text.match(/电\s*话\s*[:：]?\s*([\d][\d\s\-—]{5,20}\d)/)?.[1]?.replace(/\s+/g, '') ?? null;
  return { address, postcode, phone };
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE = /统\s*一\s*社\s*会\s*信\s*用\s*代\s*码\s*(?:[:：]|为)?\s*([0-9A-Za-z]{18})(?![0-9A-Za-z])/;

/** True when an 18-character 统一社会信用代码 has a valid check character (GB 32100-2015). */
export function validCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(code[i]!) * CODE_WEIGHTS[i]!;
  return CODE_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

/** The issuer's 统一社会信用代码 when the text states one after that label and its check character is right. */
export function findCreditCode(text: string): string | null {
  const code = text.match(CREDIT_CODE)?.[1]?.toUpperCase();
  return code && validCreditCode(code) ? code : null;
}

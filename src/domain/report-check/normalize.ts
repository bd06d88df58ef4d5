/**
 * Text normalisation for published reports. Every step maps one UTF-16 code unit to exactly one,
 * so an offset in the normalised text is the same offset in the text as read (findings cite it).
 * - traditional → simplified (trad-simp.ts);
 * - full-width digits, letters and table symbols → ASCII; （ ） → ( ); 【】［］ → [ ];
 * - ideographic space, no-break space, zero-width characters, carriage returns → space;
 * - inline pinyin annotations of mirror sites such as 開(kāi) → blanked.
 */
import { TRAD_TO_SIMP } from './trad-simp.js';

const SYMBOLS: Record<string, string> = {
  '（': '(',
  '）': ')',
  '【': '[',
  '】': ']',
  '［': '[',
  '］': ']',
  '＋': '+',
  '－': '-',
  '．': '.',
  '／': '/',
  '｜': '|',
  '％': '%',
  '＝': '=',
  '＿': '_',
  '﹢': '+',
  '﹣': '-',
  '−': '-',
  '\u3000': ' ',
  '\u00a0': ' ',
  '\u200b': ' ',
  '\u200c': ' ',
  '\u200d': ' ',
  '\ufeff': ' ',
  '\u00ad': ' ',
  '\r': ' ',
  '\t': ' ',
  '\f': '\n',
  '\v': '\n',
};

function mapChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
    return String.fromCharCode(code - 0xfee0);
  }
  return SYMBOLS[ch] ?? TRAD_TO_SIMP.get(ch) ?? ch;
}

const PINYIN = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)/g;

/** Normalises a report text; the result has exactly the input's length. */
export function normalizeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += mapChar(text[i]!);
  return out.replace(PINYIN, (m, p: string) => (/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/.test(p) ? ' '.repeat(m.length) : m));
}

/** Blanks page furniture that breaks tables (page footers like "-3-", flip-book "P. 9") keeping offsets. */
export function blankPageFurniture(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/^[ \t]*-\s*\d{1,3}\s*-[ \t]*$/gm, blank)
    .replace(/^[ \t]*(?:P\.\s*\d{1,3}|Page\s+\d{1,3}\s+-[^\n]*)[ \t]*$/gm, blank)
    .replace(/^[ \t]*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$/gm, blank);
}

/** A regex source matching `words` with optional whitespace between characters (PDF text splits words). */
export function loose(words: string): string {
  return Array.from(words)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s*');
}

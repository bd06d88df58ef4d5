/**
 * Text normalisation for published reports. Every step maps one UTF-16 code unit to exactly one,
 * so an offset in the normalised text is the same offset in the text as read (findings cite it).
 * - traditional → simplified (trad-simp.ts);
 * - full-width digits, letters and table symbols → ASCII; （ ） → ( ); 【】［］ → [ ];
 * - ideographic space, no-break space, zero-width characters, carriage returns → space;
 * - inline pinyin annotations of mirror sites such as 開(kāi) → blanked.
 */
import { TRAD_TO_SIMP } from './trad-simp.js';
import { escapeRegExp } from '../core/text.js';

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

/**
 * The replacement of every code unit (0 = unchanged), built in the order of precedence: full-width
 * digits and letters over SYMBOLS over traditional characters (all single BMP code units).
 */
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  const set = (from: string, to: string): void => {
    table[from.charCodeAt(0)] = from === to ? 0 : to.charCodeAt(0);
  };
  for (const [from, to] of TRAD_TO_SIMP) set(from, to);
  for (const [from, to] of Object.entries(SYMBOLS)) set(from, to);
  for (const [a, b] of [
    [0xff10, 0xff19],
    [0xff21, 0xff3a],
    [0xff41, 0xff5a],
  ] as const) {
    for (let code = a; code <= b; code++) table[code] = code - 0xfee0;
  }
  return table;
})();

/** Applies TABLE; returns `text` itself when nothing changes (the usual case for simplified text). */
function mapChars(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const to = TABLE[text.charCodeAt(i)]!;
    if (to !== 0) {
      out += text.slice(last, i) + String.fromCharCode(to);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

const PINYIN = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)/g;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/;

/** Normalises a report text; the result has exactly the input's length. */
export function normalizeText(text: string): string {
  const out = mapChars(text);
  return out.replace(PINYIN, (m, p: string) => (TONE.test(p) ? ' '.repeat(m.length) : m));
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
  return Array.from(words).map(escapeRegExp).join('\\s*');
}

// Chinese full-text search, the pure part: a CJK bigram tokeniser shared by SQLite FTS5 and
// PostgreSQL tsvector (docs/decisions/0008-search-index.md), the query parser, and the snippet highlighter.
//
// Indexing: Han runs become overlapping bigrams (a run of one character becomes a unigram);
// runs of other letters and digits become one lower-cased word; everything else separates.
// Full-width ASCII is folded to ASCII and letters are lower-cased, so ＧＢ３２１００ finds GB32100.
//
// Querying: the query splits on whitespace (a "quoted phrase" stays one term). Each term is cut
// into segments (Han runs and word runs); segments of one character are dropped (a single Han
// character inside a longer run is not indexed on its own), and each maximal chain of the
// remaining adjacent segments becomes one phrase of tokens: 河长 → [河长]; 财政预算 → [财政 政预 预算];
// 示政发〔2021〕15号 → [示政 政发 2021 15].
//
// Matching (matchPlan): a quoted term's phrases must match as phrases; an unquoted term matches when
// every one of its tokens occurs anywhere in the item, so 河长制实施办法 finds an item about 河长制 and
// its 实施办法 once the partial fallback leaves out the one bigram (制实) no item has. Items where an
// unquoted term's chain stands together rank first. When nothing matches, partialGroups leaves out
// the fewest units that give results (the page labels them partial matches).

/**
 * One term of a query: its normalised text, its token chains, the texts to highlight, and whether it
 * was quoted (a phrase) or not (its tokens anywhere).
 */
export type SearchTerm = { text: string; phrases: string[][]; needles: string[]; quoted: boolean };

const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Folds one UTF-16 unit: full-width ASCII to ASCII, ideographic space to space, lower case. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    return String.fromCharCode(code - 0xfee0).toLowerCase();
  }
  if (code === 0x3000) {
    return ' ';
  }
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

/** Printable ASCII, tab, line breaks, U+3000–U+9FFF (CJK symbols, kana, ideographs) and full-width forms only. */
const COMMON_TEXT = /^[\t\n\r\u0020-\u007e\u3000-\u9fff\uff01-\uff5e]*$/;
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const fromFullWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * Normalises text for matching, keeping every UTF-16 index in place (one unit in, one unit out),
 * so positions found in the normalised text are positions in the original.
 */
export function normalize(text: string): string {
  // Fast path for the usual text (ASCII, CJK symbols and ideographs, full-width forms): none of it changes length
  // when lower-cased, so one native pass per step gives what foldChar gives unit by unit.
  if (COMMON_TEXT.test(text)) {
    return text.replace(FULL_WIDTH, fromFullWidth).replaceAll('\u3000', ' ').toLowerCase();
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += foldChar(text[i] ?? '');
  }
  return out;
}

type Run = { text: string; start: number; end: number; han: boolean };

function runs(norm: string): Run[] {
  const out: Run[] = [];
  for (const m of norm.matchAll(RUN)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, han: HAN.test(m[0]) });
  }
  return out;
}

function runTokens(run: Run): string[] {
  if (!run.han) {
    return [run.text];
  }
  const chars = Array.from(run.text);
  if (chars.length === 1) {
    return chars;
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/**
 * Tokens of a text for indexing, in order (positions matter for phrases).
 * @param text any text (title, body as plain text, 文号)
 * @returns bigrams of Han runs, unigrams of single Han characters, lower-cased words otherwise
 */
export function tokenize(text: string): string[] {
  return runs(normalize(text)).flatMap(runTokens);
}

function splitTerms(q: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  for (const m of normalize(q).matchAll(/"([^"]*)"|“([^”]*)”|(\S+)/gu)) {
    const t = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (t) {
      out.push({ text: t, quoted: m[3] === undefined });
    }
  }
  return out;
}

function termOf({ text, quoted }: { text: string; quoted: boolean }): SearchTerm {
  const phrases: string[][] = [];
  const needles: string[] = [];
  let current: string[] = [];
  for (const run of runs(text)) {
    // A dropped one-character segment breaks the chain: its neighbours are not adjacent tokens.
    if (Array.from(run.text).length < 2) {
      if (current.length > 0) phrases.push(current);
      current = [];
      continue;
    }
    const tokens = runTokens(run);
    current.push(...tokens);
    // An unquoted term highlights each token wherever it stands (overlapping hits merge into words).
    needles.push(...(quoted ? [run.text] : tokens));
  }
  if (current.length > 0) phrases.push(current);
  return { text, phrases, needles: [...new Set(needles)], quoted };
}

/**
 * Parses a search box entry into terms.
 * @param q what the visitor typed
 * @returns terms with at least one phrase (empty when nothing searchable remains)
 */
export function parseQuery(q: string): SearchTerm[] {
  return splitTerms(q.slice(0, 200))
    .map(termOf)
    .filter((t) => t.phrases.length > 0)
    .slice(0, 8);
}

/** Every phrase of every term, as token lists. */
export function queryPhrases(terms: readonly SearchTerm[]): string[][] {
  return terms.flatMap((t) => t.phrases);
}

/** What a query asks of the index. */
export type MatchPlan = {
  /**
   * Units that must all match, each a token list matched as a phrase: a quoted term's phrases, and
   * each token of an unquoted term on its own. No duplicates.
   */
  units: string[][];
  /** Chains of more than one token of unquoted terms: items where they stand together rank first. */
  together: string[][];
};

/**
 * The units and ranking chains of a parsed query.
 * @param terms the parsed query
 * @returns the match plan (empty units when nothing is searchable)
 */
export function matchPlan(terms: readonly SearchTerm[]): MatchPlan {
  const units = new Map<string, string[]>();
  const together: string[][] = [];
  for (const t of terms) {
    for (const phrase of t.phrases) {
      if (t.quoted) {
        units.set(phrase.join(' '), phrase);
        continue;
      }
      for (const token of phrase) units.set(token, [token]);
      if (phrase.length > 1) together.push(phrase);
    }
  }
  return { units: [...units.values()], together };
}

/** At most this many AND-groups in one partial query (the OR of them goes to the index). */
export const MAX_PARTIAL_GROUPS = 64;

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...rest] = items as [T, ...T[]];
  return [...combinations(rest, k - 1).map((c) => [head, ...c]), ...combinations(rest, k)];
}

/**
 * A partial query: the OR of every way of keeping all units but `drop` of them. Items it finds, when the
 * full query found none, match exactly `units.length - drop` units: the most any item matches.
 * @param units the plan's units
 * @param drop how many units each group leaves out (1 first, then 2, …)
 * @returns the AND-groups, or null when leaving out that many would keep fewer than half the units or
 *   need more than MAX_PARTIAL_GROUPS groups
 */
export function partialGroups(units: readonly string[][], drop: number): string[][][] | null {
  const keep = units.length - drop;
  if (drop < 1 || keep < 1 || keep < Math.ceil(units.length / 2)) return null;
  let count = 1;
  for (let i = 0; i < drop; i++) count = (count * (units.length - i)) / (i + 1);
  if (count > MAX_PARTIAL_GROUPS) return null;
  return combinations(units, keep);
}

/**
 * The key an identifier is compared by: letters and digits only, folded, a trailing 号 removed, so
 * 示政发〔2021〕15号, 示政发[2021]15号 and 示政发（2021）15 compare equal, and a 索引号 matches with or
 * without its separators.
 * @returns the key, or '' when the text has no digit (not an identifier)
 */
export function identifierKey(text: string): string {
  const key = normalize(text)
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/号$/u, '');
  return /\p{N}/u.test(key) && key.length >= 4 ? key : '';
}

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
// remaining adjacent segments becomes one phrase of tokens. Every phrase of every term must match
// (AND). So 河长 → phrase [河长]; 财政预算 → [财政 政预 预算]; 示政发〔2021〕15号 → [示政 政发 2021 15].

/** One term of a query: its normalised text and the token phrases that must all match. */
export type SearchTerm = { text: string; phrases: string[][]; needles: string[] };

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

/**
 * Normalises text for matching, keeping every UTF-16 index in place (one unit in, one unit out),
 * so positions found in the normalised text are positions in the original.
 */
export function normalize(text: string): string {
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

function splitTerms(q: string): string[] {
  const out: string[] = [];
  for (const m of normalize(q).matchAll(/"([^"]*)"|“([^”]*)”|(\S+)/gu)) {
    const t = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (t) {
      out.push(t);
    }
  }
  return out;
}

function termOf(text: string): SearchTerm {
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
    current.push(...runTokens(run));
    needles.push(run.text);
  }
  if (current.length > 0) phrases.push(current);
  return { text, phrases, needles };
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

/** Every phrase of every term, as token lists (the AND of them is the query). */
export function queryPhrases(terms: readonly SearchTerm[]): string[][] {
  return terms.flatMap((t) => t.phrases);
}

/**
 * Markup carried in a script's string literals. Some report pages are written by a script
 * (`document.write("<table>…")`, `let content = "<p style='…'>…<table>…"`, JSON-escaped HTML, a page
 * built piece by piece with `html += '…'`, an array of lines joined, percent-encoded markup): the
 * script is scanned once, left to right, for its string literals (quotes, apostrophes, template
 * literals; comments skipped; a literal not closed on its line ends there), each literal is unescaped
 * as JavaScript, literals joined by a bare `+` are read as one string (decoded when it is
 * percent-encoded markup, `unescape("%3Cp%3E…")`), and the markup is the strings from the first that
 * holds a tag to the last, joined with nothing as the script would join them: those that hold a tag,
 * and between them those the code appends (after `+`, `+=`, `,`, `[`, `write(`, `push(`, …: a figure
 * or a piece of a tag cut off in its own literal). A string read before on the same page is read once
 * when it holds a passage of text (a page that repeats its content); short strings (`<tr>`, a header
 * row) may repeat. The scan is linear in the script's length.
 */

/** The start of an HTML tag: `<p`, `</td`, `<table `. */
const TAG = /<\/?[a-z][a-z0-9]*[\s/>]/i;

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '', t: '\t', b: '', f: '', v: '', 0: '' };

/** A JavaScript string literal's body (between its quotes) with its escapes resolved. */
export function unescapeJs(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_m, e: string) => {
    if (e[0] === 'u' || e[0] === 'x') {
      const code = parseInt(e.replace(/[ux{}]/g, ''), 16);
      return code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    if (e === '\n' || e === '\r' || e === '\r\n' || e === '\u2028' || e === '\u2029') return ''; // line continuation
    return SIMPLE_ESCAPES[e] ?? e;
  });
}

/**
 * One literal: its unescaped text, whether a bare `+` joins it to the literal before, and whether the
 * code before it appends it to something (`+`, `+=`, `,`, `[`, `write(`, `push(`, …).
 */
type Literal = { text: string; joined: boolean; appended: boolean };

/** The end of the code before a literal that appends it to the markup being built. */
const APPENDS = /(?:\+=?|,|\[|(?:write|writeln|push|concat|append|prepend|html|join|add)\()$/;
/** Non-space characters kept of the code between two literals, from its end. */
const TAIL = 12;

/** Where a quoted literal opened at `start` ends: the index of its closing quote, or of the line end. */
function quotedEnd(src: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === quote || c === '\n') return i;
    else i++;
  }
  return src.length;
}

/** A template literal's text parts (substitutions dropped) and the index of its closing backtick. */
function templateLiteral(src: string, start: number): { text: string; end: number } {
  let text = '';
  let from = start + 1;
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === '`') break;
    else if (c === '$' && src[i + 1] === '{') {
      text += src.slice(from, i);
      let depth = 0;
      for (i += 1; i < src.length; i++) {
        if (src[i] === '{') depth++;
        else if (src[i] === '}' && --depth === 0) break;
      }
      from = ++i;
    } else i++;
  }
  return { text: unescapeJs(text + src.slice(from, Math.min(i, src.length))), end: i };
}

/** Every string literal of a script, in order. */
export function scriptLiterals(src: string): Literal[] {
  const out: Literal[] = [];
  // The code between the last literal and the next (whitespace and comments left out): its first
  // 3 characters and its last TAIL.
  let between = '';
  let tail = '';
  /** A literal ending before `end`; a key (`{"time": …}`) is not appended whatever comes before it. */
  const literal = (text: string, end: number): Literal => {
    const key = /^\s*:/.test(src.slice(end + 1, end + 17));
    const l = { text, joined: between === '+', appended: !key && APPENDS.test(tail) };
    between = '';
    tail = '';
    return l;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
    } else if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      i = close < 0 ? src.length : close + 2;
    } else if (c === '"' || c === "'") {
      const end = quotedEnd(src, i, c);
      out.push(literal(unescapeJs(src.slice(i + 1, end)), end));
      i = end + 1;
    } else if (c === '`') {
      const { text, end } = templateLiteral(src, i);
      out.push(literal(text, end));
      i = end + 1;
    } else {
      if (!/\s/.test(c)) {
        if (between.length < 3) between += c;
        tail = (tail.length < TAIL ? tail : tail.slice(1)) + c;
      }
      i++;
    }
  }
  return out;
}

/** Percent-encoded markup (`unescape("%3Ctable%3E…")`, `decodeURIComponent(…)`): a `%3C` before a tag's name. */
const PERCENT_TAG = /%3C(?:%2F|\/)?[a-z]/i;

/** A string's percent escapes resolved: UTF-8 (`%E4%B8%AD`) as decodeURIComponent, else `%XX`/`%uXXXX` as unescape. */
export function unescapePercent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%u([0-9a-f]{4})|%([0-9a-f]{2})/gi, (_m, u: string | undefined, x: string | undefined) =>
      String.fromCharCode(parseInt(u ?? x!, 16)),
    );
  }
}

/** Characters of text (tags and spaces left out) from which a string repeated on a page is read once. */
const PASSAGE = 32;

/**
 * Whether a string holds a passage of text rather than a bit of structure (`<tr>`, a header row, a
 * piece of a tag): its text, tags and the pieces of tags it starts or ends in left out.
 */
const isPassage = (s: string): boolean => s.replace(/^[^<]*>/, '').replace(/<[^>]*(?:>|$)|\s+/g, '').length >= PASSAGE;

/**
 * The markup a script carries (see the module's comment), in order; a string holding a passage of
 * text that this page's scripts gave before is left out.
 * @param seen passages already taken from this page's scripts; updated
 */
export function scriptMarkup(script: string, seen: Set<string> = new Set()): string {
  const strings: { text: string; appended: boolean }[] = [];
  for (const literal of scriptLiterals(script)) {
    const last = strings[strings.length - 1];
    if (literal.joined && last) last.text += literal.text;
    else strings.push({ text: literal.text, appended: literal.appended });
  }
  for (const s of strings) if (!s.text.includes('<') && PERCENT_TAG.test(s.text)) s.text = unescapePercent(s.text);
  const first = strings.findIndex((s) => TAG.test(s.text));
  if (first < 0) return '';
  let last = strings.length - 1;
  while (!TAG.test(strings[last]!.text)) last--;
  const taken: string[] = [];
  for (const { text, appended } of strings.slice(first, last + 1)) {
    if (!TAG.test(text)) {
      if (appended) taken.push(text);
      continue;
    }
    if (isPassage(text)) {
      if (seen.has(text)) continue;
      seen.add(text);
    }
    taken.push(text);
  }
  return taken.join('');
}

/**
 * Markup carried in a script's string literals. Some report pages are written by a script
 * (`document.write("<table>…")`, `let content = "<p style='…'>…<table>…"`, JSON-escaped HTML): the
 * script is scanned once, left to right, for its string literals (quotes, apostrophes, template
 * literals; comments skipped; a literal not closed on its line ends there), each literal is unescaped
 * as JavaScript, literals joined by a bare `+` are read as one string, and the strings that hold a tag
 * are returned in order. The scan is linear in the script's length.
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

/** One literal: its unescaped text and whether a bare `+` joins it to the literal before. */
type Literal = { text: string; joined: boolean };

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
  // The code between the last literal and the next (whitespace and comments left out), up to 3 characters.
  let between = '';
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
      out.push({ text: unescapeJs(src.slice(i + 1, end)), joined: between === '+' });
      between = '';
      i = end + 1;
    } else if (c === '`') {
      const { text, end } = templateLiteral(src, i);
      out.push({ text, joined: between === '+' });
      between = '';
      i = end + 1;
    } else {
      if (between.length < 3 && !/\s/.test(c)) between += c;
      i++;
    }
  }
  return out;
}

/**
 * The markup a script carries: its strings (literals joined by `+` read as one) that hold an HTML tag,
 * in order, each once per `seen` set (a page that repeats a string is read once).
 * @param seen strings already taken from this page's other scripts; updated
 */
export function scriptMarkup(script: string, seen: Set<string> = new Set()): string {
  const strings: string[] = [];
  for (const literal of scriptLiterals(script)) {
    if (literal.joined && strings.length > 0) strings[strings.length - 1] += literal.text;
    else strings.push(literal.text);
  }
  const taken: string[] = [];
  for (const s of strings) {
    if (!TAG.test(s) || seen.has(s)) continue;
    seen.add(s);
    taken.push(s);
  }
  return taken.join('\n');
}

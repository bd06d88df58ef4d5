/**
 * A small, table-aware HTML → text reader for report pages: block elements become lines, each
 * table row becomes a pipe row (`| a | b |`, merged cells padded with blank cells so columns keep
 * their place), entities such as `&nbsp;` are decoded, and a page that is embedded in a script
 * string (`document.write("<table>…")`, JSON-escaped HTML) is unescaped and read too.
 */

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
};

/** Decodes HTML character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

function unescapeJs(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) => {
    if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '', t: '\t' } as Record<string, string>)[e] ?? e;
  });
}

const MARKUP = /<\s*(?:table|tr|td|p|div)\b|\\u003c\s*(?:table|tr|td|p)/i;

/** Markup hidden in script string literals, unescaped. */
function scriptMarkup(script: string): string {
  const out: string[] = [];
  const literal = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/gs;
  for (let m = literal.exec(script); m; m = literal.exec(script)) {
    const body = unescapeJs(m[1] ?? m[2] ?? m[3] ?? '');
    if (MARKUP.test(body) || (out.length > 0 && body.length > 0)) out.push(body);
  }
  return out.join('');
}

function attr(tag: string, name: string): number {
  const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i'));
  return m ? Math.min(50, Math.max(1, Number(m[1]))) : 1;
}

const BLOCK =
  /^(?:p|div|br|li|ul|ol|h[1-6]|table|tbody|thead|section|article|header|footer|title|blockquote|pre|hr|dd|dt|dl)$/i;

/** Converts an HTML document or fragment into the plain text the report checker reads. */
export function htmlToText(html: string): string {
  let src = html.replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, (_m, body: string) =>
    MARKUP.test(body) ? scriptMarkup(body) : '',
  );
  src = src
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|noscript|template|svg)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<head\b[\s\S]*?<\/head>/gi, '');
  let out = '';
  let span = 1;
  let cellStart = -1;
  const tag = /<\/?([a-z][a-z0-9]*)\b[^>]*>|([^<]+)|</gi;
  for (let m = tag.exec(src); m; m = tag.exec(src)) {
    if (m[2] !== undefined || m[1] === undefined) {
      out += decodeEntities(m[2] ?? '<').replace(/\s+/g, ' ');
      continue;
    }
    const name = m[1].toLowerCase();
    const closing = m[0][1] === '/';
    if (name === 'td' || name === 'th') {
      if (closing) {
        // Pad merged data cells so figures keep their column; label and header cells need no padding.
        if (!/[\u4e00-\u9fff]/.test(out.slice(cellStart))) out += ' |'.repeat(span - 1);
        span = 1;
        cellStart = -1;
      } else {
        out += ' | ';
        span = attr(m[0], 'colspan');
        cellStart = out.length;
      }
    } else if (name === 'tr') {
      out += closing ? ' |\n' : '\n';
      cellStart = -1;
    } else if (BLOCK.test(name)) out += cellStart >= 0 ? ' ' : '\n';
  }
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l, i, all) => l.length > 0 || (i > 0 && all[i - 1]!.length > 0))
    .join('\n')
    .trim();
}

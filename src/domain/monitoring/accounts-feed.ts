// The entries of an account's RSS 2.0 or Atom feed: title, link and date text, read from the XML text. Pure and
// forgiving (feeds of platforms and converters are often loosely formed): an entry without a title is left out.

/** An entry as the feed gives it: its date text ('' when none), title and link. */
export type RawFeedEntry = { date: string; title: string; url: string };

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of XML character data: CDATA unwrapped, tags removed, entities decoded, white space collapsed. */
function xmlText(raw: string): string {
  const cdata = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) =>
    t.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
  );
  return cdata
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of the first element `name` (any namespace prefix) inside `block`, or ''. */
function child(block: string, names: readonly string[]): string {
  for (const name of names) {
    const m = new RegExp(`<(?:[\\w-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'i').exec(block);
    if (m) return xmlText(m[1] ?? '');
  }
  return '';
}

/** Atom's `<link href="…">` (the `alternate` one, or the first), or RSS's `<link>text</link>`. */
function link(block: string): string {
  const links = [...block.matchAll(/<link\b([^>]*?)\/?>/gi)].map((m) => m[1] ?? '');
  const href = (attrs: string) => /\bhref\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
  const alternate = links.find((a) => !/\brel\s*=/i.test(a) || /\brel\s*=\s*["']alternate["']/i.test(a));
  const fromAttr = href(alternate ?? '') ?? links.map(href).find((h) => h !== undefined);
  return xmlText(fromAttr ?? child(block, ['link']));
}

/**
 * The entries of an RSS (`<item>`) or Atom (`<entry>`) feed, in the feed's order.
 * @param xml the feed's text
 */
export function parseFeed(xml: string): RawFeedEntry[] {
  const blocks = [...xml.matchAll(/<(item|entry)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/gi)].map((m) => m[2] ?? '');
  return blocks
    .map((b) => ({
      title: child(b, ['title']),
      url: link(b),
      date: child(b, ['pubDate', 'published', 'updated', 'date']),
    }))
    .filter((e) => e.title !== '');
}

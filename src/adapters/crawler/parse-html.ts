// One HTML page as the website checks need it (htmlparser2, already used by the HTML adapters): the visible
// text with block elements on their own lines, the links resolved against the page (and its <base>), and the
// list items — li, tr and dd elements holding a link, outside navigation, header and footer — each with the
// heading above it (a year heading makes "[11-28]" a full date).
import { Parser } from 'htmlparser2';
import type { ParsedPage } from '../../app/monitoring/crawl-ports.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'td', 'th', 'dd', 'dt', 'ul', 'ol', 'table', 'section', 'article', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'nav', 'main', 'aside', 'form', 'caption', 'title', 'blockquote',
]); // prettier-ignore
const ITEM = new Set(['li', 'tr', 'dd']);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'dt', 'th', 'legend']);
const CHROME = new Set(['nav', 'header', 'footer']);
const CHROME_NAME = /(^|[\s_-])(nav|menu|header|footer|crumbs?|breadcrumb)([\s_-]|$)/i;
const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'area', 'embed', 'source', 'base', 'wbr', 'col']);

/** Addresses resolved lately, by base and href: the links of a site's navigation recur on every page. */
const RESOLVED = new Map<string, string | null>();
const RESOLVED_MAX = 4096;

/** An absolute http(s) address without its fragment, or null (remembered: URL parsing is a large part of a page). */
function resolve(href: string, base: string): string | null {
  const key = cacheKey(href.trim(), base);
  const known = RESOLVED.get(key);
  if (known !== undefined) return known;
  const url = resolveOnce(href, base);
  if (RESOLVED.size >= RESOLVED_MAX) RESOLVED.clear();
  RESOLVED.set(key, url);
  return url;
}

/**
 * What the resolution of `href` depends on: an absolute address nothing else, a path from the root the base's
 * origin (scheme and authority), anything else the whole base.
 */
function cacheKey(href: string, base: string): string {
  if (/^https?:\/\//i.test(href)) return href;
  if (href.startsWith('/') && !href.startsWith('//') && !href.includes('\\')) {
    const end = base.indexOf('/', base.indexOf('//') + 2);
    if (end > 0) return `${base.slice(0, end)}\n${href}`;
  }
  return `${base}\n${href}`;
}

function resolveOnce(href: string, base: string): string | null {
  const raw = href.trim();
  if (!raw || raw.startsWith('#')) return null;
  try {
    const u = new URL(raw, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

interface Open {
  name: string;
  chrome: boolean;
  item?: { text: string; url: string | null };
  heading?: { text: string };
}

/** Parses one page fetched from `url`. */
export function parseHtml(html: string, url: string): ParsedPage {
  let base = url;
  let title = '';
  let inTitle = false;
  let skip = 0;
  const text: string[] = [];
  const links: ParsedPage['links'] = [];
  const items: ParsedPage['items'] = [];
  const stack: Open[] = [];
  let heading: string | undefined;
  let link: { url: string; text: string } | null = null;
  // Open chrome elements (nav, header, footer…) and open items/headings: the loops below run only when needed.
  let chrome = 0;
  let captures = 0;
  // A block boundary: a new line of the text, a space in the items and headings it falls in (table cells).
  const breakLine = (): void => {
    text.push('\n');
    if (captures) {
      for (const o of stack) {
        if (o.item) o.item.text += ' ';
        if (o.heading) o.heading.text += ' ';
      }
    }
  };

  const close = (o: Open): void => {
    if (o.chrome) chrome--;
    if (o.item) captures--;
    if (o.heading) captures--;
    if (SKIP.has(o.name)) skip = Math.max(0, skip - 1);
    if (o.name === 'title') inTitle = false;
    if (o.name === 'a' && link) {
      links.push({ url: link.url, text: link.text.trim() });
      link = null;
    }
    if (BLOCK.has(o.name)) breakLine();
    if (o.heading) heading = o.heading.text.replace(/\s+/g, ' ').trim() || heading;
    if (o.item?.url) {
      const t = o.item.text.replace(/\s+/g, ' ').trim();
      items.push({ text: t, url: o.item.url, ...(heading ? { heading } : {}) });
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) base = resolve(attrs.href, url) ?? base;
        const named = attrs.class !== undefined || attrs.id !== undefined;
        const open: Open = {
          name,
          chrome: CHROME.has(name) || (named && CHROME_NAME.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`)),
        };
        if (open.chrome) chrome++;
        if (SKIP.has(name)) skip++;
        if (name === 'title') inTitle = true;
        if (BLOCK.has(name)) breakLine();
        const target = name === 'a' || name === 'area' ? attrs.href : name === 'iframe' ? attrs.src : undefined;
        const resolved = target !== undefined && !skip ? resolve(target, base) : null;
        if (resolved) {
          if (name === 'a') link = { url: resolved, text: '' };
          else links.push({ url: resolved, text: '' });
          if (captures) for (const o of stack) if (o.item && !o.item.url) o.item.url = resolved;
        }
        if (ITEM.has(name) && !chrome) {
          open.item = { text: '', url: null };
          captures++;
        }
        if (HEADING.has(name) && !chrome) {
          open.heading = { text: '' };
          captures++;
        }
        if (VOID.has(name)) close(open);
        else stack.push(open);
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skip) return;
        text.push(data);
        if (link) link.text += data;
        if (captures) {
          for (const o of stack) {
            if (o.item) o.item.text += data;
            if (o.heading) o.heading.text += data;
          }
        }
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        // Close up to the matching element (htmlparser2 reports implied closes too).
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]?.name !== name) continue;
          while (stack.length > i) close(stack.pop() as Open);
          break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length) close(stack.pop() as Open);
  const lines = text
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean);
  return { title: title.replace(/\s+/g, ' ').trim(), text: lines.join('\n'), links, items };
}

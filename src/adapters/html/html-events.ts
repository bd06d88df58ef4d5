/**
 * Element events (open, text, close) over htmlparser2's tokenizer, which reads tags, attributes,
 * entities, comments and the raw text of script, style and title as HTML does. The open elements are
 * kept here rather than by htmlparser2's Parser, whose stack costs time in proportion to the nesting
 * depth at every tag (a page of 100,000 unclosed `<font>` tags would take minutes): an end tag with no
 * open element of its name is dropped at once, and one with an open element closes everything above
 * it, so every event costs constant time, amortised. Events are balanced: every element opened is
 * closed, at its end tag, when an enclosing element closes, or at the end of the input. htmlparser2 is
 * loaded on the first page read (the reader is synchronous, so through require).
 */
import { createRequire } from 'node:module';
import type * as Htmlparser2 from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';

let htmlparser2: typeof Htmlparser2 | undefined;

/** What receives the events. */
export interface ElementEvents {
  open(name: string, attribs: Record<string, string>): void;
  text(data: string): void;
  close(name: string): void;
}

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Block elements: each starts and ends a line of text, and its start tag ends an open `<p>`. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
]);

/** HTML's implied end tags: opening the key closes the open elements named, while one is the last open. */
const IMPLIED_END = new Map<string, ReadonlySet<string>>([
  ...[...BLOCK_ELEMENTS, 'hr', 'table'].map((name): [string, ReadonlySet<string>] => [name, new Set(['p'])]),
  ['li', new Set(['li', 'p'])],
  ['dd', new Set(['dd', 'dt', 'p'])],
  ['dt', new Set(['dd', 'dt', 'p'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['option', 'optgroup'])],
  ['td', new Set(['td', 'th'])],
  ['th', new Set(['td', 'th'])],
  ['tr', new Set(['tr', 'td', 'th'])],
  ['tbody', new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])],
  ['thead', new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])],
  ['tfoot', new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])],
]);

/** The attributes of a tag that has none (shared, never written to). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Sends the element events of `html` to `out`. */
export function emitElements(html: string, out: ElementEvents): void {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  let text = '';
  let tag = '';
  let attribs: Record<string, string> = NO_ATTRIBUTES;
  let attribName = '';
  let attribValue = '';

  const flush = () => {
    if (text !== '') out.text(text);
    text = '';
  };
  const push = (name: string) => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    out.open(name, attribs);
  };
  const pop = () => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    out.close(name);
  };
  const open = (name: string) => {
    const ends = IMPLIED_END.get(name);
    while (ends && stack.length > 0 && ends.has(stack[stack.length - 1]!)) pop();
    push(name);
    if (VOID.has(name)) pop();
  };
  const close = (name: string) => {
    if (name === 'br' || (name === 'p' && !openCount.get('p'))) {
      // `</br>` is a line break and a stray `</p>` an empty paragraph, as in a browser.
      attribs = NO_ATTRIBUTES;
      open(name);
      if (name === 'p') pop();
    } else if (openCount.get(name)) {
      while (stack[stack.length - 1] !== name) pop();
      pop();
    }
  };

  const callbacks: TokenizerCallbacks = {
    ontext: (start, end) => void (text += html.slice(start, end)),
    ontextentity: (codePoint) => void (text += String.fromCodePoint(codePoint)),
    onopentagname: (start, end) => {
      flush();
      tag = html.slice(start, end).toLowerCase();
      attribs = NO_ATTRIBUTES;
    },
    onattribname: (start, end) => {
      if (attribs === NO_ATTRIBUTES) attribs = {};
      attribName = html.slice(start, end).toLowerCase();
    },
    onattribdata: (start, end) => void (attribValue += html.slice(start, end)),
    onattribentity: (codePoint) => void (attribValue += String.fromCodePoint(codePoint)),
    onattribend: () => {
      if (!Object.hasOwn(attribs, attribName)) attribs[attribName] = attribValue;
      attribValue = '';
    },
    onopentagend: () => open(tag),
    onselfclosingtag: () => open(tag),
    onclosetag: (start, end) => {
      flush();
      close(html.slice(start, end).toLowerCase());
    },
    oncomment: flush,
    oncdata: flush,
    ondeclaration: flush,
    onprocessinginstruction: flush,
    onend: () => {
      flush();
      while (stack.length > 0) pop();
    },
  };
  htmlparser2 ??= createRequire(import.meta.url)('htmlparser2') as typeof Htmlparser2;
  const tokenizer = new htmlparser2.Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}

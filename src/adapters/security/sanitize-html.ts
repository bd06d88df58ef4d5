// The HTML allow-list for rich text that reaches pages (publication bodies, rich text sanitized before it is
// stored): structure, emphasis, lists, tables, links and images only. Scripts, styles, event handlers, inline
// styles, frames and forms are dropped with their content; links keep http(s), mailto and site-relative targets
// only, so nothing an editor pastes can run on the portal.
// sanitize-html (with its own HTML parser and PostCSS) is loaded on the first body sanitised.
import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import type { HtmlSanitizer } from '../../app/publications/ports.js';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'div',
    'span',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'colgroup',
    'col',
    'a',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    col: ['span'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Content of these is dropped with the tag (sanitize-html's default list plus frames and forms).
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'title',
    'xmp',
  ],
  // h1 is the page's own heading: a body heading becomes an h2.
  transformTags: { h1: 'h2' },
};

let sanitize: typeof sanitizeHtml | undefined;

/** The allow-list sanitiser (sanitize-html). */
export const htmlSanitizer: HtmlSanitizer = {
  html(input: string): string {
    sanitize ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
    return sanitize(input, OPTIONS).trim();
  },
};

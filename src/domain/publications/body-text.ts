// The body (正文) as the editor types it: HTML, or plain text that becomes HTML. The rule, shown in the form's
// hint: a body that begins with an HTML tag (an element such as <p>, <h2>, <table>, <strong>, or a comment) is
// HTML and kept as written; anything else is plain text, where a blank line starts a new paragraph (<p>) and a
// single line break stays a line break (<br>). Stored bodies are sanitised HTML, so they come back as HTML.
import { escapeHtml } from '../core/text.js';

/** Elements a body written in HTML may begin with (what editors and word processors write first). */
const LEADING_TAGS = (
  'p div section article header footer main aside nav h1 h2 h3 h4 h5 h6 ul ol li dl table blockquote pre hr br ' +
  'figure img a strong b em i u s span code sub sup font center html body style script'
).split(' ');

const LEADING_TAG = new RegExp(`^(?:<!--|<!doctype\\s|<(?:${LEADING_TAGS.join('|')})(?=[\\s/>]))`, 'i');

/** Whether a typed body is HTML: it begins (after white space) with one of the tags above or a comment. */
export const isHtmlBody = (typed: string): boolean => LEADING_TAG.test(typed.trimStart());

/**
 * Plain text as HTML: text separated by blank lines becomes paragraphs, a single line break `<br>`, every
 * character escaped. Spaces at the start of a line (e.g. the full-width indent of Chinese documents) are kept.
 */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[^\S\n]*\n)+/)
    .map((para) => para.replace(/\s+$/, ''))
    .filter((para) => para.trim() !== '')
    .map((para) => `<p>${para.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}

/**
 * The body as HTML under the rule above (what is then sanitised and stored), line breaks as LF: browsers send a
 * textarea's lines with CRLF, so a stored body sent back unchanged is stored unchanged.
 */
export function bodyHtmlOf(typed: string): string {
  const lines = typed.replace(/\r\n?/g, '\n');
  return isHtmlBody(lines) ? lines : plainTextToHtml(lines);
}

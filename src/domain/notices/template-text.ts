// The plain-text form of a notice template's body, for the template editor (告知书模板编辑).
//
// Syntax (shown to editors as TEMPLATE_TEXT_SYNTAX):
//   - Paragraphs are separated by one or more blank lines. Line breaks inside a paragraph are kept
//     (the notice prints each line as its own paragraph, as it does for multi-line values).
//   - A paragraph whose first line is `[如有 name]` is printed only when the notice has a value for
//     the placeholder `name` ({ when: name }); `[如无 name]` only when it has none ({ unless: name }).
//     Full-width brackets 【如有 name】 are accepted too; the rest of the paragraph is its text.
//   - A paragraph whose first line starts with a backslash is taken literally, the backslash
//     removed: `\[如有 …` prints “[如有 …”.
// formatTemplateBody(parseTemplateBody(x)) is x normalized, and parseTemplateBody(formatTemplateBody(p))
// gives back p for any paragraphs without blank lines or edge whitespace in their text.
import type { Outcome } from '../applications/application.js';
import { err, ok, type Result } from '../core/result.js';
import { NOTICE_KIND_LABELS } from './notice-model.js';
import type { NoticeTemplate, TemplateParagraph } from './notice-template.js';
import { REPLY_OUTCOMES, type RemedyVariant } from './reply-outcomes.js';
import type { TemplateKey } from './templates.js';

/** A problem in template text, with the 1-based line of the body it is on (0: title or addressee). */
export type TemplateTextIssue = { line: number; message: string };

/** The editor's explanation of the syntax, in Chinese. */
export const TEMPLATE_TEXT_SYNTAX: readonly string[] = [
  '段落之间空一行；同一段内的换行会分成独立的行打印。',
  '占位符写作 {{英文名称}}，如 {{applicantName}}，出具时替换为实际内容。',
  '只在有某项内容时才打印的段落：段落第一行写 [如有 名称]，如 [如有 extensionReason]，下一行起为段落正文。',
  '只在没有某项内容时才打印的段落：段落第一行写 [如无 名称]。',
  '段落本身要以“[如有”或“[如无”开头时，在行首加反斜杠：\\[如有……',
];

/** The Chinese name of each remedy clause a reply carries. */
export const REMEDY_VARIANT_LABELS: Readonly<Record<RemedyVariant, string>> = {
  either: '救济途径条款（可复议或诉讼）',
  reconsideration_first: '救济途径条款（复议前置）',
};

/**
 * The Chinese name of a template.
 * @returns e.g. 补正告知书, 答复告知书（予以公开）
 */
export function templateKeyLabel(key: TemplateKey): string {
  if (!key.startsWith('reply.')) return NOTICE_KIND_LABELS[key as Exclude<TemplateKey, `reply.${string}`>];
  return `${NOTICE_KIND_LABELS.reply}（${REPLY_OUTCOMES[key.slice('reply.'.length) as Outcome].label}）`;
}

const CONDITION = /^\s*[[【]\s*如(有|无)\s*([A-Za-z][A-Za-z0-9_]*)\s*[\]】]\s*$/;
const CONDITION_LIKE = /^\s*[[【]\s*如[有无]/;

/**
 * Writes paragraphs as editable text (see the syntax above).
 * @param paragraphs a template's paragraphs
 * @returns blocks separated by a blank line
 */
export function formatTemplateBody(paragraphs: readonly TemplateParagraph[]): string {
  return paragraphs
    .map((p) => {
      const text = (typeof p === 'string' ? p : p.text).replace(/\r\n?/g, '\n').replace(/\n\s*\n/g, '\n');
      if (typeof p !== 'string') return `[${'when' in p ? `如有 ${p.when}` : `如无 ${p.unless}`}]\n${text}`;
      return CONDITION_LIKE.test(text) || text.startsWith('\\') ? `\\${text}` : text;
    })
    .join('\n\n');
}

/**
 * Reads editable text back into paragraphs.
 * @param text the textarea content
 * @returns the paragraphs, or every problem found (with its line number)
 */
export function parseTemplateBody(text: string): Result<TemplateParagraph[], TemplateTextIssue[]> {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd());
  const paragraphs: TemplateParagraph[] = [];
  const issues: TemplateTextIssue[] = [];
  let block: { start: number; lines: string[] } | undefined;
  const flush = () => {
    if (block) paragraphs.push(...readBlock(block.start, block.lines, issues));
    block = undefined;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') flush();
    else if (block) block.lines.push(line);
    else block = { start: i + 1, lines: [line] };
  });
  flush();
  if (paragraphs.length === 0 && issues.length === 0) issues.push({ line: 1, message: '正文至少需要一段' });
  return issues.length > 0 ? err(issues) : ok(paragraphs);
}

function readBlock(start: number, lines: string[], issues: TemplateTextIssue[]): TemplateParagraph[] {
  const [first = '', ...rest] = lines;
  rest.forEach((line, i) => {
    if (CONDITION_LIKE.test(line)) {
      issues.push({ line: start + i + 1, message: `条件行“${line.trim()}”必须是一段的第一行：请在它前面空一行` });
    }
  });
  if (first.startsWith('\\')) return [[first.slice(1), ...rest].join('\n')];
  const cond = CONDITION.exec(first);
  if (!cond) {
    if (CONDITION_LIKE.test(first)) {
      issues.push({ line: start, message: `条件行“${first.trim()}”格式有误，应为 [如有 英文名称] 或 [如无 英文名称]` });
    }
    return [lines.join('\n')];
  }
  if (rest.length === 0) {
    issues.push({ line: start, message: `条件行“${first.trim()}”下面缺少段落正文` });
    return [];
  }
  const name = cond[2] ?? '';
  const body = rest.join('\n');
  return [cond[1] === '有' ? { when: name, text: body } : { unless: name, text: body }];
}

/** A template as the editor shows it: title, addressee and the body text. */
export type TemplateText = { title: string; addressee: string; body: string };

/** The editor's form of a template. */
export function templateToText(t: NoticeTemplate): TemplateText {
  return { title: t.title, addressee: t.addressee, body: formatTemplateBody(t.paragraphs) };
}

/**
 * The template an editor typed (title and addressee trimmed; the body parsed).
 * @returns the template, or the problems of its body
 */
export function templateFromText(t: TemplateText): Result<NoticeTemplate, TemplateTextIssue[]> {
  const body = parseTemplateBody(t.body);
  if (!body.ok) return body;
  return ok({ title: t.title.trim(), addressee: t.addressee.trim(), paragraphs: body.value });
}

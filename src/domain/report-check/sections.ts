/**
 * Finds the six parts of a report (the formats' headings; matched loosely, as the formats allow small wording variants:
 * reports reword headings, number them 1、 or out of order, and PDF text splits them) and the
 * regions of the three statistics tables.
 */
import type { SectionKey } from '../reports/labels.js';
import { execFrom, type KeyedPattern } from './keyed-regex.js';
import { loose } from './normalize.js';

export interface Span {
  start: number;
  end: number;
}

export interface Heading extends Span {
  key: SectionKey;
}

export interface Layout {
  headings: Partial<Record<SectionKey, Heading>>;
  /** Region of the section-二 tables, section-三 table, section-四 table (absent when not found). */
  article20?: Span;
  applications?: Span;
  reviews?: Span;
}

const NUM = '(?:[一二三四五六七八九十]{1,2}|[1-9])\\s*[、.]\\s*';

/**
 * The rest of a reworded heading up to its closing word on the same line ("…问题及改进情况",
 * "…信息的情况"). The gap is inside the optional group: a lazy gap followed by an optional
 * closing word would match nothing and leave the words in the section text. No punctuation or
 * digits in the gap, so a body glued to the heading is not swallowed.
 */
const closing = (max: number, words: string[]): string =>
  `(?:[^\\n。，,；;：:|\\d]{0,${max}}?(?:${words.map(loose).join('|')}))?`;

/**
 * A heading pattern: NUM, a lazy gap of at most `gap` characters, the keyword, then `rest`.
 * Searched through its keyword (keyed-regex.ts); NUM is one or two numerals then `\s*[、.]\s*`.
 */
function heading(gap: number, keyword: string, rest = ''): KeyedPattern {
  const lead = gap > 0 ? `[^\\n。,，|]{0,${gap}}?` : '';
  return {
    re: new RegExp(`${NUM}${lead}${keyword}${rest}`, 'g'),
    keyword: new RegExp(keyword, 'g'),
    gap,
    tail: /[\s、.]/,
    head: 2,
  };
}

/** Any of the wordings, each matched loosely (`\s*` between characters). */
const anyOf = (words: string[]): string => `(?:${words.map(loose).join('|')})`;

/**
 * The six headings and the small variants real reports use (the formats' headings and their small variants): 五 with or
 * without 的 or 主要 (`存在主要问题`, `存在的问题`, `存在问题`, `主要问题`) or with 不足 for 问题;
 * 四 reworded as in the Shanghai preamble (`因政府信息公开工作被申请行政复议和提起行政诉讼情况`);
 * 二 as `政府信息主动公开情况`; 三 with 与/及 for 和; 六 as `其他需报告的事项` or `其他需要说明的事项`;
 * 一 as `概述`, `基本情况`, `总体概况`, `工作概况`. A bare `其他事项` is not taken as heading 六: it
 * would mark a cut-off copy complete whenever a numbered list has such an item.
 */
const PROBLEMS = `(?:${loose('存在')}\\s*(?:的\\s*)?(?:${loose('主要')}\\s*)?${anyOf(['问题', '不足'])}|${loose('主要问题')})`;

const HEADING_PATTERNS: Record<SectionKey, KeyedPattern> = {
  overview: heading(0, anyOf(['总体情况', '概述', '基本情况', '总体概况', '工作概况'])),
  article20: heading(0, anyOf(['主动公开政府信息', '政府信息主动公开']), closing(4, ['情况'])),
  applications: heading(0, `${loose('收到')}\\s*[和与及]\\s*${loose('处理政府信息公开申请')}`, closing(4, ['情况'])),
  reviews: heading(16, loose('行政复议'), `[^\\n。|]{0,16}?${loose('行政诉讼')}[^\\n。|]{0,4}?${loose('情况')}`),
  problems: heading(
    14,
    PROBLEMS,
    closing(10, ['情况', '措施', '举措', '计划', '打算', '方向', '思路', '对策', '不足', '建议']),
  ),
  other: heading(0, `${loose('其他需')}\\s*(?:要\\s*)?${anyOf(['报告', '说明'])}\\s*(?:的\\s*)?${loose('事项')}`),
};

function spanOf(m: RegExpExecArray | null): Span | undefined {
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function firstMatch(text: string, re: RegExp, from = 0): Span | undefined {
  re.lastIndex = from;
  return spanOf(re.exec(text));
}

/** Finds headings. A heading found before an earlier-ordered one is still reported (order is checked elsewhere). */
export function findHeadings(text: string): Partial<Record<SectionKey, Heading>> {
  const out: Partial<Record<SectionKey, Heading>> = {};
  for (const key of Object.keys(HEADING_PATTERNS) as SectionKey[]) {
    const span = spanOf(execFrom(HEADING_PATTERNS[key], text, 0));
    if (span) out[key] = { key, ...span };
  }
  // Prefer a 主动公开 heading that is followed by the section-二 tables (some reports have a
  // prose part of the same name first).
  const a20 = out.article20;
  const caption = text.search(CAPTION);
  if (a20 && caption > a20.end) {
    const later = lastBefore(text, HEADING_PATTERNS.article20, caption);
    if (later) out.article20 = { key: 'article20', ...later };
  }
  return out;
}

/** The last match of `p` starting before `limit` (matches taken in turn as a global regex does). */
function lastBefore(text: string, p: KeyedPattern, limit: number): Span | undefined {
  let found: Span | undefined;
  for (let m = execFrom(p, text, 0); m && m.index < limit; m = execFrom(p, text, m.index + m[0].length)) {
    found = spanOf(m);
  }
  return found;
}

const CAPTION = /第\s*二\s*十\s*条/;
const APP_TABLE_START = /勾\s*稽\s*关\s*系|本\s*年\s*新\s*收|上\s*年\s*结\s*转|结\s*转\s*下\s*年\s*度/g;
const REVIEW_TABLE_HINT = /行\s*政\s*复\s*议/g;

/** Start of the first heading after `pos` (or the text end). */
function nextHeadingStart(headings: Heading[], pos: number, textEnd: number): number {
  return headings.filter((h) => h.start >= pos).reduce((m, h) => Math.min(m, h.start), textEnd);
}

/**
 * Headings found at a line start when the usual patterns miss them, searched only where the
 * section must be (after the section-三 table for 四, after 四 for 五): other numbering —
 * `(四)`, `第四部分`, `4 `, none — and 四 without its closing 情况 when the title runs into the
 * table (`四、政府信息公开行政复议、行政诉讼行政复议 行政诉讼 …`); 五 as `问题与不足`,
 * `…问题和改进措施`, `改进措施`, `下一步工作计划`, or a sub-heading `(一)主要问题` when the title itself is lost.
 */
const CN = '[一二三四五六七八九十]{1,2}';
const LINE_LEAD = `^[ \\t]*(?:(?:${CN}|[1-9])\\s*[、.:]?\\s*|\\(\\s*${CN}\\s*\\)\\s*|第\\s*${CN}\\s*部分\\s*[、.:]?\\s*)?`;
const LATE_HEADINGS: Partial<Record<SectionKey, RegExp>> = {
  reviews: new RegExp(
    `${LINE_LEAD}[^\\n。,，|]{0,16}?${loose('行政复议')}[^\\n。|]{0,16}?${loose('行政诉讼')}(?:[^\\n。|]{0,4}?${loose('情况')})?`,
    'gm',
  ),
  problems: new RegExp(
    `${LINE_LEAD}[^\\n。,，|\\d]{0,10}?(?:${PROBLEMS}|${anyOf(['问题', '不足'])}\\s*[和及与、]\\s*${anyOf(['不足', '改进', '整改', '措施', '建议', '问题'])}|${anyOf(['改进', '整改'])}\\s*${anyOf(['措施', '情况', '方向', '举措'])}|${loose('下一步')}\\s*(?:${loose('工作')}\\s*)?${anyOf(['计划', '打算', '安排', '思路', '举措'])})${closing(10, ['情况', '措施', '举措', '计划', '打算', '方向', '思路', '对策', '不足', '建议'])}`,
    'gm',
  ),
};

/** A late heading of `key` between `from` and `to`. */
function lateHeading(text: string, key: SectionKey, from: number, to: number): Heading | undefined {
  const re = LATE_HEADINGS[key];
  if (!re || from < 0) return undefined;
  const span = firstMatch(text, re, from);
  return span && span.start < to ? { key, ...span } : undefined;
}

const CARRIED_FORWARD = /结\s*转\s*下\s*年\s*度[^\n|\d]{0,12}/g;
const ROW_CELL = /^[\s|]*(?:[+-]?\d+(?:\.\d+)?|\/|—+)/;

/**
 * End of the section-三 grid: after the 结转下年度 row label and its seven cells at most (the
 * section-四 numbers may follow with no words between them when its title is lost).
 */
function applicationTableEnd(text: string, from: number, to: number): number {
  const label = firstMatch(text, CARRIED_FORWARD, from);
  if (!label || label.start >= to) return -1;
  let end = label.end;
  for (let i = 0; i < 7; i++) {
    const m = ROW_CELL.exec(text.slice(end, end + 40));
    if (!m) break;
    end += m[0].length;
  }
  return end;
}

/** Splits the text into headings and table regions. */
export function findLayout(text: string): Layout {
  const headings = findHeadings(text);
  const end = text.length;
  const layout: Layout = { headings };
  const captionAt = text.search(CAPTION);
  const a20Start = headings.article20?.end ?? (captionAt >= 0 ? captionAt : -1);
  const appHint = firstMatch(text, APP_TABLE_START, Math.max(0, a20Start));
  const appHeading = headings.applications;
  let appStart = appHint?.start ?? (appHeading ? appHeading.end : -1);
  if (appHeading && appHint && appHeading.end > appHint.start) appStart = appHeading.end;
  const stopAt = (from: number) => headings.other?.start ?? (from >= 0 ? end : -1);
  // Section 四 found by the shape of what follows the section-三 grid when its title is not the usual one.
  const tableEnd = appStart >= 0 ? applicationTableEnd(text, appStart, stopAt(appStart)) : -1;
  if (tableEnd >= 0 && !(headings.reviews && headings.reviews.start > appStart)) {
    const late = lateHeading(text, 'reviews', tableEnd, stopAt(tableEnd));
    if (late) headings.reviews = late;
  }
  if (!headings.problems) {
    const from = headings.reviews?.end ?? tableEnd;
    const late = lateHeading(text, 'problems', from, stopAt(from));
    if (late) headings.problems = late;
  }
  const list = Object.values(headings).filter((h): h is Heading => h !== undefined);
  if (a20Start >= 0) {
    const stops = [appStart, appHeading?.start ?? -1].filter((s) => s > a20Start);
    layout.article20 = { start: a20Start, end: Math.min(nextHeadingStart(list, a20Start + 1, end), ...stops, end) };
  }
  const revHeading = headings.reviews;
  // Without a title for 四: its table starts at the word 行政复议 after the grid, or right after the grid.
  const revByShape =
    revHeading || tableEnd < 0 ? undefined : (firstMatch(text, REVIEW_TABLE_HINT, tableEnd)?.start ?? tableEnd);
  if (appStart >= 0) {
    let stop = revHeading && revHeading.start > appStart ? revHeading.start : nextHeadingStart(list, appStart + 1, end);
    if (revByShape !== undefined && revByShape < stop) stop = revByShape;
    layout.applications = { start: appStart, end: stop };
  }
  const revStart =
    revHeading?.end ??
    revByShape ??
    (layout.applications ? firstMatch(text, REVIEW_TABLE_HINT, layout.applications.end)?.start : undefined);
  if (revStart !== undefined) layout.reviews = { start: revStart, end: nextHeadingStart(list, revStart, end) };
  return layout;
}

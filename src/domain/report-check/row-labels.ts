/**
 * Finding the row labels of the statistics tables in a published text. Labels are matched by a
 * distinctive keyword, tolerating line breaks and spaces inside words
 * (PDF text), an ordinal in front (`1.`, `1、`, glued to the previous row's digits), and the
 * variants real reports print (`三类内容事务信息`, `其他法律行政止公开`, `规范性文件`).
 */
import type { ApplicationRow, Article20Row } from '../reports/annual-report.js';
import { execFrom, type KeyedPattern } from './keyed-regex.js';
import { loose } from './normalize.js';
import type { Span } from './sections.js';

export interface LabelHit<C extends string> extends Span {
  code: C;
}

const ORD = '(?:[1-9]\\s*[.、]\\s*)?';
const GAP_MAX = 12;
const GAP = `[^\\d|]{0,${GAP_MAX}}?`;

/** A label pattern: its regex source and, for keyed ones, the keyword alternatives alone. */
type Source = string | { keywords: string[] };

function keyed(words: string[]): Source {
  return { keywords: words };
}

/** Section-三 leaf rows; `other` is the single 其他处理 row (a group label when sub-rows follow). */
const APPLICATION_PATTERNS: [ApplicationRow, Source][] = [
  ['new', keyed(['本年新收'])],
  ['carried_over', keyed(['上年结转'])],
  ['disclosed', keyed(['予以公开'])],
  ['partially_disclosed', keyed(['部分公开'])],
  ['withheld.state_secret', keyed(['国家秘密'])],
  ['withheld.prohibited_by_law', keyed(['其他法律行政', '法规禁止公开'])],
  ['withheld.security_stability', keyed(['三安全一稳定'])],
  ['withheld.third_party_rights', keyed(['第三方合法权益'])],
  ['withheld.internal_affairs', keyed(['内部事务', '内容事务'])],
  ['withheld.process_information', keyed(['过程性'])],
  ['withheld.enforcement_file', keyed(['执法案卷'])],
  ['withheld.inquiry_matter', keyed(['行政查询'])],
  ['unavailable.not_held', keyed(['不掌握'])],
  ['unavailable.needs_creation', keyed(['另行制作'])],
  ['unavailable.still_unclear', keyed(['仍不明确'])],
  ['not_processed.petition_or_complaint', keyed(['信访举报', '举报投诉'])],
  ['not_processed.repeated', keyed(['重复申请'])],
  ['not_processed.publication', keyed(['公开出版物'])],
  ['not_processed.excessive', keyed(['大量反复'])],
  ['not_processed.confirmation', keyed(['重新出具', '确认或重'])],
  ['other.correction_lapsed', keyed(['不补正'])],
  ['other.fee_unpaid', keyed(['缴纳费用', '收费通知'])],
  ['other.other', `[3]\\s*[.、]\\s*其\\s*他(?!\\s*(?:法|处|需|结|对))`],
  ['other', `(?:\\(\\s*六\\s*\\)\\s*)?${loose('其他处理')}`],
  ['total', `\\(\\s*七\\s*\\)\\s*总\\s*计`],
  ['carried_forward', keyed(['结转下年度'])],
];

/** Section-二 rows (both formats). `normative` covers 规范性文件 and 行政规范性文件. */
const ARTICLE20_PATTERNS: [Article20Row | 'caption', string][] = [
  ['caption', `第\\s*二\\s*十\\s*条\\s*(?:第\\s*)?\\(\\s*[一二三四五六七八九十]+\\s*\\)\\s*项`],
  ['rules', loose('规章')],
  ['normative', `(?:${loose('行政')}\\s*)?${loose('规范性文件')}`],
  ['licensing', loose('行政许可')],
  ['other_services', `${loose('其他对外管理服务事项')}`],
  ['penalties', loose('行政处罚')],
  ['enforcement', loose('行政强制')],
  ['fees', loose('行政事业性收费')],
  ['procurement', loose('政府集中采购')],
];

/** A compiled label pattern; keyed ones are searched through their keyword (keyed-regex.ts). */
interface Compiled<C extends string> {
  code: C;
  re: RegExp;
  keyed: KeyedPattern | null;
}

/** What can precede a keyed label's gap: the ordinal `[1-9]\s*[.、]\s*`, i.e. a digit and then these. */
const ORD_TAIL = /[\s.、]/;

function compile<C extends string>(patterns: [C, Source][]): Compiled<C>[] {
  return patterns.map(([code, source]) => {
    if (typeof source === 'string') return { code, re: new RegExp(source, 'g'), keyed: null };
    const words = `(?:${source.keywords.map(loose).join('|')})`;
    const re = new RegExp(`${ORD}${GAP}${words}`, 'g');
    return { code, re, keyed: { re, keyword: new RegExp(words, 'g'), gap: GAP_MAX, tail: ORD_TAIL, head: 1 } };
  });
}

/** Every match of every pattern in the region (each pattern scanned like a global regex), then overlaps removed. */
function findAll<C extends string>(text: string, region: Span, patterns: Compiled<C>[]): LabelHit<C>[] {
  const slice = text.slice(region.start, region.end);
  const hits: LabelHit<C>[] = [];
  for (const { code, re, keyed } of patterns) {
    for (let from = 0; from <= slice.length;) {
      let m: RegExpExecArray | null;
      if (keyed) m = execFrom(keyed, slice, from);
      else {
        re.lastIndex = from;
        m = re.exec(slice);
      }
      if (!m) break;
      hits.push({ code, start: region.start + m.index, end: region.start + m.index + m[0].length });
      from = m.index + Math.max(1, m[0].length);
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LabelHit<C>[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    if (last && last.code === h.code && /^[^\d|]*$/.test(text.slice(last.end, h.start))) {
      last.end = h.end; // one label split by the pattern alternatives (其他法律行政 … 法规禁止公开)
      continue;
    }
    out.push(h);
  }
  return out;
}

const APPLICATION_LABELS = compile(APPLICATION_PATTERNS);
const ARTICLE20_LABELS = compile(ARTICLE20_PATTERNS);

/** Section-三 label hits in text order (overlaps removed). */
export function findApplicationLabels(text: string, region: Span): LabelHit<ApplicationRow>[] {
  return findAll(text, region, APPLICATION_LABELS);
}

/** Section-二 label hits (rows and 第二十条 captions) in text order. */
export function findArticle20Labels(text: string, region: Span): LabelHit<Article20Row | 'caption'>[] {
  return findAll(text, region, ARTICLE20_LABELS);
}

/** Replaces the given spans of `text` by a non-digit filler of the same length (keeps offsets). */
export function maskSpans(text: string, spans: Span[], offset = 0): string {
  let out = text;
  for (const s of spans) {
    const a = s.start - offset;
    const b = s.end - offset;
    if (b <= 0 || a >= out.length) continue;
    out = out.slice(0, Math.max(0, a)) + '＃'.repeat(Math.min(b, out.length) - Math.max(0, a)) + out.slice(b);
  }
  return out;
}

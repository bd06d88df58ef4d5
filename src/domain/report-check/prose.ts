/**
 * Figures the narrative states (section 一, the text of section 三 before its table): the number
 * of applications received ("全年共受理…申请18件", "共收到…申请859件"), items published
 * proactively ("主动公开政府信息…1234条"), 行政复议 and 行政诉讼 cases ("发生行政复议2件"), and
 * 规章 / 规范性文件 made or in force ("制发行政规范性文件5件", "现行有效规范性文件89件").
 * They are compared with the tables (`prose` findings) and help choose between readings of
 * run-together or blank cells that the arithmetic leaves open. Only the unambiguous phrasing is
 * used; sentences that speak for another body ("代表区政府"), a part ("其中") or another year
 * ("上年", "同比") are skipped because their scope differs from the table's.
 */
import type { Applications, Reviews } from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import type { Span } from './sections.js';

export type ProseKind = 'received' | 'proactive' | 'reconsideration' | 'litigation' | 'made' | 'in_force';

export interface ProseFigure {
  kind: ProseKind;
  /** For `made` / `in_force`: the section-二 row. */
  row?: 'rules' | 'normative';
  value: number;
  offset: number;
  length: number;
  excerpt: string;
  /** The sentence speaks for another body, a part or another year: not compared, not used. */
  outOfScope: boolean;
}

const DOC = '(规章|(?:行政)?规范性文件)';
const PATTERNS: [ProseKind, RegExp][] = [
  ['received', /(?:受理|收到|接收|新收)[^。；;\d|]{0,24}?申请[^。；;\d|]{0,8}?(\d+)\s*(?:件|份|个)/g],
  ['received', /(?:受理|收到|接收|新收)了?\s*(\d+)\s*(?:件|份|个)[^。；;\d|]{0,14}?申请/g],
  ['proactive', /主动公开[^。；;\d|]{0,20}?(\d+)\s*(?:条|件|篇)/g],
  ['reconsideration', /行政复议(?:案件|申请)?[^。；;\d|，,、诉]{0,6}?(\d+)\s*(?:件|起|宗)/g],
  ['litigation', /行政诉讼(?:案件)?[^。；;\d|，,、复]{0,6}?(\d+)\s*(?:件|起|宗)/g],
  ['made', new RegExp(`(?:制发|印发|出台)[^。；;\\d|]{0,10}?${DOC}\\s*(?:共)?\\s*(\\d+)\\s*件`, 'g')],
  ['made', new RegExp(`(?:制发|印发|出台)了?\\s*(\\d+)\\s*件[^。；;\\d|]{0,6}?${DOC}`, 'g')],
  ['in_force', new RegExp(`现行有效(?:的)?${DOC}\\s*(?:共)?\\s*(\\d+)\\s*件`, 'g')],
];

const OTHER_SCOPE = /代表|其中|转办|各(?:部门|单位)/;
const OTHER_YEAR = /上年|去年|同比|上一年/;

function sentenceAround(text: string, at: number): string {
  const a = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
  const bRaw = text.indexOf('。', at);
  return text.slice(a, bRaw < 0 ? text.length : bRaw);
}

/** The figures stated in the narrative spans (offsets in the full text), in text order. */
export function proseFigures(text: string, spans: Span[]): ProseFigure[] {
  const out: ProseFigure[] = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    for (const [kind, re] of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        const value = Number(m.slice(1).find((g) => g !== undefined && /^\d+$/.test(g)));
        const word = kind === 'made' || kind === 'in_force' ? m[0].match(/规章|规范性文件/)?.[0] : undefined;
        const sentence = sentenceAround(slice, m.index);
        out.push({
          kind,
          ...(word ? { row: word === '规章' ? ('rules' as const) : ('normative' as const) } : {}),
          value,
          offset: span.start + m.index,
          length: m[0].length,
          excerpt: m[0],
          // The received-count phrasing keeps its historic scope test (no year words: "较上年" is rare there).
          outOfScope: OTHER_SCOPE.test(sentence) || (kind !== 'received' && OTHER_YEAR.test(sentence)),
        });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The stated figures of one kind that are in scope. */
export const statedValues = (figures: ProseFigure[], kind: ProseKind, row?: 'rules' | 'normative'): number[] =>
  figures.filter((f) => f.kind === kind && !f.outOfScope && (row === undefined || f.row === row)).map((f) => f.value);

/** The application counts a stated "received" figure may be: 本年新收, or with 上年结转, or the （七）总计. */
export function acceptedReceived(apps: Applications): Set<number> | null {
  const total = apps.new?.total;
  if (total === undefined || total === null) return null;
  return new Set([total, total + (apps.carried_over?.total ?? 0), apps.total?.total ?? total]);
}

/** The 行政诉讼 counts a stated figure may be: both groups' 总计 together (the one named), or either alone. */
function acceptedLitigation(reviews: Reviews): { both: number; accepted: Set<number> } | null {
  const a = reviews.litigation_direct?.total;
  const b = reviews.litigation_after_reconsideration?.total;
  if (a === undefined || b === undefined) return null;
  const both = (a ?? 0) + (b ?? 0);
  return { both, accepted: new Set([a ?? 0, b ?? 0, both]) };
}

const where = (f: ProseFigure, section: string, row: string) => ({
  section,
  row,
  column: 'total',
  offset: f.offset,
  length: f.length,
  excerpt: f.excerpt,
});

/** Prose findings: a stated figure that matches none of the table's corresponding totals. */
export function proseFindings(figures: ProseFigure[], apps: Applications, reviews: Reviews): Finding[] {
  const out: Finding[] = [];
  const received = acceptedReceived(apps);
  const reconsideration = reviews.reconsideration?.total;
  const litigation = acceptedLitigation(reviews);
  for (const f of figures) {
    if (f.outOfScope) continue;
    if (f.kind === 'received' && received && !received.has(f.value)) {
      const msg = `正文称收到申请${f.value}件，与第三部分表格“本年新收”总计${apps.new!.total}件不一致`;
      out.push(finding('prose', 'warning', msg, where(f, 'applications', 'new')));
    } else if (f.kind === 'reconsideration' && reconsideration !== undefined && (reconsideration ?? 0) !== f.value) {
      const msg = `正文称行政复议${f.value}件，与第四部分表格“行政复议”总计${reconsideration ?? 0}件不一致`;
      out.push(finding('prose', 'warning', msg, where(f, 'reviews', 'reconsideration')));
    } else if (f.kind === 'litigation' && litigation && !litigation.accepted.has(f.value)) {
      const msg = `正文称行政诉讼${f.value}件，与第四部分表格“行政诉讼”总计${litigation.both}件不一致`;
      out.push(finding('prose', 'warning', msg, where(f, 'reviews', 'litigation_direct')));
    }
  }
  return out;
}

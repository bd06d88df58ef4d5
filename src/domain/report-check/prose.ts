/**
 * Prose that contradicts the tables: a number of applications stated in the narrative (section 一
 * or the text of section 三, e.g. "全年共受理…申请18件") that matches none of the table's totals.
 * Only the unambiguous phrasing is used; sentences that speak for another body ("代表区政府")
 * are skipped because their scope differs from the table's.
 */
import type { Applications } from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import type { Span } from './sections.js';

const AFTER = /(?:受理|收到|接收|新收)[^。；;\d|]{0,24}?申请[^。；;\d|]{0,8}?(\d+)\s*(?:件|份|个)/g;
const BEFORE = /(?:受理|收到|接收|新收)了?\s*(\d+)\s*(?:件|份|个)[^。；;\d|]{0,14}?申请/g;

function sentenceAround(text: string, at: number): string {
  const a = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
  const bRaw = text.indexOf('。', at);
  return text.slice(a, bRaw < 0 ? text.length : bRaw);
}

/** Prose findings for the narrative spans (offsets in the full text). */
export function proseFindings(text: string, spans: Span[], apps: Applications): Finding[] {
  const total = apps.new?.total;
  if (total === undefined || total === null) return [];
  const accepted = new Set([total, total + (apps.carried_over?.total ?? 0), apps.total?.total ?? total]);
  const out: Finding[] = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    for (const re of [AFTER, BEFORE]) {
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        const stated = Number(m[1]);
        if (accepted.has(stated) || /代表|其中|转办|各(?:部门|单位)/.test(sentenceAround(slice, m.index))) continue;
        out.push(
          finding('prose', 'warning', `正文称收到申请${stated}件，与第三部分表格“本年新收”总计${total}件不一致`, {
            section: 'applications',
            row: 'new',
            column: 'total',
            offset: span.start + m.index,
            length: m[0].length,
            excerpt: m[0],
          }),
        );
      }
    }
  }
  return out;
}

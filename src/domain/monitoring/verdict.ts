/**
 * The verdict of a checked website (国办秘函〔2019〕19号): any single-veto item makes it 不合格; a 门户 site
 * (`portal`) also gets a deduction score out of 100 and is 不合格 below 60. Other sites get the veto verdict only.
 * Findings that need a person's confirmation (NEEDS_CONFIRMATION) count only once confirmed.
 */
import { NEEDS_CONFIRMATION, type MonitorFinding, type MonitorRule, type MonitorSummary } from './finding.js';
import type { ColumnKind, SiteCheckSettings, SiteKind } from './settings.js';

const BASIC: readonly ColumnKind[] = ['news', 'notice', 'policy'];

const kindOf = (f: MonitorFinding): ColumnKind => f.evidence.kind as ColumnKind;

/** Rule ids that are single-veto items by the findings given (19号 栏目不更新 counts included). */
export function vetoesOf(findings: readonly MonitorFinding[], s: SiteCheckSettings): MonitorRule[] {
  const vetoes = new Set<MonitorRule>(findings.filter((f) => f.severity === 'veto').map((f) => f.rule));
  const stale = findings.filter((f) => f.rule === 'column_stale');
  // 19号 栏目不更新 sub-rule 1: 动态要闻 stale 2 weeks + 通知公告/政策文件 stale 6 months, ≥ 5 in total.
  const basicStale = stale.filter((f) => BASIC.includes(kindOf(f))).length;
  // Sub-rule 2: columns that should be updated but have long not been, ≥ 10.
  const shouldStale = stale.filter((f) => kindOf(f) === 'should_update').length;
  if (basicStale >= s.staleBasicColumnsVeto || shouldStale >= s.staleShouldUpdateVeto) vetoes.add('column_stale');
  // Sub-rule 3: 空白栏目 ≥ 5.
  if (findings.filter((f) => f.rule === 'column_empty').length >= s.emptyColumnsVeto) vetoes.add('column_empty');
  return [...vetoes];
}

/**
 * The deduction score of a portal: 100 minus the points of each indicator, each indicator capped; a column is
 * penalised once (an empty column is not also stale: columnFreshness never reports both).
 */
export function deductionScore(findings: readonly MonitorFinding[], s: SiteCheckSettings): number {
  const p = s.points;
  const penalised = new Set<string>();
  let update = 0;
  let links = 0;
  for (const f of findings) {
    if (f.rule === 'column_empty' || f.rule === 'column_stale') {
      const key = f.column ?? f.url ?? '';
      if (penalised.has(key)) continue;
      penalised.add(key);
      update += f.rule === 'column_empty' ? p.emptyColumn : p.staleColumn[kindOf(f)];
    } else if (f.rule === 'dead_link') {
      links += f.evidence.onHome ? p.deadLinkHome : p.deadLinkOther;
    }
  }
  const score = 100 - Math.min(update, p.updateCap) - Math.min(links, p.linkCap);
  return Math.round(score * 10) / 10;
}

/**
 * The summary of a website check.
 * @param confirmed findings of NEEDS_CONFIRMATION rules a person has confirmed (they then count); default none
 */
export function summarizeSite(
  findings: readonly MonitorFinding[],
  kind: SiteKind,
  s: SiteCheckSettings,
  confirmed: readonly MonitorFinding[] = [],
): MonitorSummary {
  const counted = [...findings.filter((f) => !NEEDS_CONFIRMATION.has(f.rule)), ...confirmed];
  const vetoes = vetoesOf(counted, s);
  const score = kind === 'portal' ? deductionScore(counted, s) : null;
  const fails = vetoes.length > 0 || (score !== null && score < s.passScore);
  return { verdict: fails ? '不合格' : '合格', score, vetoes };
}

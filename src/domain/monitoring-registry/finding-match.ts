// Matching a run's findings with those already stored: the same problem seen again in the next run is the same
// finding (its 整改 task follows it), not a new one. Identity: site + rule + url + column + a key of the evidence.
import type { MonitorFinding } from '../monitoring/finding.js';

/**
 * Evidence fields that name *which* problem it is when a page can have several of one rule (the dead link's target,
 * the wrong word, the kind and masked value of personal data), in order of preference. Counts, dates and ratios
 * change from run to run and never identify a finding.
 */
const IDENTIFYING_EVIDENCE = ['link', 'href', 'target', 'word', 'term', 'kind', 'masked', 'match', 'excerpt'] as const;

/** The key of the finding's evidence (identifying fields joined), '' when it has none. */
export function evidenceKey(evidence: MonitorFinding['evidence']): string {
  return IDENTIFYING_EVIDENCE.filter((k) => evidence[k] !== undefined && evidence[k] !== null)
    .map((k) => `${k}=${String(evidence[k])}`)
    .join('&');
}

/** The identity of a finding within its site: rule, url (or account), column and the evidence key. */
export function findingKey(f: Pick<MonitorFinding, 'rule' | 'url' | 'account' | 'column' | 'evidence'>): string {
  return [f.rule, f.url ?? f.account ?? '', f.column ?? '', evidenceKey(f.evidence)].join('|');
}

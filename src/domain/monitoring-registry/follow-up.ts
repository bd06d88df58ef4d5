// From finding to fix: a stored finding counts once confirmed (or at once when code decides it), becomes a 整改
// task of the site's 主办单位, is marked fixed by the unit, and the next run closes it (the problem is gone) or
// reopens it (still there). Content findings that code cannot decide (国办秘函〔2019〕19号 严重表述错误, leaked
// personal data, tampering) need a person to confirm them first: NEEDS_CONFIRMATION.
import { NEEDS_CONFIRMATION, type MonitorFinding, type MonitorRule } from '../monitoring/finding.js';

/** Whether a finding counts: not_needed (code decides) and confirmed count; pending and dismissed do not. */
export type Confirmation = 'not_needed' | 'pending' | 'confirmed' | 'dismissed';
/** Chinese labels of the confirmation states. */
export const CONFIRMATION_LABELS: Readonly<Record<Confirmation, string>> = {
  not_needed: '无需确认',
  pending: '待人工确认',
  confirmed: '已确认',
  dismissed: '已排除',
};

/** Whether a stored finding is still seen (open) or was not seen by a later run (closed). */
export type FindingStatus = 'open' | 'closed';

/** A 整改 task's state: waiting for the unit, marked fixed (waiting for the next run), closed (销号). */
export type TaskState = 'open' | 'fixed' | 'closed';
/** Chinese labels of the task states. */
export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  open: '待整改',
  fixed: '已整改待复核',
  closed: '已销号',
};

/** The confirmation a new finding of the rule starts with. */
export function initialConfirmation(rule: MonitorRule): Confirmation {
  return NEEDS_CONFIRMATION.has(rule) ? 'pending' : 'not_needed';
}

/** Whether a finding in this confirmation state counts (verdicts, tasks, letters). */
export function counts(c: Confirmation): boolean {
  return c === 'not_needed' || c === 'confirmed';
}

/** A stored finding, as the reconciliation sees it. */
export type KnownFinding = { id: string; key: string };

/** What a run's findings mean for the stored ones of its site. */
export type Reconciled<K extends KnownFinding> = {
  /** Stored findings seen again, with what the run saw. */
  again: { known: K; seen: MonitorFinding }[];
  /** Findings the run saw for the first time. */
  fresh: { key: string; seen: MonitorFinding }[];
  /** Stored open findings the run did not see: the problem is gone. */
  gone: K[];
};

/**
 * Matches a completed run's findings against the stored open findings of the site by key (duplicates within the
 * run collapse to one).
 */
export function reconcile<K extends KnownFinding>(
  open: readonly K[],
  seen: readonly MonitorFinding[],
  keyOf: (f: MonitorFinding) => string,
): Reconciled<K> {
  const byKey = new Map(open.map((k) => [k.key, k]));
  const again: Reconciled<K>['again'] = [];
  const fresh: Reconciled<K>['fresh'] = [];
  const used = new Set<string>();
  for (const f of seen) {
    const key = keyOf(f);
    if (used.has(key)) continue;
    used.add(key);
    const known = byKey.get(key);
    if (known) again.push({ known, seen: f });
    else fresh.push({ key, seen: f });
  }
  return { again, fresh, gone: open.filter((k) => !used.has(k.key)) };
}

/**
 * The verdict of a site once people have had their say (国办秘函〔2019〕19号: any single-veto item → 不合格; a 门户
 * site scoring below 60 → 不合格): the checker's vetoes, without those of rules still waiting for confirmation or
 * dismissed (`unconfirmed`), plus vetoes the registry adds (unanswered messages).
 */
export function countedSummary(
  summary: { verdict: '合格' | '不合格'; score: number | null; vetoes: readonly MonitorRule[] },
  opts: { unconfirmed: ReadonlySet<MonitorRule>; extraVetoes: readonly MonitorRule[] },
): { verdict: '合格' | '不合格'; score: number | null; vetoes: MonitorRule[] } {
  const vetoes = [...new Set([...summary.vetoes.filter((r) => !opts.unconfirmed.has(r)), ...opts.extraVetoes])];
  const failedScore = summary.score !== null && summary.score < PASS_SCORE;
  return { verdict: vetoes.length > 0 || failedScore ? '不合格' : '合格', score: summary.score, vetoes };
}

/** 国办秘函〔2019〕19号: a 门户 site scoring below 60 in the deduction part fails. */
export const PASS_SCORE = 60;

// Re-assessment of 不予公开 items (Regulation art. 18: "行政机关应当建立健全政府信息管理动态调整
// 机制，对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开"):
// who may record one, what a decision must carry, and what it changes — keeping the item withheld
// restarts the yearly clock (deadlines.ts, REASSESSMENT_MONTHS); opening it up clears the clock and,
// for an item already registered (published), starts a new version through the review chain, since
// nothing reaches the portal before the last level (先审后发; art. 17 保密审查).

import { holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';
import { DomainError, ILLEGAL_TRANSITION } from '../core/domain-error.js';
import { compareDates, isLocalDate, type LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { reassessmentDueOn } from './deadlines.js';
import { WITHHELD_GROUNDS, type Disclosure, type PublicationState, type WithheldGround } from './publication.js';

/** Decisions of a re-assessment; stored values, never rename. */
export const REASSESSMENT_DECISIONS = ['keep_withheld', 'to_proactive', 'to_on_request'] as const;
/** One decision. */
export type ReassessmentDecision = (typeof REASSESSMENT_DECISIONS)[number];

/** Chinese decision labels. */
export const REASSESSMENT_DECISION_LABELS: Readonly<Record<ReassessmentDecision, string>> = {
  keep_withheld: '继续不予公开',
  to_proactive: '调整为主动公开',
  to_on_request: '调整为依申请公开',
};

/** Chinese names of a re-assessment's fields, for messages. */
export const REASSESSMENT_FIELD_LABELS = {
  decision: '评估结论',
  assessedOn: '评估日期',
  withheldGround: '不予公开理由',
  reason: '评估理由',
} as const satisfies Readonly<Record<string, string>>;

/** The review-ledger action a re-assessment appends, and its label. */
export const REASSESS_LEDGER_ACTION = 'reassess';
export const REASSESS_LEDGER_LABEL = '定期评估审查（第十八条）';

/**
 * Roles that may record a re-assessment [D]: the signer and the head (who decide what is published
 * and withdrawn) and the admin. The disclosure office head (`office_head`) does not see the
 * 主动公开 back office (publication-policy.ts) and so is not among them.
 */
export const REASSESSMENT_ROLES: readonly Role[] = ['signer', 'head', 'admin'];

/** Whether the actor may record re-assessments of an organization's items. */
export function canReassess(actor: Actor, orgIds: readonly string[]): boolean {
  return REASSESSMENT_ROLES.some((r) => holdsOver(actor, r, orgIds));
}

/** Error code: the item's state does not allow the decision (a conflict, HTTP 409). */
export const REASSESSMENT_CONFLICT = ILLEGAL_TRANSITION;

/** A validated decision. */
export type ReassessmentInput = {
  decision: ReassessmentDecision;
  assessedOn: LocalDate;
  /** The ground kept (keep_withheld only). */
  withheldGround: WithheldGround | null;
  reason: string;
};

/** Longest reason, characters. */
export const MAX_REASON_LENGTH = 2000;

/**
 * Validates a re-assessment as typed.
 * @param raw `decision`, `assessedOn` (default today), `withheldGround` (keep_withheld), `reason`
 * @param today the office's date: an assessment cannot be dated in the future
 * @returns the input, or Chinese messages per field
 */
export function parseReassessment(
  raw: Record<string, unknown>,
  today: LocalDate,
): Result<ReassessmentInput, Record<string, string>> {
  const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
  const errors: Record<string, string> = {};
  const decision = text('decision');
  if (!(REASSESSMENT_DECISIONS as readonly string[]).includes(decision)) errors.decision = '请选择评估结论';
  const assessedOn = text('assessedOn') || today;
  if (!isLocalDate(assessedOn)) errors.assessedOn = '评估日期应为YYYY-MM-DD格式的真实日期';
  else if (compareDates(assessedOn, today) > 0) errors.assessedOn = '评估日期不能晚于今天';
  const ground = text('withheldGround');
  const keep = decision === 'keep_withheld';
  if (keep && !(WITHHELD_GROUNDS as readonly string[]).includes(ground)) {
    errors.withheldGround = '继续不予公开的，请选择不予公开的理由（法律依据）';
  }
  const reason = text('reason');
  if (keep && reason === '') errors.reason = '继续不予公开的，请说明评估理由';
  else if (!keep && reason === '') errors.reason = '请说明情势变化、可以公开的理由';
  else if (reason.length > MAX_REASON_LENGTH) errors.reason = `评估理由不能超过${MAX_REASON_LENGTH}字`;
  if (Object.keys(errors).length > 0 || !isLocalDate(assessedOn)) return err(errors);
  return ok({
    decision: decision as ReassessmentDecision,
    assessedOn,
    withheldGround: keep ? (ground as WithheldGround) : null,
    reason,
  });
}

/** What an item looks like to the rule. */
export type ReassessedItem = { disclosure: Disclosure; state: PublicationState; currentVersion: number | null };

/** The outcome of a decision on an item. */
export type ReassessmentOutcome = {
  disclosure: Disclosure;
  withheldGround: WithheldGround | null;
  /** The next re-assessment date (keep_withheld), else null. */
  nextDueOn: LocalDate | null;
  /** Set when a registered item goes back to draft as a new version (the review chain runs again). */
  state?: 'draft';
};

/** States in which the review chain is running: the attribute cannot change under the reviewers. */
const IN_CHAIN: readonly PublicationState[] = ['submitted', 'in_review', 'signed_off', 'scheduled'];

/**
 * Decides what a re-assessment changes.
 * @returns the outcome, or a DomainError coded REASSESSMENT_CONFLICT (not 不予公开; withdrawn or in review when opening
 *   up)
 */
export function decideReassessment(
  item: ReassessedItem,
  input: ReassessmentInput,
): Result<ReassessmentOutcome, DomainError> {
  if (item.disclosure !== 'withheld') {
    return err(new DomainError(REASSESSMENT_CONFLICT, '该信息不是“不予公开”信息，无需定期评估审查'));
  }
  if (input.decision === 'keep_withheld') {
    return ok({
      disclosure: 'withheld',
      withheldGround: input.withheldGround,
      nextDueOn: reassessmentDueOn(input.assessedOn),
    });
  }
  if (item.state === 'withdrawn') {
    return err(new DomainError(REASSESSMENT_CONFLICT, '已撤稿的信息不能调整公开属性；如需公开，请重新起草'));
  }
  if (IN_CHAIN.includes(item.state)) {
    return err(new DomainError(REASSESSMENT_CONFLICT, '该信息正在审核中，请待审核结束或退回后再调整公开属性'));
  }
  const disclosure: Disclosure = input.decision === 'to_proactive' ? 'proactive' : 'on_request';
  return ok({
    disclosure,
    withheldGround: null,
    nextDueOn: null,
    ...(item.state === 'published' ? { state: 'draft' as const } : {}),
  });
}

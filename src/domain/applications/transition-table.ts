// The transition table of a disclosure application, as data: which move
// leads from which state to which, and which role may make it. `decide` enforces it and
// `availableTransitions` offers it; both read only this file, so form and rule cannot disagree.
//
// Roles: handler — register, assign, request_correction, receive_correction,
// start_consultation, end_consultation, issue_fee_notice, record_payment, draft_reply, send_reply,
// archive, withdraw (on the applicant's behalf), request_extension (asks the office head); office_head
// — extend (art. 33: "经政府信息公开工作机构负责人同意", the head of the handling organization itself);
// request_reasons and record_reasons (art. 35: the applicant explains an excessive volume or frequency),
// set_delayed_period (art. 35, second branch) by the office head of the handling organization;
// legal_reviewer — pass/return legal review (合法性审查, with 保密审查 under art. 17); signer —
// approve_reply and return_from_approval (退回承办人重新起草). propose_lapse is the clock's move (the system, no
// actor): it proposes ending a case whose correction or payment period ran out; a handler confirms with
// lapse_correction / lapse_fee after checking that the applicant had no good reason (art. 30: "无正当理由逾期不补正的，
// 视为放弃申请").

import type { Role } from '../users/roles.js';
import { APPLICATION_STATES, type Action, type ApplicationState } from './application.js';

/** Chinese state labels for the back office and the track page (stored values never change; labels may). */
export const STATE_LABELS: Readonly<Record<ApplicationState, string>> = {
  received: '已收到，待登记',
  registered: '办理中',
  awaiting_correction: '待申请人补正',
  in_consultation: '征求意见中',
  awaiting_payment: '待缴纳信息处理费',
  in_legal_review: '合法性审查中',
  awaiting_approval: '待审批',
  approved: '已审批，待答复',
  replied: '已答复',
  archived: '已办结归档',
  withdrawn: '申请人已撤回',
};

/** Chinese move labels; `submit` is the intake event that opens every ledger. */
export const ACTION_LABELS: Readonly<Record<Action | 'submit', string>> = {
  submit: '收到申请',
  register: '登记',
  assign: '分配承办人',
  transfer: '转办',
  request_correction: '发出补正告知',
  receive_correction: '收到补正后的申请',
  start_consultation: '征求意见',
  end_consultation: '结束征求意见',
  request_extension: '申请延期',
  extend: '延期答复',
  request_reasons: '要求说明理由',
  record_reasons: '收到申请人说明的理由',
  set_delayed_period: '确定延迟答复期限',
  issue_fee_notice: '发出收费通知',
  record_payment: '登记缴费',
  draft_reply: '起草答复',
  pass_legal_review: '合法性审查通过',
  return_from_legal_review: '合法性审查退回',
  approve_reply: '审批答复',
  return_from_approval: '审批退回',
  send_reply: '送达答复',
  withdraw: '申请人撤回申请',
  archive: '归档',
  propose_lapse: '期限届满，提请确认终止办理',
  lapse_correction: '逾期未补正，终止办理',
  lapse_fee: '逾期未缴费，终止办理',
};

/** The role each move needs, whatever the state (the role check comes first). */
export const ACTION_ROLES: Readonly<Record<Action, Role>> = {
  register: 'handler',
  assign: 'handler',
  transfer: 'handler',
  request_correction: 'handler',
  receive_correction: 'handler',
  start_consultation: 'handler',
  end_consultation: 'handler',
  request_extension: 'handler',
  extend: 'office_head',
  request_reasons: 'handler',
  record_reasons: 'handler',
  set_delayed_period: 'office_head',
  issue_fee_notice: 'handler',
  record_payment: 'handler',
  draft_reply: 'handler',
  pass_legal_review: 'legal_reviewer',
  return_from_legal_review: 'legal_reviewer',
  approve_reply: 'signer',
  return_from_approval: 'signer',
  send_reply: 'handler',
  withdraw: 'handler',
  archive: 'handler',
  propose_lapse: 'handler',
  lapse_correction: 'handler',
  lapse_fee: 'handler',
};

/** Moves only the system makes, without an actor (the daily job once a period has run out); never offered to staff. */
export const SYSTEM_ACTIONS: ReadonlySet<Action> = new Set<Action>(['propose_lapse']);

/** States of a finished case (its outcome is fixed). */
export const CLOSED_STATES: readonly ApplicationState[] = ['replied', 'archived', 'withdrawn'];

/** States in which the case is still being handled: every other one. */
export const OPEN_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter((s) => !CLOSED_STATES.includes(s));

/** One row of the table. */
export type Transition = { readonly from: ApplicationState; readonly action: Action; readonly to: ApplicationState };

/** How the UI groups the offered moves (Alaveteli's pending / complete / other). */
export type TransitionGroup = 'pending' | 'complete' | 'other';

/** The group of each move. */
export const ACTION_GROUPS: Readonly<Record<Action, TransitionGroup>> = {
  register: 'pending',
  assign: 'pending',
  transfer: 'other',
  request_correction: 'pending',
  receive_correction: 'pending',
  start_consultation: 'pending',
  end_consultation: 'pending',
  request_extension: 'pending',
  extend: 'pending',
  request_reasons: 'pending',
  record_reasons: 'pending',
  set_delayed_period: 'pending',
  issue_fee_notice: 'pending',
  record_payment: 'pending',
  draft_reply: 'pending',
  pass_legal_review: 'pending',
  return_from_legal_review: 'pending',
  approve_reply: 'pending',
  return_from_approval: 'pending',
  send_reply: 'complete',
  archive: 'complete',
  propose_lapse: 'other',
  lapse_correction: 'complete',
  lapse_fee: 'complete',
  withdraw: 'other',
};

/** States in which an extension may be asked for or granted. */
const EXTENSION_STATES: readonly ApplicationState[] = [
  'registered',
  'in_legal_review',
  'awaiting_approval',
  'approved',
];

const row = (from: ApplicationState, action: Action, to: ApplicationState): Transition => ({ from, action, to });
const stay = (action: Action, states: readonly ApplicationState[]): Transition[] =>
  states.map((s) => row(s, action, s));

/**
 * The table. Moves that keep the state (assign, extend) list each state they may happen in.
 * A lapse ends the case at once as `archived`: nothing is left to reply (art. 30: "行政机关不再处理").
 */
export const TRANSITIONS: readonly Transition[] = [
  row('received', 'register', 'registered'),
  ...stay('assign', ['received', 'registered', 'awaiting_correction', 'in_consultation', 'awaiting_payment']),
  // 转办: forwarded, before any notice went out, to the organization of the tree that holds the
  // information; it registers the case again. The receipt date and its clock stay (art. 31).
  row('received', 'transfer', 'received'),
  row('registered', 'transfer', 'received'),
  // 补正 (art. 30)
  row('registered', 'request_correction', 'awaiting_correction'),
  row('awaiting_correction', 'receive_correction', 'registered'),
  row('awaiting_correction', 'lapse_correction', 'archived'),
  ...stay('propose_lapse', ['awaiting_correction', 'awaiting_payment']),
  // 征求意见 (arts. 32, 34)
  row('registered', 'start_consultation', 'in_consultation'),
  row('in_consultation', 'end_consultation', 'registered'),
  // 延期 (art. 33): while the period runs, before the reply goes out; never during a pause (征求意见, 缴费),
  // where `decide` says why (请在征求意见/缴费期间结束后再办理延期).
  ...stay('request_extension', EXTENSION_STATES),
  ...stay('extend', EXTENSION_STATES),
  // 说明理由 (art. 35): asked and answered while the case is handled; the reasons accepted but the volume beyond
  // art. 33's periods, the office head sets a longer reasonable period (延迟答复).
  row('registered', 'request_reasons', 'registered'),
  row('registered', 'record_reasons', 'registered'),
  ...stay('set_delayed_period', EXTENSION_STATES),
  // 信息处理费 (art. 42)
  row('registered', 'issue_fee_notice', 'awaiting_payment'),
  row('awaiting_payment', 'record_payment', 'registered'),
  row('awaiting_payment', 'lapse_fee', 'archived'),
  // reply: draft → 合法性审查 (incl. 保密审查, art. 17) → 审批 → 送达
  row('registered', 'draft_reply', 'in_legal_review'),
  row('in_legal_review', 'pass_legal_review', 'awaiting_approval'),
  row('in_legal_review', 'return_from_legal_review', 'registered'),
  row('awaiting_approval', 'approve_reply', 'approved'),
  // The signer returns the draft to the handler, with the reason, to be drafted again (a new draft needs a new
  // legal review and approval: what is approved is what is sent, docs/decisions/0012-reply-approval.md).
  row('awaiting_approval', 'return_from_approval', 'registered'),
  row('approved', 'send_reply', 'replied'),
  // 撤回 from any open state; 归档 after the reply or the withdrawal
  ...OPEN_STATES.map((s) => row(s, 'withdraw', 'withdrawn')),
  row('replied', 'archive', 'archived'),
  row('withdrawn', 'archive', 'archived'),
];

/**
 * @param from the current state
 * @param action the move
 * @returns the table row, or undefined when the move is not allowed from that state
 */
export function findTransition(from: ApplicationState, action: Action): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/**
 * @param state a state
 * @returns true for replied, archived and withdrawn
 */
export function isClosedState(state: ApplicationState): boolean {
  return CLOSED_STATES.includes(state);
}

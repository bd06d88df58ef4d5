// Bringing a disclosure application (依申请公开) to a state with the real use case, the way its case workers
// would: 登记, 补正, 征求意见, 收费, 起草答复, 合法性审查, 审批, 送达, 归档, 撤回. The demo district's cases and the test
// factories both go through here.
import type { Actor } from '../../domain/policies/actor.js';
import type { Role } from '../../domain/users/roles.js';
import type { Action, ApplicationState } from '../../domain/applications/application.js';
import { addDays } from '../../domain/core/local-date.js';
import type { Clock } from '../ports.js';
import { actOnApplication } from '../applications/act-on-application.js';
import type { ApplicationContext } from '../applications/ports.js';

/** Who works disclosure applications: two handlers, the office head (extensions), legal review, the signer. */
export type CaseStaff = Record<'handler' | 'handler2' | 'officeHead' | 'legal' | 'signer', Actor>;

/** The role each case worker holds at the organization handling the case. */
export const CASE_STAFF_ROLES = {
  handler: 'handler',
  handler2: 'handler',
  officeHead: 'office_head',
  legal: 'legal_reviewer',
  signer: 'signer',
} as const satisfies Record<keyof CaseStaff, Role>;

/** One move of a case: who makes it, the move, and its parameters on the clock's day (given the case workers). */
export type CaseMove = {
  who: keyof CaseStaff;
  action: Action;
  params: (clock: Clock, staff: CaseStaff) => Record<string, unknown>;
};

const move = (who: keyof CaseStaff, action: Action, params: CaseMove['params'] = () => ({})): CaseMove => ({
  who,
  action,
  params,
});

/** The usual moves, with the parameters a case worker would give. */
export const CASE_MOVES = {
  register: move('handler', 'register'),
  requestCorrection: move('handler', 'request_correction', (clock) => ({
    dueOn: addDays(clock.today(), 15),
    items: '请明确所需信息的名称',
  })),
  consult: move('handler', 'start_consultation', () => ({ kind: 'third_party', party: '示例公司' })),
  feeNotice: move('handler', 'issue_fee_notice', () => ({ pages: 120 })),
  draftReply: move('handler', 'draft_reply', () => ({ outcome: 'disclosed', provision: '电子邮件发送' })),
  passReview: move('legal', 'pass_legal_review', () => ({ confidentialityReviewed: true })),
  approve: move('signer', 'approve_reply'),
  send: move('handler', 'send_reply', () => ({ method: 'email' })),
  archive: move('handler', 'archive', () => ({ confirm: true })),
  withdraw: move('handler', 'withdraw', () => ({ reason: '申请人撤回申请' })),
} as const satisfies Record<string, CaseMove>;

const M = CASE_MOVES;
/** From registration to the reply sent, through legal review and approval. */
const REPLY = [M.draftReply, M.passReview, M.approve, M.send];

/** The moves from a submitted application to each state (received: none). */
const PATHS: Readonly<Record<ApplicationState, readonly CaseMove[]>> = {
  received: [],
  registered: [M.register],
  awaiting_correction: [M.register, M.requestCorrection],
  in_consultation: [M.register, M.consult],
  awaiting_payment: [M.register, M.feeNotice],
  in_legal_review: [M.register, M.draftReply],
  awaiting_approval: [M.register, M.draftReply, M.passReview],
  approved: [M.register, ...REPLY.slice(0, 3)],
  replied: [M.register, ...REPLY],
  archived: [M.register, ...REPLY, M.archive],
  withdrawn: [M.register, M.withdraw],
};

/** Parameters over a path's defaults, by move (e.g. `draft_reply`: the outcome and reasons). */
export type PathParams = Partial<Record<Action, Record<string, unknown>>>;

/** The moves from a submitted (received) case to `state`, with `over` laid over each move's default parameters. */
export function pathTo(state: ApplicationState, over: PathParams = {}): CaseMove[] {
  return PATHS[state].map((m) => withParams(m, over[m.action]));
}

/** A move with `over` laid over its default parameters. */
export function withParams(m: CaseMove, over: Record<string, unknown> = {}): CaseMove {
  return { ...m, params: (clock, staff) => ({ ...m.params(clock, staff), ...over }) };
}

/**
 * Brings a received case to `state` with the moves of the case workers, each at the clock's current time.
 * @param over parameters over the defaults, by move
 * @throws AppError from the use case
 */
export async function moveApplicationTo(
  ctx: ApplicationContext,
  staff: CaseStaff,
  id: string,
  state: ApplicationState,
  over: PathParams = {},
): Promise<void> {
  for (const m of pathTo(state, over)) {
    await actOnApplication(ctx, staff[m.who], id, m.action, m.params(ctx.clock, staff));
  }
}

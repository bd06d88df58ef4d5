// The disclosure-application state machine as pure functions: one `decide` that
// checks a move against the transition table (transition-table.ts), its parameters
// (transition-params.ts) and the case history, and returns the next state, the stored fields to
// change and the event to append, with the due date from the deadline ledger (deadlines.ts);
// and `availableTransitions`, the moves the back office may offer, read from the same table.
//
// Order of checks: role (forbidden, whatever the state) → table (illegal_transition) → history
// guards → parameters (invalid_params). Nothing changes on failure: the caller persists only a
// successful decision.

import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { holdsAnywhere, type Actor } from '../policies/actor.js';
import { canMakeMove, isCaseHelper } from '../policies/application-policy.js';
import { ConflictError, DomainError } from '../core/domain-error.js';
import { compareDates, type LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { ROLE_LABELS } from '../users/roles.js';
import type { Action, ApplicationEvent, ApplicationSnapshot, ApplicationState, Outcome } from './application.js';
import { correctionNoticeDueOn, recomputeLedger } from './deadlines.js';
import { pageBreakdown, pieceBreakdown } from './fees.js';
import type { DisclosureRules } from './rules.js';
import {
  ACTION_GROUPS,
  ACTION_LABELS,
  ACTION_ROLES,
  STATE_LABELS,
  SYSTEM_ACTIONS,
  TRANSITIONS,
  findTransition,
  type TransitionGroup,
} from './transition-table.js';
import { DATE_PARAMS, INVALID_PARAMS, paramSpecs, parseParams, type ParamSpec } from './transition-params.js';
import { FORBIDDEN, ILLEGAL_TRANSITION } from '../core/domain-error.js';

export { FORBIDDEN, ILLEGAL_TRANSITION };

export { INVALID_PARAMS } from './transition-params.js';

/**
 * Code of a move refused because the case's current reply due date has passed (art. 33 ¶2: an
 * extension needs consent and notice before the period runs out; a fee notice and a consultation
 * belong inside the period too). The case keeps its past due date and stays overdue.
 */
export const AFTER_DUE_DATE = 'after_due_date';

/** Code of a reply `unavailable.still_unclear` drafted on a case never asked to correct (art. 30, art. 36 item 7). */
export const NEEDS_CORRECTION_REQUEST = 'needs_correction_request';

/** Code of a reply `not_processed.repeated` with neither the earlier case nor the earlier reply (art. 36 item 6). */
export const NEEDS_PREVIOUS_REPLY = 'needs_previous_reply';

/** Code of a reply `not_processed.excessive`, or a delayed period, without a recorded request for reasons (art. 35). */
export const NEEDS_REASONS_REQUEST = 'needs_reasons_request';

/** Code of an extension asked for while the clock is paused (征求意见 or 缴费). */
export const DURING_PAUSE = 'during_pause';

/** Moves that must happen on or before the current reply due date. */
const WITHIN_PERIOD_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'extend',
  'request_extension',
  'issue_fee_notice',
  'start_consultation',
  'set_delayed_period',
]);

/**
 * Moves only the office head of the handling organization itself may make (art. 33 ¶2: extension; art. 35: the
 * delayed period, which is a longer extension decided the same way).
 */
const OWN_OFFICE_HEAD_ACTIONS: ReadonlySet<Action> = new Set<Action>(['extend', 'set_delayed_period']);

/** A requested move with raw parameters (form or JSON values; validated by `decide`). */
export type Command = { readonly action: Action; readonly params?: Readonly<Record<string, unknown>> };

/** What `decide` needs besides the case. */
export type DecideContext = {
  readonly today: LocalDate;
  readonly rules: DisclosureRules;
  readonly calendar: HolidayCalendar;
  /** null = the system (only lapse moves). */
  readonly actor: Actor | null;
};

/** The event to append, before storage adds seq, time and actor. */
export type NewEvent = Omit<ApplicationEvent, 'seq' | 'at' | 'actorId' | 'actorLabel'>;

/** A successful decision. */
export type Decision = { next: ApplicationState; patch: Partial<ApplicationSnapshot>; event: NewEvent };

/** A move the UI may offer. */
export type AvailableTransition = {
  action: Action;
  to: ApplicationState;
  label: string;
  group: TransitionGroup;
  params: readonly ParamSpec[];
};

type Move = { on: LocalDate; extra: Record<string, unknown>; patch: Partial<ApplicationSnapshot> };

/**
 * Decides a move.
 * @param app the case as stored
 * @param cmd the move and its raw parameters
 * @param ctx today, the case's rules, the calendar and the actor
 * @returns the next state, the fields to store and the event, or a DomainError coded
 *   `forbidden`, `illegal_transition` or `invalid_params` with a Chinese message
 */
export function decide(app: ApplicationSnapshot, cmd: Command, ctx: DecideContext): Result<Decision, DomainError> {
  const roleError = checkRole(app, cmd.action, ctx.actor);
  if (roleError !== null) {
    return err(roleError);
  }
  const row = findTransition(app.state, cmd.action);
  const paused = app.state === 'in_consultation' || app.state === 'awaiting_payment';
  if (row === undefined && paused && (cmd.action === 'extend' || cmd.action === 'request_extension')) {
    return err(new ConflictError(DURING_PAUSE, '请在征求意见/缴费期间结束后再办理延期'));
  }
  if (row === undefined) {
    return err(
      new DomainError(
        ILLEGAL_TRANSITION,
        `申请处于“${STATE_LABELS[app.state]}”状态，不能“${ACTION_LABELS[cmd.action]}”`,
      ),
    );
  }
  const guard = guardError(app, cmd.action, ctx.actor, ctx.today, ctx.rules);
  if (guard !== null) {
    return err(guard);
  }
  const parsed = parseParams(cmd.action, cmd.params ?? {}, ctx.rules);
  if (!parsed.ok) {
    return parsed;
  }
  const move = buildMove(app, cmd.action, parsed.value, ctx);
  if (!move.ok) {
    return move;
  }
  const { on, extra, patch } = move.value;
  const late = afterDueError(app, cmd.action, on);
  if (late !== null) {
    return err(late);
  }
  const params = { ...parsed.value, ...extra };
  const entries = recomputeLedger(
    app.receivedOn,
    [...app.events, { action: cmd.action, on, params }],
    ctx.rules,
    ctx.calendar,
  );
  const entry = entries.at(-1);
  const dueOn = entry?.dueOn ?? null;
  return ok({
    next: row.to,
    patch: { ...patch, state: row.to, dueOn, waitingUntil: entry?.waitingUntil ?? null },
    event: {
      action: cmd.action,
      on,
      params,
      dueOn,
      explanation: entry?.explanation ?? '',
      provisional: entry?.provisional ?? false,
    },
  });
}

/**
 * The moves an actor may make on a case now, from the same table and checks as {@link decide}.
 * @param app the case
 * @param actor the signed-in user, or null for the system
 * @param rules the case's rules
 * @param options `today` enables the time checks (a lapse only after its period ended)
 * @returns the moves, in table order
 */
export function availableTransitions(
  app: ApplicationSnapshot,
  actor: Actor | null,
  rules: DisclosureRules,
  options: { today?: LocalDate } = {},
): AvailableTransition[] {
  return TRANSITIONS.filter((t) => t.from === app.state)
    .filter((t) => checkRole(app, t.action, actor) === null)
    .filter((t) => guardError(app, t.action, actor, options.today, rules) === null)
    .map((t) => ({
      action: t.action,
      to: t.to,
      label: ACTION_LABELS[t.action],
      group: ACTION_GROUPS[t.action],
      params: paramSpecs(t.action, rules),
    }));
}

function checkRole(app: ApplicationSnapshot, action: Action, actor: Actor | null): DomainError | null {
  const role = ACTION_ROLES[action];
  if (actor === null) {
    return SYSTEM_ACTIONS.has(action) ? null : new DomainError(FORBIDDEN, `“${ACTION_LABELS[action]}”须由工作人员办理`);
  }
  if (SYSTEM_ACTIONS.has(action)) {
    return new DomainError(FORBIDDEN, `“${ACTION_LABELS[action]}”由系统在期限届满后自动作出`);
  }
  const subject = { orgAncestry: [app.orgId], handlerId: app.handlerId };
  if (canMakeMove(actor, action, role, subject)) {
    return null;
  }
  if (OWN_OFFICE_HEAD_ACTIONS.has(action)) {
    // Art. 33 ¶2: "经政府信息公开工作机构负责人同意" — the head of the handling organization's own
    // disclosure office; a head at a superior organization does not consent in its place.
    return new DomainError(
      FORBIDDEN,
      `“${ACTION_LABELS[action]}”须经本机关政府信息公开工作机构负责人同意（第三十三条第二款），上级机关的负责人不能代为同意`,
    );
  }
  if (isCaseHelper(actor, subject)) {
    return new DomainError(
      FORBIDDEN,
      `协办人员不能“${ACTION_LABELS[action]}”：该事项只能由办理机关本机关的工作人员办理`,
    );
  }
  // Roles reach down the tree for reading only: a role held elsewhere (e.g. at the superior government) does not act.
  const where = holdsAnywhere(actor, role) ? '办理机关本机关的' : '';
  return new DomainError(FORBIDDEN, `需要${where}“${ROLE_LABELS[role]}”角色才能“${ACTION_LABELS[action]}”`);
}

/**
 * A move that belongs inside the reply period, made on a legal date after the current due date.
 * @param on the move's legal date (today for an extension, which carries no date of its own)
 */
function afterDueError(app: ApplicationSnapshot, action: Action, on: LocalDate): DomainError | null {
  if (!WITHIN_PERIOD_ACTIONS.has(action) || app.dueOn === null || compareDates(on, app.dueOn) <= 0) {
    return null;
  }
  return new ConflictError(
    AFTER_DUE_DATE,
    `答复期限已于${app.dueOn}届满，不能再“${ACTION_LABELS[action]}”（第三十三条第二款：延期、收费、征求意见均应在答复期限内办理）；本申请已逾期，请尽快答复`,
  );
}

/** Checks that depend on the history, the actor or the day, not on the table row alone. */
function guardError(
  app: ApplicationSnapshot,
  action: Action,
  actor: Actor | null,
  today: LocalDate | undefined,
  rules: DisclosureRules,
): DomainError | null {
  const illegal = (message: string): DomainError => new DomainError(ILLEGAL_TRANSITION, message);
  const count = (a: Action): number => app.events.filter((e) => e.action === a).length;
  switch (action) {
    case 'request_correction':
      // Art. 30: "一次性告知". A corrected application still unclear is answered as unavailable.still_unclear.
      return count(action) > 0
        ? illegal(
            `补正告知应一次性作出（${rules.articles.correction}），本申请已告知过补正；补正后仍不明确的，按“补正后申请内容仍不明确”答复`,
          )
        : null;
    case 'extend':
    case 'request_extension':
      return extensionError(app, action, today, rules);
    case 'issue_fee_notice':
      if (!rules.processingFeeAllowed) {
        return illegal(
          rules.version === '2007'
            ? '本申请适用2007年条例，不收取信息处理费'
            : '本申请收到于2021年1月1日前，不收取信息处理费（《政府信息公开信息处理费管理办法》自2021年1月1日起施行）',
        );
      }
      return count(action) > 0 ? illegal('本申请已发出过收费通知') : null;
    case 'request_reasons':
      return count(action) > 0 ? illegal('已要求申请人说明理由（第三十五条）') : null;
    case 'record_reasons':
      return count('request_reasons') === 0
        ? illegal('尚未要求申请人说明理由（第三十五条）')
        : count(action) > 0
          ? illegal('已登记申请人说明的理由')
          : null;
    case 'set_delayed_period':
      if (count('request_reasons') === 0) {
        return new ConflictError(
          NEEDS_REASONS_REQUEST,
          '确定延迟答复期限须先要求申请人说明理由，并认为理由合理（第三十五条）',
        );
      }
      return count(action) > 0 ? illegal('已确定过延迟答复的期限') : null;
    case 'approve_reply':
      return actor !== null && drafterOf(app) === actor.userId
        ? new DomainError(FORBIDDEN, '审批人不能审批本人起草的答复')
        : null;
    case 'lapse_correction':
    case 'lapse_fee':
      return lapseError(app, action === 'lapse_correction' ? '补正期限' : '缴费期限', today);
    case 'propose_lapse':
      return (
        lapseError(app, app.state === 'awaiting_correction' ? '补正期限' : '缴费期限', today) ??
        (lapseProposed(app) ? illegal('已提请承办人确认终止办理') : null)
      );
    case 'register':
    case 'assign':
    case 'transfer':
    case 'receive_correction':
    case 'start_consultation':
    case 'end_consultation':
    case 'record_payment':
    case 'draft_reply':
    case 'pass_legal_review':
    case 'return_from_legal_review':
    case 'return_from_approval':
    case 'send_reply':
    case 'withdraw':
    case 'archive':
      return null;
  }
}

/**
 * Whether an extension may be asked for or granted now (never in a pause state: see `decide`): not after the due
 * date (art. 33 ¶2), at most `maxExtensions` per period — a corrected application starts a new period
 * (art. 30), which may be extended once again.
 */
function extensionError(
  app: ApplicationSnapshot,
  action: 'extend' | 'request_extension',
  today: LocalDate | undefined,
  rules: DisclosureRules,
): DomainError | null {
  if (today !== undefined) {
    const late = afterDueError(app, action, today);
    if (late !== null) {
      return late;
    }
  }
  if (extensionsInPeriod(app) >= rules.maxExtensions) {
    return new DomainError(ILLEGAL_TRANSITION, `答复期限只能延长一次（${rules.articles.extension}），本申请已延期`);
  }
  if (action === 'request_extension' && pendingExtensionRequest(app) !== null) {
    return new DomainError(ILLEGAL_TRANSITION, '已申请延期，待政府信息公开工作机构负责人同意');
  }
  return null;
}

/** Extensions granted since the current period began (receipt, or the last corrected application). */
function extensionsInPeriod(app: ApplicationSnapshot): number {
  const restart = app.events.findLastIndex((e) => e.action === 'receive_correction');
  return app.events.slice(restart + 1).filter((e) => e.action === 'extend').length;
}

/** A handler's request for an extension (申请延期) not yet answered by an extension. */
export type ExtensionRequest = { workingDays: number; reason: string; on: LocalDate; actorLabel: string };

/**
 * The extension a handler asked for that the office head has not granted yet: it puts the case in the
 * office head's queue (待我同意延期).
 * @param app the case
 * @returns the request, or null when none is pending
 */
export function pendingExtensionRequest(app: Pick<ApplicationSnapshot, 'events'>): ExtensionRequest | null {
  const last = app.events.findLast(
    (e) => e.action === 'request_extension' || e.action === 'extend' || e.action === 'receive_correction',
  );
  if (last?.action !== 'request_extension') {
    return null;
  }
  return {
    workingDays: Number(last.params.workingDays),
    reason: typeof last.params.reason === 'string' ? last.params.reason : '',
    on: last.on,
    actorLabel: last.actorLabel,
  };
}

/**
 * Whether the clock has proposed ending the case for the period now waited on (a proposal since the last
 * correction request or fee notice, not yet answered by the correction or the payment): the case waits in the
 * handler's queue 待确认终止 until confirmed or answered.
 * @param app the case
 */
export function lapseProposed(app: Pick<ApplicationSnapshot, 'events'>): boolean {
  const answers: readonly string[] = ['request_correction', 'receive_correction', 'issue_fee_notice', 'record_payment'];
  const last = app.events.findLast((e) => e.action === 'propose_lapse' || answers.includes(e.action));
  return last?.action === 'propose_lapse';
}

function lapseError(app: ApplicationSnapshot, what: string, today: LocalDate | undefined): DomainError | null {
  if (today === undefined || (app.waitingUntil !== null && compareDates(today, app.waitingUntil) > 0)) {
    return null;
  }
  return new DomainError(
    ILLEGAL_TRANSITION,
    `${what}${app.waitingUntil === null ? '未设定' : `至${app.waitingUntil}，尚未届满`}，不能按逾期处理`,
  );
}

/** Who drafted the reply now under review: the actor of the latest draft_reply event. */
function drafterOf(app: ApplicationSnapshot): string | null {
  return app.events.findLast((e) => e.action === 'draft_reply')?.actorId ?? null;
}

/** The per-move part of a decision: the legal date, computed params and stored fields. */
function buildMove(
  app: ApplicationSnapshot,
  action: Action,
  params: Record<string, unknown>,
  ctx: DecideContext,
): Result<Move, DomainError> {
  const dated = legalDate(app, action, params, ctx.today);
  if (!dated.ok) {
    return dated;
  }
  const on = dated.value;
  const move = (
    patch: Partial<ApplicationSnapshot> = {},
    extra: Record<string, unknown> = {},
  ): Result<Move, DomainError> => ok({ on, extra, patch });
  switch (action) {
    case 'register':
      // Whoever registers handles the case until it is assigned to someone else.
      return move({ handlerId: app.handlerId ?? ctx.actor?.userId ?? null });
    case 'assign':
      return move({ handlerId: params.handlerId as string });
    case 'transfer':
      // The use case checks that the organization belongs to the same tree.
      return params.orgId === app.orgId
        ? err(new DomainError(INVALID_PARAMS, '不能转办给本机关'))
        : move({ orgId: params.orgId as string, handlerId: null });
    case 'request_correction': {
      // Art. 30's 7 working days: a late notice is still allowed (refusing it would leave the
      // office no lawful way to ask), but the lateness is recorded on the event and in the ledger.
      const noticeDueBy = correctionNoticeDueOn(app.receivedOn, ctx.rules, ctx.calendar);
      if (compareDates(params.dueOn as LocalDate, on) <= 0) {
        return invalid('补正期限应晚于补正告知送达日期');
      }
      return move({}, { noticeDueBy, lateNotice: noticeDueBy !== null && compareDates(on, noticeDueBy) > 0 });
    }
    case 'receive_correction': {
      // Art. 30 deems abandoned only a correction missing "无正当理由": a late one is accepted with its reason.
      const late = app.waitingUntil !== null && compareDates(on, app.waitingUntil) > 0;
      return late && params.lateReason === undefined
        ? invalid(`补正期限已于${app.waitingUntil ?? ''}届满；申请人有正当理由逾期补正的，请填写“逾期补正的正当理由”`)
        : move({}, { late });
    }
    case 'record_payment':
      return move({}, { late: app.waitingUntil !== null && compareDates(on, app.waitingUntil) > 0 });
    case 'extend':
      return move({ extended: true });
    case 'issue_fee_notice':
      return feeMove(params, move);
    case 'set_delayed_period':
      return app.dueOn !== null && compareDates(params.dueOn as LocalDate, app.dueOn) <= 0
        ? invalid(`延迟答复的期限应晚于现答复期限${app.dueOn}`)
        : move();
    case 'request_reasons':
      // The pause setting in force is recorded on the event: a later change never re-dates the case.
      return compareDates(params.dueOn as LocalDate, on) <= 0
        ? invalid('说明理由的期限应晚于告知书送达日期')
        : move({}, { pausesClock: ctx.rules.reasonsRequestStopsClock });
    case 'draft_reply': {
      const history = historyError(app, params);
      if (history !== null) {
        return err(history);
      }
      return move({ outcome: params.outcome as Outcome });
    }
    case 'pass_legal_review':
      return params.confidentialityReviewed === true ? move() : invalid('合法性审查通过前须完成保密审查（第十七条）');
    case 'return_from_legal_review':
    case 'return_from_approval':
      return move({ outcome: null });
    case 'send_reply':
      return move({ closedOn: on });
    case 'withdraw':
      // A withdrawn application still counts in the report's section 三: common practice puts it
      // under （六）3 其他 [U: no official counting rule found].
      return move({ closedOn: on, outcome: 'other.other' });
    case 'lapse_correction':
    case 'lapse_fee':
      if (params.confirmed !== true) {
        return invalid('请先核实申请人确无正当理由逾期，再确认终止办理（第三十条）');
      }
      return move({
        closedOn: on,
        outcome: action === 'lapse_correction' ? 'other.correction_lapsed' : 'other.fee_unpaid',
      });
    case 'archive':
      return params.confirm === true ? move() : invalid('请勾选“确认归档”：归档后案卷不再变动');
    case 'start_consultation':
    case 'end_consultation':
    case 'approve_reply':
    case 'request_extension':
    case 'propose_lapse':
    case 'record_reasons':
      return move();
  }
}

/**
 * Outcomes that presuppose a step of the history (art. 36 item 7: the one-time 补正; art. 35: the request for
 * reasons) or a link to it (art. 36 item 6: the earlier reply to the same applicant).
 */
function historyError(app: ApplicationSnapshot, params: Record<string, unknown>): DomainError | null {
  const has = (action: Action) => app.events.some((e) => e.action === action);
  switch (params.outcome) {
    case 'unavailable.still_unclear':
      return has('request_correction')
        ? null
        : new ConflictError(
            NEEDS_CORRECTION_REQUEST,
            '本申请未曾告知补正，不能以“补正后申请内容仍不明确”答复（第三十条、第三十六条第七项）；请先发出补正告知',
          );
    case 'not_processed.repeated':
      return params.previousCaseId !== undefined || params.previousReply !== undefined
        ? null
        : new ConflictError(
            NEEDS_PREVIOUS_REPLY,
            '以“重复申请”不予处理，须关联此前已答复的申请，或填写此前答复的文号和日期（第三十六条第六项）',
          );
    case 'not_processed.excessive':
      return has('request_reasons')
        ? null
        : new ConflictError(
            NEEDS_REASONS_REQUEST,
            '以“要求提供的信息数量、频次明显超过合理范围”不予处理，须先要求申请人说明理由（第三十五条）',
          );
    default:
      return null;
  }
}

function feeMove(
  params: Record<string, unknown>,
  move: (patch?: Partial<ApplicationSnapshot>, extra?: Record<string, unknown>) => Result<Move, DomainError>,
): Result<Move, DomainError> {
  const prior = typeof params.priorPiecesThisMonth === 'number' ? params.priorPiecesThisMonth : 0;
  const fee =
    typeof params.pieces === 'number'
      ? pieceBreakdown(prior + params.pieces, prior)
      : pageBreakdown(params.pages as number);
  if (fee.amount === 0) {
    return invalid('按所填件数或页数不产生信息处理费，无需发出收费通知');
  }
  return move({}, { basis: fee.basis, amount: fee.amount, lines: fee.lines });
}

/**
 * The date the move counts from: its date parameter, or today; never in the future, before receipt or before the last
 * dated step.
 */
function legalDate(
  app: ApplicationSnapshot,
  action: Action,
  params: Record<string, unknown>,
  today: LocalDate,
): Result<LocalDate, DomainError> {
  const name = DATE_PARAMS[action];
  const on = (name === undefined ? undefined : (params[name] as LocalDate | undefined)) ?? today;
  if (compareDates(on, today) > 0) {
    return invalid(`日期${on}晚于今天（${today}）`);
  }
  // Assignments and extensions move no period, so a backdated date may precede them.
  const floor = app.events
    .filter((e) => !['assign', 'extend', 'request_extension', 'transfer'].includes(e.action))
    .reduce<LocalDate>((max, e) => (compareDates(e.on, max) > 0 ? e.on : max), app.receivedOn);
  if (compareDates(on, floor) < 0) {
    return invalid(`日期${on}早于上一环节的日期（${floor}）`);
  }
  return ok(on);
}

function invalid(message: string): { readonly ok: false; readonly error: DomainError } {
  return err(new DomainError(INVALID_PARAMS, message));
}

// The deadline ledger (期限台账): the reply due date replayed from the event history, with a Chinese
// explanation per event of how it moved. `decide` uses it to stamp
// each new event, and a recompute after a calendar import runs it over the stored history.
//
// The reply clock (2019 text; the 2007 text, 国令第492号 art. 24, works the same with 15 + 15 days):
// - starts at the receipt date fixed by art. 31 (day zero; counting starts the next day, working-days.ts):
//   due = receipt + 20 working days (art. 33 para 2);
// - 补正 (art. 30) stops it; the corrected application's receipt date becomes the new day zero and the
//   whole period runs again from zero ("答复期限自行政机关收到补正的申请之日起计算"): an extension granted
//   before the correction does not carry over, and the new period may be extended once;
// - 征求意见 (arts. 32, 34) pauses it: the working days in (start, end] of the consultation are
//   added to the due date (art. 33 para 3: "所需时间不计算在前款规定的期限内"), but never more than the
//   consulted party's window — 15 working days from service of the letter (arts. 32, 34: a third party's
//   silence leaves the decision to the office, a co-producing agency's silence is consent). While the
//   consultation runs, the due date is the one reached if the window runs out; after the window the clock
//   runs again without any staff action, so the case can become overdue;
// - 延期 adds the approved working days, at most 20 (art. 33 para 2);
// - 说明理由 (art. 35) pauses it from service of the request to the applicant's answer, at most to the answer's
//   due date, only when the setting in force then said so (recorded on the event as `pausesClock`);
// - 延迟答复 (art. 35, second branch) sets a later due date the office head fixed: the due date is the later of
//   that day and the computed one;
// - 收费通知 pauses it from service to payment when `feePeriodStopsClock` (a setting: the national
//   measures, 国办函〔2020〕109号, do not say so expressly).
// due = start + (reply days + extension + paused days) working days, recomputed as a whole each time.

import { computeDeadline, workingDaysBetween } from '../calendar/working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareDates, type LocalDate } from '../core/local-date.js';
import type { ApplicationEvent, ApplicationSnapshot, ApplicationState, Outcome } from './application.js';
import { OUTCOME_INFO, isOutcome } from './outcomes.js';
import type { DisclosureRules } from './rules.js';
import { isClosedState } from './transition-table.js';

/** What the ledger reads from an event. */
export type LedgerEvent = Pick<ApplicationEvent, 'action' | 'on' | 'params'>;

/** The ledger's line for one event. */
export type LedgerEntry = {
  /** Reply due date after the event; null while the clock is stopped or after a lapse. */
  readonly dueOn: LocalDate | null;
  readonly explanation: string;
  /** True when the due date depends on a year whose holiday schedule is not yet published. */
  readonly provisional: boolean;
  /** End of the running correction, consultation or payment period, if any. */
  readonly waitingUntil: LocalDate | null;
};

/** Display status of a case on a given day. */
export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue' | 'closed' | 'paused';

type Clock = {
  start: LocalDate;
  days: number; // reply days + extension
  paused: number; // working days excluded (consultation, fee)
  stoppedSince: LocalDate | null;
  /** The last day a bounded pause (consultation) can last; null for an open-ended stop (补正, fee). */
  pauseCap: LocalDate | null;
  waitingUntil: LocalDate | null;
  /** A due date fixed under art. 35 (延迟答复的合理期限); the computed date applies when it is later. */
  delayedTo: LocalDate | null;
  closed: boolean;
  due: LocalDate | null;
  provisional: boolean;
};

type Ctx = { rules: DisclosureRules; cal: HolidayCalendar; receivedOn: LocalDate };

/**
 * Replays the history into the ledger.
 * @param receivedOn the receipt date (art. 31)
 * @param events the case's events in order (a leading `submit` event is optional)
 * @param rules the rules for the receipt date
 * @param calendar the working-day calendar
 * @returns one entry per event, in the same order
 */
export function recomputeLedger(
  receivedOn: LocalDate,
  events: readonly LedgerEvent[],
  rules: DisclosureRules,
  calendar: HolidayCalendar,
): LedgerEntry[] {
  const ctx: Ctx = { rules, cal: calendar, receivedOn };
  let clock = run(
    {
      start: receivedOn,
      days: rules.replyWorkingDays,
      paused: 0,
      stoppedSince: null,
      pauseCap: null,
      waitingUntil: null,
      delayedTo: null,
      closed: false,
      due: null,
      provisional: false,
    },
    ctx,
  );
  return events.map((event) => {
    const [next, text] = step(clock, event, ctx);
    clock = next;
    const suffix =
      clock.provisional && clock.due !== null ? '（暂定：涉及尚未公布放假安排的年度，公布后重新计算）' : '';
    return {
      dueOn: clock.due,
      explanation: text + suffix,
      provisional: clock.due !== null && clock.provisional,
      waitingUntil: clock.closed ? null : clock.waitingUntil,
    };
  });
}

/**
 * The intake event that opens every ledger.
 * @param receivedOn the receipt date (art. 31)
 * @param rules the rules for that date
 * @param calendar the working-day calendar
 * @returns the `submit` event without its storage fields
 */
export function submissionEvent(
  receivedOn: LocalDate,
  rules: DisclosureRules,
  calendar: HolidayCalendar,
): Omit<ApplicationEvent, 'seq' | 'at' | 'actorId' | 'actorLabel'> {
  const event = { action: 'submit' as const, on: receivedOn, params: {} };
  const [entry] = recomputeLedger(receivedOn, [event], rules, calendar);
  return {
    ...event,
    dueOn: entry?.dueOn ?? null,
    explanation: entry?.explanation ?? '',
    provisional: entry?.provisional ?? false,
  };
}

/**
 * Recomputes a stored case, e.g. after a holiday schedule was imported or corrected.
 * @param app the case with its events
 * @param rules its rules
 * @param calendar the new calendar
 * @returns the case's new due date and waiting date, and its events with fresh ledger fields
 */
export function recomputeCase(
  app: Pick<ApplicationSnapshot, 'receivedOn' | 'events' | 'dueOn' | 'waitingUntil'>,
  rules: DisclosureRules,
  calendar: HolidayCalendar,
): { dueOn: LocalDate | null; waitingUntil: LocalDate | null; events: ApplicationEvent[] } {
  const entries = recomputeLedger(app.receivedOn, app.events, rules, calendar);
  const events = app.events.map((e, i) => {
    const entry = entries[i];
    return entry === undefined
      ? e
      : { ...e, dueOn: entry.dueOn, explanation: entry.explanation, provisional: entry.provisional };
  });
  const last = entries.at(-1);
  return last === undefined
    ? { dueOn: app.dueOn, waitingUntil: app.waitingUntil, events }
    : { dueOn: last.dueOn, waitingUntil: last.waitingUntil, events };
}

/**
 * The latest day a correction notice is due under art. 30 ("收到申请之日起7个工作日内").
 * @returns the date, or null when the rules set no limit (2007 text)
 */
export function correctionNoticeDueOn(
  receivedOn: LocalDate,
  rules: DisclosureRules,
  calendar: HolidayCalendar,
): LocalDate | null {
  const days = rules.correctionNoticeWorkingDays;
  return days === null ? null : computeDeadline(receivedOn, days, calendar).due;
}

/**
 * Derives the display status purely from stored dates.
 * @param app the case's state and due date
 * @param today the office's current date
 * @param rules its rules (`dueSoonWorkingDays`, `feePeriodStopsClock`)
 * @param calendar the working-day calendar
 * @returns closed; paused while the clock is stopped (补正, fee); overdue after the due date; due_soon within
 *   `dueSoonWorkingDays` working days of it (the due day itself included); otherwise on_time. A case in
 *   consultation has a due date (its window counted as paused, arts. 32–34) and is judged by it like any other.
 */
export function status(
  app: Pick<ApplicationSnapshot, 'state' | 'dueOn'>,
  today: LocalDate,
  rules: DisclosureRules,
  calendar: HolidayCalendar,
): DeadlineStatus {
  if (isClosedState(app.state)) {
    return 'closed';
  }
  if (isPausedState(app.state, rules) || app.dueOn === null) {
    return 'paused';
  }
  if (compareDates(today, app.dueOn) > 0) {
    return 'overdue';
  }
  return workingDaysBetween(today, app.dueOn, calendar) <= rules.dueSoonWorkingDays ? 'due_soon' : 'on_time';
}

function isPausedState(state: ApplicationState, rules: DisclosureRules): boolean {
  return state === 'awaiting_correction' || (state === 'awaiting_payment' && rules.feePeriodStopsClock);
}

/** Recomputes `due` from the clock (null while stopped or after a lapse). */
function run(clock: Clock, ctx: Ctx): Clock {
  if ((clock.stoppedSince !== null && clock.pauseCap === null) || (clock.closed && clock.due === null)) {
    return { ...clock, due: null, provisional: false };
  }
  // A bounded pause counts as if it lasted to its cap: the due date if the consulted party stays silent.
  const pending = clock.stoppedSince === null ? 0 : pausedDays(clock, clock.pauseCap ?? clock.stoppedSince, ctx);
  const deadline = computeDeadline(clock.start, clock.days + clock.paused + pending, ctx.cal);
  if (clock.delayedTo !== null && compareDates(clock.delayedTo, deadline.due) > 0) {
    return { ...clock, due: clock.delayedTo, provisional: false };
  }
  return { ...clock, due: deadline.due, provisional: deadline.provisional };
}

function step(c: Clock, e: LedgerEvent, ctx: Ctx): [Clock, string] {
  const art = ctx.rules.articles;
  switch (e.action) {
    case 'submit': {
      const next = run({ ...c, start: e.on }, ctx);
      return [
        next,
        `自收到申请之日（${e.on}）起${ctx.rules.replyWorkingDays}个工作日内答复（${art.reply}），答复期限为${next.due ?? ''}`,
      ];
    }
    case 'request_correction': {
      const latest = correctionNoticeDueOn(ctx.receivedOn, ctx.rules, ctx.cal);
      const late =
        latest !== null && compareDates(e.on, latest) > 0 ? `；补正告知应于${latest}前发出，已超过法定期限` : '';
      const until = dateParam(e.params.dueOn);
      return [
        { ...c, stoppedSince: e.on, pauseCap: null, waitingUntil: until, due: null, provisional: false },
        `已一次性告知申请人补正（${art.correction}），补正期限至${until ?? '（未定）'}；答复期限自收到补正后的申请之日起重新计算${late}`,
      ];
    }
    case 'receive_correction': {
      const reason = typeof e.params.lateReason === 'string' ? `，正当理由：${e.params.lateReason}` : '';
      const late =
        c.waitingUntil !== null && compareDates(e.on, c.waitingUntil) > 0
          ? `（晚于补正期限${c.waitingUntil}${reason}）`
          : '';
      const next = run(
        {
          ...c,
          start: e.on,
          days: ctx.rules.replyWorkingDays,
          paused: 0,
          stoppedSince: null,
          pauseCap: null,
          waitingUntil: null,
          delayedTo: null,
        },
        ctx,
      );
      const dropped = c.days > ctx.rules.replyWorkingDays ? '（此前的延期不再计算）' : '';
      return [
        next,
        `收到补正后的申请${late}，答复期限自${e.on}起重新计算${ctx.rules.replyWorkingDays}个工作日${dropped}，至${next.due ?? ''}`,
      ];
    }
    case 'start_consultation': {
      const agency = e.params.kind === 'agency';
      const until = computeDeadline(e.on, ctx.rules.consultationWorkingDays, ctx.cal).due;
      const who = agency ? '共同制作机关' : '第三方';
      const head = `书面征求${who}意见（${agency ? art.agencyConsultation : art.consultation}），意见期限至${until}`;
      if (!ctx.rules.consultationStopsClock) {
        return [{ ...c, waitingUntil: until }, `${head}；${current(c)}`];
      }
      const next = run({ ...c, waitingUntil: until, stoppedSince: e.on, pauseCap: until }, ctx);
      const silence = agency ? '逾期未提出意见的视为同意公开' : '逾期未提出意见的由本机关依法决定';
      return [
        next,
        `${head}；征求意见期间不计入答复期限（${art.pause}），最长至意见期限届满（${silence}），届满后答复期限自动恢复计算，答复期限暂定为${next.due ?? ''}`,
      ];
    }
    case 'end_consultation':
      return resume(
        c,
        e.on,
        ctx,
        (n, due) =>
          `征求意见期间不计入答复期限（暂停${n}个工作日${c.pauseCap !== null && compareDates(e.on, c.pauseCap) > 0 ? `，计至意见期限${c.pauseCap}届满` : ''}），答复期限顺延至${due}`,
      );
    case 'extend': {
      const n = numberParam(e.params.workingDays);
      const next = run({ ...c, days: c.days + n }, ctx);
      const tail = next.due === null ? '；答复期限暂停计算中，恢复后相应顺延' : `，答复期限延至${next.due}`;
      return [next, `经政府信息公开工作机构负责人同意延长${n}个工作日（${art.extension}）${tail}`];
    }
    case 'request_extension':
      return [
        c,
        `承办人申请延长${numberParam(e.params.workingDays)}个工作日，待政府信息公开工作机构负责人同意（${art.extension}）；${current(c)}`,
      ];
    case 'request_reasons': {
      const until = dateParam(e.params.dueOn);
      const head = `要求申请人于${until ?? '（未定）'}前说明理由（第三十五条）`;
      if (e.params.pausesClock !== true || until === null) {
        return [c, `${head}；说明理由期间计入答复期限，${current(c)}`];
      }
      const next = run({ ...c, stoppedSince: e.on, pauseCap: until, waitingUntil: until }, ctx);
      return [next, `${head}；说明理由期间不计入答复期限（按本机关设置），答复期限暂定为${next.due ?? ''}`];
    }
    case 'record_reasons':
      if (c.stoppedSince === null) {
        return [c, `收到申请人说明的理由；${current(c)}`];
      }
      return resume(
        c,
        e.on,
        ctx,
        (n, due) => `收到申请人说明的理由，说明理由期间${n}个工作日不计入，答复期限顺延至${due}`,
      );
    case 'set_delayed_period': {
      const until = dateParam(e.params.dueOn);
      const next = run({ ...c, delayedTo: until }, ctx);
      return [
        next,
        `申请理由合理，但无法在${art.reply}规定的期限内答复；经政府信息公开工作机构负责人确定延迟答复的合理期限（第三十五条），答复期限至${next.due ?? ''}`,
      ];
    }
    case 'issue_fee_notice': {
      const until = computeDeadline(e.on, ctx.rules.feePaymentWorkingDays, ctx.cal).due;
      const head = `收费通知于${e.on}送达，应于${until}前缴纳信息处理费${numberParam(e.params.amount)}元（自送达次日起${ctx.rules.feePaymentWorkingDays}个工作日）`;
      if (!ctx.rules.feePeriodStopsClock) {
        return [{ ...c, waitingUntil: until }, `${head}；缴费期间计入答复期限，${current(c)}`];
      }
      return [
        { ...c, waitingUntil: until, stoppedSince: e.on, pauseCap: null, due: null, provisional: false },
        `${head}；自送达至缴费之日不计入答复期限`,
      ];
    }
    case 'record_payment': {
      const late =
        c.waitingUntil !== null && compareDates(e.on, c.waitingUntil) > 0 ? `（晚于缴费期限${c.waitingUntil}）` : '';
      if (c.stoppedSince === null) {
        return [{ ...c, waitingUntil: null }, `已缴费${late}；${current(c)}`];
      }
      return resume(
        c,
        e.on,
        ctx,
        (n, due) => `已缴费${late}，收费通知送达至缴费期间不计入答复期限（暂停${n}个工作日），答复期限顺延至${due}`,
      );
    }
    case 'draft_reply':
      return [c, `已起草答复：${outcomeLabel(e.params.outcome)}，送合法性审查；${current(c)}`];
    case 'send_reply':
      return [{ ...c, closed: true }, `已于${e.on}答复申请人，${timeliness(c, e.on, ctx)}`];
    case 'withdraw':
      return [{ ...c, closed: true, waitingUntil: null }, `申请人于${e.on}撤回申请，办结`];
    case 'propose_lapse':
      return [
        c,
        `${c.waitingUntil ?? ''}期限届满，申请人未补正或未缴费；待承办人核实有无正当理由后确认是否终止办理（${art.correction}：无正当理由逾期不补正的，视为放弃申请）`,
      ];
    case 'lapse_correction':
      return [
        { ...c, closed: true, due: null, provisional: false },
        `申请人无正当理由逾期未补正，视为放弃申请，不再处理（${art.correction}）`,
      ];
    case 'lapse_fee':
      return [
        { ...c, closed: true, due: null, provisional: false },
        '申请人逾期未缴纳信息处理费，视为放弃申请，不再处理',
      ];
    case 'register':
    case 'assign':
    case 'transfer':
    case 'pass_legal_review':
    case 'return_from_legal_review':
    case 'approve_reply':
    case 'return_from_approval':
    case 'archive':
      return [c, c.closed ? '已办结' : current(c)];
  }
}

/** The working days in (stoppedSince, min(end, pauseCap)] — the part of a pause left out of the period. */
function pausedDays(c: Clock, end: LocalDate, ctx: Ctx): number {
  if (c.stoppedSince === null) {
    return 0;
  }
  const last = c.pauseCap !== null && compareDates(c.pauseCap, end) < 0 ? c.pauseCap : end;
  return Math.max(0, workingDaysBetween(c.stoppedSince, last, ctx.cal));
}

/** Ends a pause on `on`: the working days in (stoppedSince, on] — at most to its cap — are added to the period. */
function resume(c: Clock, on: LocalDate, ctx: Ctx, text: (n: number, due: LocalDate) => string): [Clock, string] {
  const n = pausedDays(c, on, ctx);
  const next = run({ ...c, paused: c.paused + n, stoppedSince: null, pauseCap: null, waitingUntil: null }, ctx);
  return [next, next.due === null ? current(next) : text(n, next.due)];
}

function current(c: Clock): string {
  return c.due === null ? '答复期限暂停计算' : `答复期限仍为${c.due}`;
}

function timeliness(c: Clock, on: LocalDate, ctx: Ctx): string {
  if (c.due === null || compareDates(on, c.due) <= 0) {
    return '在答复期限内';
  }
  return `超过答复期限（${c.due}）${workingDaysBetween(c.due, on, ctx.cal)}个工作日`;
}

function outcomeLabel(value: unknown): string {
  if (typeof value !== 'string' || !isOutcome(value)) {
    return String(value);
  }
  const info = OUTCOME_INFO[value as Outcome];
  return `${info.groupLabel}${info.group === 'disclosed' || info.group === 'partially_disclosed' ? '' : ` ${info.label}`}`;
}

function dateParam(value: unknown): LocalDate | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? (value as LocalDate) : null;
}

function numberParam(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

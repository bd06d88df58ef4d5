// The reply clock as the Regulation sets it, on the real 2025 calendar: moves that belong inside the
// period are refused after the due date (art. 33 ¶2), no extension during a pause, only the handling
// organization's own office head consents to an extension, and a corrected application restarts the
// period from zero (art. 30).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chineseDaysSnapshot } from '../../db/seeds/chinese-days.js';
import { localDate as D, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../policies/actor.js';
import type { ApplicationSnapshot } from './application.js';
import { status } from './deadlines.js';
import { rulesFor } from './rules.js';
import { actorWith, applyDecision, calendarFrom, cmd, submitted } from './test-support.js';
import {
  AFTER_DUE_DATE,
  DURING_PAUSE,
  FORBIDDEN,
  ILLEGAL_TRANSITION,
  INVALID_PARAMS,
  NEEDS_CORRECTION_REQUEST,
  NEEDS_PREVIOUS_REPLY,
  NEEDS_REASONS_REQUEST,
  availableTransitions,
  decide,
  lapseProposed,
  pendingExtensionRequest,
  type Command,
} from './transitions.js';

const cal = calendarFrom(chineseDaysSnapshot());
const handler = actorWith('u-handler', ['handler']);
const head = actorWith('u-head', ['office_head']);
/** The office head of the parent government (org-root), the case being at org-1 under it. */
const rootHead = actorWith('u-root-head', ['office_head'], 'org-root');
const EXTEND = { workingDays: 20, reason: '需调取多个部门的档案' };

function tryMove(app: ApplicationSnapshot, c: Command, today: string, actor: Actor | null) {
  return decide(app, c, {
    today: D(today),
    rules: rulesFor(app.receivedOn),
    calendar: cal,
    actor,
  });
}

function move(app: ApplicationSnapshot, c: Command, today: string, actor: Actor | null): ApplicationSnapshot {
  const d = tryMove(app, c, today, actor);
  assert.ok(d.ok, `${c.action} on ${today}: ${d.ok ? '' : d.error.message}`);
  return applyDecision(app, d.value, actor);
}

/** What the applicant sent, recorded by the handler on the day it arrived (`receivedOn`). */
const receivedOn = (
  app: ApplicationSnapshot,
  action: Command['action'],
  day: string,
  params: Record<string, unknown>,
) => move(app, cmd(action, { receivedOn: day, ...params }), day, handler);

/** A reply drafted on 2025-10-09 with `outcome`, that must be refused. */
const draftRefusal = (app: ApplicationSnapshot, outcome: string) =>
  refusal(app, cmd('draft_reply', { outcome }), '2025-10-09', handler);

/** A move decided with the office's choice on the pause for reasons (art. 35; procedure-settings.ts). */
function decideWith(app: ApplicationSnapshot, c: Command, today: string, actor: Actor, pause: boolean) {
  const d = decide(app, c, {
    today: D(today),
    rules: rulesFor(app.receivedOn, { reasonsRequestStopsClock: pause }),
    calendar: cal,
    actor,
  });
  assert.ok(d.ok, d.ok ? '' : d.error.message);
  return applyDecision(app, d.value, actor);
}

function refusal(app: ApplicationSnapshot, c: Command, today: string, actor: Actor | null): [string, string] {
  const d = tryMove(app, c, today, actor);
  assert.ok(!d.ok, `${c.action} on ${today} should be refused`);
  return [d.error.code, d.error.message];
}

/** Received 2025-09-01 (due 2025-09-28, the Sunday worked before National Day), registered that day. */
const registered = (receivedOn: LocalDate = D('2025-09-01')) =>
  move(submitted(receivedOn, cal), cmd('register'), receivedOn, handler);

describe('moves that belong inside the reply period (art. 33 ¶2)', () => {
  it('should refuse extend, issue_fee_notice and start_consultation after the due date, keeping it', () => {
    const app = registered();
    assert.equal(app.dueOn, '2025-09-28');
    for (const [c, actor] of [
      [cmd('extend', EXTEND), head],
      [cmd('issue_fee_notice', { pieces: 15 }), handler],
      [cmd('start_consultation', { kind: 'third_party', party: '某建设公司' }), handler],
      [cmd('request_extension', EXTEND), handler],
    ] as const) {
      const [code, message] = refusal(app, c, '2025-09-29', actor);
      assert.equal(code, AFTER_DUE_DATE, c.action);
      assert.match(message, /答复期限已于2025-09-28届满/);
    }
    assert.equal(app.dueOn, '2025-09-28');
  });

  it('should allow them on the due date itself, and a notice served in time but recorded later', () => {
    const app = registered();
    assert.equal(move(app, cmd('extend', EXTEND), '2025-09-28', head).dueOn, '2025-10-31');
    const fee = move(app, cmd('issue_fee_notice', { pieces: 15, servedOn: '2025-09-26' }), '2025-09-30', handler);
    assert.equal(fee.state, 'awaiting_payment');
    assert.equal(
      refusal(app, cmd('issue_fee_notice', { pieces: 15, servedOn: '2025-09-29' }), '2025-09-30', handler)[0],
      AFTER_DUE_DATE,
    );
  });

  it('should not offer an extension after the due date', () => {
    const app = registered();
    const offered = (today: string) =>
      availableTransitions(app, head, rulesFor(app.receivedOn), { today: D(today) }).map((t) => t.action);
    assert.ok(offered('2025-09-28').includes('extend'));
    assert.ok(!offered('2025-09-29').includes('extend'));
  });
});

describe('no extension during a pause', () => {
  it('should refuse extend in in_consultation and awaiting_payment with a Chinese message', () => {
    const base = registered(D('2025-09-26'));
    const consulting = move(
      base,
      cmd('start_consultation', { kind: 'agency', party: '市交通局' }),
      '2025-09-30',
      handler,
    );
    const paying = move(base, cmd('issue_fee_notice', { pages: 120 }), '2025-09-30', handler);
    for (const app of [consulting, paying]) {
      const [code, message] = refusal(app, cmd('extend', EXTEND), '2025-10-09', head);
      assert.equal(code, DURING_PAUSE, app.state);
      assert.equal(message, '请在征求意见/缴费期间结束后再办理延期');
    }
  });
});

describe('the consultation pause is bounded (arts. 32, 33 ¶3, 34)', () => {
  // Received 2025-09-26 (due 2025-10-30); letter served 2025-10-09: the party's window is 15 working days,
  // to 2025-10-29 (10-11 is a make-up working day).
  const consulting = () =>
    move(
      registered(D('2025-09-26')),
      cmd('start_consultation', { kind: 'third_party', party: '某建设公司', startedOn: '2025-10-09' }),
      '2025-10-09',
      handler,
    );

  it('should give the case the due date reached if the party stays silent, and run the clock after the window', () => {
    const app = consulting();
    assert.equal(app.state, 'in_consultation');
    assert.equal(app.waitingUntil, '2025-10-29');
    // 2025-10-30 + 15 working days paused.
    assert.equal(app.dueOn, '2025-11-20');
    const rules = rulesFor(app.receivedOn);
    assert.equal(status(app, D('2025-10-20'), rules, cal), 'on_time');
    assert.equal(status(app, D('2025-11-17'), rules, cal), 'due_soon', 'the clock runs again without staff action');
    assert.equal(status(app, D('2025-11-21'), rules, cal), 'overdue');
  });

  it('should count only the days the consultation really took when the answer comes early', () => {
    const ended = move(consulting(), cmd('end_consultation', { endedOn: '2025-10-16' }), '2025-10-16', handler);
    // (10-09, 10-16] = 6 working days (10-11 worked): 10-30 + 6.
    assert.equal(ended.dueOn, '2025-11-07');
  });

  it('should never count more than the window when the answer comes late', () => {
    const late = move(consulting(), cmd('end_consultation', { endedOn: '2025-11-05' }), '2025-11-05', handler);
    assert.equal(late.dueOn, '2025-11-20');
    assert.match(late.events.at(-1)?.explanation ?? '', /暂停15个工作日，计至意见期限2025-10-29届满/);
  });
});

describe('who consents to an extension (art. 33 ¶2)', () => {
  it('should let only the office head of the handling organization itself extend', () => {
    const app = registered(D('2025-09-26'));
    const [code, message] = refusal(app, cmd('extend', EXTEND), '2025-10-09', rootHead);
    assert.equal(code, FORBIDDEN);
    assert.match(message, /本机关政府信息公开工作机构负责人/);
    assert.equal(refusal(app, cmd('extend', EXTEND), '2025-10-09', handler)[0], FORBIDDEN);
    assert.equal(move(app, cmd('extend', EXTEND), '2025-10-09', head).dueOn, '2025-11-27');
  });

  it('should require a reason for the extension', () => {
    const app = registered(D('2025-09-26'));
    const [code, message] = refusal(app, cmd('extend', { workingDays: 20 }), '2025-10-09', head);
    assert.equal(code, INVALID_PARAMS);
    assert.match(message, /延期理由/);
  });

  it('should put a handler’s request in the office head’s queue until the head extends', () => {
    const app = registered(D('2025-09-26'));
    assert.equal(refusal(app, cmd('request_extension', EXTEND), '2025-10-09', head)[0], FORBIDDEN);
    const asked = move(
      app,
      cmd('request_extension', { workingDays: 10, reason: '需征求多个部门意见' }),
      '2025-10-09',
      handler,
    );
    assert.equal(asked.dueOn, '2025-10-30', 'a request alone moves nothing');
    assert.deepEqual(pendingExtensionRequest(asked), {
      workingDays: 10,
      reason: '需征求多个部门意见',
      on: '2025-10-09',
      actorLabel: 'u-handler',
    });
    assert.equal(refusal(asked, cmd('request_extension', EXTEND), '2025-10-10', handler)[0], ILLEGAL_TRANSITION);
    const granted = move(asked, cmd('extend', { workingDays: 10, reason: '同意' }), '2025-10-10', head);
    assert.equal(granted.dueOn, '2025-11-13');
    assert.equal(pendingExtensionRequest(granted), null);
    assert.equal(pendingExtensionRequest(app), null);
  });
});

describe('补正 restarts the clock from zero (art. 30)', () => {
  it('should count 20 working days from the corrected application, dropping the earlier extension', () => {
    let app = registered(D('2025-09-26'));
    app = move(app, cmd('extend', EXTEND), '2025-09-29', head);
    assert.equal(app.dueOn, '2025-11-27');
    assert.equal(refusal(app, cmd('extend', EXTEND), '2025-09-30', head)[0], ILLEGAL_TRANSITION);
    app = move(app, cmd('request_correction', { dueOn: '2025-10-17' }), '2025-09-30', handler);
    app = move(app, cmd('receive_correction', { receivedOn: '2025-10-13' }), '2025-10-13', handler);
    assert.equal(app.dueOn, '2025-11-10');
    assert.match(app.events.at(-1)?.explanation ?? '', /重新计算20个工作日（此前的延期不再计算），至2025-11-10/);
    app = move(app, cmd('extend', EXTEND), '2025-10-14', head);
    assert.equal(app.dueOn, '2025-12-08', 'the new period may be extended once');
    assert.equal(refusal(app, cmd('extend', EXTEND), '2025-10-15', head)[0], ILLEGAL_TRANSITION);
  });
});

describe('outcomes that need history', () => {
  it('should refuse unavailable.still_unclear unless a correction was requested', () => {
    const app = registered(D('2025-09-26'));
    const still = cmd('draft_reply', { outcome: 'unavailable.still_unclear' });
    const [code, message] = draftRefusal(app, 'unavailable.still_unclear');
    assert.equal(code, NEEDS_CORRECTION_REQUEST);
    assert.match(message, /第三十六条第七项/);
    let corrected = move(app, cmd('request_correction', { dueOn: '2025-10-17' }), '2025-09-29', handler);
    corrected = move(
      corrected,
      cmd('receive_correction', { receivedOn: '2025-10-13', correctedRequest: '某路段改造工程（二期）的批复文件' }),
      '2025-10-13',
      handler,
    );
    assert.equal(corrected.events.at(-1)?.params.correctedRequest, '某路段改造工程（二期）的批复文件');
    assert.equal(move(corrected, still, '2025-10-14', handler).state, 'in_legal_review');
  });
});

describe('a lapse needs the handler’s decision (art. 30: only a failure "无正当理由")', () => {
  // Received 2025-09-26; 补正 served 2025-09-29 with a period to 2025-10-17.
  const waiting = () =>
    move(
      registered(D('2025-09-26')),
      cmd('request_correction', { dueOn: '2025-10-17', servedOn: '2025-09-29' }),
      '2025-09-29',
      handler,
    );

  it('should let the clock only propose, once, and only after the period', () => {
    const app = waiting();
    assert.equal(refusal(app, cmd('propose_lapse'), '2025-10-17', null)[0], ILLEGAL_TRANSITION);
    const proposed = move(app, cmd('propose_lapse'), '2025-10-20', null);
    assert.equal(proposed.state, 'awaiting_correction', 'a proposal ends nothing');
    assert.equal(proposed.closedOn, null);
    assert.ok(lapseProposed(proposed));
    assert.match(proposed.events.at(-1)?.explanation ?? '', /待承办人核实有无正当理由后确认/);
    assert.equal(refusal(proposed, cmd('propose_lapse'), '2025-10-21', null)[0], ILLEGAL_TRANSITION);
    assert.equal(refusal(app, cmd('propose_lapse'), '2025-10-20', handler)[0], FORBIDDEN, 'staff do not propose');
    assert.equal(refusal(app, cmd('lapse_correction', { confirmed: true }), '2025-10-20', null)[0], FORBIDDEN);
  });

  it('should end the case only when the handler confirms there was no good reason', () => {
    const proposed = move(waiting(), cmd('propose_lapse'), '2025-10-20', null);
    assert.equal(
      refusal(proposed, cmd('lapse_correction', { confirmed: false }), '2025-10-20', handler)[0],
      INVALID_PARAMS,
    );
    assert.equal(refusal(proposed, cmd('lapse_correction'), '2025-10-20', handler)[0], INVALID_PARAMS);
    const ended = move(proposed, cmd('lapse_correction', { confirmed: true }), '2025-10-20', handler);
    assert.deepEqual(
      [ended.state, ended.outcome, ended.closedOn],
      ['archived', 'other.correction_lapsed', '2025-10-20'],
    );
  });

  it('should accept a late correction with a good reason and restart the clock from it', () => {
    const proposed = move(waiting(), cmd('propose_lapse'), '2025-10-20', null);
    const late = cmd('receive_correction', { receivedOn: '2025-10-22' });
    const [code, message] = refusal(proposed, late, '2025-10-22', handler);
    assert.equal(code, INVALID_PARAMS);
    assert.match(message, /补正期限已于2025-10-17届满/);
    const accepted = receivedOn(proposed, 'receive_correction', '2025-10-22', {
      lateReason: '申请人住院，提供了住院证明',
    });
    assert.equal(accepted.state, 'registered');
    // 20 working days from 2025-10-22.
    assert.equal(accepted.dueOn, '2025-11-19');
    assert.match(accepted.events.at(-1)?.explanation ?? '', /晚于补正期限2025-10-17，正当理由：申请人住院/);
    assert.ok(!lapseProposed(accepted));
  });
});

describe('excessive requests: reasons first, then a delayed period or 不予处理 (art. 35)', () => {
  // Received 2025-09-26 (due 2025-10-30); reasons asked on 2025-09-29, to be given by 2025-10-13.
  const asked = (pause = false) =>
    decideWith(
      registered(D('2025-09-26')),
      cmd('request_reasons', { dueOn: '2025-10-13', items: '申请公开上述信息的用途' }),
      '2025-09-29',
      handler,
      pause,
    );

  it('should refuse not_processed.excessive and a delayed period before reasons were asked', () => {
    const app = registered(D('2025-09-26'));
    const [code, message] = draftRefusal(app, 'not_processed.excessive');
    assert.equal(code, NEEDS_REASONS_REQUEST);
    assert.match(message, /第三十五条/);
    const delay = cmd('set_delayed_period', { dueOn: '2025-12-31', reason: '档案数量较大' });
    assert.equal(refusal(app, delay, '2025-10-09', head)[0], NEEDS_REASONS_REQUEST);
    assert.equal(
      move(asked(), cmd('draft_reply', { outcome: 'not_processed.excessive' }), '2025-10-14', handler).state,
      'in_legal_review',
    );
  });

  it('should keep the clock running while the applicant explains, by default', () => {
    const app = asked();
    assert.equal(app.dueOn, '2025-10-30');
    assert.equal(app.events.at(-1)?.params.pausesClock, false);
    assert.match(app.events.at(-1)?.explanation ?? '', /说明理由期间计入答复期限/);
    assert.equal(
      refusal(app, cmd('request_reasons', { dueOn: '2025-10-20' }), '2025-09-30', handler)[0],
      ILLEGAL_TRANSITION,
    );
  });

  it('should pause it, at most to the answer’s due date, when the setting said so when asking', () => {
    const app = asked(true);
    assert.equal(app.events.at(-1)?.params.pausesClock, true);
    // Paused (09-29, 10-13] at most = 5 working days (09-30, 10-09, 10-10, the make-up Saturday 10-11, 10-13).
    assert.equal(app.dueOn, '2025-11-06');
    const answered = receivedOn(app, 'record_reasons', '2025-10-10', { reasons: '用于学术研究' });
    // Answered 10-10: (09-29, 10-10] = 3 working days, 10-30 + 3.
    assert.equal(answered.dueOn, '2025-11-04');
    assert.match(answered.events.at(-1)?.explanation ?? '', /说明理由期间3个工作日不计入，答复期限顺延至2025-11-04/);
  });

  it('should let only the handling organization’s office head set a later reasonable period, with a reason', () => {
    const app = move(asked(), cmd('record_reasons', { reasons: '用于研究本区历年规划' }), '2025-10-10', handler);
    const delay = cmd('set_delayed_period', { dueOn: '2025-12-31', reason: '申请公开的信息涉及近十年的档案' });
    assert.equal(refusal(app, delay, '2025-10-14', rootHead)[0], FORBIDDEN);
    assert.equal(refusal(app, delay, '2025-10-14', handler)[0], FORBIDDEN);
    assert.equal(
      refusal(app, cmd('set_delayed_period', { dueOn: '2025-12-31' }), '2025-10-14', head)[0],
      INVALID_PARAMS,
    );
    const early = cmd('set_delayed_period', { dueOn: '2025-10-20', reason: '档案较多' });
    assert.match(refusal(app, early, '2025-10-14', head)[1], /应晚于现答复期限2025-10-30/);
    assert.equal(refusal(app, delay, '2025-10-31', head)[0], AFTER_DUE_DATE);
    const delayed = move(app, delay, '2025-10-14', head);
    assert.equal(delayed.dueOn, '2025-12-31');
    assert.match(
      delayed.events.at(-1)?.explanation ?? '',
      /确定延迟答复的合理期限（第三十五条），答复期限至2025-12-31/,
    );
  });
});

describe('重复申请 needs the earlier reply (art. 36 item 6)', () => {
  it('should refuse not_processed.repeated without previousCaseId or previousReply', () => {
    const app = registered(D('2025-09-26'));
    const [code, message] = draftRefusal(app, 'not_processed.repeated');
    assert.equal(code, NEEDS_PREVIOUS_REPLY);
    assert.match(message, /第三十六条第六项/);
    const linked = cmd('draft_reply', { outcome: 'not_processed.repeated', previousCaseId: 'case-earlier' });
    assert.equal(move(app, linked, '2025-10-09', handler).state, 'in_legal_review');
  });

  it('should take the earlier reply as {docNo, date} and print it as 文号（日期）', () => {
    const app = registered(D('2025-09-26'));
    const reply = { docNo: '示例区政办依申〔2019〕3号', date: '2019-03-01' };
    const drafted = move(
      app,
      cmd('draft_reply', { outcome: 'not_processed.repeated', previousReply: reply }),
      '2025-10-09',
      handler,
    );
    assert.equal(drafted.events.at(-1)?.params.previousReply, '示例区政办依申〔2019〕3号（2019-03-01）');
    const bad = cmd('draft_reply', {
      outcome: 'not_processed.repeated',
      previousReply: { docNo: '', date: '2019-03-01' },
    });
    assert.equal(refusal(app, bad, '2025-10-09', handler)[0], INVALID_PARAMS);
  });
});

describe('fees from 2021-01-01 only (国办函〔2020〕109号)', () => {
  it('should charge no fee for an application received before 2021-01-01', () => {
    assert.equal(rulesFor(D('2020-12-31')).processingFeeAllowed, false);
    assert.equal(rulesFor(D('2021-01-01')).processingFeeAllowed, true);
    assert.equal(rulesFor(D('2019-05-14')).processingFeeAllowed, false);
  });

  it('should refuse the fee notice for a case received on 2020-12-31, and allow it from 2021-01-04', () => {
    const old = registered(D('2020-12-31'));
    const [code, message] = refusal(old, cmd('issue_fee_notice', { pieces: 15 }), '2021-01-05', handler);
    assert.equal(code, ILLEGAL_TRANSITION);
    assert.match(message, /2021年1月1日前，不收取信息处理费/);
    const fresh = registered(D('2021-01-04'));
    assert.equal(move(fresh, cmd('issue_fee_notice', { pieces: 15 }), '2021-01-05', handler).state, 'awaiting_payment');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
// A test may use the seed module: it gives the real State Council schedules 2004–2026.
import { chineseDaysSnapshot } from '../../db/seeds/chinese-days.js';
import { localDate as D, type LocalDate } from '../core/local-date.js';
import type { ApplicationSnapshot } from './application.js';
import {
  correctionNoticeDueOn,
  recomputeCase,
  recomputeLedger,
  status,
  submissionEvent,
  type LedgerEvent,
} from './deadlines.js';
import { rulesFor } from './rules.js';
import { actorWith, applyDecision, buildCase, calendarFrom, cmd, submitted } from './test-support.js';
import { decide, type Command } from './transitions.js';

const cal = calendarFrom(chineseDaysSnapshot());
const rules2019 = rulesFor(D('2025-01-01'));
const ev = (action: LedgerEvent['action'], on: string, params: Record<string, unknown> = {}): LedgerEvent => ({
  action,
  on: D(on),
  params,
});

describe('the reply due date on the real calendar', () => {
  it('should give 2025-10-31 for an application received on 2025-09-28, across the National Day week', () => {
    // 2025-09-28 (Sunday) is a make-up working day, but as the receipt day it is day zero. Counted:
    // 09-29, 09-30, (10-01…10-08 off), 10-09, 10-10, 10-11 (Saturday, make-up day), then 15 weekdays to 10-31.
    const [entry] = recomputeLedger(D('2025-09-28'), [ev('submit', '2025-09-28')], rules2019, cal);
    assert.equal(entry?.dueOn, '2025-10-31');
    assert.equal(entry?.provisional, false);
    assert.match(
      entry?.explanation ?? '',
      /自收到申请之日（2025-09-28）起20个工作日内答复（第三十三条第二款），答复期限为2025-10-31/,
    );
  });

  it('should compute the due date without a submit event too', () => {
    const [entry] = recomputeLedger(D('2025-09-28'), [ev('register', '2025-09-29')], rules2019, cal);
    assert.equal(entry?.dueOn, '2025-10-31');
  });

  it('should follow the 2007 Regulation (15 + 15 working days) for an application received before 2019-05-15', () => {
    const receivedOn = D('2019-05-10');
    const rules = rulesFor(receivedOn);
    assert.equal(rules.version, '2007');
    const entries = recomputeLedger(
      receivedOn,
      [ev('submit', '2019-05-10'), ev('extend', '2019-05-20', { workingDays: 15 })],
      rules,
      cal,
    );
    assert.equal(entries[0]?.dueOn, '2019-05-31');
    // 端午节 2019-06-07 (Friday) is a holiday: 15 more working days end on 2019-06-24.
    assert.equal(entries[1]?.dueOn, '2019-06-24');
    assert.match(entries[1]?.explanation ?? '', /延长15个工作日（第二十四条第二款）/);
  });

  it('should give 20 working days from 2019-05-15, the day the 2019 Regulation took effect', () => {
    const [entry] = recomputeLedger(D('2019-05-15'), [ev('submit', '2019-05-15')], rulesFor(D('2019-05-15')), cal);
    assert.equal(entry?.dueOn, '2019-06-13');
  });

  it('should mark a due date provisional when it falls in a year without a published schedule', () => {
    const [entry] = recomputeLedger(D('2026-12-20'), [ev('submit', '2026-12-20')], rules2019, cal);
    assert.equal(entry?.provisional, true);
    assert.match(entry?.explanation ?? '', /暂定/);
  });
});

describe('the deadline ledger of a case with correction, consultation and extension', () => {
  const events = [
    ev('submit', '2025-09-26'),
    ev('register', '2025-09-26'),
    ev('request_correction', '2025-09-29', { dueOn: '2025-10-17' }),
    ev('receive_correction', '2025-10-09'),
    ev('start_consultation', '2025-10-10', { kind: 'third_party', party: '某建设公司' }),
    ev('end_consultation', '2025-11-04'),
    ev('extend', '2025-11-10', { workingDays: 20 }),
    ev('draft_reply', '2025-12-10', { outcome: 'partially_disclosed' }),
    ev('send_reply', '2025-12-15', { method: 'post' }),
  ];
  const ledger = recomputeLedger(D('2025-09-26'), events, rules2019, cal);
  const due = ledger.map((e) => e.dueOn);

  it('should restart the clock from the corrected application, pause for consultation and add the extension', () => {
    assert.deepEqual(due, [
      '2025-10-30', // 20 working days after 09-26 (09-28 and 10-11 are make-up days)
      '2025-10-30',
      null, // stopped while waiting for the correction
      '2025-11-05', // 20 working days after 10-09
      '2025-11-26', // paused, at most to the window's end (10-30): 11-05 + 15 working days if the party stays silent
      '2025-11-26', // the answer came 11-04, after the window: 15 working days paused (10-11 … 10-30), not 18
      '2025-12-24', // + 20
      '2025-12-24',
      '2025-12-24',
    ]);
  });

  it('should explain each change in Chinese', () => {
    const text = ledger.map((e) => e.explanation);
    assert.match(text[2] ?? '', /补正期限至2025-10-17/);
    assert.doesNotMatch(text[2] ?? '', /超过法定期限/);
    assert.equal(text[3], '收到补正后的申请，答复期限自2025-10-09起重新计算20个工作日，至2025-11-05');
    assert.match(text[4] ?? '', /书面征求第三方意见（第三十二条），意见期限至2025-10-30/);
    assert.match(text[4] ?? '', /届满后答复期限自动恢复计算，答复期限暂定为2025-11-26/);
    assert.equal(
      text[5],
      '征求意见期间不计入答复期限（暂停15个工作日，计至意见期限2025-10-30届满），答复期限顺延至2025-11-26',
    );
    assert.equal(text[6], '经政府信息公开工作机构负责人同意延长20个工作日（第三十三条第二款），答复期限延至2025-12-24');
    assert.match(text[7] ?? '', /（二）部分公开/);
    assert.match(text[8] ?? '', /在答复期限内/);
  });

  it('should report the waiting period while a correction or consultation runs', () => {
    assert.equal(ledger[2]?.waitingUntil, '2025-10-17');
    assert.equal(ledger[4]?.waitingUntil, '2025-10-30');
    assert.equal(ledger[5]?.waitingUntil, null);
  });

  it('should record a correction notice sent after the 7 working days of art. 30', () => {
    assert.equal(correctionNoticeDueOn(D('2025-09-26'), rules2019, cal), '2025-10-13');
    const late = recomputeLedger(
      D('2025-09-26'),
      [ev('request_correction', '2025-10-14', { dueOn: '2025-10-24' })],
      rules2019,
      cal,
    );
    assert.match(late[0]?.explanation ?? '', /补正告知应于2025-10-13前发出，已超过法定期限/);
  });

  it('should count a late reply in working days', () => {
    const late = recomputeLedger(
      D('2025-09-28'),
      [ev('submit', '2025-09-28'), ev('send_reply', '2025-11-04')],
      rules2019,
      cal,
    );
    assert.equal(late[1]?.explanation, '已于2025-11-04答复申请人，超过答复期限（2025-10-31）2个工作日');
  });
});

describe('the fee period', () => {
  const events = [
    ev('submit', '2025-11-03'),
    ev('issue_fee_notice', '2025-11-10', { amount: 5500 }),
    ev('record_payment', '2025-11-17'),
  ];

  it('should pause the reply clock from service of the fee notice to payment by default', () => {
    const ledger = recomputeLedger(D('2025-11-03'), events, rules2019, cal);
    assert.deepEqual(
      ledger.map((e) => e.dueOn),
      ['2025-12-01', null, '2025-12-08'],
    );
    assert.equal(ledger[1]?.waitingUntil, '2025-12-08'); // 20 working days from the day after service
    assert.match(ledger[2]?.explanation ?? '', /暂停5个工作日/);
  });

  it('should leave the due date alone when feePeriodStopsClock is off', () => {
    const ledger = recomputeLedger(
      D('2025-11-03'),
      events,
      rulesFor(D('2025-11-03'), { feePeriodStopsClock: false }),
      cal,
    );
    assert.deepEqual(
      ledger.map((e) => e.dueOn),
      ['2025-12-01', '2025-12-01', '2025-12-01'],
    );
    assert.match(ledger[1]?.explanation ?? '', /缴费期间计入答复期限/);
  });
});

describe('status', () => {
  const open = (dueOn: string | null, state: ApplicationSnapshot['state'] = 'registered') => ({
    state,
    dueOn: dueOn === null ? null : D(dueOn),
  });
  const cases: [string, ReturnType<typeof open>, string, string][] = [
    ['six working days ahead', open('2025-10-31'), '2025-10-23', 'on_time'],
    ['five working days ahead', open('2025-10-31'), '2025-10-24', 'due_soon'],
    ['on the due day', open('2025-10-31'), '2025-10-31', 'due_soon'],
    ['the day after', open('2025-10-31'), '2025-11-01', 'overdue'],
    ['a replied case', open('2025-10-31', 'replied'), '2026-01-01', 'closed'],
    ['a withdrawn case', open('2025-10-31', 'withdrawn'), '2026-01-01', 'closed'],
    ['a case awaiting correction', open(null, 'awaiting_correction'), '2025-10-01', 'paused'],
    ['a case in consultation before its due date', open('2025-10-31', 'in_consultation'), '2025-10-01', 'on_time'],
    ['a case in consultation past its due date', open('2025-10-31', 'in_consultation'), '2025-11-03', 'overdue'],
    ['a case awaiting payment', open(null, 'awaiting_payment'), '2025-10-01', 'paused'],
  ];
  for (const [name, app, today, expected] of cases) {
    it(`should be ${expected} for ${name}`, () => {
      assert.equal(status(app, D(today), rules2019, cal), expected);
    });
  }

  it('should not pause a case awaiting payment when the fee period counts', () => {
    const rules = rulesFor(D('2025-01-01'), { feePeriodStopsClock: false });
    assert.equal(status(open('2025-10-31', 'awaiting_payment'), D('2025-11-03'), rules, cal), 'overdue');
  });
});

describe('decide stamps events from the ledger', () => {
  const handler = actorWith('u-handler', ['handler']);
  const head = actorWith('u-head', ['office_head']);
  const step = (app: ApplicationSnapshot, command: Command, today: string, actor = handler): ApplicationSnapshot => {
    const result = decide(app, command, { today: D(today), rules: rulesFor(app.receivedOn), calendar: cal, actor });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    return applyDecision(app, result.value, actor);
  };

  it('should store the due date after each move, and recompute the same after the fact', () => {
    let app = submitted(D('2025-09-26'), cal);
    app = step(app, cmd('register'), '2025-09-26');
    app = step(app, cmd('request_correction', { dueOn: '2025-10-17', servedOn: '2025-09-29' }), '2025-09-29');
    assert.equal(app.dueOn, null);
    assert.equal(app.waitingUntil, '2025-10-17');
    app = step(app, cmd('receive_correction', { receivedOn: '2025-10-09' }), '2025-10-10');
    assert.equal(app.dueOn, '2025-11-05');
    app = step(app, cmd('extend', { workingDays: 20, reason: '需调取档案' }), '2025-10-20', head);
    assert.equal(app.dueOn, '2025-12-03');
    assert.equal(app.extended, true);
    const again = recomputeCase(app, rulesFor(app.receivedOn), cal);
    assert.equal(again.dueOn, app.dueOn);
    assert.deepEqual(
      again.events.map((e) => e.dueOn),
      app.events.map((e) => e.dueOn),
    );
  });

  it('should move due dates when the calendar changes (e.g. a local closure)', () => {
    const app = submitted(D('2025-09-28'), cal);
    const snapshot = chineseDaysSnapshot();
    const closed = calendarFrom({
      days: [...snapshot.days, { date: D('2025-10-20'), kind: 'holiday', name: '本地停工' }],
      years: snapshot.years,
    });
    assert.equal(recomputeCase(app, rulesFor(app.receivedOn), closed).dueOn, '2025-11-03');
  });

  it('should give the submit event its due date', () => {
    const event = submissionEvent(D('2025-09-28'), rules2019, cal);
    assert.equal(event.dueOn, '2025-10-31' as LocalDate);
    assert.equal(event.action, 'submit');
  });
});

describe('the ledger after a lapse', () => {
  it('should clear the due date when a correction lapses', () => {
    const app = buildCase({ receivedOn: D('2025-09-26') });
    const ledger = recomputeLedger(
      app.receivedOn,
      [ev('request_correction', '2025-09-29', { dueOn: '2025-10-17' }), ev('lapse_correction', '2025-10-20')],
      rules2019,
      cal,
    );
    assert.equal(ledger[1]?.dueOn, null);
    assert.match(ledger[1]?.explanation ?? '', /视为放弃申请.*第三十条/);
  });
});

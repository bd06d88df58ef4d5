import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chineseDaysSnapshot } from '../../db/seeds/chinese-days.js';
import type { Actor } from '../policies/actor.js';
import { localDate as D } from '../core/local-date.js';
import { ROLES, type Role } from '../users/roles.js';
import {
  ACTIONS,
  APPLICATION_STATES,
  type Action,
  type ApplicationEvent,
  type ApplicationSnapshot,
  type ApplicationState,
} from './application.js';
import { rulesFor } from './rules.js';
import { actorWith, applyDecision, buildCase, calendarFrom, cmd, submitted } from './test-support.js';
import {
  ACTION_ROLES,
  CLOSED_STATES,
  OPEN_STATES,
  STATE_LABELS,
  SYSTEM_ACTIONS,
  TRANSITIONS,
  findTransition,
} from './transition-table.js';
import {
  FORBIDDEN,
  ILLEGAL_TRANSITION,
  INVALID_PARAMS,
  availableTransitions,
  decide,
  type Command,
} from './transitions.js';

const cal = calendarFrom(chineseDaysSnapshot());
const rules = rulesFor(D('2025-09-26'));
const TODAY = D('2025-10-20');
const actors: Record<Role, Actor> = Object.fromEntries(
  ROLES.map((role) => [role, actorWith(`u-${role}`, [role])]),
) as Record<Role, Actor>;

/** Valid parameters for each move. */
const PARAMS: Record<Action, Record<string, unknown>> = {
  register: {},
  assign: { handlerId: 'u-other' },
  transfer: { orgId: 'org-other' },
  request_correction: { dueOn: '2025-10-30' },
  receive_correction: { lateReason: '申请人出差在外，无法按期补正' },
  start_consultation: { kind: 'third_party', party: '某建设公司' },
  end_consultation: {},
  request_extension: { workingDays: 20, reason: '需调取档案' },
  extend: { workingDays: 20, reason: '需调取档案' },
  request_reasons: { dueOn: '2025-12-31' },
  record_reasons: { reasons: '用于研究本区历年规划' },
  set_delayed_period: { dueOn: '2025-12-31', reason: '申请公开的信息数量较大' },
  issue_fee_notice: { pieces: 45 },
  record_payment: {},
  draft_reply: { outcome: 'disclosed' },
  pass_legal_review: { confidentialityReviewed: true, comments: '' },
  return_from_legal_review: { comments: '引用条款有误' },
  approve_reply: { comments: '同意' },
  return_from_approval: { reason: '附件未按要求遮盖个人信息' },
  send_reply: { method: 'post', trackingNo: 'EMS123' },
  withdraw: {},
  archive: { confirm: true, retention: '10y' },
  propose_lapse: {},
  lapse_correction: { confirmed: true },
  lapse_fee: { confirmed: true },
};

const draftedBy = (userId: string): ApplicationEvent => ({
  seq: 1,
  action: 'draft_reply',
  on: D('2025-10-10'),
  at: '2025-10-10T08:00:00Z',
  actorId: userId,
  actorLabel: userId,
  params: { outcome: 'disclosed' },
  dueOn: D('2025-10-30'),
  explanation: '',
  provisional: false,
});

/** The applicant was asked for reasons (art. 35), as record_reasons and set_delayed_period need. */
const reasonsAsked: ApplicationEvent = {
  ...draftedBy('u-handler'),
  seq: 2,
  action: 'request_reasons',
  params: { dueOn: '2025-10-20' },
};

/** A case in `state` whose history lets every table move pass its guards on TODAY. */
function caseIn(state: ApplicationState, over: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot {
  return buildCase({
    state,
    dueOn: D('2025-10-30'),
    waitingUntil: D('2025-10-17'),
    events: [draftedBy('u-handler'), reasonsAsked],
    ...over,
  });
}

const run = (app: ApplicationSnapshot, command: Command, actor: Actor | null, today = TODAY) =>
  decide(app, command, { today, rules, calendar: cal, actor });

describe('every row of the transition table', () => {
  for (const row of TRANSITIONS) {
    const who = SYSTEM_ACTIONS.has(row.action) ? 'the system' : `a ${ACTION_ROLES[row.action]}`;
    it(`should allow ${row.action} from ${row.from} to ${row.to} for ${who}`, () => {
      const actor = SYSTEM_ACTIONS.has(row.action) ? null : actors[ACTION_ROLES[row.action]];
      const app = caseIn(row.from, row.action === 'request_reasons' ? { events: [draftedBy('u-handler')] } : {});
      const result = run(app, cmd(row.action, PARAMS[row.action]), actor);
      assert.ok(result.ok, result.ok ? '' : result.error.message);
      assert.equal(result.value.next, row.to);
      assert.equal(result.value.patch.state, row.to);
      assert.equal(result.value.event.action, row.action);
    });
  }

  for (const action of SYSTEM_ACTIONS) {
    it(`should let the system (no actor) make ${action}`, () => {
      const from = TRANSITIONS.find((t) => t.action === action)?.from ?? 'received';
      assert.ok(run(caseIn(from), cmd(action), null).ok);
    });
  }
});

describe('the role check comes first', () => {
  for (const action of ACTIONS) {
    const required = ACTION_ROLES[action];
    for (const role of ROLES.filter((r) => r !== required)) {
      it(`should refuse ${action} to a ${role}, in a state where it is legal and in one where it is not`, () => {
        const legal = TRANSITIONS.find((t) => t.action === action)?.from ?? 'received';
        for (const state of [legal, 'archived' as const]) {
          const result = run(caseIn(state), cmd(action, PARAMS[action]), actors[role]);
          assert.equal(result.ok ? 'ok' : result.error.code, FORBIDDEN);
        }
      });
    }
  }

  it('should refuse every non-system move without an actor', () => {
    for (const action of ACTIONS.filter((a) => !SYSTEM_ACTIONS.has(a))) {
      const result = run(caseIn('registered'), cmd(action, PARAMS[action]), null);
      assert.equal(result.ok ? 'ok' : result.error.code, FORBIDDEN, action);
    }
  });

  it('should refuse a handler of another organization', () => {
    const outsider = actorWith('u-outsider', ['handler'], 'org-2');
    const result = run(caseIn('received'), cmd('register'), outsider);
    assert.equal(result.ok ? 'ok' : result.error.code, FORBIDDEN);
  });

  it('should refuse a handler of the superior government: moves need the role at the handling organization', () => {
    const districtHandler = actorWith('u-district', ['handler'], 'org-root');
    const result = decide(caseIn('received'), cmd('register'), {
      today: TODAY,
      rules,
      calendar: cal,
      actor: districtHandler,
    });
    assert.equal(result.ok ? 'ok' : result.error.code, FORBIDDEN);
  });

  it('should refuse the assigned 协办 helper a transfer with a Chinese message, and let them draft', () => {
    const helper = actorWith('u-helper', ['handler'], 'org-2');
    const helped = { ...caseIn('registered'), handlerId: 'u-helper' };
    const ctx = { today: TODAY, rules, calendar: cal, actor: helper };
    const transfer = decide(helped, cmd('transfer', PARAMS.transfer), ctx);
    assert.equal(transfer.ok ? 'ok' : transfer.error.code, FORBIDDEN);
    assert.match(transfer.ok ? '' : transfer.error.message, /协办人员不能“转办”/);
    const moves = availableTransitions(helped, helper, rules, { today: TODAY }).map((m) => m.action);
    assert.ok(
      moves.includes('draft_reply') && !moves.includes('transfer') && !moves.includes('withdraw'),
      moves.join(),
    );
  });
});

const EXTENSION_MOVES: readonly Action[] = ['extend', 'request_extension'];
const PAUSE_STATES: readonly ApplicationState[] = ['in_consultation', 'awaiting_payment'];

describe('illegal moves', () => {
  for (const action of ACTIONS) {
    const illegalStates = APPLICATION_STATES.filter((s) => findTransition(s, action) === undefined);
    it(`should refuse ${action} in ${illegalStates.length} states with a Chinese message naming state and move`, () => {
      for (const state of illegalStates) {
        const actor = SYSTEM_ACTIONS.has(action) ? null : actors[ACTION_ROLES[action]];
        const result = run(caseIn(state), cmd(action, PARAMS[action]), actor);
        if (EXTENSION_MOVES.includes(action) && PAUSE_STATES.includes(state)) {
          // During a pause an extension is refused with its own code and message (clock.test.ts).
          assert.equal(result.ok ? 'ok' : result.error.code, 'during_pause', `${action} in ${state}`);
          continue;
        }
        assert.equal(result.ok ? 'ok' : result.error.code, ILLEGAL_TRANSITION, `${action} in ${state}`);
        assert.ok(!result.ok && result.error.message.includes(STATE_LABELS[state]));
      }
    });
  }

  it('should allow withdrawal from every open state and from no closed one', () => {
    for (const state of OPEN_STATES) {
      assert.equal(findTransition(state, 'withdraw')?.to, 'withdrawn', state);
    }
    for (const state of CLOSED_STATES) {
      assert.equal(findTransition(state, 'withdraw'), undefined, state);
    }
  });
});

describe('guards from the history', () => {
  const handler = actors.handler;
  const withEvent = (state: ApplicationState, action: Action, actorId = 'u-handler'): ApplicationSnapshot =>
    caseIn(state, { events: [{ ...draftedBy(actorId), action, params: {} }] });

  it('should allow only one extension (art. 33)', () => {
    const result = run(withEvent('registered', 'extend'), cmd('extend', { workingDays: 5 }), actors.office_head);
    assert.equal(result.ok ? 'ok' : result.error.code, ILLEGAL_TRANSITION);
  });

  it('should allow only one correction notice (art. 30: 一次性告知)', () => {
    const result = run(
      withEvent('registered', 'request_correction'),
      cmd('request_correction', { dueOn: '2025-10-30' }),
      handler,
    );
    assert.equal(result.ok ? 'ok' : result.error.code, ILLEGAL_TRANSITION);
  });

  it('should allow only one fee notice', () => {
    const result = run(withEvent('registered', 'issue_fee_notice'), cmd('issue_fee_notice', { pages: 250 }), handler);
    assert.equal(result.ok ? 'ok' : result.error.code, ILLEGAL_TRANSITION);
  });

  it('should not let a signer approve a reply they drafted themselves', () => {
    const app = caseIn('awaiting_approval', { events: [draftedBy('u-both')] });
    const both = actorWith('u-both', ['handler', 'signer']);
    const result = run(app, cmd('approve_reply'), both);
    assert.equal(result.ok ? 'ok' : result.error.code, FORBIDDEN);
    assert.ok(!availableTransitions(app, both, rules).some((t) => t.action === 'approve_reply'));
  });

  it('should let the signer return a draft to the handler with a reason, clearing the drafted outcome', () => {
    const app = caseIn('awaiting_approval', { outcome: 'partially_disclosed' });
    const result = run(app, cmd('return_from_approval', { reason: '理由不充分，请补充' }), actors.signer);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.next, 'registered');
    assert.equal(result.value.patch.outcome, null);
    assert.equal(result.value.event.params.reason, '理由不充分，请补充');
    assert.ok(
      availableTransitions(applyDecision(app, result.value, actors.signer), actors.handler, rules).some(
        (t) => t.action === 'draft_reply',
      ),
      'the handler drafts again',
    );
  });

  it('should refuse a return from approval without a reason, by anyone but a signer, or outside approval', () => {
    const app = caseIn('awaiting_approval');
    const noReason = run(app, cmd('return_from_approval', { reason: '  ' }), actors.signer);
    assert.equal(noReason.ok ? 'ok' : noReason.error.code, INVALID_PARAMS);
    assert.ok(!noReason.ok && noReason.error.message.includes('退回理由'));
    const byReviewer = run(app, cmd('return_from_approval', { reason: '不同意' }), actors.legal_reviewer);
    assert.equal(byReviewer.ok ? 'ok' : byReviewer.error.code, FORBIDDEN);
    const approved = run(caseIn('approved'), cmd('return_from_approval', { reason: '不同意' }), actors.signer);
    assert.equal(approved.ok ? 'ok' : approved.error.code, ILLEGAL_TRANSITION);
  });

  it('should record the comments of legal review and approval on their events', () => {
    const passed = run(
      caseIn('in_legal_review'),
      cmd('pass_legal_review', { confidentialityReviewed: true, comments: '已核对遮盖' }),
      actors.legal_reviewer,
    );
    assert.equal(passed.ok ? passed.value.event.params.comments : 'refused', '已核对遮盖');
    const approved = run(caseIn('awaiting_approval'), cmd('approve_reply', { comments: '同意发出' }), actors.signer);
    assert.equal(approved.ok ? approved.value.event.params.comments : 'refused', '同意发出');
  });

  it('should archive only when confirmed, with a retention period of the list', () => {
    const unconfirmed = run(caseIn('replied'), cmd('archive', { retention: '30y' }), actors.handler);
    assert.equal(unconfirmed.ok ? 'ok' : unconfirmed.error.code, INVALID_PARAMS);
    const declined = run(caseIn('replied'), cmd('archive', { confirm: false }), actors.handler);
    assert.equal(declined.ok ? 'ok' : declined.error.code, INVALID_PARAMS);
    const badPeriod = run(caseIn('replied'), cmd('archive', { confirm: true, retention: '5y' }), actors.handler);
    assert.equal(badPeriod.ok ? 'ok' : badPeriod.error.code, INVALID_PARAMS);
    const filed = run(caseIn('replied'), cmd('archive', { confirm: 'true', retention: 'permanent' }), actors.handler);
    assert.equal(filed.ok ? filed.value.event.params.retention : 'refused', 'permanent');
  });

  it('should not propose or confirm a lapse before the period has ended', () => {
    const app = caseIn('awaiting_correction', { waitingUntil: D('2025-10-20') });
    const result = run(app, cmd('propose_lapse'), null);
    assert.equal(result.ok ? 'ok' : result.error.code, ILLEGAL_TRANSITION);
    assert.ok(!result.ok && result.error.message.includes('2025-10-20'));
    const confirm = cmd('lapse_correction', { confirmed: true });
    assert.equal(run(app, confirm, actors.handler).ok ? 'ok' : 'refused', 'refused');
    assert.ok(run(app, cmd('propose_lapse'), null, D('2025-10-21')).ok);
    assert.ok(run(app, confirm, actors.handler, D('2025-10-21')).ok);
  });

  it('should not charge a processing fee under the 2007 Regulation', () => {
    const old = caseIn('registered', { receivedOn: D('2019-05-10'), events: [] });
    const result = decide(old, cmd('issue_fee_notice', { pages: 250 }), {
      today: D('2019-05-20'),
      rules: rulesFor(old.receivedOn),
      calendar: cal,
      actor: handler,
    });
    assert.equal(result.ok ? 'ok' : result.error.code, ILLEGAL_TRANSITION);
  });
});

describe('parameters', () => {
  const handler = actors.handler;
  const bad: [string, ApplicationState, Action, Record<string, unknown>, Actor][] = [
    ['a correction without a period', 'registered', 'request_correction', {}, handler],
    [
      'a correction period ending before the notice',
      'registered',
      'request_correction',
      { dueOn: '2025-10-01', servedOn: '2025-10-02' },
      handler,
    ],
    ['an extension of 21 working days', 'registered', 'extend', { workingDays: 21 }, actors.office_head],
    ['an extension of 0 working days', 'registered', 'extend', { workingDays: 0 }, actors.office_head],
    ['a fee by pieces and pages', 'registered', 'issue_fee_notice', { pieces: 45, pages: 250 }, handler],
    ['a fee with neither', 'registered', 'issue_fee_notice', {}, handler],
    ['a fee that comes to nothing', 'registered', 'issue_fee_notice', { pieces: 10 }, handler],
    ['a reply drafted with a lapse outcome', 'registered', 'draft_reply', { outcome: 'other.fee_unpaid' }, handler],
    ['a reply drafted with an unknown outcome', 'registered', 'draft_reply', { outcome: 'refused' }, handler],
    [
      'a legal review passed without the confidentiality review',
      'in_legal_review',
      'pass_legal_review',
      { confidentialityReviewed: false },
      actors.legal_reviewer,
    ],
    [
      'a legal review returned without comments',
      'in_legal_review',
      'return_from_legal_review',
      { comments: ' ' },
      actors.legal_reviewer,
    ],
    ['a consultation of an unknown kind', 'registered', 'start_consultation', { kind: 'expert', party: 'x' }, handler],
    ['a reply sent tomorrow', 'approved', 'send_reply', { method: 'post', sentOn: '2025-10-21' }, handler],
    ['a payment before the last event', 'awaiting_payment', 'record_payment', { paidOn: '2025-10-01' }, handler],
    ['a malformed date', 'awaiting_correction', 'receive_correction', { receivedOn: '2025-13-01' }, handler],
  ];
  for (const [name, state, action, params, actor] of bad) {
    it(`should reject ${name}`, () => {
      const result = run(caseIn(state), cmd(action, params), actor);
      assert.equal(result.ok ? 'ok' : result.error.code, INVALID_PARAMS);
    });
  }

  it('should compute the fee and store it on the event', () => {
    const result = run(
      caseIn('registered'),
      cmd('issue_fee_notice', { pieces: 15, priorPiecesThisMonth: 30 }),
      handler,
    );
    assert.ok(result.ok);
    assert.equal(result.value.event.params.amount, 3500); // pieces 31–45 of the month: 10 × 200 + 5 × 300
    assert.equal(result.value.event.params.basis, 'pieces');
  });

  it('should accept form strings for numbers and booleans', () => {
    assert.ok(
      run(caseIn('registered'), cmd('extend', { workingDays: '10', reason: '需调取档案' }), actors.office_head).ok,
    );
    assert.ok(
      run(caseIn('in_legal_review'), cmd('pass_legal_review', { confidentialityReviewed: 'on' }), actors.legal_reviewer)
        .ok,
    );
  });
});

describe('what each move stores', () => {
  it('should close a lapsed correction as other.correction_lapsed and a lapsed fee as other.fee_unpaid', () => {
    const c = run(caseIn('awaiting_correction'), cmd('lapse_correction', { confirmed: true }), actors.handler);
    assert.ok(c.ok);
    assert.deepEqual(
      [c.value.next, c.value.patch.outcome, c.value.patch.closedOn],
      ['archived', 'other.correction_lapsed', TODAY],
    );
    const f = run(caseIn('awaiting_payment'), cmd('lapse_fee', { confirmed: true }), actors.handler);
    assert.ok(f.ok);
    assert.equal(f.value.patch.outcome, 'other.fee_unpaid');
  });

  it('should record a late correction notice but allow it', () => {
    const app = buildCase({ state: 'registered', receivedOn: D('2025-09-26') });
    const result = run(app, cmd('request_correction', { dueOn: '2025-10-30' }), actors.handler);
    assert.ok(result.ok);
    assert.equal(result.value.event.params.noticeDueBy, '2025-10-13');
    assert.equal(result.value.event.params.lateNotice, true);
  });

  it('should accept a backdated receipt of the correction even after a reassignment', () => {
    const events: ApplicationEvent[] = [
      {
        ...draftedBy('u-handler'),
        seq: 1,
        action: 'request_correction',
        on: D('2025-09-29'),
        params: { dueOn: '2025-10-17' },
      },
      { ...draftedBy('u-handler'), seq: 2, action: 'assign', on: D('2025-10-10'), params: { handlerId: 'u-2' } },
    ];
    const app = caseIn('awaiting_correction', { events });
    const result = run(app, cmd('receive_correction', { receivedOn: '2025-10-09' }), actors.handler);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.event.on, '2025-10-09');
    assert.equal(result.value.patch.dueOn, '2025-11-05');
    const tooEarly = run(app, cmd('receive_correction', { receivedOn: '2025-09-28' }), actors.handler);
    assert.equal(tooEarly.ok ? 'ok' : tooEarly.error.code, INVALID_PARAMS);
  });

  it('should make the registering handler the case handler until assigned', () => {
    const result = run(caseIn('received'), cmd('register'), actors.handler);
    assert.ok(result.ok);
    assert.equal(result.value.patch.handlerId, 'u-handler');
  });
});

describe('availableTransitions', () => {
  const offered = (state: ApplicationState, actor: Actor | null) =>
    availableTransitions(caseIn(state), actor, rules, { today: TODAY }).map((t) => t.action);

  it('should offer a handler the handler moves of a registered case', () => {
    assert.deepEqual(offered('registered', actors.handler), [
      'assign',
      'transfer',
      'request_correction',
      'start_consultation',
      'request_extension',
      'record_reasons', // asked for reasons already (caseIn), so not asked again
      'issue_fee_notice',
      'draft_reply',
      'withdraw',
    ]);
  });

  it('should offer the office head only the extension and, reasons having been asked, the delayed period', () => {
    assert.deepEqual(offered('registered', actors.office_head), ['extend', 'set_delayed_period']);
  });

  it('should offer nothing on an archived case', () => {
    for (const role of ROLES) {
      assert.deepEqual(offered('archived', actors[role]), []);
    }
  });

  it('should agree with decide for every state and role', () => {
    for (const state of APPLICATION_STATES) {
      for (const actor of [...Object.values(actors), null]) {
        const fromTable = new Set(offered(state, actor));
        for (const action of ACTIONS) {
          const result = run(caseIn(state), cmd(action, PARAMS[action]), actor);
          assert.equal(result.ok, fromTable.has(action), `${actor?.userId ?? 'system'} ${action} in ${state}`);
        }
      }
    }
  });

  it('should carry each move\u2019s parameter schema for the form', () => {
    const extend = availableTransitions(caseIn('registered'), actors.office_head, rules).find(
      (t) => t.action === 'extend',
    );
    assert.deepEqual(
      extend?.params.map((p) => [p.name, p.required, p.max]),
      [
        ['workingDays', true, 20],
        ['reason', true, 2000],
        ['note', false, 2000],
      ],
    );
  });
});

describe('a whole case', () => {
  it('should go from receipt to archive with a correction, an extension and the three-hand reply', () => {
    const handler = actors.handler;
    const steps: [Command, string, Actor][] = [
      [cmd('register'), '2025-09-28', handler],
      [cmd('request_correction', { dueOn: '2025-10-17', servedOn: '2025-09-29' }), '2025-09-29', handler],
      [cmd('receive_correction', { receivedOn: '2025-10-09' }), '2025-10-09', handler],
      [cmd('extend', { workingDays: 20, reason: '需调取档案' }), '2025-10-20', actors.office_head],
      [cmd('draft_reply', { outcome: 'partially_disclosed' }), '2025-11-20', handler],
      [cmd('pass_legal_review', { confidentialityReviewed: true }), '2025-11-21', actors.legal_reviewer],
      [cmd('approve_reply'), '2025-11-24', actors.signer],
      [cmd('send_reply', { method: 'email' }), '2025-11-25', handler],
      [cmd('archive', { confirm: true }), '2025-11-26', handler],
    ];
    let app = submitted(D('2025-09-28'), cal);
    for (const [command, today, actor] of steps) {
      const result = decide(app, command, { today: D(today), rules: rulesFor(app.receivedOn), calendar: cal, actor });
      assert.ok(result.ok, result.ok ? '' : `${command.action}: ${result.error.message}`);
      app = applyDecision(app, result.value, actor);
    }
    assert.equal(app.state, 'archived');
    assert.equal(app.outcome, 'partially_disclosed');
    assert.equal(app.closedOn, '2025-11-25');
    assert.equal(app.dueOn, '2025-12-03');
    assert.deepEqual(
      app.events.map((e) => e.dueOn),
      [
        '2025-10-31',
        '2025-10-31',
        null,
        '2025-11-05',
        '2025-12-03',
        '2025-12-03',
        '2025-12-03',
        '2025-12-03',
        '2025-12-03',
        '2025-12-03',
      ],
    );
  });
});

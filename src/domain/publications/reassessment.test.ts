// Art. 18 re-assessment rules: who may record one, what a decision must carry, and what it changes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import type { Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';
import type { PublicationState } from './publication.js';
import {
  canReassess,
  decideReassessment,
  parseReassessment,
  REASSESSMENT_CONFLICT,
  type ReassessmentInput,
} from './reassessment.js';

const today = localDate('2025-10-09');
const actor = (role: Role, orgId = 'root'): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: '',
  homeOrgId: orgId,
  roles: [{ orgId, role }],
});

describe('canReassess', () => {
  const table: [Role, boolean][] = [
    ['signer', true],
    ['head', true],
    ['office_head', false],
    ['admin', true],
    ['editor', false],
    ['reviewer', false],
    ['handler', false],
    ['supervisor', false],
  ];
  for (const [role, allowed] of table) {
    test(`should ${allowed ? 'allow' : 'deny'} a ${role}`, () => {
      assert.equal(canReassess(actor(role), ['root', 'dept']), allowed);
    });
  }
  test('should deny a signer of another organization', () => {
    assert.equal(canReassess(actor('signer', 'other'), ['root', 'dept']), false);
  });
});

describe('parseReassessment', () => {
  test('should accept keeping withheld with a ground and reason, dated today by default', () => {
    const r = parseReassessment(
      { decision: 'keep_withheld', withheldGround: 'internal_affairs', reason: ' 仍属内部事务 ' },
      today,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value, {
      decision: 'keep_withheld',
      assessedOn: today,
      withheldGround: 'internal_affairs',
      reason: '仍属内部事务',
    });
  });

  test('should drop the ground when the item is opened up', () => {
    const r = parseReassessment(
      {
        decision: 'to_proactive',
        assessedOn: '2025-10-01',
        withheldGround: 'internal_affairs',
        reason: '情势变化，可以公开',
      },
      today,
    );
    assert.ok(r.ok);
    assert.equal(r.value.withheldGround, null);
    assert.equal(r.value.assessedOn, '2025-10-01');
  });

  test('should name every missing or wrong field in Chinese', () => {
    const r = parseReassessment(
      { decision: 'keep_withheld', assessedOn: '2025-10-10', withheldGround: 'nonsense', reason: '' },
      today,
    );
    assert.ok(!r.ok);
    assert.equal(r.error.assessedOn, '评估日期不能晚于今天');
    assert.match(r.error.withheldGround ?? '', /不予公开的理由/);
    assert.match(r.error.reason ?? '', /评估理由/);
    const none = parseReassessment({}, today);
    assert.ok(!none.ok);
    assert.equal(none.error.decision, '请选择评估结论');
    const bad = parseReassessment(
      { decision: 'to_on_request', assessedOn: '2025-13-01', reason: 'x'.repeat(2001) },
      today,
    );
    assert.ok(!bad.ok);
    assert.match(bad.error.assessedOn ?? '', /真实日期/);
    assert.match(bad.error.reason ?? '', /2000/);
  });
});

describe('decideReassessment', () => {
  const keep: ReassessmentInput = {
    decision: 'keep_withheld',
    assessedOn: localDate('2024-02-29'),
    withheldGround: 'process_info',
    reason: '仍为过程性信息',
  };
  const open: ReassessmentInput = {
    decision: 'to_proactive',
    assessedOn: today,
    withheldGround: null,
    reason: '可以公开',
  };
  const item = (state: PublicationState, disclosure: 'withheld' | 'proactive' = 'withheld') => ({
    state,
    disclosure,
    currentVersion: state === 'published' ? 1 : null,
  });

  test('should restart the yearly clock from the assessment date when kept withheld, in any state', () => {
    for (const state of ['draft', 'in_review', 'published', 'withdrawn'] as const) {
      const r = decideReassessment(item(state), keep);
      assert.ok(r.ok, state);
      assert.deepEqual(r.value, { disclosure: 'withheld', withheldGround: 'process_info', nextDueOn: '2025-02-28' });
    }
  });

  test('should open up a draft in place and send a registered item back to draft as a new version', () => {
    const draft = decideReassessment(item('draft'), open);
    assert.ok(draft.ok);
    assert.deepEqual(draft.value, { disclosure: 'proactive', withheldGround: null, nextDueOn: null });
    const published = decideReassessment(item('published'), { ...open, decision: 'to_on_request' });
    assert.ok(published.ok);
    assert.deepEqual(published.value, {
      disclosure: 'on_request',
      withheldGround: null,
      nextDueOn: null,
      state: 'draft',
    });
  });

  test('should refuse items that are not withheld, withdrawn items and items in the review chain', () => {
    for (const [it, input] of [
      [item('draft', 'proactive'), keep],
      [item('withdrawn'), open],
      [item('in_review'), open],
      [item('scheduled'), open],
    ] as const) {
      const r = decideReassessment(it, input);
      assert.ok(!r.ok);
      assert.equal(r.error.code, REASSESSMENT_CONFLICT);
    }
  });
});

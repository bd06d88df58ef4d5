// The review chain: role first (forbidden), table (illegal_transition), 编审分离, params; and
// availableTransitions from the same table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../policies/actor.js';
import { localDate } from '../core/local-date.js';
import type { Role } from '../users/roles.js';
import type { PublicationSnapshot } from './publication.js';
import { DEFAULT_PUBLICATION_CONFIG, validateChain } from './review-chain.js';
import type { PublicationAction } from './transition-table.js';
import { availableTransitions, decide, separationBlock, type DecideContext } from './transitions.js';

const ORG = 'org-1';
const who = (id: string, roles: Role[]): Actor => ({
  userId: id,
  username: id,
  displayName: id,
  homeOrgId: ORG,
  roles: roles.map((role) => ({ orgId: ORG, role })),
});
const editor = who('ed', ['editor']);
const r1 = who('r1', ['reviewer']);
const r2 = who('r2', ['reviewer']);
const signer = who('sg', ['signer']);
const head = who('hd', ['head']);
const levels = DEFAULT_PUBLICATION_CONFIG.levels;

function draft(over: Partial<PublicationSnapshot> = {}): PublicationSnapshot {
  return {
    id: 'p1',
    orgId: ORG,
    state: 'draft',
    reviewLevel: null,
    major: false,
    createdBy: 'ed',
    currentVersion: null,
    scheduledAt: null,
    reviews: [
      { seq: 1, level: null, action: 'create', actorId: 'ed', actorLabel: 'ed', at: 't', comment: '', findings: [] },
    ],
    ...over,
  };
}

const ctx = (actor: Actor | null, over: Partial<DecideContext> = {}): DecideContext => ({
  actor,
  today: localDate('2025-10-09'),
  now: '2025-10-09T02:00:00.000Z',
  levels,
  ...over,
});

/** Applies a move the way the use case does. */
function step(
  p: PublicationSnapshot,
  actor: Actor | null,
  action: PublicationAction,
  params: Record<string, unknown> = {},
): PublicationSnapshot {
  const d = decide(p, { action, params }, ctx(actor));
  if (!d.ok) throw d.error;
  const seq = p.reviews.length + 1;
  return {
    ...p,
    ...d.value.patch,
    reviews: [
      ...p.reviews,
      {
        seq,
        level: d.value.entry.level,
        action,
        actorId: actor?.userId ?? null,
        actorLabel: '',
        at: 't',
        comment: d.value.entry.comment,
        findings: [],
      },
    ],
  } as PublicationSnapshot;
}

const code = (
  p: PublicationSnapshot,
  actor: Actor | null,
  action: PublicationAction,
  params: Record<string, unknown> = {},
  over: Partial<DecideContext> = {},
) => {
  const d = decide(p, { action, params }, ctx(actor, over));
  return d.ok ? 'ok' : d.error.code;
};

describe('review chain', () => {
  test('should run draft → three levels → signed off → published', () => {
    let p = step(draft(), editor, 'submit');
    assert.equal(p.state, 'submitted');
    p = step(p, r1, 'approve');
    assert.deepEqual([p.state, p.reviewLevel], ['in_review', 2]);
    p = step(p, r2, 'approve');
    assert.deepEqual([p.state, p.reviewLevel], ['in_review', 3]);
    p = step(p, signer, 'approve');
    assert.equal(p.state, 'signed_off');
    const d = decide(p, { action: 'publish' }, ctx(editor));
    assert.ok(d.ok);
    assert.equal(d.value.newVersion, 1);
    assert.equal(d.value.patch.publishedOn, '2025-10-09');
  });

  test('should check the role before the state (403 whatever the state)', () => {
    assert.equal(code(draft(), r1, 'submit'), 'forbidden');
    assert.equal(code(draft({ state: 'published', currentVersion: 1 }), editor, 'approve'), 'forbidden');
    assert.equal(code(draft(), r1, 'approve'), 'illegal_transition');
    assert.equal(code(draft(), editor, 'withdraw'), 'forbidden');
    assert.equal(code(draft(), null, 'submit'), 'forbidden');
  });

  test('should enforce 编审分离: no approving an item one edited or approved at another level', () => {
    const both = who('ed', ['editor', 'reviewer']);
    const submitted = step(draft(), editor, 'submit');
    assert.equal(code(submitted, both, 'approve'), 'forbidden');
    const level2 = step(submitted, r1, 'approve');
    assert.equal(code(level2, r1, 'approve'), 'forbidden');
    assert.equal(code(level2, r2, 'approve'), 'ok');
  });

  test('should need the level role: reviewers cannot sign off, and 重大 items need the head', () => {
    let p = step(step(step(draft({ major: true }), editor, 'submit'), r1, 'approve'), r2, 'approve');
    assert.equal(code(p, who('r3', ['reviewer']), 'approve'), 'forbidden');
    assert.equal(code(p, signer, 'approve'), 'forbidden');
    p = step(p, head, 'approve');
    assert.equal(p.state, 'signed_off');
  });

  test('should let the editor recall (撤回送审) a submitted item until a reviewer acts', () => {
    const submitted = step(draft(), editor, 'submit');
    const back = step(submitted, editor, 'recall');
    assert.deepEqual([back.state, back.reviewLevel], ['draft', null]);
    assert.equal(back.reviews.at(-1)?.action, 'recall');
    assert.equal(code(submitted, r1, 'recall'), 'forbidden', 'a reviewer does not recall');
    assert.equal(code(draft(), editor, 'recall'), 'illegal_transition');
    const level2 = step(submitted, r1, 'approve');
    assert.equal(code(level2, editor, 'recall'), 'illegal_transition', 'level 1 has acted');
    assert.deepEqual(
      availableTransitions(level2, editor, levels).map((t) => t.action),
      [],
    );
    // A round in which a reviewer already acted (as a stored ledger may show) cannot be recalled either.
    const acted = draft({
      state: 'submitted',
      reviewLevel: 1,
      reviews: [...submitted.reviews, { ...submitted.reviews[0]!, seq: 3, action: 'approve', actorId: 'r1', level: 1 }],
    });
    const refused = decide(acted, { action: 'recall' }, ctx(editor));
    assert.ok(!refused.ok && /审核人员已办理/.test(refused.error.message));
    // A revision of a live item can be recalled too; the live version stays.
    const revising = step(step(draft({ state: 'published', currentVersion: 1 }), editor, 'revise'), editor, 'submit');
    assert.deepEqual(
      [step(revising, editor, 'recall').state, step(revising, editor, 'recall').currentVersion],
      ['draft', 1],
    );
  });

  test('should return a rejected item to draft with a comment, which is required', () => {
    const p = step(draft(), editor, 'submit');
    assert.equal(code(p, r1, 'reject'), 'invalid_params');
    const back = step(p, r1, 'reject', { comment: '请补充政策依据' });
    assert.equal(back.state, 'draft');
    assert.equal(back.reviews.at(-1)?.comment, '请补充政策依据');
  });

  test('should block approval on error findings unless the reviewer confirms them', () => {
    const p = step(draft(), editor, 'submit');
    const findings = [{ severity: 'error' }];
    assert.equal(code(p, r1, 'approve', {}, { findings }), 'invalid_params');
    assert.equal(code(p, r1, 'approve', { acceptFindings: true }, { findings }), 'ok');
  });

  test('should schedule a publication and release it only when its time has come', () => {
    const signed = draft({ state: 'signed_off' });
    const d = decide(signed, { action: 'publish', params: { at: '2025-10-10T00:00:00Z' } }, ctx(editor));
    assert.ok(d.ok && d.value.next === 'scheduled' && d.value.newVersion === null);
    const scheduled = draft({ state: 'scheduled', scheduledAt: '2025-10-10T00:00:00.000Z' });
    assert.equal(code(scheduled, null, 'release'), 'illegal_transition');
    assert.equal(code(scheduled, null, 'release', {}, { now: '2025-10-10T00:00:01.000Z' }), 'ok');
    assert.equal(code(signed, editor, 'publish', { at: 'soon' }), 'invalid_params');
  });

  test('should withdraw a live item with a reason, by a signer or the head only', () => {
    const live = draft({ state: 'published', currentVersion: 1 });
    assert.equal(code(live, signer, 'withdraw'), 'invalid_params');
    assert.equal(code(live, head, 'withdraw', { reason: '内容已失效' }), 'ok');
    assert.equal(
      code(draft({ state: 'submitted', reviewLevel: 1 }), signer, 'withdraw', { reason: 'x' }),
      'illegal_transition',
    );
  });

  test('should run a revision of a published item through the chain while the live version stays', () => {
    let p = step(draft({ state: 'published', currentVersion: 1 }), editor, 'revise');
    assert.deepEqual([p.state, p.currentVersion], ['draft', 1]);
    p = step(step(step(step(p, editor, 'submit'), r1, 'approve'), r2, 'approve'), signer, 'approve');
    const d = decide(p, { action: 'publish' }, ctx(signer));
    assert.ok(d.ok && d.value.newVersion === 2 && d.value.patch.publishedOn === undefined);
    assert.equal(code(step(p, signer, 'reject', { comment: 'x' }), signer, 'withdraw', { reason: '撤回' }), 'ok');
  });

  test('should reopen a withdrawn item (撤稿后修订): editors only, still withdrawn until published again', () => {
    const withdrawn = step(draft({ state: 'published', currentVersion: 2 }), signer, 'withdraw', {
      reason: '内容有误',
    });
    assert.deepEqual([withdrawn.state, withdrawn.withdrawnAt], ['withdrawn', '2025-10-09T02:00:00.000Z']);
    assert.equal(code(withdrawn, signer, 'reopen'), 'forbidden', 'deny by default: editors only');
    assert.equal(code(withdrawn, r1, 'reopen'), 'forbidden');
    assert.equal(code(draft(), editor, 'reopen'), 'illegal_transition', 'only from withdrawn');
    assert.equal(code(draft({ state: 'published', currentVersion: 1 }), editor, 'reopen'), 'illegal_transition');
    assert.equal(code(draft({ state: 'withdrawn', currentVersion: null }), editor, 'reopen'), 'illegal_transition');
    assert.deepEqual(
      availableTransitions(withdrawn, editor, levels).map((t) => [t.action, t.to, t.label]),
      [['reopen', 'draft', '撤稿后修订（修订后重新发布）']],
    );
    assert.deepEqual(availableTransitions(withdrawn, signer, levels), []);
    const ed2 = who('ed2', ['editor']);
    let p = step(withdrawn, ed2, 'reopen');
    // Same item, same version count, still withdrawn while the revision runs.
    assert.deepEqual([p.state, p.currentVersion, p.withdrawnAt], ['draft', 2, '2025-10-09T02:00:00.000Z']);
    // Whoever reopened it edited it (编审分离).
    assert.equal(code(step(p, editor, 'submit'), who('ed2', ['reviewer']), 'approve'), 'forbidden');
    assert.equal(code(step(p, editor, 'submit'), r1, 'approve'), 'ok');
    p = step(step(step(step(p, editor, 'submit'), r1, 'approve'), r2, 'approve'), signer, 'approve');
    const d = decide(p, { action: 'publish' }, ctx(signer, { today: localDate('2025-11-03') }));
    assert.ok(d.ok);
    // Published anew: version 3, its 发布日期 that day, no longer withdrawn.
    assert.equal(d.value.newVersion, 3);
    assert.deepEqual(d.value.patch, {
      state: 'published',
      scheduledAt: null,
      reviewLevel: null,
      currentVersion: 3,
      publishedOn: '2025-11-03',
      withdrawnAt: null,
      withdrawReason: null,
    });
  });

  test('should drop a revision after withdrawal when withdrawn again, keeping the first withdrawal', () => {
    const withdrawn = step(draft({ state: 'published', currentVersion: 1 }), signer, 'withdraw', { reason: '有误' });
    const reopened = { ...step(withdrawn, editor, 'reopen'), withdrawnAt: '2025-10-01T00:00:00.000Z' };
    const d = decide(reopened, { action: 'withdraw', params: { reason: '不再发布' } }, ctx(head));
    assert.ok(d.ok);
    assert.deepEqual(d.value.patch, { state: 'withdrawn', reviewLevel: null, scheduledAt: null });
    assert.equal(d.value.entry.comment, '不再发布');
    // A scheduled release of the revision publishes it anew too.
    const scheduled = { ...reopened, state: 'scheduled' as const, scheduledAt: '2025-10-09T01:00:00.000Z' };
    const released = decide(scheduled, { action: 'release' }, ctx(null));
    assert.ok(released.ok && released.value.patch.withdrawnAt === null && released.value.patch.publishedOn);
  });

  test('should offer exactly the moves decide allows', () => {
    const submitted = step(draft(), editor, 'submit');
    assert.deepEqual(
      availableTransitions(submitted, r1, levels).map((t) => t.action),
      ['approve', 'reject'],
    );
    assert.deepEqual(
      availableTransitions(submitted, editor, levels).map((t) => t.action),
      ['recall'],
    );
    assert.deepEqual(
      availableTransitions(draft(), editor, levels).map((t) => t.action),
      ['submit'],
    );
    assert.deepEqual(
      availableTransitions(draft({ state: 'published', currentVersion: 1 }), signer, levels).map((t) => t.action),
      ['withdraw'],
    );
  });

  test('should label the last level’s approval 签发 and say why 编审分离 blocks an approval', () => {
    const submitted = step(draft(), editor, 'submit');
    assert.deepEqual(
      availableTransitions(submitted, r1, levels).map((t) => [t.label, t.to]),
      [
        ['审核通过', 'in_review'],
        ['退回修改', 'draft'],
      ],
    );
    const last = step(step(submitted, r1, 'approve'), r2, 'approve');
    assert.deepEqual(availableTransitions(last, signer, levels)[0], {
      action: 'approve',
      to: 'signed_off',
      label: '签发',
    });
    const both = who('ed', ['editor', 'reviewer']);
    assert.equal(separationBlock(submitted, both, levels), '编审分离：不能审核本人编辑的信息');
    assert.equal(
      separationBlock(step(submitted, r1, 'approve'), r1, levels),
      '编审分离：已在本轮其他层级审核过该信息的人员不能再审核本级',
    );
    assert.equal(separationBlock(submitted, r1, levels), null, 'free to approve');
    assert.equal(separationBlock(submitted, editor, levels), null, 'no approving role at all');
    assert.equal(separationBlock(submitted, signer, levels), null, 'not the level of the signer');
    assert.equal(separationBlock(draft(), both, levels), null, 'nothing to approve');
  });

  test('should accept chains of 1–3 levels ending in a sign-off with one 保密审查 level', () => {
    assert.ok(validateChain([{ label: '签发', role: 'signer', confidentiality: true }]).ok);
    assert.ok(!validateChain([]).ok);
    assert.ok(!validateChain([{ label: '初审', role: 'reviewer', confidentiality: true }]).ok);
    assert.ok(!validateChain([{ label: '签发', role: 'signer', confidentiality: false }]).ok);
  });
});

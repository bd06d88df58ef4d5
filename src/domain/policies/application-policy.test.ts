// Who may see and work disclosure applications, as a table written from the rules: role × where it is held →
// allowed. Decision 0007 ("Privacy") and docs/security/privacy.md: personal data only for the case-working roles of
// the handling organization itself, its assigned 协办 helper and recorded grants; supervisors, admins and case roles
// above the organization see cases without it. Moves need the role at the handling organization itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canEnterApplication,
  canMakeMove,
  canSeeCase,
  canViewCase,
  canViewPersonalData,
  HELPER_ACTIONS,
  isCaseHelper,
  personalDataAccess,
  type CaseSubject,
} from './application-policy.js';
import { actorHolding, departures, REACHES, SUBJECT } from './test-support.js';
import type { Actor } from './actor.js';
import type { Role } from '../users/roles.js';
import { ACTIONS, type Action } from '../applications/application.js';
import { ACTION_ROLES, SYSTEM_ACTIONS } from '../applications/transition-table.js';

/**
 * The case-working roles: the 承办人 (every move of the procedure), the disclosure office's head (extensions,
 * art. 33), legal review (合法性审查 and 保密审查), the signer who approves the reply, and the organization's
 * principal.
 */
const CASE_WORKERS: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'signer', 'head'];

/** Only the organization itself: a role held above it no longer reaches its applicants or its moves. */
const OWN_ONLY = { ...REACHES, ancestor: false };

const POLICIES: [string, (a: Actor, orgAncestry: readonly string[]) => boolean, readonly Role[], typeof REACHES][] = [
  // The case itself: the case workers, and the supervising office and admins (without personal data).
  ['see a case', canViewCase, [...CASE_WORKERS, 'supervisor', 'admin'], REACHES],
  // The applicant's identity and contact details: the case workers of the handling organization only.
  ['see the personal data of a case', canViewPersonalData, CASE_WORKERS, OWN_ONLY],
  // An application received in person, by post, fax or email is entered by the 承办人 who registers it.
  ['enter an application', canEnterApplication, ['handler'], OWN_ONLY],
];

for (const [what, decide, granted, reaches] of POLICIES) {
  test(`should let exactly the granted roles ${what}, held where the rule reaches`, () => {
    assert.deepEqual(departures(granted, decide, reaches), []);
  });
}

const STAFF_ACTIONS = ACTIONS.filter((a) => !SYSTEM_ACTIONS.has(a));

test('should let each move be made only with its role held at the handling organization itself', () => {
  const out: string[] = [];
  for (const action of STAFF_ACTIONS) {
    const role = ACTION_ROLES[action];
    const rows = departures(
      [role],
      (a, o) => canMakeMove(a, action, role, { orgAncestry: o, handlerId: null }),
      OWN_ONLY,
    );
    out.push(...rows.map((d) => `${action}: ${d}`));
  }
  assert.deepEqual(out, []);
});

/** A handler of the sibling bureau `other`, assigned to the case of `dept` (协办); also signer and office head there. */
const helper: Actor = {
  ...actorHolding('handler', 'other'),
  userId: 'helper',
  roles: [
    { orgId: 'other', role: 'handler' },
    { orgId: 'other', role: 'signer' },
    { orgId: 'other', role: 'office_head' },
  ],
};
const assigned: CaseSubject = { orgAncestry: SUBJECT, handlerId: 'helper' };

/**
 * The 协办 helper's table, written as what stays with the handling organization: handing the case on, ending it,
 * answering in its name, and every approval; the rest of the handler's work (drafting included) is allowed.
 */
const OWNER_ONLY: readonly Action[] = [
  'assign',
  'transfer',
  'withdraw',
  'archive',
  'send_reply',
  'lapse_correction',
  'lapse_fee',
  'extend',
  'set_delayed_period',
  'pass_legal_review',
  'return_from_legal_review',
  'approve_reply',
  'return_from_approval',
];
const HELPER_TABLE: readonly (readonly [Action, boolean])[] = STAFF_ACTIONS.map((a) => [a, !OWNER_ONLY.includes(a)]);

test('should let an assigned 协办 helper do the handler work but never transfer, withdraw, archive, send or approve', () => {
  for (const [action, allowed] of HELPER_TABLE) {
    assert.equal(canMakeMove(helper, action, ACTION_ROLES[action], assigned), allowed, action);
  }
  for (const action of ['transfer', 'withdraw', 'archive', 'send_reply', 'approve_reply', 'extend'] as const) {
    assert.equal(HELPER_ACTIONS.has(action), false, action);
  }
});

test('should make the helper only the assigned handler, and only while not a handler of the organization', () => {
  assert.equal(isCaseHelper(helper, assigned), true);
  assert.equal(isCaseHelper(helper, { ...assigned, handlerId: 'someone-else' }), false);
  assert.equal(isCaseHelper(actorHolding('signer', 'other'), { ...assigned, handlerId: 'signer@other' }), false);
  const own = actorHolding('handler', 'dept');
  assert.equal(isCaseHelper(own, { ...assigned, handlerId: own.userId }), false);
  assert.equal(canMakeMove(helper, 'draft_reply', 'handler', { ...assigned, handlerId: null }), false);
});

test('should tell why personal data is visible: the handling organization, the helper, a grant, or not at all', () => {
  const supervisor = actorHolding('supervisor', 'gov');
  const rootHandler = actorHolding('handler', 'gov');
  assert.equal(personalDataAccess(actorHolding('signer', 'dept'), assigned), 'handling_org');
  assert.equal(personalDataAccess(helper, assigned), 'helper');
  assert.equal(personalDataAccess(helper, { ...assigned, handlerId: null }), null);
  assert.equal(personalDataAccess(supervisor, assigned), null);
  assert.equal(personalDataAccess(rootHandler, assigned), null);
  assert.equal(personalDataAccess(supervisor, assigned, ['gov']), 'grant');
  assert.equal(personalDataAccess(supervisor, assigned, ['dept']), 'grant');
  assert.equal(personalDataAccess(supervisor, assigned, ['unit']), null, 'a grant below the case does not reach up');
  assert.equal(personalDataAccess(supervisor, assigned, ['other']), null, 'a grant on a sibling does not reach it');
  assert.equal(personalDataAccess(supervisor, { orgAncestry: [], handlerId: null }, ['gov']), null);
});

test('should let the helper and grant holders see the case, and nobody else outside the readers', () => {
  const stranger = actorHolding('handler', 'other');
  assert.equal(canSeeCase(helper, assigned), true);
  assert.equal(canSeeCase(stranger, assigned), false);
  assert.equal(canSeeCase(stranger, assigned, ['dept']), true);
});

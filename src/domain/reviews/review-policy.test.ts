// Who may read and keep the 复议/诉讼/投诉 register, as a table written from the rules: role × where it is held ×
// action → allowed. The disclosure staff (承办人), the disclosure office's head and legal review keep their
// organization's register with the admins, at the organization itself; the supervising office and writer roles
// above it read (the claimant masked, docs/security/privacy.md). Roles reach down, never up or sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canReview, claimantAccess, type ReviewAction } from './review-policy.js';
import { actorHolding, departures, REACHES, SUBJECT } from '../policies/test-support.js';
import type { Role } from '../users/roles.js';

const WRITERS: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'admin'];
/** Writing, and seeing the claimant, need the role at the organization itself. */
const OWN_ONLY = { ...REACHES, ancestor: false };

test('should let writer roles and the supervisor read the register, at the organization or above it', () => {
  assert.deepEqual(
    departures([...WRITERS, 'supervisor'], (a, o) => canReview(a, 'review.read', o)),
    [],
  );
});

test('should let only writer roles held at the organization itself keep its register', () => {
  assert.deepEqual(
    departures(WRITERS, (a, o) => canReview(a, 'review.write', o), OWN_ONLY),
    [],
  );
});

test('should deny an action the policy does not know', () => {
  assert.deepEqual(
    departures([], (a, o) => canReview(a, 'review.delete' as ReviewAction, o)),
    [],
  );
});

test('should show the claimant to the writers of the organization and grant holders only', () => {
  assert.deepEqual(
    departures(WRITERS, (a, o) => claimantAccess(a, o) !== null, OWN_ONLY),
    [],
  );
  const supervisor = actorHolding('supervisor', 'gov');
  assert.equal(claimantAccess(supervisor, SUBJECT), null);
  assert.equal(claimantAccess(supervisor, SUBJECT, ['gov']), 'grant');
  assert.equal(claimantAccess(supervisor, SUBJECT, ['other']), null);
  assert.equal(claimantAccess(actorHolding('admin', 'gov'), SUBJECT), null, 'an admin above reads it masked');
});

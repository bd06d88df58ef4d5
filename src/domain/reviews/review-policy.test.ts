// Who may read and keep the 复议/诉讼/投诉 register, as a table written from the rules: role × where it is held ×
// action → allowed. The disclosure staff (承办人), the disclosure office's head and legal review keep their
// organization's register with the admins; the supervising office reads its subtree and writes nothing. Roles
// reach down the tree, never up or sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canReview, type ReviewAction } from './review-policy.js';
import { actionDepartures } from '../policies/test-support.js';
import type { Role } from '../users/roles.js';

const WRITERS: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'admin'];
const TABLE: [ReviewAction, readonly Role[]][] = [
  ['review.read', [...WRITERS, 'supervisor']],
  ['review.write', WRITERS],
  // Deny by default: an action the policy does not know.
  ['review.delete' as ReviewAction, []],
];

test('should decide every action from the role table, for roles held at the organization or above it', () => {
  assert.deepEqual(actionDepartures(TABLE, canReview), []);
});

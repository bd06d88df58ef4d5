// Who may see and work disclosure applications, as a table written from the rules: role × where it is held →
// allowed. Decision 0007 ("Privacy"): personal data only for the case-working roles of the organization;
// supervisors and admins see cases without it. Roles reach down the tree, never up or sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canEnterApplication, canViewCase, canViewPersonalData } from './application-policy.js';
import { departures } from './test-support.js';
import type { Actor } from './actor.js';
import type { Role } from '../users/roles.js';

/**
 * The case-working roles: the 承办人 (every move of the procedure), the disclosure office's head (extensions,
 * art. 33), legal review (合法性审查 and 保密审查), the signer who approves the reply, and the organization's
 * principal.
 */
const CASE_WORKERS: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'signer', 'head'];

const POLICIES: [string, (a: Actor, orgAncestry: readonly string[]) => boolean, readonly Role[]][] = [
  // The case itself: the case workers, and the supervising office and admins (without personal data).
  ['see a case', canViewCase, [...CASE_WORKERS, 'supervisor', 'admin']],
  // The applicant's identity and contact details: the case workers only.
  ['see the personal data of a case', canViewPersonalData, CASE_WORKERS],
  // An application received in person, by post, fax or email is entered by the 承办人 who registers it.
  ['enter an application', canEnterApplication, ['handler']],
];

for (const [what, decide, granted] of POLICIES) {
  test(`should let exactly the granted roles ${what}, held at the organization or above it`, () => {
    assert.deepEqual(departures(granted, decide), []);
  });
}

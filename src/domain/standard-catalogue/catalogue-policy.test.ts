// Who may read and keep an organization's 基层政务公开标准目录, as a table written from the rules: role × where it
// is held × action → allowed. The administrators, the disclosure office's head and the organization's principal
// keep it; the publishing chain reads it (they link items to its rows) and so does the supervising office.
// Roles reach down the tree, never up or sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canCatalogue, type CatalogueAction } from './catalogue-policy.js';
import { actionDepartures } from '../policies/test-support.js';
import type { Role } from '../users/roles.js';

const KEEPERS: readonly Role[] = ['admin', 'office_head', 'head'];
const TABLE: [CatalogueAction, readonly Role[]][] = [
  ['catalogue.read', [...KEEPERS, 'editor', 'reviewer', 'signer', 'supervisor']],
  ['catalogue.write', KEEPERS],
  // Deny by default: an action the policy does not know.
  ['catalogue.delete' as CatalogueAction, []],
];

test('should decide every action from the role table, for roles held at the organization or above it', () => {
  assert.deepEqual(actionDepartures(TABLE, canCatalogue), []);
});

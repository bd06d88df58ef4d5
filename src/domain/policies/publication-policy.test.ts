// Who may see and edit 主动公开 items in the back office, as a table written from the rules: role × where it is
// held → allowed (docs/GLOSSARY.md: 编辑/审核/签发 are the three hands of publishing, 主要负责同志 signs off
// 重大信息, the supervising office reads a subtree, the admin manages organizations and settings). Roles reach
// down the tree, never up or sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canEditPublications, canManageCatalogue, canViewPublications } from './publication-policy.js';
import { canReassess } from '../publications/reassessment.js';
import { departures } from './test-support.js';
import type { Actor } from './actor.js';
import type { Role } from '../users/roles.js';

const POLICIES: [string, (a: Actor, orgIds: readonly string[]) => boolean, readonly Role[]][] = [
  // Drafts and the review ledger: the publishing chain, admins and the supervising office. The case workers
  // of 依申请公开 (handler, legal review, the disclosure office's head) do not work in the 主动公开 back office.
  ['see unpublished items', canViewPublications, ['editor', 'reviewer', 'signer', 'head', 'admin', 'supervisor']],
  // Only the editor drafts (编审分离: reviewers and signers never write what they approve).
  ['create and edit drafts', canEditPublications, ['editor']],
  // The category tree and the publication settings are the administrator's.
  ['manage the catalogue', canManageCatalogue, ['admin']],
  // Art. 18's yearly re-assessment of withheld items is decided by those who decide what is published and
  // withdrawn (the signer, the principal) and by the admin.
  ['record a re-assessment', canReassess, ['signer', 'head', 'admin']],
];

for (const [what, decide, granted] of POLICIES) {
  test(`should let exactly the granted roles ${what}, held at the organization or above it`, () => {
    assert.deepEqual(departures(granted, decide), []);
  });
}

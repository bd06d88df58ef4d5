// The annual-report policy as a table: role × where it is held × report state → allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canReport, type ReportAction, type ReportState } from './report-policy.js';
import type { Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

// District government (gov) → finance bureau (dept); a sibling bureau (other).
const DEPT = ['gov', 'dept'];
const actor = (role: Role, orgId: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: '',
  homeOrgId: orgId,
  roles: [{ orgId, role }],
});

type Row = [Role, string, ReportState | null, ReportAction, boolean];
const TABLE: Row[] = [
  // Compilers of the organization edit and submit drafts.
  ['editor', 'dept', null, 'report.edit', true],
  ['editor', 'dept', 'draft', 'report.submit', true],
  ['editor', 'dept', 'submitted', 'report.edit', false],
  ['editor', 'dept', 'published', 'report.submit', false],
  ['editor', 'dept', 'draft', 'report.publish', false],
  ['editor', 'other', 'draft', 'report.read', false],
  ['editor', 'other', 'draft', 'report.edit', false],
  ['office_head', 'dept', 'draft', 'report.edit', true],
  ['office_head', 'dept', 'draft', 'report.publish', true],
  ['office_head', 'dept', 'submitted', 'report.publish', true],
  ['office_head', 'dept', 'published', 'report.publish', false],
  ['head', 'dept', 'submitted', 'report.publish', true],
  ['head', 'dept', 'draft', 'report.edit', false],
  ['handler', 'dept', 'draft', 'report.read', false],
  ['reviewer', 'dept', 'draft', 'report.edit', false],
  // Roles reach down the tree: the government's admin acts on the bureau's report.
  ['admin', 'gov', 'draft', 'report.edit', true],
  ['admin', 'gov', 'submitted', 'report.return', true],
  // A supervisor of an ancestor reads, returns and rolls up; it never edits or publishes.
  ['supervisor', 'gov', 'submitted', 'report.read', true],
  ['supervisor', 'gov', 'submitted', 'report.return', true],
  ['supervisor', 'gov', 'draft', 'report.return', false],
  ['supervisor', 'gov', 'published', 'report.return', false],
  ['supervisor', 'gov', 'draft', 'report.rollup', true],
  ['supervisor', 'gov', 'draft', 'report.edit', false],
  ['supervisor', 'gov', 'submitted', 'report.publish', false],
  // Returning is for the supervising organization, not the unit itself.
  ['supervisor', 'dept', 'submitted', 'report.return', false],
  ['admin', 'dept', 'submitted', 'report.return', false],
  ['supervisor', 'other', 'submitted', 'report.read', false],
  ['editor', 'dept', 'draft', 'report.rollup', false],
];

for (const [role, at, state, action, allowed] of TABLE) {
  test(`should ${allowed ? 'allow' : 'deny'} ${action} to a ${role} of ${at} on a ${state ?? 'missing'} report`, () => {
    assert.equal(canReport(actor(role, at), action, { orgAncestry: DEPT, state }), allowed);
  });
}

test('should deny everything on an unknown organization and an unknown action', () => {
  assert.equal(canReport(actor('admin', 'gov'), 'report.read', { orgAncestry: [], state: 'draft' }), false);
  assert.equal(
    canReport(actor('admin', 'gov'), 'report.delete' as ReportAction, { orgAncestry: DEPT, state: 'draft' }),
    false,
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canAdmin, type AdminAction } from './admin-policy.js';
import type { Actor } from './actor.js';
import type { Role } from '../users/roles.js';

const actor = (role: Role, orgId: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: '',
  homeOrgId: orgId,
  roles: [{ role, orgId }],
});
const GOV = ['gov'];
const DEPT = ['gov', 'dept'];
const OTHER = ['gov', 'other'];
const roots = ['gov'];

// actor × action × subject → allowed (deny by default).
const TABLE: [Actor, AdminAction, readonly string[] | null, boolean][] = [
  [actor('admin', 'gov'), 'org.create', DEPT, true],
  [actor('admin', 'gov'), 'calendar.update', null, true],
  [actor('admin', 'gov'), 'settings.update', null, true],
  [actor('admin', 'dept'), 'user.create', DEPT, true],
  [actor('admin', 'dept'), 'user.create', OTHER, false],
  [actor('admin', 'dept'), 'user.create', GOV, false],
  [actor('admin', 'dept'), 'calendar.update', null, false],
  [actor('supervisor', 'gov'), 'user.read', DEPT, true],
  [actor('supervisor', 'gov'), 'audit.read', OTHER, true],
  [actor('supervisor', 'gov'), 'user.update', DEPT, false],
  [actor('editor', 'dept'), 'user.read', DEPT, false],
  [actor('editor', 'dept'), 'org.update', DEPT, false],
  [actor('handler', 'dept'), 'admin.enter', null, true],
];

test('should decide administrative actions from the role table', () => {
  for (const [a, action, ancestry, expected] of TABLE) {
    const got = canAdmin(a, action, ancestry === null ? null : { orgAncestry: ancestry }, roots);
    assert.equal(got, expected, `${a.roles[0]?.role}@${a.roles[0]?.orgId} ${action} ${ancestry?.join('/') ?? '-'}`);
  }
});

test('should deny an account without roles', () => {
  const none: Actor = { userId: 'x', username: 'x', displayName: '', homeOrgId: 'gov', roles: [] };
  assert.equal(canAdmin(none, 'admin.enter', null, roots), false);
  assert.equal(canAdmin(none, 'audit.read', null, roots), false);
});

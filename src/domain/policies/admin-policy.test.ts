// Who may administer organizations, accounts, the calendar, the settings and the audit trail, as a table
// written from the rules: role × where it is held × action → allowed (docs/GLOSSARY.md: the 系统管理员 manages
// accounts, organizations and settings; the supervising office reads a subtree). Roles reach down the tree,
// never up or sideways; what applies everywhere needs an admin of a top-level organization.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canAdmin, type AdminAction } from './admin-policy.js';
import { actionDepartures, actorHolding, departures, NO_ROLES } from './test-support.js';
import { ROLES, type Role } from '../users/roles.js';

const ROOTS = ['gov'];
const ORG_ACTIONS: [AdminAction, readonly Role[]][] = [
  ['org.create', ['admin']],
  ['org.update', ['admin']],
  ['org.move', ['admin']],
  ['org.edit_pages', ['admin']],
  ['user.create', ['admin']],
  ['user.update', ['admin']],
  ['user.handover', ['admin']],
  ['user.grant_personal_data', ['admin']],
  ['user.read', ['admin', 'supervisor']],
  ['audit.read', ['admin', 'supervisor']],
];

test('should decide every action on an organization from the role table, for admins and supervisors reaching it', () => {
  assert.deepEqual(
    actionDepartures(ORG_ACTIONS, (a, action, o) => canAdmin(a, action, { orgAncestry: o }, ROOTS)),
    [],
  );
});

test('should leave the calendar, the site settings and the background jobs to an admin of a top-level organization', () => {
  for (const action of ['calendar.update', 'settings.update', 'jobs.read'] as const) {
    for (const role of ROLES) {
      for (const at of ['gov', 'dept']) {
        const allowed = role === 'admin' && at === 'gov';
        for (const subject of [null, { orgAncestry: ['gov', 'dept'] }]) {
          assert.equal(canAdmin(actorHolding(role, at), action, subject, ROOTS), allowed, `${role}@${at} ${action}`);
        }
      }
    }
    assert.equal(canAdmin(NO_ROLES, action, null, ROOTS), false);
  }
});

test('should open the lists of accounts and the audit trail to admins and supervisors of any organization', () => {
  for (const action of ['user.read', 'audit.read'] as const) {
    for (const role of ROLES) {
      const allowed = role === 'admin' || role === 'supervisor';
      assert.equal(canAdmin(actorHolding(role, 'dept'), action, null, ROOTS), allowed, `${role} ${action}`);
    }
  }
});

test('should deny an action it does not know, to every role anywhere', () => {
  const unknown = 'org.delete' as AdminAction;
  assert.deepEqual(
    departures([], (a, o) => canAdmin(a, unknown, { orgAncestry: o }, ROOTS)),
    [],
  );
  assert.equal(canAdmin(actorHolding('admin', 'gov'), unknown, null, ROOTS), false);
});

test('should let every account with a role into the back office, and no account without one', () => {
  for (const role of ROLES) assert.equal(canAdmin(actorHolding(role, 'unit'), 'admin.enter', null, ROOTS), true);
  assert.equal(canAdmin(NO_ROLES, 'admin.enter', null, ROOTS), false);
});

// The annual-report policy as a table written from the rules: role × where it is held × report state × action →
// allowed. 《政府信息公开条例》第四十九条、第五十条: each body compiles and publishes its own report by the statutory
// date; the supervising office (上级政务公开办) oversees the units below it, returns their reports and compiles
// the roll-up. Compilers are the disclosure office's staff and head and the admin; the office's head, the
// organization's principal and the admin publish; supervisors and admins oversee. Roles reach down the tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canReport, mayCheckReports, maySetReportDeadline, maySetUnregulatedDue } from './report-policy.js';
import type { ReportAction, ReportState } from './report-policy.js';
import { actorHolding, departures, NO_ROLES, RELATIONS, REACHES } from '../policies/test-support.js';
import { ROLES, type Role } from '../users/roles.js';

const COMPILERS: readonly Role[] = ['editor', 'office_head', 'admin'];
const PUBLISHERS: readonly Role[] = ['office_head', 'head', 'admin'];
const OVERSEERS: readonly Role[] = ['supervisor', 'admin'];
const STATES: readonly (ReportState | null)[] = [null, 'draft', 'submitted', 'published'];

/**
 * Who may make each move on a report in each state (null: no report stored yet), `correcting` when a correction of
 * the published report is under way.
 */
function granted(action: ReportAction, state: ReportState | null, correcting: boolean): readonly Role[] {
  const draft = state === null || state === 'draft';
  const published = state === 'published';
  switch (action) {
    case 'report.read':
      return [...COMPILERS, ...PUBLISHERS, ...OVERSEERS];
    case 'report.edit':
      // The correction of a published report is edited like a draft.
      return draft || (published && correcting) ? COMPILERS : [];
    case 'report.submit':
      return draft ? COMPILERS : [];
    case 'report.publish':
      // Publishing a draft also submits it: art. 49 has units submit and publish by the same date; a correction
      // is published by the same publishers.
      return published && !correcting ? [] : PUBLISHERS;
    case 'report.return':
      return state === 'submitted' ? OVERSEERS : [];
    case 'report.rollup':
      return OVERSEERS;
    case 'report.correct':
      return published ? COMPILERS : [];
    case 'report.withdraw':
      // Taking public information off the portal is the administrator's.
      return published ? ['admin'] : [];
    default:
      return [];
  }
}

/** 退回 is the supervising organization's: an overseer held strictly above the unit, not at the unit itself. */
const ABOVE_ONLY = { ...REACHES, same: false };

const ACTIONS: ReportAction[] = [
  'report.read',
  'report.edit',
  'report.submit',
  'report.publish',
  'report.return',
  'report.rollup',
  'report.correct',
  'report.withdraw',
  'report.delete' as ReportAction,
];

for (const action of ACTIONS) {
  test(`should decide ${action} on a report in every state from the role table`, () => {
    for (const state of STATES) {
      for (const correcting of [false, true]) {
        const reaches = action === 'report.return' ? ABOVE_ONLY : REACHES;
        const found = departures(
          // A correction is under way only on a published report: elsewhere the flag changes nothing.
          granted(action, state, correcting && state === 'published'),
          (a, o) => canReport(a, action, { orgAncestry: o, state, correcting }),
          reaches,
        );
        assert.deepEqual(found, [], `${action} on a ${state ?? 'missing'} report${correcting ? ' (correcting)' : ''}`);
      }
    }
  });
}

test('should let supervisors and admins of any organization check published reports (年报体检)', () => {
  for (const role of ROLES) {
    for (const at of Object.values(RELATIONS)) {
      assert.equal(mayCheckReports(actorHolding(role, at)), OVERSEERS.includes(role), `${role}@${at}`);
    }
  }
  assert.equal(mayCheckReports(NO_ROLES), false);
});

test('should let an overseer of the organization or above it set its internal report deadline', () => {
  assert.deepEqual(departures(OVERSEERS, maySetReportDeadline), []);
});

test('should leave the report date of bodies the Regulation gives none to an admin of a top-level organization', () => {
  const roots = ['gov'];
  for (const role of ROLES) {
    for (const at of Object.values(RELATIONS)) {
      const allowed = role === 'admin' && at === 'gov';
      assert.equal(maySetUnregulatedDue(actorHolding(role, at), roots), allowed, `${role}@${at}`);
    }
  }
  assert.equal(maySetUnregulatedDue(actorHolding('admin', 'gov'), []), false);
  assert.equal(maySetUnregulatedDue(NO_ROLES, roots), false);
});

// Who may keep and read the supervision records (training sessions, 社会评议 and 责任追究 records). Deny by default.
import { holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

/** Record actions. */
export type RecordAction = 'record.read' | 'record.write';

/** Roles that keep the records of an organization (at it or above it): the system admin and the supervising office. */
export const RECORD_WRITER_ROLES: readonly Role[] = ['admin', 'supervisor'];

/**
 * Decides whether the actor may act on the records held by an organization. Writers hold `admin` or `supervisor` at
 * the organization or one of its ancestors; readers hold any role there, or any role inside the organization's
 * subtree (a department reads the training its supervising government organized).
 * @param orgAncestry ids from the root down to the holding organization (empty: unknown, denied)
 * @param subtree ids of the holding organization's subtree (itself included)
 */
export function canKeepRecord(
  actor: Actor,
  action: RecordAction,
  orgAncestry: readonly string[],
  subtree: ReadonlySet<string>,
): boolean {
  if (orgAncestry.length === 0) return false;
  switch (action) {
    case 'record.write':
      return RECORD_WRITER_ROLES.some((role) => holdsOver(actor, role, orgAncestry));
    case 'record.read':
      return actor.roles.some((g) => orgAncestry.includes(g.orgId) || subtree.has(g.orgId));
    default:
      return false;
  }
}

// Who may administer organizations, accounts, the calendar and the audit trail. Deny by default.
import { holdsAnywhere, holdsOver, type Actor } from './actor.js';

/** Administrative actions. */
export type AdminAction =
  | 'org.create'
  | 'org.update'
  | 'org.move'
  | 'user.read'
  | 'user.create'
  | 'user.update'
  | 'user.handover'
  | 'calendar.update'
  | 'audit.read'
  | 'settings.update'
  | 'admin.enter';

/** What an action is applied to: an organization's ancestry (root first), or nothing for global actions. */
export type AdminSubject = { orgAncestry: readonly string[] } | null;

const GLOBAL: ReadonlySet<AdminAction> = new Set(['calendar.update', 'settings.update']);

/**
 * Decides whether the actor may perform an administrative action.
 * An `admin` role administers its organization and everything below it; global actions
 * (the calendar, site settings) need an `admin` role at a root organization.
 * A `supervisor` may read accounts and the audit trail of its subtree.
 * @param rootIds ids of the root organizations (for global actions)
 */
export function canAdmin(
  actor: Actor,
  action: AdminAction,
  subject: AdminSubject,
  rootIds: readonly string[],
): boolean {
  if (action === 'admin.enter') {
    return actor.roles.length > 0;
  }
  if (GLOBAL.has(action)) {
    return actor.roles.some((g) => g.role === 'admin' && rootIds.includes(g.orgId));
  }
  if (subject === null) {
    if (action === 'audit.read' || action === 'user.read') {
      return holdsAnywhere(actor, 'admin') || holdsAnywhere(actor, 'supervisor');
    }
    return holdsAnywhere(actor, 'admin');
  }
  switch (action) {
    case 'user.read':
    case 'audit.read':
      return holdsOver(actor, 'admin', subject.orgAncestry) || holdsOver(actor, 'supervisor', subject.orgAncestry);
    case 'org.create':
    case 'org.update':
    case 'org.move':
    case 'user.create':
    case 'user.update':
    case 'user.handover':
      return holdsOver(actor, 'admin', subject.orgAncestry);
    case 'calendar.update':
    case 'settings.update':
      return false;
  }
}

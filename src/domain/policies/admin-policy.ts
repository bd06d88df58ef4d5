// Who may administer organizations, accounts, the calendar and the audit trail. Deny by default.
import { holdsAnywhere, holdsOver, type Actor } from './actor.js';
import type { Role } from '../users/roles.js';

/** Administrative actions. */
export type AdminAction =
  | 'org.create'
  | 'org.update'
  | 'org.move'
  | 'org.edit_pages'
  | 'user.read'
  | 'user.create'
  | 'user.update'
  | 'user.handover'
  | 'user.grant_personal_data'
  | 'calendar.update'
  | 'audit.read'
  | 'settings.update'
  | 'jobs.read'
  | 'mail.manage'
  | 'admin.enter';

/** What an action is applied to: an organization's ancestry (root first), or nothing for global actions. */
export type AdminSubject = { orgAncestry: readonly string[] } | null;

const GLOBAL: ReadonlySet<AdminAction> = new Set(['calendar.update', 'settings.update', 'jobs.read', 'mail.manage']);

/** The roles that may take each action on an organization, held at it or above it (roles reach down the tree). */
const ON_ORGANIZATION: Readonly<Partial<Record<AdminAction, readonly Role[]>>> = {
  'org.create': ['admin'],
  'org.update': ['admin'],
  'org.move': ['admin'],
  // 《条例》第十二条: the organization keeps its own 政府信息公开指南 (and 制度 page) current; its admin edits them.
  'org.edit_pages': ['admin'],
  'user.create': ['admin'],
  'user.update': ['admin'],
  'user.handover': ['admin'],
  // docs/security/privacy.md: an admin lets an account see the applicants of a subtree they administer.
  'user.grant_personal_data': ['admin'],
  'user.read': ['admin', 'supervisor'],
  'audit.read': ['admin', 'supervisor'],
};

/**
 * Decides whether the actor may perform an administrative action.
 * An `admin` role administers its organization and everything below it; global actions
 * (the calendar, site settings, the background jobs, the email outbox) need an `admin` role at a root organization.
 * A `supervisor` may read accounts and the audit trail of its subtree.
 * Without a subject, an organization action is allowed to whoever holds one of its roles anywhere (the list
 * pages then show only what the roles reach). An action missing from the tables is denied.
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
  const roles = ON_ORGANIZATION[action] ?? [];
  return roles.some((role) =>
    subject === null ? holdsAnywhere(actor, role) : holdsOver(actor, role, subject.orgAncestry),
  );
}

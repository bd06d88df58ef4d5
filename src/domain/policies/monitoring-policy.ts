// Who may do what in website monitoring (监督保障). Supervisors and admins of an organization or one of its
// ancestors register sites, run checks, confirm findings, assign tasks and send 提醒函; staff of the responsible
// organization (the site's 主办单位) see and fix their own tasks. Deny by default.
import { holdsOver, type Actor } from './actor.js';
import type { Role } from '../users/roles.js';

/** Monitoring actions. */
export type MonitoringAction = 'monitoring.read' | 'monitoring.manage' | 'monitoring.task.fix';

/** The roles that may take each action, held at the organization or above it. */
const ROLES_FOR: Readonly<Record<Exclude<MonitoringAction, 'monitoring.task.fix'>, readonly Role[]>> = {
  'monitoring.read': ['admin', 'supervisor'],
  'monitoring.manage': ['admin', 'supervisor'],
};

/**
 * Whether the actor may take the action on something of the organization whose ancestry (root first, the
 * organization last) is given. `monitoring.task.fix`: any role held at the organization itself (its staff), or an
 * admin/supervisor above. Reading a task is allowed to whoever may fix it.
 */
export function canMonitor(actor: Actor, action: MonitoringAction, orgAncestry: readonly string[]): boolean {
  if (orgAncestry.length === 0) return false;
  const managers = ROLES_FOR['monitoring.manage'];
  if (action === 'monitoring.task.fix') {
    const own = orgAncestry[orgAncestry.length - 1];
    return actor.roles.some((g) => g.orgId === own) || managers.some((r) => holdsOver(actor, r, orgAncestry));
  }
  return ROLES_FOR[action].some((r) => holdsOver(actor, r, orgAncestry));
}

/** Whether the actor may enter the monitoring pages at all (any role: staff see their own tasks). */
export function mayEnterMonitoring(actor: Actor): boolean {
  return actor.roles.length > 0;
}

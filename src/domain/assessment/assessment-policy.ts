// Who may assess (考核): the supervisors and administrators of the scope's organization or of an organization above
// it (《条例》第四十八条: the supervising office organizes the assessment of the units under it). Deny by default.
import { holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

/** The roles that keep schemes, enter values, adjust and publish; held at the scope's organization or above. */
export const ASSESSOR_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** Whether the actor may assess the subtree under the organization whose ancestry (root first) is given. */
export function canAssess(actor: Actor, scopeAncestry: readonly string[]): boolean {
  if (scopeAncestry.length === 0) return false;
  return ASSESSOR_ROLES.some((r) => holdsOver(actor, r, scopeAncestry));
}

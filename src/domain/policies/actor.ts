// Who is acting: the signed-in account with its role grants, as the policies see it.
import type { Role, RoleGrant } from '../users/roles.js';

/** The acting user. `orgPaths` maps each org id the actor may touch to its ancestry (root first). */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  homeOrgId: string;
  roles: readonly RoleGrant[];
};

/**
 * Whether the actor holds `role` at `orgId` itself or at one of its ancestors.
 * Roles reach down the tree: an admin of the district government administers its departments,
 * a supervisor reads the whole subtree (GLOSSARY: supervisor "reads a subtree").
 * @param ancestryOfOrg ids from the root down to orgId (inclusive)
 */
export function holdsOver(actor: Actor, role: Role, ancestryOfOrg: readonly string[]): boolean {
  return actor.roles.some((g) => g.role === role && ancestryOfOrg.includes(g.orgId));
}

/** Whether the actor holds `role` at exactly `orgId`. */
export function holdsAt(actor: Actor, role: Role, orgId: string): boolean {
  return actor.roles.some((g) => g.role === role && g.orgId === orgId);
}

/** Whether the actor holds `role` anywhere. */
export function holdsAnywhere(actor: Actor, role: Role): boolean {
  return actor.roles.some((g) => g.role === role);
}

// Builds the policy view of a signed-in account and the system actor used by the CLI.
import type { Actor } from '../domain/policies/actor.js';
import type { UserWithRoles } from '../domain/users/user.js';
import type { AuditInput } from '../domain/audit/audit-entry.js';

/** The policy view of an account. */
export function actorOf(user: UserWithRoles): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    homeOrgId: user.orgId,
    roles: user.roles,
  };
}

/** The label written in the audit trail for an actor (username and display name). */
export function actorLabel(actor: Actor | null): string {
  if (actor === null) {
    return 'system';
  }
  return actor.displayName ? `${actor.username}（${actor.displayName}）` : actor.username;
}

/** Fills the actor fields of an audit entry. */
export function auditBy(actor: Actor | null, rest: Omit<AuditInput, 'actorId' | 'actorLabel'>): AuditInput {
  return { actorId: actor?.userId ?? null, actorLabel: actorLabel(actor), ...rest };
}

// Who may see and work disclosure applications. Deny by default.
import type { Role } from '../users/roles.js';
import { holdsOver, type Actor } from './actor.js';

/**
 * Roles that work cases and therefore see the applicant's personal data: only the roles of the organization
 * handling the case (the applicant's data serves the application and nothing else).
 */
const CASE_ROLES: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'signer', 'head'];

/**
 * Whether the actor may see a case (without personal data for supervisors and admins).
 * @param orgAncestry ids from the root down to the case's organization
 */
export function canViewCase(actor: Actor, orgAncestry: readonly string[]): boolean {
  return [...CASE_ROLES, 'supervisor', 'admin'].some((r) => holdsOver(actor, r as Role, orgAncestry));
}

/** Whether the actor may see the applicant's personal data (identity, contact) of a case. */
export function canViewPersonalData(actor: Actor, orgAncestry: readonly string[]): boolean {
  return CASE_ROLES.some((r) => holdsOver(actor, r, orgAncestry));
}

/** Whether the actor may enter an application received through another channel (staff entry). */
export function canEnterApplication(actor: Actor, orgAncestry: readonly string[]): boolean {
  return holdsOver(actor, 'handler', orgAncestry);
}

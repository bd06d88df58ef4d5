// Who may read and write the 复议/诉讼/投诉 register. Deny by default.
import { holdsAt, holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

/** Register actions. */
export type ReviewAction = 'review.read' | 'review.write';

/** Roles that keep an organization's register: the disclosure staff, its head, legal review, admins. */
export const REVIEW_WRITER_ROLES: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'admin'];

/**
 * Decides whether the actor may act on the register of an organization.
 * Writers hold a writer role at the organization itself: acting on an organization's cases needs a role in it
 * (docs/security/privacy.md); writer roles above it, and a `supervisor` of its subtree, read without writing.
 * @param orgAncestry ids from the root down to the case's organization (empty: unknown, denied)
 */
export function canReview(actor: Actor, action: ReviewAction, orgAncestry: readonly string[]): boolean {
  const orgId = orgAncestry.at(-1);
  if (orgId === undefined) {
    return false;
  }
  switch (action) {
    case 'review.write':
      return REVIEW_WRITER_ROLES.some((role) => holdsAt(actor, role, orgId));
    case 'review.read':
      return [...REVIEW_WRITER_ROLES, 'supervisor' as const].some((role) => holdsOver(actor, role, orgAncestry));
    default:
      return false;
  }
}

/**
 * Why the actor sees the claimant (复议申请人、原告、投诉人) of an organization's case: a writer role at the
 * organization itself, or a live `view_personal_data` grant over it; null: masked (the same rule as applicants,
 * docs/security/privacy.md).
 * @param grantOrgIds the subtrees of the actor's live grants
 */
export function claimantAccess(
  actor: Actor,
  orgAncestry: readonly string[],
  grantOrgIds: readonly string[] = [],
): 'handling_org' | 'grant' | null {
  if (canReview(actor, 'review.write', orgAncestry)) return 'handling_org';
  return orgAncestry.length > 0 && grantOrgIds.some((g) => orgAncestry.includes(g)) ? 'grant' : null;
}

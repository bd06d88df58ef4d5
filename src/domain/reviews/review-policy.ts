// Who may read and write the 复议/诉讼/投诉 register. Deny by default.
import { holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

/** Register actions. */
export type ReviewAction = 'review.read' | 'review.write';

/** Roles that keep an organization's register: the disclosure staff, its head, legal review, admins. */
export const REVIEW_WRITER_ROLES: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'admin'];

/**
 * Decides whether the actor may act on the register of an organization.
 * Writers hold a writer role at the organization or above it (roles reach down the tree);
 * a `supervisor` reads its subtree and writes nothing.
 * @param orgAncestry ids from the root down to the case's organization (empty: unknown, denied)
 */
export function canReview(actor: Actor, action: ReviewAction, orgAncestry: readonly string[]): boolean {
  if (orgAncestry.length === 0) {
    return false;
  }
  const writes = REVIEW_WRITER_ROLES.some((role) => holdsOver(actor, role, orgAncestry));
  switch (action) {
    case 'review.write':
      return writes;
    case 'review.read':
      return writes || holdsOver(actor, 'supervisor', orgAncestry);
    default:
      return false;
  }
}

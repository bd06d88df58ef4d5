// Who may read and keep an organization's standard catalogue. Deny by default.
import { holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

/** Catalogue actions. */
export type CatalogueAction = 'catalogue.read' | 'catalogue.write';

/** Roles that keep the catalogue: administrators, the disclosure office's head and the organization's head. */
export const CATALOGUE_WRITER_ROLES: readonly Role[] = ['admin', 'office_head', 'head'];

/** Roles that read it: the writers, the editorial chain (they link publications to rows) and supervisors. */
export const CATALOGUE_READER_ROLES: readonly Role[] = [
  ...CATALOGUE_WRITER_ROLES,
  'editor',
  'reviewer',
  'signer',
  'supervisor',
];

/**
 * Decides whether the actor may act on an organization's catalogue. Roles reach down the tree.
 * @param orgAncestry ids from the root down to the organization (empty: unknown, denied)
 */
export function canCatalogue(actor: Actor, action: CatalogueAction, orgAncestry: readonly string[]): boolean {
  if (orgAncestry.length === 0) return false;
  switch (action) {
    case 'catalogue.write':
      return CATALOGUE_WRITER_ROLES.some((role) => holdsOver(actor, role, orgAncestry));
    case 'catalogue.read':
      return CATALOGUE_READER_ROLES.some((role) => holdsOver(actor, role, orgAncestry));
    default:
      return false;
  }
}

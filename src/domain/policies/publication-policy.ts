// Who may see and edit publications in the back office (docs/ARCHITECTURE.md, "Permissions"): deny by default.
// The review chain's moves (撤稿 and 撤稿后修订 among them) are granted per role by `ACTION_ROLES` in
// publications/transition-table.ts, and nothing else.
import { holdsOver, type Actor } from './actor.js';
import type { Role } from '../users/roles.js';

const STAFF_ROLES: readonly Role[] = ['editor', 'reviewer', 'signer', 'head', 'admin', 'supervisor'];

/**
 * Whether the actor may see an organization's unpublished items (drafts, the review ledger).
 * @param orgIds the organization's ancestry, root first
 */
export function canViewPublications(actor: Actor, orgIds: readonly string[]): boolean {
  return STAFF_ROLES.some((r) => holdsOver(actor, r, orgIds));
}

/** Whether the actor may create and edit drafts of an organization. */
export function canEditPublications(actor: Actor, orgIds: readonly string[]): boolean {
  return holdsOver(actor, 'editor', orgIds);
}

/** Whether the actor may change the organization's catalogue and publication settings. */
export function canManageCatalogue(actor: Actor, orgIds: readonly string[]): boolean {
  return holdsOver(actor, 'admin', orgIds);
}

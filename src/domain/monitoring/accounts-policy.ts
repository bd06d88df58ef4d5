// Who may read and keep the 政务新媒体 registry of an organization's subtree. Deny by default.
import { holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

/** Registry actions. */
export type MediaAction = 'media.read' | 'media.write';

/**
 * Roles that keep an organization's accounts (register, lifecycle, posts): administrators, the disclosure
 * office's head and the organization's head (123号: the 主办单位 is responsible for its accounts).
 */
export const MEDIA_WRITER_ROLES: readonly Role[] = ['admin', 'office_head', 'head'];

/** Roles that read the registry and its checks: the writers, the editorial chain and supervisors. */
export const MEDIA_READER_ROLES: readonly Role[] = [
  ...MEDIA_WRITER_ROLES,
  'editor',
  'reviewer',
  'signer',
  'supervisor',
];

/**
 * Decides whether the actor may act on the accounts of an organization. Roles reach down the tree.
 * @param orgAncestry ids from the root down to the organization (empty: unknown, denied)
 */
export function canMedia(actor: Actor, action: MediaAction, orgAncestry: readonly string[]): boolean {
  if (orgAncestry.length === 0) return false;
  const roles = action === 'media.write' ? MEDIA_WRITER_ROLES : action === 'media.read' ? MEDIA_READER_ROLES : [];
  return roles.some((role) => holdsOver(actor, role, orgAncestry));
}

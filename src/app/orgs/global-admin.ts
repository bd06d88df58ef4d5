// Global administrative actions (the calendar, site settings, the background jobs, the email outbox): allowed to an
// admin of a root organization (domain/policies/admin-policy.ts). One place reads which organizations are roots.
import type { Actor } from '../../domain/policies/actor.js';
import { canAdmin, type AdminAction } from '../../domain/policies/admin-policy.js';
import type { OrgRepos } from './ports.js';

/** The ids of the top-level organizations. */
export async function rootOrgIds(repos: OrgRepos): Promise<string[]> {
  return (await repos.orgs.list()).filter((o) => o.parentId === null).map((o) => o.id);
}

/**
 * Whether the actor may perform a global action; a null actor is the CLI or the system, which may.
 * @param action one of the admin policy's global actions
 */
export async function mayDoGlobally(repos: OrgRepos, actor: Actor | null, action: AdminAction): Promise<boolean> {
  return actor === null || canAdmin(actor, action, null, await rootOrgIds(repos));
}

// Browsing the audit trail in the back office, limited to what the actor may read.
import type { AppContext } from '../context.js';
import type { AuditFilter } from '../ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { AuditEntry } from '../../domain/audit/audit-entry.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canAdmin } from '../../domain/policies/admin-policy.js';
import { forbidden } from '../errors.js';

/**
 * Lists audit entries, newest first. A root admin sees everything; others see the entries of the
 * organizations they administer or supervise (entries without an organization are root-only).
 */
export async function browseAudit(
  ctx: AppContext,
  actor: Actor,
  filter: AuditFilter,
  page: { limit: number; beforeSeq?: number },
): Promise<AuditEntry[]> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  if (!canAdmin(actor, 'audit.read', null, roots)) {
    throw forbidden();
  }
  const isRootAdmin = actor.roles.some((g) => g.role === 'admin' && roots.includes(g.orgId));
  const visible = isRootAdmin
    ? undefined
    : orgs.filter((o) => canAdmin(actor, 'audit.read', { orgAncestry: ancestry(orgs, o.id) }, roots)).map((o) => o.id);
  return ctx.repos.audit.list({ ...filter, ...(visible ? { orgIds: visible } : {}) }, page);
}

// Browsing the audit trail in the back office, limited to what the actor may read, and the hash-chain check
// for those who may read it.
import type { AuditFilter, AuditRepos, Crypto } from '../ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { AuditEntry, ChainCheck } from '../../domain/audit/audit-entry.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canAdmin } from '../../domain/policies/admin-policy.js';
import { forbidden } from '../errors.js';
import { verifyAuditChain } from './verify-audit.js';

type AuditContext = { repos: OrgRepos & AuditRepos };

/**
 * The organizations whose entries the actor may read: undefined for a root admin (everything, entries without
 * an organization included), else those it administers or supervises.
 * @throws AppError 'forbidden' when the actor may read no audit entries at all
 */
async function readableOrgs(ctx: AuditContext, actor: Actor): Promise<string[] | undefined> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  if (!canAdmin(actor, 'audit.read', null, roots)) {
    throw forbidden();
  }
  const isRootAdmin = actor.roles.some((g) => g.role === 'admin' && roots.includes(g.orgId));
  return isRootAdmin
    ? undefined
    : orgs.filter((o) => canAdmin(actor, 'audit.read', { orgAncestry: ancestry(orgs, o.id) }, roots)).map((o) => o.id);
}

/**
 * Lists audit entries, newest first. A root admin sees everything; others see the entries of the
 * organizations they administer or supervise (entries without an organization are root-only).
 * @throws AppError 'forbidden'
 */
export async function browseAudit(
  ctx: AuditContext,
  actor: Actor,
  filter: AuditFilter,
  page: { limit: number; beforeSeq?: number },
): Promise<AuditEntry[]> {
  const visible = await readableOrgs(ctx, actor);
  return ctx.repos.audit.list({ ...filter, ...(visible ? { orgIds: visible } : {}) }, page);
}

/** One page of the trail: its entries, newest first, and the sequence number the next (older) page ends before. */
export type AuditPage = { entries: AuditEntry[]; olderBefore?: number };

/**
 * A page of the trail (it pages by sequence number: `beforeSeq` is where the page ends).
 * @throws AppError 'forbidden'
 */
export async function auditPage(
  ctx: AuditContext,
  actor: Actor,
  filter: AuditFilter,
  page: { size: number; beforeSeq?: number },
): Promise<AuditPage> {
  const found = await browseAudit(ctx, actor, filter, { limit: page.size + 1, beforeSeq: page.beforeSeq });
  const entries = found.slice(0, page.size);
  return { entries, olderBefore: found.length > page.size ? entries.at(-1)?.seq : undefined };
}

/**
 * Checks the hash chain for the back office. It reveals only counts, but still only to those who may read
 * the audit trail.
 * @throws AppError 'forbidden'
 */
export async function checkAuditChain(ctx: AuditContext & { crypto: Crypto }, actor: Actor): Promise<ChainCheck> {
  await readableOrgs(ctx, actor);
  return verifyAuditChain(ctx);
}

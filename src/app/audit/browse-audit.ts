// Browsing the audit trail in the back office, limited to what the actor may read, and the hash-chain check
// for those who may read it.
import type { AuditFilter, AuditRepos, Crypto } from '../ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { AuditEntry, ChainCheck } from '../../domain/audit/audit-entry.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import {
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  describeChange,
  type FieldChange,
} from '../../domain/audit/audit-labels.js';
import { canAdmin } from '../../domain/policies/admin-policy.js';
import { forbidden } from '../errors.js';
import { verifyAuditChain } from './verify-audit.js';

type AuditContext = { repos: OrgRepos & AuditRepos };

/**
 * The organizations whose entries the actor may read: undefined for a root admin (everything, entries without
 * an organization included), else those it administers or supervises.
 * @throws AppError 'forbidden' when the actor may read no audit entries at all
 */
async function readableOrgs(ctx: AuditContext, actor: Actor, known?: Organization[]): Promise<string[] | undefined> {
  const all = known ?? (await ctx.repos.orgs.list({ includeRetired: true }));
  const roots = all.filter((o) => o.parentId === null).map((o) => o.id);
  if (!canAdmin(actor, 'audit.read', null, roots)) {
    throw forbidden();
  }
  const isRootAdmin = actor.roles.some((g) => g.role === 'admin' && roots.includes(g.orgId));
  return isRootAdmin
    ? undefined
    : all.filter((o) => canAdmin(actor, 'audit.read', { orgAncestry: ancestry(all, o.id) }, roots)).map((o) => o.id);
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
  orgs?: Organization[],
): Promise<AuditEntry[]> {
  const visible = await readableOrgs(ctx, actor, orgs);
  return ctx.repos.audit.list({ ...filter, ...(visible ? { orgIds: visible } : {}) }, page);
}

/**
 * An entry as the back office shows it: the action's Chinese label, the object's type label and name (查询码,
 * title, case number or name; absent when it has none or no longer exists), the actor's display name and the
 * changed fields before → after (organizations by name).
 */
export type AuditRow = AuditEntry & {
  actionLabel: string;
  typeLabel: string;
  subjectName?: string;
  actorName: string;
  changes: FieldChange[];
};

/** One page of the trail: its entries, newest first, and the sequence number the next (older) page ends before. */
export type AuditPage = { entries: AuditRow[]; olderBefore?: number };

const ORG_FIELDS = new Set(['orgId', 'parentId']);

function parseJson(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** Names the entries' objects and people, and describes each change in Chinese. */
async function describeEntries(ctx: AuditContext, entries: AuditEntry[], orgs: Organization[]): Promise<AuditRow[]> {
  const userIds = entries.flatMap((e) => (e.actorId ? [e.actorId] : []));
  const names = await ctx.repos.audit.names(entries, userIds);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return entries.map((e) => ({
    ...e,
    actionLabel: auditActionLabel(e.action),
    typeLabel: AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType,
    subjectName: names.subjects.get(`${e.entityType}:${e.entityId}`),
    actorName: (e.actorId && names.people.get(e.actorId)) || (e.actorLabel === 'system' ? '系统' : e.actorLabel),
    changes: describeChange(parseJson(e.beforeJson), parseJson(e.afterJson), e.entityType).map((c) =>
      ORG_FIELDS.has(c.field)
        ? { ...c, before: orgName.get(c.before) ?? c.before, after: orgName.get(c.after) ?? c.after }
        : c,
    ),
  }));
}

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
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const found = await browseAudit(ctx, actor, filter, { limit: page.size + 1, beforeSeq: page.beforeSeq }, orgs);
  const entries = found.slice(0, page.size);
  return {
    entries: await describeEntries(ctx, entries, orgs),
    olderBefore: found.length > page.size ? entries.at(-1)?.seq : undefined,
  };
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

// Keeping the 社会评议 and 责任追究 records (《中华人民共和国政府信息公开条例》第五十条第四项): list by year, kind and
// organization subtree, create, edit, delete. Every change is audited in its transaction.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { OrgNode } from '../../domain/orgs/organization.js';
import {
  parseOversight,
  type OversightDetails,
  type OversightKind,
  type OversightRecord,
  type OversightText,
} from '../../domain/oversight/oversight.js';
import { localDate } from '../../domain/core/local-date.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { actorLabel, auditBy } from '../actors.js';
import { loadRecordScope, readableHolders } from '../training/record-scope.js';

/** The typed form of a record, with the holding organization on creation. */
export type OversightInput = OversightText & { orgId?: string };

/** The list filter. */
export type OversightListFilter = { year?: number; orgId?: string; kind?: OversightKind };

/** What the list page shows. */
export type OversightRegister = {
  records: OversightRecord[];
  orgs: OrgNode[];
  orgNames: Record<string, string>;
  can: { create: boolean };
};

/**
 * The list page.
 * @throws AppError 'forbidden' when the actor may read no records at all
 */
export async function oversightRegister(
  ctx: AppContext,
  actor: Actor | null,
  filter: OversightListFilter,
): Promise<OversightRegister> {
  const scope = await loadRecordScope(ctx, actor);
  const orgIds = readableHolders(scope, filter.orgId);
  const records = await ctx.repos.oversight.list({ orgIds, year: filter.year, kind: filter.kind });
  return {
    records,
    orgs: scope.tree.filter((o) => scope.can('record.read', o.id)),
    orgNames: scope.names,
    can: { create: scope.orgsFor('record.write').length > 0 },
  };
}

/**
 * The organizations a record may be kept for, the actor's own first.
 * @throws AppError 'forbidden' when there is none
 */
export async function oversightChoices(
  ctx: AppContext,
  actor: Actor | null,
): Promise<{ orgs: OrgNode[]; defaultOrgId: string }> {
  const orgs = (await loadRecordScope(ctx, actor)).orgsFor('record.write');
  if (orgs.length === 0) throw forbidden();
  const home = orgs.find((o) => o.id === actor?.homeOrgId) ?? orgs[0];
  return { orgs, defaultOrgId: home?.id ?? '' };
}

/**
 * One record with its organization's name and what the actor may do; unreadable records are "not found".
 * @throws AppError 'not_found'
 */
export async function oversightPage(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ record: OversightRecord; orgName: string; can: { write: boolean } }> {
  const [record, scope] = await Promise.all([ctx.repos.oversight.byId(id), loadRecordScope(ctx, actor)]);
  if (!record || !scope.can('record.read', record.orgId)) throw notFound('记录');
  return {
    record,
    orgName: scope.names[record.orgId] ?? '（未知机构）',
    can: { write: scope.can('record.write', record.orgId) },
  };
}

async function writable(ctx: AppContext, actor: Actor | null, id: string): Promise<OversightRecord> {
  const { record, can } = await oversightPage(ctx, actor, id);
  if (!can.write) throw forbidden();
  return record;
}

function validate(ctx: AppContext, input: OversightInput, known: Record<string, string>) {
  const parsed = parseOversight(input, localDate(ctx.clock.today()));
  const errors = { ...known, ...(parsed.ok ? {} : parsed.error) };
  if (!parsed.ok || Object.keys(errors).length > 0) throw invalid('请按提示更正以下内容', errors);
  return parsed.value;
}

/**
 * Records a 社会评议 or 责任追究 for one of the actor's organizations.
 * @throws AppError 'forbidden' for an organization the actor may not write, 'invalid' with field errors
 */
export async function createOversight(
  ctx: AppContext,
  actor: Actor | null,
  input: OversightInput,
): Promise<OversightRecord> {
  const scope = await loadRecordScope(ctx, actor);
  const orgId = (input.orgId ?? '').trim();
  const org = scope.tree.find((o) => o.id === orgId && o.retiredAt === null);
  if (org && !scope.can('record.write', orgId)) throw forbidden();
  const details = validate(ctx, input, org ? {} : { orgId: '请选择记录机构' });
  const now = ctx.clock.nowIso();
  const record: OversightRecord = {
    ...details,
    id: ctx.crypto.newId(),
    orgId,
    actorId: actor?.userId ?? null,
    actorLabel: actorLabel(actor),
    createdAt: now,
    updatedAt: now,
  };
  await ctx.uow.run(async (r) => {
    await r.oversight.insert(record);
    await r.audit.append(entry(actor, 'oversight.created', record, null, details), now);
  });
  return record;
}

/**
 * Edits a record; the holding organization stays.
 * @throws AppError 'not_found', 'forbidden', 'invalid' with field errors
 */
export async function updateOversight(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: OversightInput,
): Promise<OversightRecord> {
  const before = await writable(ctx, actor, id);
  const details = validate(ctx, input, {});
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.oversight.update(id, details, now);
    await r.audit.append(entry(actor, 'oversight.updated', before, fieldsOf(before), details), now);
  });
  return { ...before, ...details, updatedAt: now };
}

/**
 * Deletes a record.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function deleteOversight(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  const before = await writable(ctx, actor, id);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.oversight.delete(id);
    await r.audit.append(entry(actor, 'oversight.deleted', before, fieldsOf(before), null), now);
  });
}

/** A record's fields as the audit trail keeps them. */
const fieldsOf = ({ kind, occurredOn, unit, subject, result }: OversightRecord): OversightDetails => ({
  kind,
  occurredOn,
  unit,
  subject,
  result,
});

/** The audit entry of a change to a record. */
const entry = (
  actor: Actor | null,
  action: string,
  record: Pick<OversightRecord, 'id' | 'orgId'>,
  before: OversightDetails | null,
  after: OversightDetails | null,
) =>
  auditBy(actor, { action, entityType: 'oversight_record', entityId: record.id, orgId: record.orgId, before, after });

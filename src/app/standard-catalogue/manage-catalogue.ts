// Reading an organization's standard catalogue and stating that a key area does not apply to it; the policy
// check and the audited change every use case of the catalogue shares.
import type { Actor } from '../../domain/policies/actor.js';
import type { AuditInput } from '../../domain/audit/audit-entry.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canCatalogue, type CatalogueAction } from '../../domain/standard-catalogue/catalogue-policy.js';
import type { KeyArea } from '../../domain/standard-catalogue/key-areas.js';
import type { CatalogueRow } from '../../domain/standard-catalogue/catalogue-row.js';
import type { OrgRepos } from '../orgs/ports.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import type { CatalogueContext, StandardCatalogueRepos } from './ports.js';

/** One key area of an organization's catalogue: its rows, or the reason it does not apply. */
export type CatalogueArea = { area: KeyArea; notApplicable: string | null; rows: CatalogueRow[] };

/** What keeping the catalogue needs, said once on the 403 page. */
export const WRITERS_ONLY = '需要管理员、政务公开办公室负责人或机构负责人角色才能维护标准目录';

/**
 * Checks the catalogue policy for an organization. Null actor = CLI/system: everything.
 * @throws AppError 'not_found' for an unknown organization, 'forbidden' when the action is not allowed
 */
export async function authorizeCatalogue(
  ctx: { repos: OrgRepos },
  actor: Actor | null,
  orgId: string,
  action: CatalogueAction,
): Promise<void> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!orgs.some((o) => o.id === orgId)) throw notFound('机构');
  if (actor !== null && !canCatalogue(actor, action, ancestry(orgs, orgId))) {
    throw action === 'catalogue.write' ? forbidden(WRITERS_ONLY) : forbidden();
  }
}

/**
 * Runs a change of an organization's catalogue and writes its audit entry, in one transaction.
 * @param change the writes, given the transaction's repositories and the change's instant
 */
export async function recordChange(
  ctx: Pick<CatalogueContext, 'uow' | 'clock'>,
  actor: Actor | null,
  entry: Omit<AuditInput, 'actorId' | 'actorLabel'>,
  change: (r: StandardCatalogueRepos, now: string) => Promise<unknown>,
): Promise<void> {
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await change(r, now);
    await r.audit.append(auditBy(actor, entry), now);
  });
}

/**
 * The organization found by its 统一社会信用代码 (the CLI's way of naming it).
 * @throws AppError 'not_found'
 */
export async function orgIdByCreditCode(ctx: { repos: OrgRepos }, creditCode: string): Promise<string> {
  const org = await ctx.repos.orgs.byCreditCode(creditCode.trim().toUpperCase());
  if (!org) throw notFound(`机构（统一社会信用代码 ${creditCode}）`);
  return org.id;
}

/**
 * Every key area of the organization (national and local) with its current rows and any
 * "not applicable" statement, in area order.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function listCatalogue(
  ctx: { repos: OrgRepos & StandardCatalogueRepos },
  actor: Actor | null,
  orgId: string,
): Promise<CatalogueArea[]> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.read');
  const [areas, exclusions, rows] = await Promise.all([
    ctx.repos.standardCatalogue.areas(orgId),
    ctx.repos.standardCatalogue.exclusions(orgId),
    ctx.repos.standardCatalogue.rows(orgId),
  ]);
  return areas.map((area) => ({
    area,
    notApplicable: exclusions.find((e) => e.keyAreaId === area.id)?.reason ?? null,
    rows: rows.filter((r) => r.keyAreaId === area.id),
  }));
}

/**
 * Records that a key area does not concern the organization (未涉及领域事项说明), with the reason; an empty
 * reason is refused. An area that has rows cannot be excluded.
 * @throws AppError 'not_found', 'forbidden', 'invalid'
 */
export async function markAreaNotApplicable(
  ctx: CatalogueContext,
  actor: Actor | null,
  orgId: string,
  keyAreaId: string,
  reason: string,
): Promise<void> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const area = (await ctx.repos.standardCatalogue.areas(orgId)).find((a) => a.id === keyAreaId);
  if (!area) throw notFound('重点领域');
  if (reason.trim() === '') throw invalid('请说明该领域不适用的理由', { reason: '理由不能为空' });
  if ((await ctx.repos.standardCatalogue.rows(orgId)).some((r) => r.keyAreaId === keyAreaId)) {
    throw invalid(`“${area.name}”领域已有目录事项，不能标为未涉及`, { keyAreaId: '请先停用该领域的事项' });
  }
  const after = { area: area.name, reason: reason.trim() };
  const entry = { action: 'catalogue.area_excluded', entityType: 'key_area', entityId: keyAreaId, orgId };
  await recordChange(ctx, actor, { ...entry, before: null, after }, (r, now) =>
    r.standardCatalogue.setExclusion({ orgId, keyAreaId, reason: after.reason, createdAt: now }),
  );
}

/**
 * Withdraws a "not applicable" statement.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function clearAreaNotApplicable(
  ctx: CatalogueContext,
  actor: Actor | null,
  orgId: string,
  keyAreaId: string,
): Promise<void> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const before = (await ctx.repos.standardCatalogue.exclusions(orgId)).find((e) => e.keyAreaId === keyAreaId);
  if (!before) throw notFound('未涉及领域说明');
  const entry = { action: 'catalogue.area_included', entityType: 'key_area', entityId: keyAreaId, orgId };
  await recordChange(ctx, actor, { ...entry, before: { reason: before.reason }, after: null }, (r) =>
    r.standardCatalogue.removeExclusion(orgId, keyAreaId),
  );
}

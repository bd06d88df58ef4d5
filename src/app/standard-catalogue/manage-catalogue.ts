// Reading an organization's standard catalogue and stating that a key area does not apply to it.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canCatalogue, type CatalogueAction } from '../../domain/standard-catalogue/catalogue-policy.js';
import type { KeyArea } from '../../domain/standard-catalogue/key-areas.js';
import type { CatalogueRow } from '../../domain/standard-catalogue/catalogue-row.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';

/** One key area of an organization's catalogue: its rows, or the reason it does not apply. */
export type CatalogueArea = { area: KeyArea; notApplicable: string | null; rows: CatalogueRow[] };

/**
 * Checks the catalogue policy for an organization. Null actor = CLI/system: everything.
 * @throws AppError 'not_found' for an unknown organization, 'forbidden' when the action is not allowed
 */
export async function authorizeCatalogue(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string,
  action: CatalogueAction,
): Promise<void> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!orgs.some((o) => o.id === orgId)) throw notFound('机构');
  if (actor !== null && !canCatalogue(actor, action, ancestry(orgs, orgId))) throw forbidden();
}

/**
 * The organization found by its 统一社会信用代码 (the CLI's way of naming it).
 * @throws AppError 'not_found'
 */
export async function orgIdByCreditCode(ctx: AppContext, creditCode: string): Promise<string> {
  const org = await ctx.repos.orgs.byCreditCode(creditCode.trim().toUpperCase());
  if (!org) throw notFound(`机构（统一社会信用代码 ${creditCode}）`);
  return org.id;
}

/**
 * Every key area of the organization (national and local) with its current rows and any
 * "not applicable" statement, in area order.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function listCatalogue(ctx: AppContext, actor: Actor | null, orgId: string): Promise<CatalogueArea[]> {
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
 * Records that a key area does not concern the organization (未涉及领域事项说明, SPEC §4.4.5), with
 * the reason; passing an empty reason is refused. An area that has rows cannot be excluded.
 * @throws AppError 'not_found', 'forbidden', 'invalid'
 */
export async function markAreaNotApplicable(
  ctx: AppContext,
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
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.standardCatalogue.setExclusion({ orgId, keyAreaId, reason: reason.trim(), createdAt: now });
    await r.audit.append(
      auditBy(actor, {
        action: 'catalogue.area_excluded',
        entityType: 'key_area',
        entityId: keyAreaId,
        orgId,
        before: null,
        after: { area: area.name, reason: reason.trim() },
      }),
      now,
    );
  });
}

/**
 * Withdraws a "not applicable" statement.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function clearAreaNotApplicable(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string,
  keyAreaId: string,
): Promise<void> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const before = (await ctx.repos.standardCatalogue.exclusions(orgId)).find((e) => e.keyAreaId === keyAreaId);
  if (!before) throw notFound('未涉及领域说明');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.standardCatalogue.removeExclusion(orgId, keyAreaId);
    await r.audit.append(
      auditBy(actor, {
        action: 'catalogue.area_included',
        entityType: 'key_area',
        entityId: keyAreaId,
        orgId,
        before: { reason: before.reason },
        after: null,
      }),
      now,
    );
  });
}

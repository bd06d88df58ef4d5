// Creating, editing, moving and retiring organizations (admins only; every change audited).
import type { AppContext, Repos } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import {
  ancestry,
  wouldCreateCycle,
  type Organization,
  type OrganizationFields,
} from '../../domain/orgs/organization.js';
import { canAdmin, type AdminAction } from '../../domain/policies/admin-policy.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { insertDefaultCatalogue } from '../publications/catalogue.js';

/** What the organization use cases use. */
type OrgContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>;

/**
 * Checks an admin action on an organization (or at the top level for a new root). Null actor = CLI/system.
 * @param what the organization's role in the message when it does not exist ('机构', '上级机构')
 * @throws AppError 'not_found' for an unknown organization, 'forbidden'
 */
async function authorize(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor | null,
  action: AdminAction,
  orgId: string | null,
  what = '机构',
): Promise<Organization[]> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (orgId !== null && !orgs.some((o) => o.id === orgId)) {
    throw notFound(what);
  }
  if (actor === null) {
    return orgs;
  }
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  const subject = orgId === null ? null : { orgAncestry: ancestry(orgs, orgId) };
  const ok = orgId === null ? canAdmin(actor, 'settings.update', null, roots) : canAdmin(actor, action, subject, roots);
  if (!ok) {
    throw forbidden();
  }
  return orgs;
}

/**
 * Checks an admin action on an existing organization.
 * @returns every organization, and the one acted on
 * @throws AppError 'not_found', 'forbidden'
 */
export async function authorizeOn(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor | null,
  action: AdminAction,
  id: string,
): Promise<[Organization[], Organization]> {
  const orgs = await authorize(ctx, actor, action, id);
  const org = orgs.find((o) => o.id === id);
  if (!org) {
    throw notFound('机构');
  }
  return [orgs, org];
}

/**
 * Creates an organization under `parentId` (null: a new root, system admins only).
 * @throws AppError 'conflict' for a duplicate credit code, 'forbidden', 'not_found'
 */
export async function createOrganization(
  ctx: OrgContext,
  actor: Actor | null,
  parentId: string | null,
  fields: OrganizationFields,
): Promise<Organization> {
  const orgs = await authorize(ctx, actor, 'org.create', parentId, '上级机构');
  const sortOrder = orgs.filter((o) => o.parentId === parentId).length;
  return ctx.uow.run(async (r) => {
    if (await r.orgs.byCreditCode(fields.creditCode)) {
      throw conflict('统一社会信用代码已被其他机构使用', { creditCode: '该统一社会信用代码已存在' });
    }
    return insertOrganization(r, ctx, actor, fields, { parentId, sortOrder });
  });
}

/**
 * Writes a new organization at `place` in the transaction `r`, with its default catalogue (the statutory
 * directories) and the audit entry of its creation. Bootstrap and `createOrganization` both create through it.
 */
export async function insertOrganization(
  r: Repos,
  ctx: Pick<AppContext, 'clock' | 'crypto'>,
  actor: Actor | null,
  fields: OrganizationFields,
  place: { parentId: string | null; sortOrder: number },
): Promise<Organization> {
  const now = ctx.clock.nowIso();
  const org: Organization = {
    ...fields,
    ...place,
    id: ctx.crypto.newId(),
    retiredAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await r.orgs.insert(org);
  await insertDefaultCatalogue(r, ctx, org, now);
  await r.audit.append(
    auditBy(actor, {
      action: 'org.created',
      entityType: 'organization',
      entityId: org.id,
      orgId: org.id,
      before: null,
      after: org,
    }),
    now,
  );
  return org;
}

/**
 * Edits an organization's fields.
 * @throws AppError 'conflict' for a credit code used by another organization
 */
export async function updateOrganization(
  ctx: OrgContext,
  actor: Actor | null,
  id: string,
  fields: OrganizationFields,
): Promise<void> {
  const [, before] = await authorizeOn(ctx, actor, 'org.update', id);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    const other = await r.orgs.byCreditCode(fields.creditCode);
    if (other && other.id !== id) {
      throw conflict('统一社会信用代码已被其他机构使用', { creditCode: '该统一社会信用代码已存在' });
    }
    await r.orgs.update(id, fields, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'org.updated',
        entityType: 'organization',
        entityId: id,
        orgId: id,
        before,
        after: { ...before, ...fields, updatedAt: now },
      }),
      now,
    );
  });
}

/**
 * Moves an organization under another parent (or to the top).
 * @throws AppError 'invalid' when the move would make it its own ancestor
 */
export async function moveOrganization(
  ctx: OrgContext,
  actor: Actor | null,
  id: string,
  newParentId: string | null,
): Promise<void> {
  const [orgs, org] = await authorizeOn(ctx, actor, 'org.move', id);
  if (newParentId !== null) {
    await authorize(ctx, actor, 'org.move', newParentId, '上级机构');
  } else if (actor !== null) {
    await authorize(ctx, actor, 'org.move', null);
  }
  if (wouldCreateCycle(orgs, id, newParentId)) {
    throw invalid('不能将机构移动到其自身或其下级机构之下', { parentId: '不能选择本机构或其下级机构作为上级' });
  }
  const now = ctx.clock.nowIso();
  const sortOrder = orgs.filter((o) => o.parentId === newParentId && o.id !== id).length;
  await ctx.uow.run(async (r) => {
    await r.orgs.move(id, newParentId, sortOrder, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'org.moved',
        entityType: 'organization',
        entityId: id,
        orgId: id,
        before: { parentId: org.parentId },
        after: { parentId: newParentId },
      }),
      now,
    );
  });
}

/** Retires (or restores) an organization. Retired organizations stay in reports and the audit trail. */
export async function setOrganizationRetired(
  ctx: OrgContext,
  actor: Actor | null,
  id: string,
  retired: boolean,
): Promise<void> {
  const [orgs, org] = await authorizeOn(ctx, actor, 'org.update', id);
  if (retired && orgs.some((o) => o.parentId === id && o.retiredAt === null)) {
    throw invalid('该机构仍有下级机构，请先移动或撤销下级机构');
  }
  const now = ctx.clock.nowIso();
  const retiredAt = retired ? now : null;
  await ctx.uow.run(async (r) => {
    await r.orgs.setRetired(id, retiredAt, now);
    await r.audit.append(
      auditBy(actor, {
        action: retired ? 'org.retired' : 'org.restored',
        entityType: 'organization',
        entityId: id,
        orgId: id,
        before: { retiredAt: org.retiredAt },
        after: { retiredAt },
      }),
      now,
    );
  });
}

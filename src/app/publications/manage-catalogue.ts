// Managing an organization's catalogue (政府信息公开目录): admins add, rename, reorder and retire
// categories; every change is audited. Nothing is deleted: a retired category keeps the
// items filed under it readable, and can be restored. The national first-level directories
// (国办公开办函〔2019〕61号) may be renamed but never retired.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { isValidSlug, STATUTORY_KEYS, type CategoryKind } from '../../domain/publications/catalogue.js';
import { canManageCatalogue } from '../../domain/policies/publication-policy.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import type { PublicationConfig } from '../../domain/publications/review-chain.js';
import { auditBy } from '../actors.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { ensureCatalogue, loadPublicationConfig, savePublicationConfig } from './catalogue.js';
import type { Category } from './ports.js';

/** What managing the catalogue uses: the repositories, a transaction, the clock and ids. */
export type CatalogueContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>;

/** Longest category name. */
export const MAX_CATEGORY_NAME = 40;

/** What the catalogue page shows. */
export type CatalogueAdmin = { org: Organization; categories: Category[]; config: PublicationConfig };

/** A new category as typed. */
export type NewCategoryInput = { name: string; slug: string; parentId: string | null; kind: CategoryKind };

async function authorize(ctx: CatalogueContext, actor: Actor, orgId: string): Promise<Organization> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw notFound('机构');
  if (!canManageCatalogue(actor, ancestry(orgs, orgId))) {
    throw new AppError('forbidden', '只有本机构或上级机构的系统管理员可以管理信息公开目录');
  }
  return org;
}

/** The category and its organization, checked for the actor. */
async function authorizeCategory(ctx: CatalogueContext, actor: Actor, id: string): Promise<Category> {
  const cat = await ctx.repos.categories.byId(id);
  if (!cat) throw notFound('栏目');
  await authorize(ctx, actor, cat.orgId);
  return cat;
}

function checkName(name: string, siblings: readonly Category[], selfId?: string): string | null {
  if (name === '') return '请填写栏目名称';
  if (name.length > MAX_CATEGORY_NAME) return `栏目名称不能超过${MAX_CATEGORY_NAME}个字`;
  if (siblings.some((c) => c.id !== selfId && c.retiredAt === null && c.name === name)) return '同一目录下已有同名栏目';
  return null;
}

/**
 * The organization's catalogue (retired nodes included) and publication settings, creating the
 * default catalogue first when the organization has none.
 * @throws AppError 'not_found', 'forbidden' (not an admin of the organization or above)
 */
export async function loadCatalogueAdmin(ctx: CatalogueContext, actor: Actor, orgId: string): Promise<CatalogueAdmin> {
  const org = await authorize(ctx, actor, orgId);
  await ensureCatalogue(ctx, orgId);
  const [categories, config] = await Promise.all([
    ctx.repos.categories.list(orgId, { includeRetired: true }),
    loadPublicationConfig(ctx.repos, orgId),
  ]);
  return { org, categories, config };
}

/**
 * Adds a category (or a directory) at the end of its parent's children.
 * @param input.parentId a directory of the same organization, or null for a first-level node
 * @returns the new category
 * @throws AppError 'forbidden', 'not_found', 'invalid' with field messages (name, slug, parentId)
 */
export async function addCategory(
  ctx: CatalogueContext,
  actor: Actor,
  orgId: string,
  input: NewCategoryInput,
): Promise<Category> {
  await authorize(ctx, actor, orgId);
  const all = await ctx.repos.categories.list(orgId, { includeRetired: true });
  const name = input.name.trim();
  const slug = input.slug.trim().toLowerCase();
  const parent = input.parentId ? all.find((c) => c.id === input.parentId) : undefined;
  const errors: Record<string, string> = {};
  if (input.parentId && (!parent || parent.kind !== 'directory' || parent.retiredAt !== null)) {
    errors.parentId = '上级目录应为本机构在用的目录';
  }
  const nameError = checkName(
    name,
    all.filter((c) => c.parentId === (input.parentId ?? null)),
  );
  if (nameError) errors.name = nameError;
  if (!isValidSlug(slug)) errors.slug = '栏目代码由小写字母、数字和连字符组成，以字母或数字开头，最长40个字符';
  else if (all.some((c) => c.slug === slug)) errors.slug = '本机构已有该栏目代码（含已停用的栏目）';
  if (input.kind !== 'directory' && input.kind !== 'category') errors.kind = '请选择类型';
  if (Object.keys(errors).length > 0) throw invalid('栏目填写有误', errors);
  const siblings = all.filter((c) => c.parentId === (input.parentId ?? null));
  const cat: Category = {
    id: ctx.crypto.newId(),
    orgId,
    parentId: input.parentId ?? null,
    slug,
    name,
    sortOrder: siblings.reduce((m, c) => Math.max(m, c.sortOrder + 1), 0),
    kind: input.kind,
    statutoryKey: null,
    retiredAt: null,
  };
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    if (await r.categories.bySlug(orgId, slug)) {
      throw conflict('本机构已有该栏目代码', { slug: '本机构已有该栏目代码（含已停用的栏目）' });
    }
    await r.categories.insert(cat, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'category.created',
        entityType: 'category',
        entityId: cat.id,
        orgId,
        before: null,
        after: cat,
      }),
      now,
    );
  });
  return cat;
}

/**
 * Renames a category (statutory nodes too: their stable key keeps them findable).
 * @throws AppError 'forbidden', 'not_found', 'invalid' ({ name })
 */
export async function renameCategory(ctx: CatalogueContext, actor: Actor, id: string, name: string): Promise<void> {
  const cat = await authorizeCategory(ctx, actor, id);
  const next = name.trim();
  const siblings = (await ctx.repos.categories.list(cat.orgId)).filter((c) => c.parentId === cat.parentId);
  const error = checkName(next, siblings, id);
  if (error) throw invalid('栏目名称有误', { name: error });
  if (next === cat.name) return;
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.categories.update(id, { name: next }, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'category.renamed',
        entityType: 'category',
        entityId: id,
        orgId: cat.orgId,
        before: { name: cat.name },
        after: { name: next },
      }),
      now,
    );
  });
}

/**
 * Moves a category one place up or down among its siblings (the siblings are renumbered 0…n).
 * @returns false when it is already first (or last)
 * @throws AppError 'forbidden', 'not_found'
 */
export async function moveCategory(
  ctx: CatalogueContext,
  actor: Actor,
  id: string,
  direction: 'up' | 'down',
): Promise<boolean> {
  const cat = await authorizeCategory(ctx, actor, id);
  const siblings = (await ctx.repos.categories.list(cat.orgId, { includeRetired: true })).filter(
    (c) => c.parentId === cat.parentId,
  );
  const i = siblings.findIndex((c) => c.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  const other = siblings[j];
  if (i < 0 || !other) return false;
  siblings[j] = cat;
  siblings[i] = other;
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    for (const [n, c] of siblings.entries()) {
      if (c.sortOrder !== n) await r.categories.update(c.id, { sortOrder: n }, now);
    }
    await r.audit.append(
      auditBy(actor, {
        action: 'category.reordered',
        entityType: 'category',
        entityId: id,
        orgId: cat.orgId,
        before: { sortOrder: cat.sortOrder },
        after: { sortOrder: j, direction },
      }),
      now,
    );
  });
  return true;
}

/**
 * Retires (停用) or restores a category. A directory is retired only once its children are; a
 * restored node needs an active parent; the national first-level directories are never retired.
 * @throws AppError 'forbidden', 'not_found', 'conflict'
 */
export async function setCategoryRetired(
  ctx: CatalogueContext,
  actor: Actor,
  id: string,
  retired: boolean,
): Promise<void> {
  const cat = await authorizeCategory(ctx, actor, id);
  if (retired === (cat.retiredAt !== null)) return;
  const all = await ctx.repos.categories.list(cat.orgId, { includeRetired: true });
  if (retired && cat.statutoryKey !== null && (STATUTORY_KEYS as readonly string[]).includes(cat.statutoryKey)) {
    throw conflict(`“${cat.name}”是国家规定的一级目录，不能停用`);
  }
  if (retired && all.some((c) => c.parentId === id && c.retiredAt === null)) {
    throw conflict(`请先停用“${cat.name}”下的栏目`);
  }
  const parent = all.find((c) => c.id === cat.parentId);
  if (!retired && parent && parent.retiredAt !== null) throw conflict(`请先恢复上级目录“${parent.name}”`);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.categories.setRetired(id, retired ? now : null, now);
    await r.audit.append(
      auditBy(actor, {
        action: retired ? 'category.retired' : 'category.restored',
        entityType: 'category',
        entityId: id,
        orgId: cat.orgId,
        before: { retiredAt: cat.retiredAt },
        after: { retiredAt: retired ? now : null },
      }),
      now,
    );
  });
}

/** One change of the catalogue page: a category added, renamed, moved, retired or restored, or the settings. */
export type CatalogueChange =
  | { op: 'add'; category: NewCategoryInput }
  | { op: 'rename'; id: string; name: string }
  | { op: 'up' | 'down' | 'retire' | 'restore'; id: string }
  | { op: 'settings'; config: PublicationConfig };

/**
 * Applies one change to an organization's catalogue or publication settings.
 * @throws AppError 'not_found' (also for a category of another organization), 'forbidden', 'invalid', 'conflict'
 */
export async function changeCatalogue(
  ctx: CatalogueContext,
  actor: Actor,
  orgId: string,
  change: CatalogueChange,
): Promise<void> {
  if (change.op === 'add') {
    await addCategory(ctx, actor, orgId, change.category);
    return;
  }
  if (change.op === 'settings') return savePublicationConfig(ctx, actor, orgId, change.config);
  const cat = await ctx.repos.categories.byId(change.id);
  if (!cat || cat.orgId !== orgId) throw notFound('栏目');
  switch (change.op) {
    case 'rename':
      return renameCategory(ctx, actor, cat.id, change.name);
    case 'up':
    case 'down':
      await moveCategory(ctx, actor, cat.id, change.op);
      return;
    case 'retire':
    case 'restore':
      return setCategoryRetired(ctx, actor, cat.id, change.op === 'retire');
  }
}

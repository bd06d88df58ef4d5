// SQL for the catalogue's categories (政府信息公开目录).
import type { Kysely, Selectable } from 'kysely';
import type { CategoryTable, Database } from '../database.js';
import type { Category, CategoryRepository } from '../../app/publications/ports.js';
import type { CategoryKind } from '../../domain/publications/catalogue.js';

function toCategory(r: Selectable<CategoryTable>): Category {
  return {
    id: r.id,
    orgId: r.org_id,
    parentId: r.parent_id,
    slug: r.slug,
    name: r.name,
    sortOrder: Number(r.sort_order),
    kind: r.kind as CategoryKind,
    statutoryKey: r.statutory_key,
    retiredAt: r.retired_at,
  };
}

/** Builds the category repository. */
export function categoryRepository(db: Kysely<Database>): CategoryRepository {
  return {
    async list(orgId, opts = {}) {
      let q = db.selectFrom('category').selectAll().where('org_id', '=', orgId);
      if (!opts.includeRetired) q = q.where('retired_at', 'is', null);
      return (await q.orderBy('sort_order').orderBy('slug').execute()).map(toCategory);
    },
    async byId(id) {
      const r = await db.selectFrom('category').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toCategory(r) : undefined;
    },
    async bySlug(orgId, slug) {
      const r = await db
        .selectFrom('category')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('slug', '=', slug)
        .executeTakeFirst();
      return r ? toCategory(r) : undefined;
    },
    async insert(c, at) {
      await db
        .insertInto('category')
        .values({
          id: c.id,
          org_id: c.orgId,
          parent_id: c.parentId,
          slug: c.slug,
          name: c.name,
          sort_order: c.sortOrder,
          kind: c.kind,
          statutory_key: c.statutoryKey,
          retired_at: c.retiredAt,
          created_at: at,
          updated_at: at,
        })
        .execute();
    },
    async update(id, f, at) {
      await db
        .updateTable('category')
        .set({
          ...(f.name !== undefined ? { name: f.name } : {}),
          ...(f.sortOrder !== undefined ? { sort_order: f.sortOrder } : {}),
          ...(f.parentId !== undefined ? { parent_id: f.parentId } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
    async setRetired(id, retiredAt, at) {
      await db.updateTable('category').set({ retired_at: retiredAt, updated_at: at }).where('id', '=', id).execute();
    },
  };
}

// SQL for the catalogue's categories (政府信息公开目录).
import type { Kysely, Selectable } from 'kysely';
import type { CategoryTable, Database } from '../database.js';
import type { Category, CategoryRepository } from '../../app/publications/ports.js';
import type { CategoryKind } from '../../domain/publications/catalogue.js';
import { camelFields, givenColumns, snakeColumns } from '../mappers.js';
import { firstOf, updateById } from '../queries.js';

/** The columns of a Category's fields. */
const FIELDS = [
  'id',
  'org_id',
  'parent_id',
  'slug',
  'name',
  'sort_order',
  'kind',
  'statutory_key',
  'retired_at',
] as const;

function toCategory(r: Selectable<CategoryTable>): Category {
  return { ...camelFields(r, FIELDS), sortOrder: Number(r.sort_order), kind: r.kind as CategoryKind };
}

/** Builds the category repository. */
export function categoryRepository(db: Kysely<Database>): CategoryRepository {
  const categories = () => db.selectFrom('category').selectAll();
  return {
    async list(orgId, opts = {}) {
      let q = categories().where('org_id', '=', orgId);
      if (!opts.includeRetired) q = q.where('retired_at', 'is', null);
      return (await q.orderBy('sort_order').orderBy('slug').execute()).map(toCategory);
    },
    byId: (id) => firstOf(categories().where('id', '=', id), toCategory),
    bySlug: (orgId, slug) => firstOf(categories().where('org_id', '=', orgId).where('slug', '=', slug), toCategory),
    async insert(c, at) {
      await db
        .insertInto('category')
        .values({ ...snakeColumns(c, FIELDS), created_at: at, updated_at: at })
        .execute();
    },
    async update(id, f, at) {
      const changes = givenColumns({ name: f.name, sort_order: f.sortOrder, parent_id: f.parentId });
      await updateById(db, 'category', id, { ...changes, updated_at: at });
    },
    async setRetired(id, retiredAt, at) {
      await updateById(db, 'category', id, { retired_at: retiredAt, updated_at: at });
    },
  };
}

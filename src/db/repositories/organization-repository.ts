// SQL for organizations.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { OrganizationRepository } from '../../app/ports.js';
import { organizationColumns, toOrganization } from '../mappers.js';

/** Builds the organization repository over a connection or transaction. */
export function organizationRepository(db: Kysely<Database>): OrganizationRepository {
  return {
    async list(opts) {
      let q = db.selectFrom('organization').selectAll();
      if (!opts?.includeRetired) {
        q = q.where('retired_at', 'is', null);
      }
      const rows = await q.orderBy('sort_order').orderBy('name').execute();
      return rows.map(toOrganization);
    },
    async byId(id) {
      const r = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toOrganization(r) : undefined;
    },
    async byCreditCode(code) {
      const r = await db.selectFrom('organization').selectAll().where('credit_code', '=', code).executeTakeFirst();
      return r ? toOrganization(r) : undefined;
    },
    async insert(o) {
      await db
        .insertInto('organization')
        .values({
          id: o.id,
          parent_id: o.parentId,
          ...organizationColumns(o),
          sort_order: o.sortOrder,
          retired_at: o.retiredAt,
          created_at: o.createdAt,
          updated_at: o.updatedAt,
        })
        .execute();
    },
    async update(id, fields, at) {
      await db
        .updateTable('organization')
        .set({ ...organizationColumns(fields), updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async move(id, parentId, sortOrder, at) {
      await db
        .updateTable('organization')
        .set({ parent_id: parentId, sort_order: sortOrder, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async setRetired(id, retiredAt, at) {
      await db.updateTable('organization').set({ retired_at: retiredAt, updated_at: at }).where('id', '=', id).execute();
    },
  };
}

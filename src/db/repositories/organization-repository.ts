// SQL for organizations, with an in-process copy of the table for the portal's every request.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { OrganizationRepository } from '../../app/orgs/ports.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { ORGANIZATION, organizationColumns, snakeColumns, toOrganization } from '../mappers.js';
import { updateById } from '../queries.js';

// Every portal page reads the whole organization table (the column tree); bench:portal found that
// one of the largest costs of a page. Outside transactions the rows are kept per open database and
// reused while the table's change token is the same. Every write here sets a new random token in the
// same transaction, so a commit from any process (the CLI, another server) changes it, and a token
// written by a transaction that rolled back never comes back. Reads inside a transaction always query.
// The copies are shared by every repository of the process and bounded: the least recently used open database's
// copy goes first (a server holds one; tests and restores open many).
const CHANGE_TOKEN = 'organization.change';
const copies = new Map<string, { token: number; all: Organization[] }>();
/** Open databases whose copy is kept. */
export const KEPT_ORGANIZATION_COPIES = 4;

/** Keeps a copy as the most recently used, dropping the least recently used beyond the bound. */
function keep(instanceId: string, copy: { token: number; all: Organization[] }): void {
  copies.delete(instanceId);
  copies.set(instanceId, copy);
  while (copies.size > KEPT_ORGANIZATION_COPIES) copies.delete(copies.keys().next().value ?? '');
}

const clone = (o: Organization): Organization => ({ ...o });

/**
 * Builds the organization repository over a connection or transaction.
 * @param instanceId the open database's id (the key of the in-process copy); without it nothing is kept
 */
export function organizationRepository(db: Kysely<Database>, instanceId?: string): OrganizationRepository {
  const tokenNow = async () =>
    Number(
      (await db.selectFrom('counter').select('value').where('key', '=', CHANGE_TOKEN).executeTakeFirst())?.value ?? 0,
    );
  const cached = async (): Promise<Organization[] | undefined> => {
    if (instanceId === undefined || db.isTransaction) return undefined;
    const token = await tokenNow();
    const hit = copies.get(instanceId);
    if (hit?.token === token) {
      keep(instanceId, hit);
      return hit.all;
    }
    const all = (await db.selectFrom('organization').selectAll().orderBy('sort_order').orderBy('name').execute()).map(
      toOrganization,
    );
    keep(instanceId, { token, all });
    return all;
  };
  const changed = async () => {
    // counter.value is a 32-bit integer on PostgreSQL.
    const value = Math.floor(Math.random() * 0x7ffffffe) + 1;
    await db
      .insertInto('counter')
      .values({ key: CHANGE_TOKEN, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  };
  return {
    async changeToken() {
      return instanceId === undefined || db.isTransaction ? undefined : `${instanceId}:${await tokenNow()}`;
    },
    async list(opts) {
      const all = await cached();
      if (all) return all.filter((o) => opts?.includeRetired || o.retiredAt === null).map(clone);
      let q = db.selectFrom('organization').selectAll();
      if (!opts?.includeRetired) {
        q = q.where('retired_at', 'is', null);
      }
      const rows = await q.orderBy('sort_order').orderBy('name').execute();
      return rows.map(toOrganization);
    },
    async byId(id) {
      const all = await cached();
      if (all) {
        const o = all.find((x) => x.id === id);
        return o ? clone(o) : undefined;
      }
      const r = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toOrganization(r) : undefined;
    },
    async byCreditCode(code) {
      const r = await db.selectFrom('organization').selectAll().where('credit_code', '=', code).executeTakeFirst();
      return r ? toOrganization(r) : undefined;
    },
    async insert(o) {
      await db.insertInto('organization').values(snakeColumns(o, ORGANIZATION)).execute();
      await changed();
    },
    async update(id, fields, at) {
      await updateById(db, 'organization', id, { ...organizationColumns(fields), updated_at: at });
      await changed();
    },
    async move(id, parentId, sortOrder, at) {
      await updateById(db, 'organization', id, { parent_id: parentId, sort_order: sortOrder, updated_at: at });
      await changed();
    },
    async setRetired(id, retiredAt, at) {
      await updateById(db, 'organization', id, { retired_at: retiredAt, updated_at: at });
      await changed();
    },
  };
}

// SQL for the recorded `view_personal_data` grants.
import type { Kysely, Selectable } from 'kysely';
import type { Database, PersonalDataGrantTable } from '../database.js';
import type { PersonalDataGrantRepository } from '../../app/users/ports.js';
import type { PersonalDataGrant } from '../../domain/users/personal-data-grant.js';
import { camelFields, snakeColumns } from '../mappers.js';
import { firstOf } from '../queries.js';

/** The table's columns, each a field of the grant by its camel-case name. */
const COLUMNS = [
  'id',
  'user_id',
  'org_id',
  'reason',
  'granted_by',
  'granted_by_label',
  'granted_at',
  'revoked_by',
  'revoked_by_label',
  'revoked_at',
] as const;

const toGrant = (r: Selectable<PersonalDataGrantTable>): PersonalDataGrant => camelFields(r, COLUMNS);

/** Builds the grant repository. */
export function personalDataGrantRepository(db: Kysely<Database>): PersonalDataGrantRepository {
  return {
    async insert(g) {
      await db.insertInto('personal_data_grant').values(snakeColumns(g, COLUMNS)).execute();
    },
    byId: (id) => firstOf(db.selectFrom('personal_data_grant').selectAll().where('id', '=', id), toGrant),
    async forUser(userId, opts = {}) {
      let q = db.selectFrom('personal_data_grant').selectAll().where('user_id', '=', userId);
      if (opts.live) q = q.where('revoked_at', 'is', null);
      const rows = await q.orderBy('granted_at', 'desc').orderBy('id').execute();
      return rows.map(toGrant);
    },
    async revoke(id, by, at) {
      await db
        .updateTable('personal_data_grant')
        .set({ revoked_by: by.id, revoked_by_label: by.label, revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

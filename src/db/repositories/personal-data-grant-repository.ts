// SQL for the recorded `view_personal_data` grants.
import type { Kysely, Selectable } from 'kysely';
import type { Database, PersonalDataGrantTable } from '../database.js';
import type { PersonalDataGrantRepository } from '../../app/users/ports.js';
import type { PersonalDataGrant } from '../../domain/users/personal-data-grant.js';

const toGrant = (r: Selectable<PersonalDataGrantTable>): PersonalDataGrant => ({
  id: r.id,
  userId: r.user_id,
  orgId: r.org_id,
  reason: r.reason,
  grantedBy: r.granted_by,
  grantedByLabel: r.granted_by_label,
  grantedAt: r.granted_at,
  revokedBy: r.revoked_by,
  revokedByLabel: r.revoked_by_label,
  revokedAt: r.revoked_at,
});

/** Builds the grant repository. */
export function personalDataGrantRepository(db: Kysely<Database>): PersonalDataGrantRepository {
  return {
    async insert(g) {
      await db
        .insertInto('personal_data_grant')
        .values({
          id: g.id,
          user_id: g.userId,
          org_id: g.orgId,
          reason: g.reason,
          granted_by: g.grantedBy,
          granted_by_label: g.grantedByLabel,
          granted_at: g.grantedAt,
          revoked_by: g.revokedBy,
          revoked_by_label: g.revokedByLabel,
          revoked_at: g.revokedAt,
        })
        .execute();
    },
    async byId(id) {
      const r = await db.selectFrom('personal_data_grant').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toGrant(r) : undefined;
    },
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

// Recorded grants of `view_personal_data` on a subtree of organizations (docs/security/privacy.md): who granted it,
// to whom, on which organization's subtree, when, and when and by whom it was revoked. A revoked grant stays as the
// record; only grants without `revoked_at` count.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropIndexes, dropTables, indexes, table } from './schema-kit.js';

/** Creates personal_data_grant. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'personal_data_grant', {
    id: col.pk,
    user_id: col.ref('app_user.id').notNull,
    org_id: col.ref('organization.id').notNull,
    reason: col.blank,
    granted_by: col.ref('app_user.id'),
    granted_by_label: col.required,
    granted_at: col.required,
    revoked_by: col.ref('app_user.id'),
    revoked_by_label: col.text,
    revoked_at: col.text,
  });
  await indexes(db, 'personal_data_grant', { personal_data_grant_user_idx: ['user_id', 'revoked_at'] });
}

/** Drops it (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'personal_data_grant_user_idx');
  await dropTables(db, 'personal_data_grant');
}

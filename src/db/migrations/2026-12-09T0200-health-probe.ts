// The health check's write probe: one row that `/healthz` rewrites to learn whether the database takes
// writes (a full disk or a read-only database answers 503 there). Not data: left out of backups.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropTables, table } from './schema-kit.js';

/** Creates health_probe with its one row. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'health_probe', { id: col.intPk, checked_at: col.required });
  const row = await db.selectFrom('health_probe').select('id').where('id', '=', 1).executeTakeFirst();
  if (!row) {
    await db.insertInto('health_probe').values({ id: 1, checked_at: '' }).execute();
  }
}

/** Drops it (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'health_probe');
}

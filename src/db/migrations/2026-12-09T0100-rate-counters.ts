// Rate counters against abuse of the public forms and the login (docs/decisions/0013-intake-abuse.md): one row
// per (scope, key, fixed window), incremented atomically by an upsert, so that the limits hold across processes
// on one database. Keys are HMACs of the address, email, phone or username, never the values themselves. Rows
// are pruned once their window has passed (expires_at); the table is not backed up.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropIndexes, dropTables, indexes, table } from './schema-kit.js';

/** Creates rate_counter. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'rate_counter', {
    scope: col.required,
    key: col.required,
    window_start: col.required,
    count: col.zero,
    expires_at: col.required,
  }).primaryKey('scope', 'key', 'window_start');
  await indexes(db, 'rate_counter', { rate_counter_expires_idx: ['expires_at'] });
}

/** Drops it (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'rate_counter_expires_idx');
  await dropTables(db, 'rate_counter');
}

// The hash of an intake's canonical body beside its submission key (Idempotency-Key or the form's key): a key
// sent again with another body is refused instead of answering with the first case (docs/security/hardening.md).
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { addColumns, col, dropColumns } from './schema-kit.js';

/** Adds application.submission_hash (null for every existing case: their keys are never replayed). */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'application', { submission_hash: col.text });
}

/** Drops the column (SQLite 3.35+ and PostgreSQL drop a column in place). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'application', ['submission_hash']);
}

// The email outbox's claims: a process that takes a message to send writes its name and a lease on the row, so
// two processes (or two overlapping runs of one) never send the same message (docs/security/jobs.md).
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { addColumns, col, dropColumns } from './schema-kit.js';

/** Adds email_outbox.claimed_by and email_outbox.claimed_until (null: not claimed). */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'email_outbox', { claimed_by: col.text, claimed_until: col.text });
}

/** Drops the columns (SQLite 3.35+ and PostgreSQL drop a column in place). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'email_outbox', ['claimed_by', 'claimed_until']);
}

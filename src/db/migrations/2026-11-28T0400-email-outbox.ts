// Email: an outbox written in the same transaction as the change it reports, sent after commit,
// and staff email addresses for deadline reminders. Frozen in time: never edit after merge.
import type { Kysely } from 'kysely';
import { addColumns, col, dropTables, indexes, table } from './schema-kit.js';

/** Creates email_outbox and adds app_user.email. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'email_outbox', {
    id: col.pk,
    to_address: col.required,
    subject: col.required,
    body_text: col.required,
    kind: col.required,
    ref_id: col.text,
    created_at: col.required,
    next_attempt_at: col.required,
    attempts: col.zero,
    sent_at: col.text,
    last_error: col.text,
  });
  await indexes(db, 'email_outbox', { email_outbox_due_idx: ['sent_at', 'next_attempt_at'] });
  // Not guarded by introspection: on PostgreSQL it lists every schema's tables. The Migrator runs this once.
  await addColumns(db, 'app_user', { email: col.blank });
}

/** Drops the outbox (development only; SQLite cannot drop the added column portably). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'email_outbox');
}

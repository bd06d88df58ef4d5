// Email: an outbox written in the same transaction as the change it reports, sent after commit,
// and staff email addresses for deadline reminders. Frozen in time: never edit after merge.
import type { Kysely } from 'kysely';

/** Creates email_outbox and adds app_user.email. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_outbox')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('email_outbox_due_idx')
    .ifNotExists()
    .on('email_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
  // Not guarded by introspection: on PostgreSQL it lists every schema's tables. The Migrator runs this once.
  await db.schema
    .alterTable('app_user')
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

/** Drops the outbox (development only; SQLite cannot drop the added column portably). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_outbox').ifExists().execute();
}

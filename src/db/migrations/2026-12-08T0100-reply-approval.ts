// The reply's attachments (the information provided, redacted where partly disclosed) and its draft 答复告知书,
// stored at `draft_reply` so that the legal reviewer and the signer see it and the approval hash covers it
// (docs/decisions/0012-reply-approval.md).
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropTables, indexes, table } from './schema-kit.js';

/** Creates application_reply_file and application_reply_draft. */
export async function up(db: Kysely<any>): Promise<void> {
  const applicationId = col.ref('application.id').notNull;
  await table(db, 'application_reply_file', {
    id: col.pk,
    application_id: applicationId,
    file_id: col.ref('stored_file.id').notNull,
    name: col.required,
    mime: col.required,
    size: col.requiredInt,
    sha256: col.required,
    // The drafting round the file was uploaded in: 1 before the first draft_reply, one more after each.
    round: col.requiredInt,
    uploaded_by: col.ref('app_user.id'),
    uploaded_at: col.required,
  });
  await indexes(db, 'application_reply_file', { application_reply_file_app_idx: ['application_id', 'uploaded_at'] });
  // One draft notice per draft_reply event (its seq in the ledger); the latest is the one under review.
  await table(db, 'application_reply_draft', {
    application_id: applicationId,
    seq: col.requiredInt,
    body_json: col.required,
    created_at: col.required,
  }).primaryKey('application_id', 'seq');
}

/** Drops both tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'application_reply_draft', 'application_reply_file');
}

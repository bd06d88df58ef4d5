// The search index names what it holds by type and id only: the portal's address of an item is the web
// layer's to build (web/public/portal/portal-urls.ts), so search_document no longer stores a url.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { addColumns, col, dropColumns } from './schema-kit.js';

/** Drops search_document.url (SQLite 3.35+ and PostgreSQL drop a column in place). */
export async function up(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'search_document', ['url']);
}

/** Puts the column back, filled with the publication pages' addresses of the time (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'search_document', { url: col.blank });
  await sql`update search_document set url = '/publications/' || doc_id where doc_type = 'publication'`.execute(db);
}

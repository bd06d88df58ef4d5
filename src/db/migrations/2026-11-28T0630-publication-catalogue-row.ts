// Publications link to their standard-catalogue row: every published item should be linkable to its
// catalogue row. The working copy carries the editor's choice; each frozen live version carries a copy of
// it (like the other live columns of 0600), so the catalogue counts what the portal shows, not a revision
// in progress. No foreign key: backups restore catalogue_row after the publication tables
// (db/maintenance.ts), and the use case checks that the row belongs to the item's organization.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { addColumns, col, dropColumns, dropIndexes, indexes } from './schema-kit.js';

/** Adds the nullable catalogue_row_id columns and the index the per-row statistics read. */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'publication', { catalogue_row_id: col.text });
  await addColumns(db, 'publication_version', { catalogue_row_id: col.text });
  await indexes(db, 'publication', { publication_catalogue_row_idx: ['catalogue_row_id'] });
  await indexes(db, 'publication_version', {
    publication_version_catalogue_row_idx: ['catalogue_row_id', 'published_on'],
  });
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'publication_version_catalogue_row_idx', 'publication_catalogue_row_idx');
  await dropColumns(db, 'publication_version', ['catalogue_row_id']);
  await dropColumns(db, 'publication', ['catalogue_row_id']);
}

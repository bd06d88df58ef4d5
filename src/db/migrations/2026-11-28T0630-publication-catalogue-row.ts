// Publications link to their standard-catalogue row (issue 4, "Publications link to their row";
// SPEC §4.4.5: "Every published item should be linkable to its catalogue row").
// The working copy carries the editor's choice; each frozen live version carries a copy of it (like the
// other live columns of 0600), so the catalogue counts what the portal shows, not a revision in progress.
// No foreign key: backups restore catalogue_row after the publication tables (db/maintenance.ts), and
// the use case checks that the row belongs to the item's organization.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';

/** Adds the nullable catalogue_row_id columns and the index the per-row statistics read. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publication').addColumn('catalogue_row_id', 'text').execute();
  await db.schema.alterTable('publication_version').addColumn('catalogue_row_id', 'text').execute();
  await db.schema
    .createIndex('publication_catalogue_row_idx')
    .ifNotExists()
    .on('publication')
    .column('catalogue_row_id')
    .execute();
  await db.schema
    .createIndex('publication_version_catalogue_row_idx')
    .ifNotExists()
    .on('publication_version')
    .columns(['catalogue_row_id', 'published_on'])
    .execute();
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('publication_version_catalogue_row_idx').ifExists().execute();
  await db.schema.dropIndex('publication_catalogue_row_idx').ifExists().execute();
  await db.schema.alterTable('publication_version').dropColumn('catalogue_row_id').execute();
  await db.schema.alterTable('publication').dropColumn('catalogue_row_id').execute();
}

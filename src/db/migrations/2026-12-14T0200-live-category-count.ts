// The number of live items of each organization's categories, kept as rows: the portal's category and directory
// pages show it beside the catalogue tree on every render, and counting the live versions of an organization
// grouped by category grew with the organization's item count (1.88× from 1,000,000 to 3,000,000 items for an
// uncached category page). The repository keeps each count exact in the transaction of every write that changes
// the live set (`publication_version.live`): +1 for a version that goes live, -1 for each row it clears.
// A derived table: it is not backed up, and the restore counts it again from the rows it wrote (db/maintenance.ts).
// Existing rows are counted here, grouped in one INSERT … SELECT; versions without an organization or a category
// are not counted.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropTables, table } from './schema-kit.js';

/** Creates live_category_count and counts the live versions already stored. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'live_category_count', {
    org_id: col.required,
    category_id: col.required,
    n: col.zero,
  }).primaryKey('org_id', 'category_id');
  await recountLiveCategories(db);
}

/** Replaces every count by the number of live versions of each (organization, category), in two statements. */
export async function recountLiveCategories(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('live_category_count').execute();
  await db
    .insertInto('live_category_count')
    .columns(['org_id', 'category_id', 'n'])
    .expression(
      db
        .selectFrom('publication_version')
        .select(['org_id', 'category_id', (eb) => eb.fn.countAll().as('n')])
        .where('live', '=', 1)
        .where('org_id', 'is not', null)
        .where('category_id', 'is not', null)
        .groupBy(['org_id', 'category_id']),
    )
    .execute();
}

/** Drops it (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'live_category_count');
}

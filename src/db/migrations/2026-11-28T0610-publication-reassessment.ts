// The register of art. 18 re-assessments of 不予公开 publications (定期评估审查): one row per
// decision, with its date, reason, author and the next due date it set.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';

// Copied, not imported (migrations never import app code): domain/publications/reassessment.ts.
const DECISIONS = ['keep_withheld', 'to_proactive', 'to_on_request'];
const DISCLOSURES = ['proactive', 'on_request', 'withheld'];

const inList = (col: string, values: string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Creates publication_reassessment. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publication_reassessment')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publication.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(inList('decision', DECISIONS)))
    .addColumn('disclosure_before', 'text', (c) => c.notNull().check(inList('disclosure_before', DISCLOSURES)))
    .addColumn('disclosure_after', 'text', (c) => c.notNull().check(inList('disclosure_after', DISCLOSURES)))
    .addColumn('withheld_ground', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('next_due_on', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publication_reassessment_pub_idx')
    .ifNotExists()
    .on('publication_reassessment')
    .columns(['publication_id', 'recorded_at'])
    .execute();
  // The art. 18 due list filters 不予公开 items by their next date.
  await db.schema
    .createIndex('publication_reassess_due_idx')
    .ifNotExists()
    .on('publication')
    .columns(['disclosure', 'reassess_on'])
    .execute();
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('publication_reassess_due_idx').ifExists().execute();
  await db.schema.dropTable('publication_reassessment').ifExists().execute();
}

// The 复议/诉讼/投诉 register: reconsideration, litigation and complaint cases about disclosure work.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';

// Copied, not imported (migrations never import app code): domain/reviews/review-case.ts.
const KINDS = ['reconsideration', 'litigation', 'complaint'];
const ROUTES = ['direct', 'after_reconsideration'];
const RESULTS = ['upheld', 'corrected', 'other', 'pending'];

const inList = (col: string, values: string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Creates the review_case table. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_case')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('application_id', 'text', (c) => c.references('application.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', KINDS)))
    .addColumn('litigation_route', 'text', (c) => c.check(inList('litigation_route', ROUTES)))
    .addColumn('case_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('claimant_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull().check(inList('result', RESULTS)))
    .addColumn('result_on', 'text')
    .addColumn('handling', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Litigation, and only litigation, has a route; a decided case has its date, a pending one none.
    .addCheckConstraint('review_case_route_ck', sql`(kind = 'litigation') = (litigation_route is not null)`)
    .addCheckConstraint('review_case_result_on_ck', sql`(result = 'pending') = (result_on is null)`)
    .execute();
  await db.schema
    .createIndex('review_case_org_filed_idx')
    .ifNotExists()
    .on('review_case')
    .columns(['org_id', 'filed_on'])
    .execute();
  await db.schema
    .createIndex('review_case_application_idx')
    .ifNotExists()
    .on('review_case')
    .column('application_id')
    .execute();
}

/** Drops the review_case table (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_case').ifExists().execute();
}

// The 复议/诉讼/投诉 register: reconsideration, litigation and complaint cases about disclosure work.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { col, dropTables, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/reviews/review-case.ts.
const KINDS = ['reconsideration', 'litigation', 'complaint'];
const ROUTES = ['direct', 'after_reconsideration'];
const RESULTS = ['upheld', 'corrected', 'other', 'pending'];

/** Creates the review_case table. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'review_case', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull,
    application_id: col.ref('application.id'),
    kind: col.oneOf(KINDS),
    litigation_route: col.text.in(ROUTES),
    case_no: col.blank,
    filed_on: col.required,
    body: col.blank,
    claimant_name: col.blank,
    subject: col.blank,
    result: col.oneOf(RESULTS),
    result_on: col.text,
    handling: col.blank,
    notes: col.blank,
    ...timestamps,
  })
    // Litigation, and only litigation, has a route; a decided case has its date, a pending one none.
    .check('review_case_route_ck', sql`(kind = 'litigation') = (litigation_route is not null)`)
    .check('review_case_result_on_ck', sql`(result = 'pending') = (result_on is null)`);
  await indexes(db, 'review_case', {
    review_case_org_filed_idx: ['org_id', 'filed_on'],
    review_case_application_idx: ['application_id'],
  });
}

/** Drops the review_case table (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'review_case');
}

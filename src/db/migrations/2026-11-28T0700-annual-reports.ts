// The annual report (政府信息公开工作年度报告, Regulation arts. 49–50; issue 5): one record per
// organization and year with its state, narrative, manual section-二 figures and their sources, and
// the frozen snapshot once submitted; per-organization internal deadlines; indexes for the
// section-三 tally over applications and for the year's fee events.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';

// Copied, not imported (migrations never import app code): app/reports/annual-reports.ts,
// domain/reports/annual-report.ts.
const STATES = ['draft', 'submitted', 'published'];
const FORMATS = ['2019', '2021'];

const inList = (col: string, values: string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Creates annual_report and report_deadline, and the tally indexes on application. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annual_report')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(inList('format', FORMATS)))
    .addColumn('state', 'text', (c) => c.notNull().check(inList('state', STATES)))
    .addColumn('sections_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('figures_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sources_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('snapshot_json', 'text')
    .addColumn('returned_reason', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_report_org_year_uq', ['org_id', 'year'])
    // A submitted or published report carries its frozen figures; a draft never does.
    .addCheckConstraint('annual_report_snapshot_ck', sql`(state = 'draft') = (snapshot_json is null)`)
    .execute();
  await db.schema
    .createIndex('annual_report_year_state_idx')
    .ifNotExists()
    .on('annual_report')
    .columns(['year', 'state'])
    .execute();

  // Internal submission dates set by local rules (SPEC §1.8: e.g. 怀化 departments by 26 January),
  // as month-day of the year after the report year; null = none (the statutory date applies).
  await db.schema
    .createTable('report_deadline')
    .ifNotExists()
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organization.id'))
    .addColumn('internal_due', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Section 三 tally: the cases of an organization active in a year are those open or closed on or
  // after 1 January (received by 31 December): a range of this index, covering every column read.
  await db.schema
    .createIndex('application_org_closed_idx')
    .ifNotExists()
    .on('application')
    .columns(['org_id', 'closed_on', 'received_on', 'applicant_type', 'applicant_subtype', 'outcome', 'id'])
    .execute();
  // Section 六 (fees): the fee notices and payments of a year.
  await db.schema
    .createIndex('application_event_action_on_idx')
    .ifNotExists()
    .on('application_event')
    .columns(['action', 'on_date'])
    .execute();
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('application_event_action_on_idx').ifExists().execute();
  await db.schema.dropIndex('application_org_closed_idx').ifExists().execute();
  await db.schema.dropTable('report_deadline').ifExists().execute();
  await db.schema.dropTable('annual_report').ifExists().execute();
}

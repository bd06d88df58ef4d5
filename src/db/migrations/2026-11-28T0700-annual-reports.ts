// The annual report (政府信息公开工作年度报告, Regulation arts. 49–50): one record per
// organization and year with its state, narrative, manual section-二 figures and their sources, and
// the frozen snapshot once submitted; per-organization internal deadlines; indexes for the
// section-三 tally over applications and for the year's fee events.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { col, dropIndexes, dropTables, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): app/reports/annual-reports.ts,
// domain/reports/annual-report.ts.
const STATES = ['draft', 'submitted', 'published'];
const FORMATS = ['2019', '2021'];

/** Creates annual_report and report_deadline, and the tally indexes on application. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'annual_report', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull,
    year: col.requiredInt,
    format: col.oneOf(FORMATS),
    state: col.oneOf(STATES),
    sections_json: col.json('{}'),
    figures_json: col.json('{}'),
    sources_json: col.json('{}'),
    snapshot_json: col.text,
    returned_reason: col.text,
    submitted_at: col.text,
    submitted_by: col.text,
    published_at: col.text,
    published_by: col.text,
    ...timestamps,
  })
    .unique('annual_report_org_year_uq', ['org_id', 'year'])
    // A submitted or published report carries its frozen figures; a draft never does.
    .check('annual_report_snapshot_ck', sql`(state = 'draft') = (snapshot_json is null)`);
  await indexes(db, 'annual_report', { annual_report_year_state_idx: ['year', 'state'] });

  // Internal submission dates set by local rules (e.g. 怀化 departments by 26 January),
  // as month-day of the year after the report year; null = none (the statutory date applies).
  await table(db, 'report_deadline', {
    org_id: col.pk.references('organization.id'),
    internal_due: col.required,
    updated_at: col.required,
  });

  // Section 三 tally: the cases of an organization active in a year are those open or closed on or
  // after 1 January (received by 31 December): a range of this index, covering every column read.
  const tally = ['org_id', 'closed_on', 'received_on', 'applicant_type', 'applicant_subtype', 'outcome', 'id'];
  await indexes(db, 'application', { application_org_closed_idx: tally });
  // Section 六 (fees): the fee notices and payments of a year.
  await indexes(db, 'application_event', { application_event_action_on_idx: ['action', 'on_date'] });
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'application_event_action_on_idx', 'application_org_closed_idx');
  await dropTables(db, 'report_deadline', 'annual_report');
}

// The 政府网站工作年度报表 (国办函〔2018〕12号): one report per registered website and year, its values as JSON keyed
// by field id (the field list is data: src/domain/website-report/fields.ts), which of them gongkai filled and from
// what, the workflow (draft → reviewed → published) and where it was published.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { actor, col, dropIndexes, dropTables, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/website-report/report.ts.
const STATES = ['draft', 'reviewed', 'published'];

/** Creates website_report. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'website_report', {
    id: col.pk,
    site_id: col.ref('monitor_site.id').notNull,
    year: col.requiredInt,
    state: col.oneOf(STATES),
    // { fieldId: value as text }: every field of the list, filled or entered.
    values_json: col.json('{}'),
    // { fieldId: where gongkai took the value from }: a field absent here was entered by hand.
    filled_json: col.json('{}'),
    filled_at: col.text, // when gongkai last filled it (ISO instant)
    edited_by: col.text, // the user who last edited the entered values (编审分离: not the reviewer)
    edited_label: col.blank,
    reviewed_by: col.text,
    reviewed_label: col.blank,
    reviewed_at: col.text,
    filed_at: col.text, // when it was published (filed): on time or late against the due date
    publication_url: col.blank, // where it is published (the portal's page, or the site's own address)
    publication_id: col.ref('publication.id'), // the publication draft made of it, if any
    ...actor,
    ...timestamps,
  }).unique('website_report_site_year_uq', ['site_id', 'year']);
  await indexes(db, 'website_report', { website_report_year_idx: ['year', 'state'] });
}

/** Drops it. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'website_report_year_idx');
  await dropTables(db, 'website_report');
}

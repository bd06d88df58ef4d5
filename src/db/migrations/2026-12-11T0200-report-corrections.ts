// Corrections and withdrawal of a published annual report (《政府信息公开条例》第四十九条、第五十条): the record keeps
// its 索引号 (given at first publication, kept across corrections), the number of versions published, whether a
// correction is under way and the withdrawal (when, by whom, why); annual_report_version keeps every published
// version with its 更正说明 (date, what changed, why) and when it was withdrawn from the portal.
// Existing published reports get their published snapshot as version 1.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { addColumns, col, dropColumns, dropIndexes, dropTables, indexes, table, uniqueIndexes } from './schema-kit.js';

/** Adds the columns, the version table and version 1 of every published report. */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'annual_report', {
    index_no: col.text,
    version: col.zero,
    correcting_since: col.text,
    withdrawn_at: col.text,
    withdrawn_by: col.text,
    withdrawn_reason: col.text,
  });
  await uniqueIndexes(db, 'annual_report', { annual_report_index_no_uq: ['index_no'] });
  await table(db, 'annual_report_version', {
    report_id: col.ref('annual_report.id').notNull,
    version: col.requiredInt,
    snapshot_json: col.required,
    published_at: col.required,
    published_by: col.required,
    corrected_on: col.text,
    correction_what: col.text,
    correction_why: col.text,
    withdrawn_at: col.text,
  }).primaryKey('report_id', 'version');
  await indexes(db, 'annual_report_version', { annual_report_version_report_idx: ['report_id', 'withdrawn_at'] });
  await sql`insert into annual_report_version (report_id, version, snapshot_json, published_at, published_by)
    select id, 1, snapshot_json, coalesce(published_at, updated_at), coalesce(published_by, '')
    from annual_report where state = 'published' and snapshot_json is not null`.execute(db);
  await sql`update annual_report set version = 1 where state = 'published'`.execute(db);
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'annual_report_version_report_idx', 'annual_report_index_no_uq');
  await dropTables(db, 'annual_report_version');
  await dropColumns(db, 'annual_report', [
    'index_no',
    'version',
    'correcting_since',
    'withdrawn_at',
    'withdrawn_by',
    'withdrawn_reason',
  ]);
}

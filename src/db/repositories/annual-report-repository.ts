// SQL for annual-report records and the per-organization internal report dates.
// The narrative, the manual figures, their sources and the frozen snapshot are display payloads
// stored as JSON text and never queried inside (docs/decisions/0002-portable-schema.md).
import type { Kysely, Selectable } from 'kysely';
import type { AnnualReportTable, AnnualReportVersionTable, Database } from '../database.js';
import type { AnnualReportRepository, StoredReport, StoredReportVersion } from '../../app/reports/ports.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import type { ReportState } from '../../domain/reports/report-policy.js';
import { camelFields, jsonOrNull, parseJson, parseJsonOr, snakeColumns } from '../mappers.js';
import { firstOf } from '../queries.js';

/** The columns before the JSON documents, and after them, under their fields' names. */
const KEY = ['id', 'org_id', 'year', 'format', 'state'] as const;
const TRAIL = [
  'returned_reason',
  'submitted_at',
  'submitted_by',
  'published_at',
  'published_by',
  'created_at',
  'updated_at',
  'index_no',
  'correcting_since',
  'withdrawn_at',
  'withdrawn_by',
  'withdrawn_reason',
] as const;

function toStored(r: Selectable<AnnualReportTable>): StoredReport {
  return {
    ...camelFields(r, KEY),
    year: Number(r.year),
    format: r.format as ReportFormat,
    state: r.state as ReportState,
    sections: parseJson(r.sections_json),
    figures: parseJson(r.figures_json),
    sources: parseJson(r.sources_json),
    snapshot: parseJsonOr<AnnualReport | null>(r.snapshot_json, null),
    ...camelFields(r, TRAIL),
    version: Number(r.version),
  };
}

function toRow(s: StoredReport): Selectable<AnnualReportTable> {
  return {
    ...snakeColumns(s, KEY),
    sections_json: JSON.stringify(s.sections),
    figures_json: JSON.stringify(s.figures),
    sources_json: JSON.stringify(s.sources),
    snapshot_json: jsonOrNull(s.snapshot),
    ...snakeColumns(s, TRAIL),
    version: s.version,
  };
}

function toVersion(r: Selectable<AnnualReportVersionTable>): StoredReportVersion {
  return {
    reportId: r.report_id,
    version: Number(r.version),
    snapshot: parseJson<AnnualReport>(r.snapshot_json),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    correction:
      r.corrected_on === null
        ? null
        : { on: r.corrected_on as LocalDate, what: r.correction_what ?? '', why: r.correction_why ?? '' },
    withdrawnAt: r.withdrawn_at,
  };
}

/** Builds the annual-report repository over a connection or transaction. */
export function annualReportRepository(db: Kysely<Database>): AnnualReportRepository {
  const reports = () => db.selectFrom('annual_report').selectAll();
  return {
    get: (orgId, year) => firstOf(reports().where('org_id', '=', orgId).where('year', '=', year), toStored),
    async forYear(orgIds, year) {
      if (orgIds.length === 0) return [];
      const rows = await reports()
        .where('year', '=', year)
        .where('org_id', 'in', [...orgIds])
        .execute();
      return rows.map(toStored);
    },
    async save(report) {
      const row = toRow(report);
      const { id: _id, org_id: _org, year: _year, created_at: _created, ...changes } = row;
      await db
        .insertInto('annual_report')
        .values(row)
        .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet(changes))
        .execute();
    },
    async published(orgId) {
      const rows = await db
        .selectFrom('annual_report')
        .select(['year', 'format', 'published_at', 'snapshot_json', 'version'])
        .where('org_id', '=', orgId)
        .where('state', '=', 'published')
        .orderBy('year', 'desc')
        .execute();
      return rows.map((r) => ({
        year: Number(r.year),
        format: r.format as ReportFormat,
        publishedAt: r.published_at ?? '',
        version: Number(r.version),
        // The CHECK constraint guarantees a published report carries its snapshot.
        report: parseJson<AnnualReport>(r.snapshot_json ?? '{}'),
      }));
    },
    async versions(reportId) {
      const rows = await db
        .selectFrom('annual_report_version')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('version')
        .execute();
      return rows.map(toVersion);
    },
    async addVersion(v) {
      await db
        .insertInto('annual_report_version')
        .values({
          report_id: v.reportId,
          version: v.version,
          snapshot_json: JSON.stringify(v.snapshot),
          published_at: v.publishedAt,
          published_by: v.publishedBy,
          corrected_on: v.correction?.on ?? null,
          correction_what: v.correction?.what ?? null,
          correction_why: v.correction?.why ?? null,
          withdrawn_at: v.withdrawnAt,
        })
        .execute();
    },
    async withdrawVersions(reportId, at) {
      await db
        .updateTable('annual_report_version')
        .set({ withdrawn_at: at })
        .where('report_id', '=', reportId)
        .where('withdrawn_at', 'is', null)
        .execute();
    },
    async indexNoTaken(indexNo) {
      const row = await db.selectFrom('annual_report').select('id').where('index_no', '=', indexNo).executeTakeFirst();
      return row !== undefined;
    },
    async internalDues() {
      const rows = await db.selectFrom('report_deadline').select(['org_id', 'internal_due']).execute();
      return new Map(rows.map((r) => [r.org_id, r.internal_due]));
    },
    async setInternalDue(orgId, monthDay, at) {
      await db.deleteFrom('report_deadline').where('org_id', '=', orgId).execute();
      if (monthDay !== null) {
        await db
          .insertInto('report_deadline')
          .values({ org_id: orgId, internal_due: monthDay, updated_at: at })
          .execute();
      }
    },
  };
}

// SQL for annual-report records and the per-organization internal report dates.
// The narrative, the manual figures, their sources and the frozen snapshot are display payloads
// stored as JSON text and never queried inside (docs/decisions/0002-portable-schema.md).
import type { Kysely, Selectable } from 'kysely';
import type { AnnualReportTable, Database } from '../database.js';
import type { AnnualReportRepository, StoredReport } from '../../app/reports/ports.js';
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
        .select(['year', 'format', 'published_at', 'snapshot_json'])
        .where('org_id', '=', orgId)
        .where('state', '=', 'published')
        .orderBy('year', 'desc')
        .execute();
      return rows.map((r) => ({
        year: Number(r.year),
        format: r.format as ReportFormat,
        publishedAt: r.published_at ?? '',
        // The CHECK constraint guarantees a published report carries its snapshot.
        report: parseJson<AnnualReport>(r.snapshot_json ?? '{}'),
      }));
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

// SQL for annual-report records and the per-organization internal report dates.
// The narrative, the manual figures, their sources and the frozen snapshot are display payloads
// stored as JSON text and never queried inside (docs/decisions/0002-portable-schema.md).
import type { Kysely, Selectable } from 'kysely';
import type { AnnualReportTable, Database } from '../database.js';
import type { AnnualReportRepository, StoredReport } from '../../app/reports/ports.js';
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import type { ReportState } from '../../domain/reports/report-policy.js';

const json = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

function toStored(r: Selectable<AnnualReportTable>): StoredReport {
  return {
    id: r.id,
    orgId: r.org_id,
    year: Number(r.year),
    format: r.format as ReportFormat,
    state: r.state as ReportState,
    sections: json(r.sections_json, {}),
    figures: json(r.figures_json, {}),
    sources: json(r.sources_json, {}),
    snapshot: json<AnnualReport | null>(r.snapshot_json, null),
    returnedReason: r.returned_reason,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(s: StoredReport): Selectable<AnnualReportTable> {
  return {
    id: s.id,
    org_id: s.orgId,
    year: s.year,
    format: s.format,
    state: s.state,
    sections_json: JSON.stringify(s.sections),
    figures_json: JSON.stringify(s.figures),
    sources_json: JSON.stringify(s.sources),
    snapshot_json: s.snapshot === null ? null : JSON.stringify(s.snapshot),
    returned_reason: s.returnedReason,
    submitted_at: s.submittedAt,
    submitted_by: s.submittedBy,
    published_at: s.publishedAt,
    published_by: s.publishedBy,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

/** Builds the annual-report repository over a connection or transaction. */
export function annualReportRepository(db: Kysely<Database>): AnnualReportRepository {
  return {
    async get(orgId, year) {
      const r = await db
        .selectFrom('annual_report')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('year', '=', year)
        .executeTakeFirst();
      return r ? toStored(r) : undefined;
    },
    async forYear(orgIds, year) {
      if (orgIds.length === 0) return [];
      const rows = await db
        .selectFrom('annual_report')
        .selectAll()
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
        report: JSON.parse(r.snapshot_json ?? '{}') as AnnualReport,
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

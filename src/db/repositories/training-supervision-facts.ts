// SQL for the monitoring facts the annual report's 平台建设 paragraph cites: websites and accounts registered,
// website checks finished in the year and 提醒函 issued in the year. Instants are matched as ISO text ranges of the
// calendar year (UTC), dates as 'YYYY-MM-DD' text; both compare the same on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { SupervisionFactsRepository } from '../../app/training/ports.js';
import { countRows } from '../queries.js';

/** The account statuses of a running account (domain/monitoring/accounts.ts RUNNING_STATUSES). */
const RUNNING = ['open', 'changed'];

/** Builds the repository over a connection or transaction. */
export function supervisionFactsRepository(db: Kysely<Database>): SupervisionFactsRepository {
  return {
    async monitoring(orgIds, year) {
      if (orgIds.length === 0) return { sites: 0, accounts: 0, siteChecks: 0, letters: 0 };
      const ids = [...orgIds];
      const from = `${year}-01-01`;
      const to = `${year + 1}-01-01`;
      const [sites, accounts, siteChecks, letters] = await Promise.all([
        countRows(db.selectFrom('monitor_site').where('org_id', 'in', ids)),
        countRows(db.selectFrom('media_account').where('org_id', 'in', ids).where('status', 'in', RUNNING)),
        countRows(
          db
            .selectFrom('monitor_run_site as rs')
            .innerJoin('monitor_site as s', 's.id', 'rs.site_id')
            .where('s.org_id', 'in', ids)
            .where('rs.finished_at', '>=', from)
            .where('rs.finished_at', '<', to),
        ),
        countRows(
          db
            .selectFrom('monitor_letter')
            .where('org_id', 'in', ids)
            .where('created_at', '>=', from)
            .where('created_at', '<', to),
        ),
      ]);
      return { sites, accounts, siteChecks, letters };
    },
    // The assessments the organization published for the year (schemes whose scope it is): their frozen tables'
    // units and grades. Drafts are not results yet.
    async assessment(orgId, year) {
      const rows = await db
        .selectFrom('assessment_scheme')
        .select('snapshot_json')
        .where('scope_org_id', '=', orgId)
        .where('year', '=', year)
        .where('state', '=', 'published')
        .execute();
      if (rows.length === 0) return null;
      const grades: Record<string, number> = {};
      let units = 0;
      for (const r of rows) {
        const table = r.snapshot_json ? (JSON.parse(r.snapshot_json) as { rows?: { grade?: string }[] }) : {};
        for (const row of table.rows ?? []) {
          units += 1;
          if (row.grade) grades[row.grade] = (grades[row.grade] ?? 0) + 1;
        }
      }
      return { schemes: rows.length, units, grades };
    },
  };
}

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
    // The assessment module's port: no assessment recorded until it is wired (docs/training.md).
    assessment: () => Promise.resolve(null),
  };
}

// Scheduled availability probes of registered websites' home pages (国办秘函〔2019〕19号 站点无法访问: a week of
// probes, at least 20 a day at spread times, 15 s each; veto at 5 % failures). One row a probe; kept 30 days.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropIndexes, dropTables, indexes, table } from './schema-kit.js';

/** Creates the probe table. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'monitor_probe', {
    id: col.pk,
    site_id: col.ref('monitor_site.id').notNull,
    probed_at: col.required,
    ok: col.zero,
    status: col.integer,
    error: col.text,
  });
  await indexes(db, 'monitor_probe', { monitor_probe_site_idx: ['site_id', 'probed_at'] });
}

/** Drops it. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'monitor_probe_site_idx');
  await dropTables(db, 'monitor_probe');
}

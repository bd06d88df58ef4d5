// Migrations, backup and restore. Backups are dialect-neutral gzip'd JSON Lines, so a SQLite
// backup restores into PostgreSQL and back (docs/decisions/0004-backup-format.md).
import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Maintenance } from '../app/system/ports.js';
import { migrateToLatest, type Db } from './connect.js';
import { searchIndex } from './repositories/search-index.js';
import { fillListColumns } from './migrations/2026-12-14T0100-live-list-columns.js';
import { recountLiveCategories } from './migrations/2026-12-14T0200-live-category-count.js';

/** Every table backed up, in foreign-key order (parents first). A test keeps this list complete. */
export const TABLE_ORDER: (keyof Database)[] = [
  'organization',
  'app_user',
  'user_role',
  'personal_data_grant',
  'audit_head',
  'audit_entry',
  'calendar_year',
  'calendar_day',
  'calendar_override',
  'site_setting',
  'stored_file',
  'application',
  'application_event',
  'notice',
  'application_reply_file',
  'application_reply_draft',
  'proposed_correction',
  'proposed_correction_file',
  'counter',
  'review_case',
  'email_outbox',
  // search_document only: the per-engine token index (search_fts) is rebuilt after a restore.
  'search_document',
  'category',
  'publication',
  'publication_attachment',
  'publication_review',
  'publication_version',
  'publication_version_file',
  'publication_reassessment',
  'key_area',
  'key_area_exclusion',
  'catalogue_row',
  'annual_report',
  'annual_report_version',
  'report_deadline',
  'media_account',
  'media_account_event',
  'media_post',
  'monitor_site',
  'monitor_column',
  'monitor_message',
  'monitor_run',
  'monitor_run_site',
  'monitor_finding',
  'monitor_letter',
  'monitor_task',
  'training_session',
  'training_participant',
  'training_material',
  'oversight_record',
  'website_report',
  'assessment_scheme',
  'assessment_entry',
  'assessment_adjustment',
];

/**
 * Tables left out of backups: rate counters are short-lived and worth nothing after their window; the health
 * check's probe row is not data; login sessions and API tokens are credentials, and a restored copy would bring
 * back what was revoked since (docs/security/accounts.md). A test keeps both lists complete.
 */
// monitor_probe: availability measurements of the last 30 days, retaken every half hour; a restore starts the
// 7-day window afresh rather than carrying another server's network view.
export const NOT_BACKED_UP: (keyof Database)[] = [
  'rate_counter',
  'health_probe',
  'monitor_probe',
  'session',
  'api_token',
];

/**
 * Tables derived from the backed-up ones, left out of backups and computed again in the restore's transaction from
 * the rows it wrote (a backup written before a table existed restores it the same way). A test keeps the three lists
 * complete.
 */
// live_category_count: the live items per (organization, category), counted from publication_version.live.
export const REBUILT_AFTER_RESTORE: Partial<Record<keyof Database, (db: Kysely<Database>) => Promise<void>>> = {
  live_category_count: recountLiveCategories,
};

/**
 * Credentials a restore empties: every user is signed out and every API token ends, whatever the backup holds
 * (a backup written before they were left out carries them; they are skipped). Children of app_user, so emptied
 * before the accounts are replaced.
 */
const ENDED_BY_RESTORE: (keyof Database)[] = ['session', 'api_token'];

/** Self-referencing columns, restored in a second pass so row order does not matter. */
const SELF_REFS: Partial<Record<keyof Database, string[]>> = {
  organization: ['parent_id'],
  app_user: ['replaced_by'],
  category: ['parent_id'],
  publication: ['interprets_id'],
};

const FORMAT = 'gongkai-backup';

/**
 * Columns a migration copied out of other columns of the same rows, by migration: the rows of a backup taken
 * before it come back with the columns' defaults, so the restore fills them again.
 */
const REFILLED_AFTER_RESTORE: Record<string, (db: Kysely<Database>) => Promise<void>> = {
  '2026-12-14T0100-live-list-columns': fillListColumns,
};

// Kysely's bookkeeping table is not in the Database type; on PostgreSQL it is schema-qualified.
const migrationTable = (db: Db) => (db.schema ? `${db.schema}.kysely_migration` : 'kysely_migration') as keyof Database;
type Row = Record<string, unknown>;

/** Builds the maintenance port for an open database. */
export function maintenance(db: Db): Maintenance {
  return {
    migrate: () => migrateToLatest(db),
    backup: (file, onProgress) => backup(db, file, onProgress),
    restore: (file, onProgress) => restore(db, file, onProgress),
  };
}

async function backup(db: Db, file: string, onProgress?: (t: string, n: number) => void): Promise<number> {
  const gz = createGzip();
  const out = gz.pipe(createWriteStream(file, { mode: 0o600 }));
  const write = async (obj: unknown) => {
    if (!gz.write(`${JSON.stringify(obj)}\n`)) {
      await once(gz, 'drain');
    }
  };
  let total = 0;
  // One read transaction = one snapshot: WAL readers on SQLite, REPEATABLE READ on PostgreSQL.
  await db.kysely
    .transaction()
    .setIsolationLevel(db.dialect === 'postgres' ? 'repeatable read' : 'serializable')
    .execute(async (trx) => {
      const migrations = await trx.selectFrom(migrationTable(db)).selectAll().execute();
      await write({
        format: FORMAT,
        version: 1,
        dialect: db.dialect,
        migrations: (migrations as Row[]).map((m) => m.name),
      });
      for (const table of TABLE_ORDER) {
        const rows = (await trx.selectFrom(table).selectAll().execute()) as Row[];
        for (let i = 0; i < rows.length; i += 500) {
          await write({ table, rows: rows.slice(i, i + 500) });
        }
        total += rows.length;
        onProgress?.(table, rows.length);
      }
    });
  gz.end();
  await once(out, 'finish');
  return total;
}

async function restore(db: Db, file: string, onProgress?: (t: string, n: number) => void): Promise<number> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const chunks: { table: keyof Database; rows: Row[] }[] = [];
  let header: { format?: unknown; migrations?: string[] } | undefined;
  for await (const line of lines) {
    if (!line) {
      continue;
    }
    const obj = JSON.parse(line) as Row;
    if (!header) {
      header = obj as { format?: unknown; migrations?: string[] };
      if (header.format !== FORMAT) {
        throw new Error('不是 gongkai 备份文件 / not a gongkai backup file');
      }
      continue;
    }
    if (ENDED_BY_RESTORE.includes(obj.table as keyof Database)) {
      continue;
    }
    if (!TABLE_ORDER.includes(obj.table as keyof Database)) {
      throw new Error(`备份中有未知的表 / unknown table in backup: ${String(obj.table)}`);
    }
    chunks.push({ table: obj.table as keyof Database, rows: obj.rows as Row[] });
  }
  await migrateToLatest(db);
  const applied = (await db.kysely.selectFrom(migrationTable(db)).selectAll().execute()) as Row[];
  const missing = (header?.migrations ?? []).filter((m) => !applied.some((a) => a.name === m));
  if (missing.length > 0) {
    throw new Error(`备份来自更新的版本，请先升级 gongkai / backup needs newer migrations: ${missing.join(', ')}`);
  }
  return db.kysely.transaction().execute(async (trx) => {
    const total = await replaceAll(trx, db.dialect, chunks, onProgress);
    for (const [name, fill] of Object.entries(REFILLED_AFTER_RESTORE)) {
      if (!header?.migrations?.includes(name)) await fill(trx);
    }
    await searchIndex(trx).rebuild();
    for (const rebuild of Object.values(REBUILT_AFTER_RESTORE)) await rebuild(trx);
    return total;
  });
}

/**
 * The columns each table has now, read from this database's own schema only (Kysely's introspector reads
 * every schema of a PostgreSQL database, where other installations' tables may share the names).
 */
async function currentColumns(trx: Kysely<Database>, dialect: Db['dialect']): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const table of TABLE_ORDER) {
    const { rows } =
      dialect === 'postgres'
        ? await sql<{ name: string }>`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = ${table}`.execute(trx)
        : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(trx);
    out.set(table, new Set(rows.map((r) => r.name)));
  }
  return out;
}

async function replaceAll(
  trx: Kysely<Database>,
  dialect: Db['dialect'],
  chunks: { table: keyof Database; rows: Row[] }[],
  onProgress?: (t: string, n: number) => void,
): Promise<number> {
  for (const table of [...ENDED_BY_RESTORE, ...[...TABLE_ORDER].reverse()]) {
    await trx.deleteFrom(table).execute();
  }
  let total = 0;
  const columns = await currentColumns(trx, dialect);
  for (const table of TABLE_ORDER) {
    const selfRefs = SELF_REFS[table] ?? [];
    const known = columns.get(table);
    // A backup from an older version may carry a column a later migration dropped (e.g. search_document.url):
    // the migration's effect is to forget it, so the restore does too.
    const rows = chunks
      .filter((c) => c.table === table)
      .flatMap((c) => c.rows)
      .map((r) => (known ? Object.fromEntries(Object.entries(r).filter(([k]) => known.has(k))) : r));
    const firstPass = rows.map((r) => ({ ...r, ...Object.fromEntries(selfRefs.map((c) => [c, null])) }));
    for (let i = 0; i < firstPass.length; i += 200) {
      await trx
        .insertInto(table)
        .values(firstPass.slice(i, i + 200) as never)
        .execute();
    }
    for (const col of selfRefs) {
      for (const r of rows.filter((x) => x[col] !== null && x[col] !== undefined)) {
        await trx
          .updateTable(table)
          .set({ [col]: r[col] } as never)
          .where('id' as never, '=', r.id as never)
          .execute();
      }
    }
    total += rows.length;
    onProgress?.(table, rows.length);
  }
  return total;
}

// SQL of the health check's write probe: rewrites the one health_probe row (a real write: a read-only or
// unreachable database fails it) and, on SQLite, checks the room the database has left to grow — pages under
// `max_page_count` or free in the file, and free space on the file's disk — because SQLite rewrites a page in
// place without growing, so that a full disk lets the probe through and fails the next insert.
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { HealthProbe } from '../../app/system/ports.js';

/** Free space under which the disk holding a SQLite database counts as full. */
export const MIN_FREE_BYTES = 1024 * 1024;

/** Builds the health probe. */
export function healthProbe(db: Kysely<Database>): HealthProbe {
  return {
    async probe(at) {
      await db.updateTable('health_probe').set({ checked_at: at }).where('id', '=', 1).execute();
      if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return null;
      return (await sqliteHasRoom(db)) ? null : 'disk_full';
    },
  };
}

const pragma = async (db: Kysely<Database>, name: string): Promise<number> => {
  const { rows } = await sql<Record<string, number>>`select * from ${sql.raw(`pragma_${name}`)}`.execute(db);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
};

/** Whether a SQLite database can take one more page: below its page limit or a free page, and disk space. */
async function sqliteHasRoom(db: Kysely<Database>): Promise<boolean> {
  const pages = await pragma(db, 'page_count');
  if (pages >= (await pragma(db, 'max_page_count')) && (await pragma(db, 'freelist_count')) === 0) return false;
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = rows[0]?.file;
  if (!file) return true;
  const fs = await statfs(dirname(file));
  return fs.bavail * fs.bsize >= MIN_FREE_BYTES;
}

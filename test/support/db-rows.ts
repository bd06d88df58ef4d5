// Reading a test runtime's tables directly (a second connection): every table's rows, ordered by primary key,
// for tests that compare whole databases (backup round trips, templates).
import { sql, type Kysely } from 'kysely';
import { openDb } from '../../src/db/connect.js';
import type { TestRuntime } from './runtime.js';

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** Runs `fn` on a second connection to the runtime's database. */
export async function withDb<T>(rt: TestRuntime, fn: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = openDb(rt.db);
  try {
    return await fn(db.kysely as unknown as Kysely<unknown>);
  } finally {
    await db.close();
  }
}

/** Every table of the database, the engines' own bookkeeping included, by name. */
export async function tablesOf(db: Kysely<unknown>, dialect: TestRuntime['dialect']): Promise<string[]> {
  const q =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() order by table_name`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

/** The primary-key columns of a table, in key order. */
export async function primaryKeyOf(
  db: Kysely<unknown>,
  dialect: TestRuntime['dialect'],
  table: string,
): Promise<string[]> {
  const q =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`
      : sql<{ name: string }>`select a.attname as name from pg_index i
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = to_regclass(${table}) and i.indisprimary
          order by array_position(i.indkey, a.attnum)`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

/**
 * Every row, all columns, of each table, ordered by its primary key.
 * @throws Error for a table without a primary key (its order would not be defined)
 */
export async function rowsByPrimaryKey(rt: TestRuntime, tables: readonly string[]): Promise<Record<string, Row[]>> {
  return withDb(rt, async (db) => {
    const out: Record<string, Row[]> = {};
    for (const t of tables) {
      const key = await primaryKeyOf(db, rt.dialect, t);
      if (key.length === 0) throw new Error(`table ${t} has no primary key`);
      const order = sql.join(key.map((c) => sql.ref(c)));
      out[t] = (await sql<Row>`select * from ${sql.table(t)} order by ${order}`.execute(db)).rows;
    }
    return out;
  });
}

// Query shapes the repositories share: the first row or none, a counted page of a list, an update by id.
import type { Kysely, SelectQueryBuilder, UpdateObject } from 'kysely';
import type { Database } from './database.js';

/** The first row the query finds, mapped; undefined when it finds none (a `byId` lookup). */
export async function firstOf<R, T>(
  query: { executeTakeFirst(): Promise<R | undefined> },
  map: (row: R) => T | Promise<T>,
): Promise<T | undefined> {
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : map(row);
}

/** How many rows the query finds (`count(*)`, a number on both engines). */
export async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const counted = query.select((eb) => eb.fn.countAll<number>().as('n'));
  // A generic builder's row type does not resolve; the row is `{ n }` (a string from some drivers).
  const r = (await counted.executeTakeFirst()) as { n: number | string } | undefined;
  return Number(r?.n ?? 0);
}

/**
 * One page of a filtered list: the total the query finds, and the page's rows, chosen and ordered by
 * `select`, mapped. A page of no rows (a limit of 0) answers the total alone.
 */
export async function pageOf<DB, TB extends keyof DB, O, R, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: { limit: number; offset: number },
  map: (row: R) => T,
  select: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
): Promise<{ items: T[]; total: number }> {
  const total = await countRows(query);
  if (page.limit <= 0) return { items: [], total };
  const rows = await select(query).limit(page.limit).offset(page.offset).execute();
  return { items: rows.map((r) => map(r as R)), total };
}

/** The tables whose rows are keyed by an `id` column. */
type TableWithId = { [T in keyof Database]: Database[T] extends { id: string } ? T : never }[keyof Database];

/** Updates the row with this id (nothing when there is none). */
export async function updateById<T extends TableWithId>(
  db: Kysely<Database>,
  table: T,
  id: string,
  values: UpdateObject<Database, T>,
): Promise<void> {
  // Kysely cannot relate a table name variable to its row type; `values` is typed by the signature above.
  const update = db.updateTable(table as TableWithId).set(values as never);
  await update.where('id', '=', id).execute();
}

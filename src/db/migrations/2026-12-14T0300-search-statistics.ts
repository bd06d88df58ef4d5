// PostgreSQL only: a longer list of the search tokens' frequencies, so that the planner tells a rare term from a
// common one. A term's matches newest first (repositories/search-index.ts `newestFirst`) are read either by walking
// the key index backwards and testing each row's tsvector, or by collecting the GIN index's matches and sorting
// them; PostgreSQL picks by its estimate of the term's share of rows. With the default statistics target (100) it
// keeps the 1,000 most common tokens (down to ~2 % of rows at a million items) and takes every other token for
// about 0.5 %; a token in 0.1 % of the rows was then read by walking ~20,000 rows for a page of 20 (86–300 ms
// at a million items, against 8 ms through the GIN index). With 1,000 the list holds 10,000 tokens (down to ~0.2 %)
// and a rarer token is taken for ~0.1 %, near its real share. ANALYZE samples 300,000 rows (a few seconds at a
// million items); autovacuum keeps the statistics from then on. SQLite plans FTS5 queries without statistics.
// Frozen in time: never edit after merge; add a new migration instead.
import { SqliteAdapter, sql, type Kysely } from 'kysely';

/** The statistics target of search_fts.tsv (PostgreSQL's maximum is 10,000; its default 100). */
const TARGET = 1000;

/** Raises the target and gathers the statistics once. */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`alter table search_fts alter column tsv set statistics ${sql.lit(TARGET)}`.execute(db);
  await sql`analyze search_fts`.execute(db);
}

/** Back to the default target (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`alter table search_fts alter column tsv set statistics -1`.execute(db);
}

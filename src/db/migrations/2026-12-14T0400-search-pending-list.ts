// PostgreSQL only: a small pending list for the GIN index of search_fts. With GIN's "fast update" (on by
// default), new entries are appended to an unsorted pending list that every search reads whole, and that is
// merged into the index only when it outgrows gin_pending_list_limit (4 MB by default) or at a VACUUM — which
// autovacuum starts on a large table only after a fifth of its rows were inserted. The list of a portal therefore
// sat at up to 4 MB (~860 items' tokens) for good. Measured at 1,000,000 items with 433 pending pages: the GIN
// lookup of a rare term took 2.0 ms against 0.3 ms with the list merged, and a search reads the index twice (the
// count estimate and the page). PostgreSQL's documentation on GIN fast update advises turning it off or shrinking
// the list where consistent search time matters more than insert speed. 64 kB (its minimum) bounds what a search
// reads to a few pages while inserts still go through the list in batches: measured on 20,000 items inserted in
// one statement, 150 µs an item with 4 MB, 470 µs with 64 kB, 840 µs with fast update off. The list is merged once
// now. SQLite's FTS5 merges its segments on its own (automerge).
// Frozen in time: never edit after merge; add a new migration instead.
import { SqliteAdapter, sql, type Kysely } from 'kysely';

/** The pending list's limit in kB (PostgreSQL's minimum; its default 4096). */
const LIMIT_KB = 64;

/** Shrinks the pending list's limit and merges the entries pending now into the index. */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`alter index search_fts_tsv_idx set (gin_pending_list_limit = ${sql.lit(LIMIT_KB)})`.execute(db);
  await sql`select gin_clean_pending_list('search_fts_tsv_idx'::regclass)`.execute(db);
}

/** Back to the default limit (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`alter index search_fts_tsv_idx reset (gin_pending_list_limit)`.execute(db);
}

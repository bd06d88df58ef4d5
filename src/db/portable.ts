// The few SQL helpers whose behaviour differs between SQLite and PostgreSQL, made identical here.
import { SqliteAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './database.js';

/** Escapes LIKE wildcards so user text matches literally (used with `escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Case-insensitive "contains" on both engines. SQLite's LIKE ignores ASCII case and PostgreSQL's
 * does not, so both sides are lower-cased; wildcards in the user's text are escaped.
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** Case-sensitive "starts with", wildcards escaped (e.g. an action prefix such as `user.`). */
export function startsWithText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}

/**
 * The full-text index's SQL on each engine (STACK §2.5), chosen by the adapter's capability:
 * FTS5 on SQLite, tsvector + GIN on PostgreSQL. Both index the same bigram tokens; a query is an OR
 * of AND-groups of phrases (token lists), see {@link MatchQuery}. `d` is search_document; the FTS side is
 * `search_fts`.
 */
export type FullTextSql = {
  /** The FROM clause joining the token index to `d`, for queries driven by the index. */
  from: RawBuilder<unknown>;
  /** The FROM clause of the token index alone (no `d`): when no condition on `d` applies. */
  index: RawBuilder<unknown>;
  /**
   * The token index's key in `from` and `index` (equal to `d.doc_key`; ordering by it is newest first, see
   * search-index.ts).
   */
  key: RawBuilder<number>;
  /** The match condition for `from` or `index` (no empty group). */
  match(q: MatchQuery): RawBuilder<SqlBool>;
  /**
   * Whether a row of `from` or `index` (one of the matches of `within`) matches query `q` too: ranking by a phrase.
   * PostgreSQL reads the row's own tsvector; FTS5 tests the key against the set matching both.
   */
  matchesRow(q: MatchQuery, within: MatchQuery): RawBuilder<SqlBool>;
  /** Matches in the token index alone, counted up to `limit` (a cheap estimate: no join). */
  countUpTo(q: MatchQuery, limit: number): RawBuilder<{ n: number | string }>;
  /** Relevance for `from` or `index` (higher is better; title hits weigh more). */
  score(q: MatchQuery): RawBuilder<number>;
  /**
   * FTS5 only: a FROM item `sc` of the items matching `by`, with their key `sc.k` and relevance `sc.score` over the
   * phrases of `by` alone. bm25 weighs a phrase by the share of items holding it, which FTS5 counts by reading the
   * phrase's whole posting list on every query: 421,912 entries for 年度 at 1,000,000 items, 12 ms of a 14 ms
   * ranking of 河长 年度. Scoring a query's selective phrases alone skips that (search-index.ts `ranked`).
   * PostgreSQL's ts_rank reads only the row's own tsvector and needs no such part.
   */
  scoreOver?(by: MatchQuery): RawBuilder<unknown>;
  /** Replaces one item's tokens. */
  write(
    db: Kysely<Database>,
    key: number,
    title: readonly string[],
    body: readonly string[],
    isNew: boolean,
  ): Promise<void>;
  /** Adds the tokens of new items (keys not in the index yet) in multi-row inserts (bulk import). */
  writeMany(db: Kysely<Database>, rows: readonly FullTextRow[]): Promise<void>;
  remove(db: Kysely<Database>, key: number): Promise<void>;
  clear(db: Kysely<Database>): Promise<void>;
};

/** A full-text query: the OR of AND-groups of phrases; a phrase is a token list that must stand together. */
export type MatchQuery = readonly (readonly (readonly string[])[])[];

/** A query that is the AND of phrases. */
export const allOf = (phrases: readonly (readonly string[])[]): MatchQuery => [phrases];

/** One item's tokens for {@link FullTextSql.writeMany}. */
export type FullTextRow = { key: number; title: readonly string[]; body: readonly string[] };

/** Rows per multi-row insert of the token index (well under SQLite's 32,766 and PostgreSQL's 65,535 parameters). */
const WRITE_CHUNK = 2000;

async function inChunks<T>(rows: readonly T[], fn: (chunk: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) await fn(rows.slice(i, i + WRITE_CHUNK));
}

// FTS5: `("t1 t2" AND "t3") OR (…)`; tokens hold only letters and digits, so quoting is safe.
const fts5Match = (q: MatchQuery) => q.map((g) => `(${g.map((p) => `"${p.join(' ')}"`).join(' AND ')})`).join(' OR ');

const fts5: FullTextSql = {
  from: sql`search_fts join search_document d on d.doc_key = search_fts.rowid`,
  index: sql`search_fts`,
  key: sql<number>`search_fts.rowid`,
  match: (p) => sql<SqlBool>`search_fts match ${fts5Match(p)}`,
  // One FTS5 query for every row, over the matches alone: a correlated lookup per row (`rowid = d.doc_key`) reads the
  // phrase's token lists again for each row (177 ms for 992 matches of 量子通信 at 1,000,000 items, against 5 ms), and
  // the phrase over the whole index collects every item where common words stand together (130–370 ms).
  matchesRow: (p, within) =>
    sql<SqlBool>`search_fts.rowid in (select rowid from search_fts where search_fts match ${`(${fts5Match(p)}) AND (${fts5Match(within)})`})`,
  countUpTo: (p, limit) =>
    sql`select count(*) as n from (select rowid from search_fts where search_fts match ${fts5Match(p)} limit ${limit}) x`,
  score: () => sql<number>`(-bm25(search_fts, 4.0, 1.0))`,
  scoreOver: (by) =>
    // `limit -1` keeps SQLite from flattening the subquery into the join, where it became an FTS5 lookup per match
    // that counted the phrases again each time (量子通信 at 1,000,000 items: 233 ms, against 5.8 ms).
    sql`(select rowid as k, -bm25(search_fts, 4.0, 1.0) as score from search_fts where search_fts match ${fts5Match(by)}
      limit -1) sc`,
  async write(db, key, title, body, isNew) {
    if (!isNew) await sql`delete from search_fts where rowid = ${key}`.execute(db);
    await sql`insert into search_fts (rowid, title, body) values (${key}, ${title.join(' ')}, ${body.join(' ')})`.execute(
      db,
    );
  },
  async writeMany(db, rows) {
    await inChunks(rows, (chunk) =>
      sql`insert into search_fts (rowid, title, body) values ${sql.join(chunk.map((r) => sql`(${r.key}, ${r.title.join(' ')}, ${r.body.join(' ')})`))}`.execute(
        db,
      ),
    );
  },
  async remove(db, key) {
    await sql`delete from search_fts where rowid = ${key}`.execute(db);
  },
  async clear(db) {
    await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
  },
};

// tsquery literal: (('t1' <-> 't2') & ('t3')) | (…); cast from text, so no parser or locale is involved.
const tsQuery = (q: MatchQuery) =>
  q.map((g) => `(${g.map((p) => `(${p.map((t) => `'${t}'`).join(' <-> ')})`).join(' & ')})`).join(' | ');

// PostgreSQL keeps positions up to 16383 and 256 per lexeme.
const MAX_POS = 16383;

/** A tsvector literal: title tokens weighted A, a gap, then body tokens (no phrase spans the two). */
export function tsVectorLiteral(title: readonly string[], body: readonly string[]): string {
  const positions = new Map<string, string[]>();
  const add = (tokens: readonly string[], first: number, weight: string) => {
    tokens.forEach((t, i) => {
      const list = positions.get(t) ?? [];
      const pos = `${Math.min(first + i, MAX_POS)}${weight}`;
      if (list.length < 256 && list[list.length - 1] !== pos) list.push(pos);
      positions.set(t, list);
    });
  };
  add(title, 1, 'A');
  add(body, title.length + 2, '');
  return [...positions].map(([t, ps]) => `'${t}':${ps.join(',')}`).join(' ');
}

const tsvector: FullTextSql = {
  from: sql`search_fts f join search_document d on d.doc_key = f.doc_key`,
  index: sql`search_fts f`,
  key: sql<number>`f.doc_key`,
  match: (p) => sql<SqlBool>`f.tsv @@ cast(${tsQuery(p)} as tsquery)`,
  // The row's tsvector is in scope: testing it again costs no second lookup (a correlated subquery read each
  // match's tsvector twice, which doubled the cost of ranking a rare term at a million items).
  matchesRow: (p) => sql<SqlBool>`f.tsv @@ cast(${tsQuery(p)} as tsquery)`,
  countUpTo: (p, limit) =>
    sql`select count(*) as n from (select 1 as one from search_fts f where f.tsv @@ cast(${tsQuery(p)} as tsquery) limit ${limit}) x`,
  score: (p) => sql<number>`ts_rank(f.tsv, cast(${tsQuery(p)} as tsquery))`,
  async write(db, key, title, body) {
    const tsv = tsVectorLiteral(title, body);
    await sql`insert into search_fts (doc_key, tsv) values (${key}, cast(${tsv} as tsvector))
      on conflict (doc_key) do update set tsv = excluded.tsv`.execute(db);
  },
  async writeMany(db, rows) {
    await inChunks(rows, (chunk) =>
      sql`insert into search_fts (doc_key, tsv) values ${sql.join(chunk.map((r) => sql`(${r.key}, cast(${tsVectorLiteral(r.title, r.body)} as tsvector))`))}`.execute(
        db,
      ),
    );
  },
  async remove(db, key) {
    await sql`delete from search_fts where doc_key = ${key}`.execute(db);
  },
  async clear(db) {
    await sql`delete from search_fts`.execute(db);
  },
};

/**
 * Refreshes the planner's statistics of tables after a bulk load. PostgreSQL plans by them (autovacuum
 * would get there in a minute or so); SQLite plans without statistics, and gathering some would change
 * every plan tuned without them, so there it does nothing.
 */
export async function refreshStatistics(db: Kysely<Database>, tables: readonly string[]): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter || tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

/** The full-text SQL for the database behind `db` (FTS5 when the adapter is SQLite's). */
export function fullTextSql(db: Kysely<Database>): FullTextSql {
  return db.getExecutor().adapter instanceof SqliteAdapter ? fts5 : tsvector;
}

// Full-text search index: one search_document row per searchable item, fed by the modules that
// publish (publications first), plus the per-dialect token index search_fts keyed by
// search_document.doc_key. Frozen in time: never edit after merge.
//
// The one sanctioned dialect branch: the index structure differs per engine. The engine is read
// from Kysely's adapter (`instanceof SqliteAdapter`), not by probing with a query: a failing probe
// would abort PostgreSQL's migration transaction.
//   SQLite:     search_fts is an FTS5 contentless table (content='', contentless_delete=1,
//               unicode61) with columns title and body holding space-separated bigram tokens;
//               rowid = doc_key.
//   PostgreSQL: search_fts(doc_key primary key, tsv tsvector) with a GIN index; tsv is built from
//               the same tokens as a tsvector literal (title tokens weighted A).
// search_fts is derived data: backups leave it out and restore rebuilds it from search_document.
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { col, dropTables, indexes, table } from './schema-kit.js';

/** Creates search_document and the dialect's search_fts. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'search_document', {
    doc_type: col.required,
    doc_id: col.required,
    doc_key: col.requiredInt.unique,
    org_id: col.required,
    category_id: col.text,
    kind: col.required,
    year: col.requiredInt,
    validity: col.text,
    published_on: col.required,
    title: col.required,
    doc_no: col.blank,
    summary: col.blank,
    body_text: col.blank,
    url: col.required,
    updated_at: col.required,
  }).primaryKey('doc_type', 'doc_id');
  // Organization and category filters lead with their own column plus doc_type, so the planner
  // prefers them over the date index when a filter is selective (no ANALYZE statistics needed).
  await indexes(db, 'search_document', {
    search_document_date_idx: ['doc_type', 'published_on', 'doc_key'],
    search_document_org_idx: ['org_id', 'doc_type', 'published_on'],
    search_document_category_idx: ['category_id', 'doc_type', 'published_on'],
  });
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create virtual table if not exists search_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')`.execute(
      db,
    );
  } else {
    await table(db, 'search_fts', { doc_key: col.intPk, tsv: col.of(sql`tsvector`).notNull });
    await sql`create index if not exists search_fts_tsv_idx on search_fts using gin (tsv)`.execute(db);
  }
}

/** Drops the search index (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'search_fts', 'search_document');
}

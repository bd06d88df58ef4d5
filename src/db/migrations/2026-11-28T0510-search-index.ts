// Full-text search index (STACK §2.5): one search_document row per searchable item, fed by the
// modules that publish (publications first), plus the per-dialect token index search_fts keyed by
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

/** Creates search_document and the dialect's search_fts. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_document')
    .ifNotExists()
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('doc_key', 'integer', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('validity', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_document_pk', ['doc_type', 'doc_id'])
    .execute();
  await db.schema
    .createIndex('search_document_date_idx')
    .ifNotExists()
    .on('search_document')
    .columns(['doc_type', 'published_on', 'doc_key'])
    .execute();
  // Organization and category filters lead with their own column plus doc_type, so the planner
  // prefers them over the date index when a filter is selective (no ANALYZE statistics needed).
  await db.schema
    .createIndex('search_document_org_idx')
    .ifNotExists()
    .on('search_document')
    .columns(['org_id', 'doc_type', 'published_on'])
    .execute();
  await db.schema
    .createIndex('search_document_category_idx')
    .ifNotExists()
    .on('search_document')
    .columns(['category_id', 'doc_type', 'published_on'])
    .execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create virtual table if not exists search_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')`.execute(
      db,
    );
  } else {
    await db.schema
      .createTable('search_fts')
      .ifNotExists()
      .addColumn('doc_key', 'integer', (c) => c.primaryKey())
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index if not exists search_fts_tsv_idx on search_fts using gin (tsv)`.execute(db);
  }
}

/** Drops the search index (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_fts').ifExists().execute();
  await db.schema.dropTable('search_document').ifExists().execute();
}

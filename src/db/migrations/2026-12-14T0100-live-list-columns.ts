// The fields a portal list row shows, copied out of each frozen version (`fields_json`) like the live
// columns of 0600: category and directory pages, the home page and columns, and the Atom feeds read
// these columns and never the frozen record, whose body HTML is most of its bytes.
// Existing rows are filled here, one UPDATE per engine reading the JSON in SQL (SQLite json_extract,
// PostgreSQL jsonb ->>); a key the record lacks gives ''. The restore of a backup taken before this
// migration fills them again (db/maintenance.ts).
// Frozen in time: never edit after merge; add a new migration instead.
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { addColumns, col, dropColumns } from './schema-kit.js';

/** Each list column and the key of the frozen record it copies. */
const LIST_COLUMNS = {
  title: 'title',
  index_no: 'indexNo',
  doc_no: 'docNo',
  summary: 'summary',
  publisher: 'publisher',
} as const;

const NAMES = Object.keys(LIST_COLUMNS);

/** Adds the list columns (blank by default) and fills them for every stored version. */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'publication_version', Object.fromEntries(NAMES.map((name) => [name, col.blank])));
  await fillListColumns(db);
}

/** Sets every version's list columns from its frozen record, in one statement. */
export async function fillListColumns(db: Kysely<any>): Promise<void> {
  const keys = Object.values(LIST_COLUMNS);
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const sets = NAMES.map((name, i) => `${name} = coalesce(json_extract(fields_json, '$.${keys[i]}'), '')`);
    await sql`update publication_version set ${sql.raw(sets.join(', '))}`.execute(db);
    return;
  }
  // The record is parsed once per row: the columns are set together from one sub-select.
  const values = keys.map((key) => `coalesce(f.j ->> '${key}', '')`);
  await sql`update publication_version set (${sql.raw(NAMES.join(', '))}) = (select ${sql.raw(values.join(', '))}
    from (select cast(publication_version.fields_json as jsonb) as j) as f)`.execute(db);
}

/** Drops the list columns (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'publication_version', NAMES);
}

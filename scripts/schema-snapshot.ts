// What the migrations do, per dialect, as committed text: the proof that a merged migration never changes.
// Runs every migration in order through Kysely's Migrator on a fresh database (SQLite in memory, PostgreSQL
// in a fresh schema), with a few rows inserted before the data migrations so their backfills run, then
// every `down` back to empty. It records:
//   test/fixtures/db/migrations-<dialect>.snapshot.txt  each statement each migration sent (SQL and parameters);
//   test/fixtures/db/schema-<dialect>.snapshot.txt      the resulting schema, the rows the migrations wrote,
//                                                        and what is left after migrating down.
// They hold SQL text but are recorded data, not SQL sources: hence the data extension.
// test/integration/db/migration-sql.test.ts compares a fresh run with these files.
// Usage: GONGKAI_TEST_PG_URL=postgres://… node --import tsx scripts/schema-snapshot.ts
// Run it only in the commit that ADDS a migration (docs/practices/migrations.md).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  Migrator,
  NO_MIGRATIONS,
  PostgresDialect,
  SqliteDialect,
  sql,
  type LogEvent,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import { migrationProvider } from '../src/db/migrations/index.js';

/** The dialects the migrations run on. */
export type SnapshotDialect = 'sqlite' | 'postgres';
/** The two snapshot files of a dialect. */
export type SnapshotKind = 'schema' | 'migrations';
/** The text of both snapshot files of one dialect. */
export type Snapshot = Record<SnapshotKind, string>;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The folder of the committed snapshots. */
export const SNAPSHOT_DIR = join(ROOT, 'test', 'fixtures', 'db');
/** The command that rewrites the snapshots. */
export const SNAPSHOT_COMMAND = 'GONGKAI_TEST_PG_URL=postgres://… node --import tsx scripts/schema-snapshot.ts';
/** Lines naming the engine's version: shown to help read a difference, left out of the comparison. */
export const ENGINE_LINE = '-- engine: ';
/** The line that opens each migration's statements in a migrations snapshot. */
export const MIGRATION_LINE = '-- migration ';

/** The path of one snapshot file. */
export function snapshotPath(kind: SnapshotKind, dialect: SnapshotDialect): string {
  return join(SNAPSHOT_DIR, `${kind}-${dialect}.snapshot.txt`);
}

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Seed = (db: AnyDb, dialect: SnapshotDialect) => Promise<void>;

/** Statements recorded while a migration runs; the Migrator's own bookkeeping is left out. */
class Recorder {
  current: string | null = null;
  lines: string[] = [];

  log(event: LogEvent): void {
    if (event.level !== 'query' || this.current === null) return;
    const { sql: text, parameters } = event.query;
    this.lines.push(`${text.trim()};`);
    if (parameters.length > 0) this.lines.push(`-- parameters: ${JSON.stringify(parameters)}`);
  }
}

/** The migrations, each recording under its name, with the seed rows inserted before those that backfill. */
async function recordingMigrations(rec: Recorder, dialect: SnapshotDialect): Promise<Record<string, Migration>> {
  const all = await migrationProvider.getMigrations();
  const wrap = (name: string, direction: 'up' | 'down', fn: (db: AnyDb) => Promise<void>) => async (db: AnyDb) => {
    if (direction === 'up') await SEEDS[name]?.(db, dialect);
    rec.lines.push('', `${MIGRATION_LINE}${name} ${direction}`);
    rec.current = name;
    try {
      await fn(db);
    } finally {
      rec.current = null;
    }
  };
  return Object.fromEntries(
    Object.entries(all).map(([name, m]) => [
      name,
      { up: wrap(name, 'up', m.up), ...(m.down ? { down: wrap(name, 'down', m.down) } : {}) },
    ]),
  );
}

/** Rows for the data migrations to transform: live versions with attachments, search documents. */
const SEEDS: Record<string, Seed> = {
  '2026-11-28T0600-publication-indexes': async (db) => {
    const at = '2025-03-01T00:00:00.000Z';
    const times = { created_at: at, updated_at: at };
    const org = { ...times, id: 'org-1', kind: 'government', name: '示例县人民政府', credit_code: 'C1' };
    await db.insertInto('organization').values(org).execute();
    const owned = { ...times, org_id: 'org-1' };
    const category = { ...owned, id: 'cat-1', slug: 'news', name: '工作动态', kind: 'category' };
    await db.insertInto('category').values(category).execute();
    const item = { ...owned, category_id: 'cat-1', written_on: '2025-02-28', kind: 'news', validity: 'valid' };
    const live = { ...item, disclosure: 'proactive', state: 'published', published_on: '2025-03-02' };
    const current = { ...live, id: 'pub-1', index_no: 'I-1', title: '通知', body_html: '<p>一</p>' };
    const withdrawn = { ...live, id: 'pub-2', index_no: 'I-2', title: '公告', body_html: '<p>二</p>' };
    await db
      .insertInto('publication')
      .values([
        { ...current, current_version: 2, withdrawn_at: null },
        { ...withdrawn, current_version: 1, withdrawn_at: at },
      ])
      .execute();
    // Version 1 lists a file twice (one row each), pub-2's version has no category (nulls).
    const fields = (publishedOn: string, fileIds: string[]) => {
      const frozen = { categoryId: 'cat-1', kind: 'news', disclosure: 'proactive', publishedOn, interpretsId: null };
      return JSON.stringify({ ...frozen, attachments: fileIds.map((fileId) => ({ fileId })) });
    };
    const version = (publication_id: string, version: number, fields_json: string) => {
      return { publication_id, version, fields_json, published_at: at };
    };
    await db
      .insertInto('publication_version')
      .values([
        version('pub-1', 1, fields('2025-03-01', ['f1', 'f1', 'f2'])),
        version('pub-1', 2, fields('2025-03-02', ['f2'])),
        version('pub-2', 1, JSON.stringify({ kind: 'news' })),
      ])
      .execute();
  },
  '2026-11-28T0620-search-speed': async (db, dialect) => {
    const doc = { doc_type: 'publication', org_id: 'org-1', kind: 'news', year: 2025, url: '/p', updated_at: 'x' };
    // Full-width letters and spaces, Han runs and a date before 1900 (key day 0) for the re-keying.
    const title = '政府信息公开ＡＢＣ　年报 2025';
    await db
      .insertInto('search_document')
      .values([
        { ...doc, doc_id: 'pub-1', doc_key: 1, published_on: '2025-03-02', title, summary: '' },
        { ...doc, doc_id: 'pub-2', doc_key: 2, published_on: '1899-12-31', title: '公', summary: 'Ｘ光 résumé' },
      ])
      .execute();
    if (dialect === 'sqlite') {
      await sql`insert into search_fts (rowid, title, body) values (1, 'old', 'old'), (2, 'old', 'old')`.execute(db);
    } else {
      await sql`insert into search_fts (doc_key, tsv) values (1, 'old:1A'), (2, 'old:1A')`.execute(db);
    }
  },
  '2026-12-11T0200-report-corrections': async (db) => {
    const at = '2026-01-20T02:00:00.000Z';
    const report = { org_id: 'org-1', format: '2021', created_at: at, updated_at: at };
    // A published report gets its snapshot as version 1 (published_by unknown: ''); a draft gets none.
    await db
      .insertInto('annual_report')
      .values([
        { ...report, id: 'rep-1', year: 2025, state: 'published', snapshot_json: '{"year":2025}', published_at: at },
        { ...report, id: 'rep-2', year: 2024, state: 'draft', snapshot_json: null },
      ])
      .execute();
  },
  '2026-12-14T0100-live-list-columns': async (db) => {
    // JSON escapes to decode, a null and a missing key (both blank); the older versions lack every key.
    const fields = { title: '关于"引号"\\和\n换行的通知', indexNo: 'I-1', docNo: '示政发〔2025〕1号', summary: null };
    await db
      .insertInto('publication_version')
      .values({ publication_id: 'pub-1', version: 3, fields_json: JSON.stringify(fields), published_at: 'x' })
      .execute();
  },
  '2026-12-14T0200-live-category-count': async (db) => {
    // A second live item of cat-1 (counted with pub-1's live version 2) and a live version without a category.
    const at = '2025-03-03T00:00:00.000Z';
    const times = { created_at: at, updated_at: at };
    const item = { ...times, org_id: 'org-1', category_id: 'cat-1', written_on: '2025-03-01', kind: 'news' };
    const live = {
      ...item,
      validity: 'valid',
      disclosure: 'proactive',
      state: 'published',
      published_on: '2025-03-03',
    };
    await db
      .insertInto('publication')
      .values([
        { ...live, id: 'pub-3', index_no: 'I-3', title: '公示', body_html: '<p>三</p>', current_version: 1 },
        { ...live, id: 'pub-4', index_no: 'I-4', title: '通告', body_html: '<p>四</p>', current_version: 1 },
      ])
      .execute();
    const version = { version: 1, fields_json: '{}', published_at: at, org_id: 'org-1', live: 1 };
    await db
      .insertInto('publication_version')
      .values([
        { ...version, publication_id: 'pub-3', category_id: 'cat-1' },
        { ...version, publication_id: 'pub-4', category_id: null },
      ])
      .execute();
  },
};

/** Tables whose rows the migrations write (seed rows, backfills), with their order. */
const DATA_TABLES: Record<SnapshotDialect, [string, string][]> = {
  sqlite: [
    ['audit_head', 'id'],
    ['key_area', 'id'],
    ['annual_report_version', 'report_id, version'],
    ['publication_version', 'publication_id, version'],
    ['publication_version_file', 'publication_id, version, file_id'],
    ['live_category_count', 'org_id, category_id'],
    ['search_document', 'doc_key'],
    ['search_fts', 'rowid'],
  ],
  postgres: [
    ['audit_head', 'id'],
    ['key_area', 'id'],
    ['annual_report_version', 'report_id, version'],
    ['publication_version', 'publication_id, version'],
    ['publication_version_file', 'publication_id, version, file_id'],
    ['live_category_count', 'org_id, category_id'],
    ['search_document', 'doc_key'],
    ['search_fts', 'doc_key'],
  ],
};

const isMigratorTable = (name: string) => name.startsWith('kysely_migration');

/** SQLite: every object's CREATE statement as stored in sqlite_master, by name. */
async function sqliteSchema(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ type: string; name: string; tbl_name: string; sql: string }>`
    select type, name, tbl_name, sql from sqlite_master where sql is not null order by name`.execute(db);
  return rows
    .filter((r) => !isMigratorTable(r.tbl_name))
    .flatMap((r) => [`-- ${r.type} ${r.name} on ${r.tbl_name}`, `${r.sql};`]);
}

/** PostgreSQL: the schema's relations, columns, constraints, indexes and triggers, by name. */
async function postgresSchema(db: AnyDb, schema: string): Promise<string[]> {
  const relations = await sql<{ name: string; kind: string; options: string | null }>`
    select c.relname as name, c.relkind as kind, array_to_string(c.reloptions, ', ') as options
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} order by c.relname`.execute(db);
  const columns = await sql<{ tbl: string; name: string; type: string; not_null: boolean; dflt: string | null }>`
    select c.relname as tbl, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as dflt
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const constraints = await sql<{ tbl: string; name: string; def: string }>`
    select c.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = k.connamespace
    where n.nspname = ${schema} order by c.relname, k.conname`.execute(db);
  const indexes = await sql<{ tbl: string; name: string; def: string }>`
    select tablename as tbl, indexname as name, indexdef as def from pg_indexes
    where schemaname = ${schema} order by indexname`.execute(db);
  const triggers = await sql<{ tbl: string; name: string; def: string }>`
    select c.relname as tbl, t.tgname as name, pg_get_triggerdef(t.oid) as def
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and not t.tgisinternal order by c.relname, t.tgname`.execute(db);
  const out: string[] = [];
  for (const r of relations.rows.filter((r) => !isMigratorTable(r.name))) {
    out.push(`-- relation ${r.name} (${r.kind})${r.options ? ` with (${r.options})` : ''}`);
  }
  let table = '';
  for (const c of columns.rows.filter((r) => !isMigratorTable(r.tbl))) {
    if (c.tbl !== table) out.push('', `-- table ${(table = c.tbl)}`);
    out.push(`--   ${c.name} ${c.type}${c.not_null ? ' not null' : ''}${c.dflt === null ? '' : ` default ${c.dflt}`}`);
  }
  out.push('', '-- constraints');
  for (const k of constraints.rows.filter((r) => !isMigratorTable(r.tbl))) {
    out.push(`--   ${k.tbl}.${k.name}: ${k.def}`);
  }
  out.push('', '-- indexes');
  for (const i of indexes.rows.filter((r) => !isMigratorTable(r.tbl))) out.push(`${i.def}; -- ${i.name}`);
  out.push('', '-- triggers');
  for (const t of triggers.rows.filter((r) => !isMigratorTable(r.tbl))) out.push(`${t.def}; -- ${t.name}`);
  return out;
}

/** The rows of the data tables, one JSON array of text values a row (engines return numbers differently). */
async function dataRows(db: AnyDb, dialect: SnapshotDialect): Promise<string[]> {
  const out: string[] = [];
  for (const [table, order] of DATA_TABLES[dialect]) {
    const query = dialect === 'sqlite' && table === 'search_fts' ? sql`select rowid` : sql`select *`;
    const { rows } = await sql<
      Record<string, unknown>
    >`${query} from ${sql.table(table)} order by ${sql.raw(order)}`.execute(db);
    out.push(`-- ${table}`);
    for (const row of rows) {
      out.push(`--   ${JSON.stringify(Object.values(row).map((v) => (v === null ? null : String(v))))}`);
    }
  }
  return out;
}

/** Kysely's Migrator on PostgreSQL lists every schema's tables; another test dropping its schema then fails it. */
function isOtherSchemaRace(error: unknown, own: string | undefined): boolean {
  const m = /schema "([^"]+)" does not exist/.exec(String(error));
  return m !== null && m[1] !== own;
}

async function migrate(run: () => Promise<MigrationResultSet>, rec: Recorder, schema?: string): Promise<void> {
  const start = rec.lines.length;
  for (let attempt = 1; ; attempt++) {
    const { error } = await run();
    if (!error) return;
    if (attempt < 5 && isOtherSchemaRace(error, schema)) {
      rec.lines.length = start;
      continue;
    }
    throw error instanceof Error ? error : new Error(String(error));
  }
}

type Opened = { db: AnyDb; engine: string; schema?: string; close: () => Promise<void> };

async function open(dialect: SnapshotDialect, rec: Recorder, pgUrl: string | undefined): Promise<Opened> {
  const log = (event: LogEvent) => rec.log(event);
  if (dialect === 'sqlite') {
    const database = new SQLite(':memory:');
    database.pragma('foreign_keys = ON');
    const db: AnyDb = new Kysely({ dialect: new SqliteDialect({ database }), log });
    const engine = `SQLite ${database.prepare('select sqlite_version() as v').pluck().get() as string}`;
    return { db, engine, close: () => db.destroy() };
  }
  if (!pgUrl) throw new Error('PostgreSQL snapshot needs GONGKAI_TEST_PG_URL');
  const schema = `snap_${randomBytes(6).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      return (await client.query<{ v: string }>(text)).rows[0]?.v ?? '';
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: pgUrl, max: 2, options: `-c search_path=${schema}` });
  const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }), log });
  const engine = `PostgreSQL ${await admin("select current_setting('server_version') as v")}`;
  return {
    db,
    engine,
    schema,
    close: async () => {
      await db.destroy();
      await admin(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/**
 * Runs every migration up on a fresh database of the dialect, then down, and describes what they did.
 * @param pgUrl the PostgreSQL server (a fresh schema is created and dropped)
 */
export async function captureSnapshot(dialect: SnapshotDialect, pgUrl?: string): Promise<Snapshot> {
  const rec = new Recorder();
  const opened = await open(dialect, rec, pgUrl);
  const { db, schema } = opened;
  try {
    const provider: MigrationProvider = { getMigrations: () => recordingMigrations(rec, dialect) };
    const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
    const describeSchema = () => (schema ? postgresSchema(db, schema) : sqliteSchema(db));
    await migrate(() => migrator.migrateToLatest(), rec, schema);
    const after = await describeSchema();
    const data = await dataRows(db, dialect);
    await migrate(() => migrator.migrateTo(NO_MIGRATIONS), rec, schema);
    const left = await describeSchema();
    const header = (what: string) => [
      `-- ${what}, on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}.`,
      `${ENGINE_LINE}${opened.engine}`,
      '-- Written by scripts/schema-snapshot.ts and checked by test/integration/db/migration-sql.test.ts.',
      '-- Merged migrations are frozen: rewrite this file only in the commit that adds a migration.',
    ];
    const text = (lines: string[]) => {
      const joined = `${lines.join('\n')}\n`;
      return schema ? joined.replaceAll(schema, '<schema>') : joined;
    };
    return {
      migrations: text([...header('The statements every migration sends, up in order then down'), ...rec.lines]),
      schema: text([
        ...header('The schema after every migration, the rows they write, and what is left after every down'),
        '',
        '-- ==== schema after every migration ====',
        ...after,
        '',
        '-- ==== rows written by the migrations (and the seed rows they transform) ====',
        ...data,
        '',
        '-- ==== left after migrating down to empty ====',
        ...left,
      ]),
    };
  } finally {
    await opened.close();
  }
}

/** The text of a snapshot without its engine line, for comparison. */
export function comparable(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith(ENGINE_LINE))
    .join('\n');
}

async function main(): Promise<void> {
  const pgUrl = process.env.GONGKAI_TEST_PG_URL;
  if (!pgUrl) {
    console.error('Set GONGKAI_TEST_PG_URL: the snapshots cover both dialects.');
    process.exit(2);
  }
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const snapshot = await captureSnapshot(dialect, pgUrl);
    for (const kind of ['schema', 'migrations'] as const) {
      writeFileSync(snapshotPath(kind, dialect), snapshot[kind]);
      console.log(`wrote ${snapshotPath(kind, dialect)}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

// Opens the database for either dialect and runs migrations; the only place that knows the drivers.
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import type { Database } from './database.js';
import { migrationProvider } from './migrations/index.js';
import { describe, faultAware } from './faults.js';
import { changeHub, changeTracking, type ChangeHub } from './page-changes.js';
import { channelOf, listenForPageChanges, notifyStatement, type Listener } from './page-notify.js';

/** Which engine a database runs on. */
export type DialectName = 'sqlite' | 'postgres';

/**
 * Connection settings: a SQLite file (or ':memory:') or a PostgreSQL URL. `applicationName` names the pool's
 * connections in pg_stat_activity (default `gongkai-<pid>`).
 */
export type DbConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number; applicationName?: string };

/** How long a request waits for a new PostgreSQL connection before it is answered 503. */
const CONNECT_TIMEOUT_MS = 5000;

/** An open database handle. */
export type Db = {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** A random id of this open handle (keys of in-process caches). */
  instanceId: string;
  /** PostgreSQL schema holding gongkai's tables (undefined on SQLite). */
  schema?: string;
  /** Committed changes as page tags (db/page-changes.ts): this process's, and other processes' where seen. */
  changes: ChangeHub;
  close: () => Promise<void>;
};

/** How many prepared SQLite statements are kept (a few hundred distinct queries run in practice). */
const KEPT_STATEMENTS = 1000;

/**
 * The SQLite connection as Kysely sees it, keeping each prepared statement by its SQL text: Kysely prepares every
 * query again, and preparing costs more than running most of gongkai's queries. A statement busy in an unfinished
 * `iterate` (a streamed query) is not shared: that query gets a statement of its own. SQLite re-prepares a kept
 * statement itself when the schema changes (migrations).
 */
function reusingStatements(db: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sql) {
      const hit = kept.get(sql);
      if (hit && !hit.busy) return hit;
      const stmt = db.prepare(sql);
      if (!hit) {
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value ?? '');
        kept.set(sql, stmt);
      }
      return stmt;
    },
  };
}

// Each driver loads when a database of its kind is first opened: a server on PostgreSQL never loads SQLite's, a
// SQLite one never loads pg (both are CommonJS, so a synchronous require keeps openDb synchronous).
const requireDriver = createRequire(import.meta.url);
const sqliteDriver = (): typeof SQLite => requireDriver('better-sqlite3') as typeof SQLite;
let pgLoaded: typeof pg | undefined;
const pgDriver = (): typeof pg => {
  if (pgLoaded) return pgLoaded;
  pgLoaded = requireDriver('pg') as typeof pg;
  // PostgreSQL returns int8 (count(*), sums) as strings; gongkai's counts fit in a double.
  pgLoaded.types.setTypeParser(20, (v) => Number(v));
  // numeric (sum of integers) likewise.
  pgLoaded.types.setTypeParser(1700, (v) => Number(v));
  return pgLoaded;
};

/**
 * Opens a database. SQLite runs in WAL mode with foreign keys on; PostgreSQL through a pool.
 * @param cfg connection settings
 * @returns an open handle; call close() when done
 */
export function openDb(cfg: DbConfig): Db {
  if (cfg.kind === 'sqlite') {
    if (cfg.file !== ':memory:') assertWritable(cfg.file);
    const SQLiteDatabase = sqliteDriver();
    const sqlite = new SQLiteDatabase(cfg.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Moves when another connection (another process: the CLI, a second server) commits to the file.
    const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
    const changes = changeHub(() => Number(dataVersion.get()));
    const kysely = new Kysely<Database>({
      dialect: changeTracking(faultAware(new SqliteDialect({ database: reusingStatements(sqlite) })), 'sqlite', {
        local: (tags) => changes.emit(tags),
        notify: null,
      }),
    });
    return { kysely, dialect: 'sqlite', instanceId: randomUUID(), changes, close: () => kysely.destroy() };
  }
  const pool = new (pgDriver().Pool)({
    connectionString: cfg.url,
    max: cfg.poolSize ?? 10,
    application_name: cfg.applicationName ?? `gongkai-${process.pid}`,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(cfg.schema ? { options: `-c search_path=${cfg.schema}` } : {}),
  });
  // A connection the server drops (restart, pg_terminate_backend, network) emits 'error' on its client,
  // idle in the pool or checked out between two statements of a transaction; without a listener Node
  // ends the process. Logged here once; the pool removes the client and opens a new one when next needed.
  pool.on('connect', (client) => {
    client.on('error', (e) => console.error('数据库连接中断 / database connection lost:', describe(e)));
  });
  // The pool re-emits an idle client's error: already logged by the client's listener above.
  pool.on('error', () => undefined);
  const instanceId = randomUUID();
  const schema = cfg.schema ?? 'public';
  const channel = channelOf(schema);
  const changes = changeHub();
  const kysely = new Kysely<Database>({
    dialect: changeTracking(faultAware(new PostgresDialect({ pool })), 'postgres', {
      local: (tags) => changes.emit(tags),
      notify: notifyStatement(channel, instanceId),
    }),
  });
  // One listening connection per open database, from the first subscriber on (a server's page cache; the CLI
  // never subscribes, so it never listens).
  let listener: Listener | null = null;
  changes.onFirstSubscriber = () => {
    listener ??= listenForPageChanges(changes, {
      url: cfg.url,
      channel,
      from: instanceId,
      applicationName: `gongkai-pages-${instanceId.slice(0, 8)}`,
    });
  };
  return {
    kysely,
    dialect: 'postgres',
    instanceId,
    schema,
    changes,
    close: async () => {
      await listener?.close();
      await kysely.destroy();
    },
  };
}

/**
 * Fails at start, naming the folder and the cause, when the SQLite database's folder or file cannot be
 * written (a read-only or full disk, permissions): otherwise the server would start and fail on the first write.
 * @throws Error `数据目录不可写 / data folder is not writable: <folder> (<system error>)`
 */
export function assertWritable(file: string): void {
  const dir = dirname(file);
  const probe = join(dir, `.gongkai-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'gongkai');
    rmSync(probe);
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) accessSync(f, constants.W_OK);
  } catch (e) {
    // Node's messages start with the code: "EROFS: read-only file system, open '…'".
    throw new Error(
      `数据目录不可写 / data folder is not writable: ${dir} (${e instanceof Error ? e.message : String(e)})`,
      { cause: e },
    );
  }
}

/**
 * Names of the migrations recorded in the database, or null when the migration table does not
 * exist yet. Read with plain SQL: Kysely's migrator looks for its table through the introspector,
 * which on PostgreSQL reads the catalogue of every schema in the database and fails with "schema
 * … does not exist" when another instance drops its schema at that moment (parallel test suites).
 */
async function appliedMigrations(db: Db): Promise<Set<string> | null> {
  const table =
    db.dialect === 'postgres' ? sql.table(`${db.schema ?? 'public'}.kysely_migration`) : sql.table('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db.kysely);
    return new Set(rows.map((r) => r.name));
  } catch {
    return null;
  }
}

/** Whether an error is the introspector's race with another schema being dropped (SQLSTATE 3F000). */
function isOtherSchemaRace(error: unknown, ownSchema: string | undefined): boolean {
  const m = /schema "([^"]+)" does not exist/.exec(String(error));
  return m !== null && m[1] !== ownSchema;
}

/**
 * Applies every pending migration.
 * @returns the names of the migrations applied now
 * @throws Error when a migration fails (the failing one is named)
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Up to date (every start after the first): no migrator, so neither its database-wide advisory
  // lock on PostgreSQL (one lock id for every schema) nor its catalogue-wide introspection.
  const applied = await appliedMigrations(db);
  const known = Object.keys(await migrationProvider.getMigrations());
  if (applied !== null && known.every((name) => applied.has(name))) {
    return [];
  }
  // Name the schema on PostgreSQL: Kysely's existence check otherwise sees another schema's
  // kysely_migration table (e.g. a second instance in the same database) and skips creating ours.
  const migrator = new Migrator({
    db: db.kysely,
    provider: migrationProvider,
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (error && attempt < 5 && isOtherSchemaRace(error, db.schema)) continue;
    const failed = results?.find((r) => r.status === 'Error');
    if (error) {
      const name = failed ? ` (${failed.migrationName})` : '';
      throw new Error(`数据库迁移失败 / migration failed${name}: ${String(error)}`);
    }
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
}

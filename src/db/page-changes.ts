// Which public pages a committed write changes, seen where every statement passes: a Kysely dialect wrapper reads
// each INSERT, UPDATE and DELETE (query builder or raw SQL), collects the tables and, for the publication tables,
// the rows a transaction writes, and when the transaction commits reports them as page tags (app/portal/
// page-tags.ts) to this process's change hub — before the committing call returns, so before the move's HTTP
// answer. On PostgreSQL the same tags leave by NOTIFY inside the transaction (delivered at its commit, never for a
// rollback) for the other processes (db/page-notify.ts). No use case emits anything itself: a write through any
// repository, the CLI, an import or a background job (a scheduled publication coming due) is seen alike.
import { CompiledQuery } from 'kysely';
import type { DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import {
  HOME_TAG,
  MEDIA_TAG,
  CATALOGUE_TAG,
  PUBLICATIONS_TAG,
  REPORTS_TAG,
  SITE_TAG,
  orgTag,
  publicationTag,
  type PageChangeFeed,
  type PageTag,
} from '../app/portal/page-tags.js';

/** Tables no public page reads (accounts, sessions, the audit trail, cases, counters, mail, monitoring, jobs…). */
const PRIVATE_TABLES = new Set(
  [
    'app_user user_role personal_data_grant session api_token audit_entry audit_head',
    'calendar_day calendar_year calendar_override stored_file counter rate_counter email_outbox health_probe',
    'application application_event notice application_reply_file application_reply_draft review_case',
    'proposed_correction proposed_correction_file publication_review publication_reassessment report_deadline',
    'search_document search_fts training_session training_participant training_material oversight_record',
    'monitor_site monitor_column monitor_message monitor_run monitor_run_site monitor_finding monitor_task',
    'monitor_letter monitor_probe assessment_scheme assessment_entry assessment_adjustment',
    // The website report's public pages are rendered on each request (src/web/cache/cacheable.ts leaves them out).
    'website_report',
    // Counts kept beside publication_version, whose write in the same transaction names the pages.
    'live_category_count',
  ]
    .join(' ')
    .split(' '),
);

/** Tables whose every write changes one kind of page. */
const TABLE_TAGS: Record<string, PageTag> = {
  annual_report: REPORTS_TAG,
  annual_report_version: REPORTS_TAG,
  key_area: CATALOGUE_TAG,
  key_area_exclusion: CATALOGUE_TAG,
  catalogue_row: CATALOGUE_TAG,
  media_account: MEDIA_TAG,
  media_account_event: MEDIA_TAG,
  media_post: MEDIA_TAG,
};

/** The publication tables and the column naming the publication a row belongs to. */
const PUBLICATION_KEY: Record<string, string> = {
  publication: 'id',
  publication_attachment: 'publication_id',
  publication_version: 'publication_id',
  publication_version_file: 'publication_id',
};

/** Settings no public page shows (the mail jobs' and the monitoring's own state). */
const PRIVATE_SETTING = /^(mail|monitoring)\./;

/** One write statement: its table and, when the statement names them plainly, the key values of its rows. */
export type Write = { table: string; keys: readonly unknown[] | null; keyColumn: string | null };

/** What a transaction (or a statement outside one) wrote: publication ids, and tags of other writes. */
type Pending = { ids: Set<string>; tags: Set<PageTag> };

const emptyPending = (): Pending => ({ ids: new Set(), tags: new Set() });

type Node = { kind: string; [k: string]: unknown };

const nameOf = (n: unknown): string | undefined => {
  const node = n as Node | undefined;
  if (!node) return undefined;
  if (node.kind === 'TableNode') return nameOf(node.table);
  if (node.kind === 'SchemableIdentifierNode') return nameOf(node.identifier);
  if (node.kind === 'IdentifierNode') return String(node.name);
  if (node.kind === 'AliasNode') return nameOf(node.node);
  return undefined;
};

const columnOf = (n: unknown): string | undefined => {
  const node = n as Node | undefined;
  if (!node) return undefined;
  if (node.kind === 'ReferenceNode') return columnOf(node.column);
  if (node.kind === 'ColumnNode') return nameOf(node.column);
  return undefined;
};

/** The values of a `col = v` / `col in (…)` operand; undefined for anything else. */
const valuesOf = (n: unknown): unknown[] | undefined => {
  const node = n as Node | undefined;
  if (!node) return undefined;
  if (node.kind === 'ValueNode') return [node.value];
  if (node.kind === 'PrimitiveValueListNode') return [...(node.values as unknown[])];
  if (node.kind === 'ValueListNode') {
    const all = (node.values as Node[]).map((v) => (v.kind === 'ValueNode' ? [v.value] : undefined));
    return all.every((v) => v !== undefined) ? all.flat() : undefined;
  }
  return undefined;
};

/** The key values a WHERE clause pins `column` to (through ANDs), or null when it does not. */
function whereKeys(where: unknown, column: string): unknown[] | null {
  const node = where as Node | undefined;
  if (!node) return null;
  if (node.kind === 'WhereNode') return whereKeys(node.where, column);
  if (node.kind === 'ParensNode') return whereKeys(node.node, column);
  if (node.kind === 'AndNode') return whereKeys(node.left, column) ?? whereKeys(node.right, column);
  if (node.kind === 'BinaryOperationNode') {
    const op = String((node.operator as Node | undefined)?.operator ?? '');
    if ((op === '=' || op === 'in') && columnOf(node.leftOperand) === column) {
      return valuesOf(node.rightOperand) ?? null;
    }
  }
  return null;
}

/** The values an INSERT gives `column` in each row, or null (INSERT … SELECT, a column not given). */
function insertKeys(node: Node, column: string): unknown[] | null {
  const columns = ((node.columns as Node[] | undefined) ?? []).map((c) => columnOf(c) ?? nameOf(c.column));
  const at = columns.indexOf(column);
  const values = node.values as Node | undefined;
  if (at < 0 || values?.kind !== 'ValuesNode') return null;
  const keys: unknown[] = [];
  for (const row of values.values as Node[]) {
    const cells = valuesOf(row);
    if (!cells || cells.length !== columns.length) return null;
    keys.push(cells[at]);
  }
  return keys;
}

/** The key column whose values matter for a table's writes. */
const keyColumnOf = (table: string): string | null =>
  PUBLICATION_KEY[table] ?? (table === 'site_setting' ? 'key' : null);

/** Raw SQL that writes: its verb and table (`insert into t`, `update t`, `delete from t`). */
const RAW_WRITE = /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+(?:"?\w+"?\.)?"?(\w+)"?/i;
/** Raw SQL that reads or only steers the connection. */
const RAW_HARMLESS =
  /^\s*(?:select|with\s+\w+\s+as\s*\(\s*select[^;]*\)\s*select|pragma|begin|commit|rollback|savepoint|release|set|show|explain|analyze|vacuum|listen|unlisten|notify)\b/i;

/**
 * The write a compiled statement makes: a table (with the rows' keys where they are plain), null for a statement
 * that writes nothing public can see, or 'all' when it cannot be told (DDL, INSERT … SELECT into unknown places).
 */
export function writeOf(q: CompiledQuery): Write | null | 'all' {
  const node = q.query as unknown as Node;
  const kind = node?.kind;
  if (kind === 'SelectQueryNode') return null;
  if (kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode') {
    const target =
      kind === 'InsertQueryNode'
        ? node.into
        : kind === 'UpdateQueryNode'
          ? node.table
          : ((node.from as Node | undefined)?.froms as Node[] | undefined)?.[0];
    const table = nameOf(target);
    if (!table) return 'all';
    const keyColumn = keyColumnOf(table);
    const keys =
      keyColumn === null
        ? null
        : kind === 'InsertQueryNode'
          ? insertKeys(node, keyColumn)
          : whereKeys(node.where, keyColumn);
    return { table, keys, keyColumn };
  }
  if (kind === 'RawNode' || kind === undefined) {
    const m = RAW_WRITE.exec(q.sql);
    if (m) return { table: (m[1] ?? '').toLowerCase(), keys: null, keyColumn: null };
    return RAW_HARMLESS.test(q.sql) ? null : 'all';
  }
  return 'all';
}

/** Adds a write's consequences to what a transaction has pending. */
function note(p: Pending, w: Write | null | 'all'): void {
  if (w === null) return;
  if (w === 'all') {
    p.tags.add(SITE_TAG);
    return;
  }
  if (PRIVATE_TABLES.has(w.table)) return;
  if (w.table in PUBLICATION_KEY) {
    if (w.keys === null) p.tags.add(SITE_TAG);
    else for (const k of w.keys) p.ids.add(String(k));
    return;
  }
  if (w.table === 'site_setting' && w.keys !== null && w.keys.every((k) => PRIVATE_SETTING.test(String(k)))) return;
  p.tags.add(TABLE_TAGS[w.table] ?? SITE_TAG);
}

/** Above this many publications in one transaction (a bulk import), the whole cache goes: cheaper than naming. */
const MAX_NAMED = 500;

type Dialectish = 'sqlite' | 'postgres';

/**
 * The tags of what a transaction wrote: each publication's page, its organization's lists, the home page and the
 * lists across organizations. Reads the publications' organizations on the transaction's own connection.
 */
async function tagsOf(conn: DatabaseConnection, dialect: Dialectish, p: Pending): Promise<PageTag[]> {
  const tags = new Set(p.tags);
  if (tags.has(SITE_TAG)) return [SITE_TAG];
  if (p.ids.size > MAX_NAMED) return [SITE_TAG];
  if (p.ids.size > 0) {
    const ids = [...p.ids];
    const marks = ids.map((_, i) => (dialect === 'postgres' ? `$${i + 1}` : '?')).join(', ');
    const { rows } = await conn.executeQuery<{ id: string; code: string }>(
      CompiledQuery.raw(
        `select p.id as id, o.credit_code as code from publication p join organization o on o.id = p.org_id
         where p.id in (${marks})`,
        ids,
      ),
    );
    // A publication gone from the table (a deleted draft): its organization is unknown, so every list goes.
    if (rows.length < new Set(ids).size) return [SITE_TAG];
    for (const id of ids) tags.add(publicationTag(id));
    for (const r of rows) tags.add(orgTag(r.code));
    tags.add(HOME_TAG);
    tags.add(PUBLICATIONS_TAG);
  }
  return [...tags];
}

/** Where the tags of committed writes go. */
export type ChangeSink = {
  /** This process's hub: told after the commit, before the committing call returns. */
  local: (tags: readonly PageTag[]) => void;
  /** PostgreSQL: the NOTIFY statement to run in the transaction before its commit (tags → SQL), or null. */
  notify: ((tags: readonly PageTag[]) => CompiledQuery) | null;
};

/** A connection that notes the writes passing through it. */
class TrackedConnection implements DatabaseConnection {
  pending: Pending | null = null;
  constructor(
    readonly inner: DatabaseConnection,
    private readonly done: (conn: TrackedConnection, p: Pending) => Promise<void>,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    const w = writeOf(query);
    if (w === null) return result;
    if (this.pending) note(this.pending, w);
    else {
      const p = emptyPending();
      note(p, w);
      await this.done(this, p);
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const innerOf = (c: DatabaseConnection): DatabaseConnection => (c instanceof TrackedConnection ? c.inner : c);

/**
 * Wraps a dialect so that every committed write reports its page tags to `sink` (see the file's head).
 * @param dialect the dialect to wrap (already fault-aware)
 */
export function changeTracking(dialect: Dialect, kind: Dialectish, sink: ChangeSink): Dialect {
  const finish = async (conn: DatabaseConnection, p: Pending): Promise<readonly PageTag[]> => {
    if (p.ids.size === 0 && p.tags.size === 0) return [];
    const tags = await tagsOf(conn, kind, p);
    if (sink.notify) await conn.executeQuery(sink.notify(tags));
    return tags;
  };
  // Outside a transaction the statement has committed already: name, notify, tell.
  const autocommitted = async (conn: TrackedConnection, p: Pending) => {
    const tags = await finish(conn.inner, p);
    if (tags.length > 0) sink.local(tags);
  };
  const driverOf = (d: Driver): Driver => ({
    init: () => d.init(),
    acquireConnection: async () => new TrackedConnection(await d.acquireConnection(), autocommitted),
    beginTransaction: async (c, settings: TransactionSettings) => {
      await d.beginTransaction(innerOf(c), settings);
      if (c instanceof TrackedConnection) c.pending = emptyPending();
    },
    commitTransaction: async (c) => {
      const p = c instanceof TrackedConnection ? c.pending : null;
      // The tags are read and notified inside the transaction, so a notification leaves only with the commit.
      const tags = p ? await finish(innerOf(c), p) : [];
      await d.commitTransaction(innerOf(c));
      if (c instanceof TrackedConnection) c.pending = null;
      if (tags.length > 0) sink.local(tags);
    },
    rollbackTransaction: async (c) => {
      if (c instanceof TrackedConnection) c.pending = null;
      await d.rollbackTransaction(innerOf(c));
    },
    releaseConnection: (c) => d.releaseConnection(innerOf(c)),
    destroy: () => d.destroy(),
    ...(d.savepoint && { savepoint: (c, name, compile) => d.savepoint!(innerOf(c), name, compile) }),
    ...(d.rollbackToSavepoint && {
      rollbackToSavepoint: (c, name, compile) => d.rollbackToSavepoint!(innerOf(c), name, compile),
    }),
    ...(d.releaseSavepoint && {
      releaseSavepoint: (c, name, compile) => d.releaseSavepoint!(innerOf(c), name, compile),
    }),
  });
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => driverOf(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

/** The hub of one open database: what this process commits, plus what other processes' changes are seen as. */
export type ChangeHub = PageChangeFeed & {
  /** Tells every subscriber (the tracking wrapper and the notification listener call it). */
  emit(tags: readonly PageTag[]): void;
  /** Called on the first subscription (starts the PostgreSQL listener). */
  onFirstSubscriber?: () => void;
  /** Set by the PostgreSQL listener. */
  setLive(live: boolean): void;
};

/**
 * A change hub.
 * @param dataVersion SQLite: reads `PRAGMA data_version` (moves when another connection commits); omitted on
 *   PostgreSQL, where changes of other processes come by notification and `live` starts false until it listens
 */
export function changeHub(dataVersion?: () => number): ChangeHub {
  const listeners = new Set<(tags: readonly PageTag[]) => void>();
  let live = dataVersion !== undefined;
  let seen: number | undefined = dataVersion?.();
  const hub: ChangeHub = {
    subscribe(listener) {
      const first = listeners.size === 0;
      listeners.add(listener);
      if (first) hub.onFirstSubscriber?.();
      return () => void listeners.delete(listener);
    },
    emit(tags) {
      for (const l of listeners) l(tags);
    },
    poll() {
      if (!dataVersion) return;
      let v: number;
      try {
        v = dataVersion();
      } catch {
        return; // the connection is busy streaming a query: the next call looks again
      }
      if (seen !== undefined && v !== seen) hub.emit([SITE_TAG]);
      seen = v;
    },
    live: () => live,
    setLive(next) {
      live = next;
    },
  };
  return hub;
}

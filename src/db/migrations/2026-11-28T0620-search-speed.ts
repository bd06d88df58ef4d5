// Portal and search speed at a million items (bench:portal).
//
// publication_version.live marks the one version the portal shows of each item: the current version of
// a published, not withdrawn 主动公开 item (the repository keeps it: set when a version goes up, cleared
// on the item's other versions and on withdrawal). The portal's lists, counts and feeds then read one
// table instead of joining every version to its publication, which cost tens of milliseconds per
// category page once an organization has thousands of items.
// The category and date indexes of 0600 are replaced by ones that cover category pages and
// per-category counts, and the newest live items of every organization (sitemap, open-data API).
// No index leads with `live`: without statistics SQLite's planner takes `live = ?` for a selective
// term and would walk such an index over every live item rather than an organization's own index.
//
// Search keys in date order (repositories/search-index.ts docKey): doc_key becomes the day of
// published_on (from 1900-01-01) times 2^32 plus the old key (a sequence below 2^32), so the token
// index returns the newest matches first by key; PostgreSQL's key columns become bigint. The token
// index is re-keyed: PostgreSQL updates its keys; FTS5 cannot change a rowid, so its tokens are
// written again from search_document with a frozen copy of the tokenizer (domain/search/tokenize.ts
// as of this migration). PostgreSQL keeps tsvectors of up to 8 KB in the row rather than in TOAST:
// with them out of line the table looked tiny to the planner, which then matched by reading every
// row (250 ms at 20,000 items) instead of using the GIN index.
// Both are the dialect branch of 0510: the token index is per engine.
// Frozen in time: never edit after merge; add a new migration instead.
import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { addColumns, col, dropColumns, dropIndexes, indexes } from './schema-kit.js';

const OLD_CATEGORY_INDEX = 'publication_version_category_live_idx';
const OLD_DATE_INDEX = 'publication_version_published_idx';

/** Adds and backfills `live`, and indexes category pages by it. */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'publication_version', { live: col.zero });
  await sql`update publication_version set live = 1
    where disclosure = 'proactive' and published_on is not null
      and exists (select 1 from publication p where p.id = publication_version.publication_id
        and p.current_version = publication_version.version and p.withdrawn_at is null)`.execute(db);
  await dropIndexes(db, OLD_CATEGORY_INDEX, OLD_DATE_INDEX);
  await indexes(db, 'publication_version', {
    // One category's items newest first as an index walk (its count covered by the index), and an
    // organization's counts per category grouped in index order.
    publication_version_org_category_live_idx: ['org_id', 'category_id', 'live', 'published_on', 'publication_id'],
    // Every organization newest first, `live` read from the index.
    publication_version_published_live_idx: ['published_on', 'publication_id', 'live'],
  });
  if (db.getExecutor().adapter instanceof SqliteAdapter) await rekeySqlite(db);
  else await rekeyPostgres(db);
}

const FACTOR = sql.raw('4294967296');

async function rekeyPostgres(db: Kysely<any>): Promise<void> {
  const day = (col: string) => sql`greatest(0, cast(${sql.ref(col)} as date) - date '1900-01-01')`;
  await sql`alter table search_document alter column doc_key type bigint`.execute(db);
  await sql`alter table search_fts alter column doc_key type bigint`.execute(db);
  await sql`alter table search_fts set (toast_tuple_target = 8160)`.execute(db);
  // tsv || '' makes a new value, stored in the row under the new target.
  await sql`update search_fts f set doc_key = ${day('d.published_on')} * ${FACTOR} + f.doc_key, tsv = f.tsv || cast('' as tsvector)
    from search_document d where d.doc_key = f.doc_key`.execute(db);
  await sql`update search_document set doc_key = ${day('published_on')} * ${FACTOR} + doc_key`.execute(db);
}

async function rekeySqlite(db: Kysely<any>): Promise<void> {
  await sql`update search_document set doc_key = max(0, cast(julianday(published_on) - julianday('1900-01-01') as integer)) * ${FACTOR} + doc_key`.execute(
    db,
  );
  await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
  type Doc = { doc_key: number; title: string; doc_no: string; summary: string; body_text: string };
  // SQLite migrations run outside a transaction: one per batch, not one per row.
  for (let after = -1; ;) {
    const rows = (
      await sql<Doc>`select doc_key, title, doc_no, summary, body_text from search_document where doc_key > ${after} order by doc_key limit 500`.execute(
        db,
      )
    ).rows;
    if (rows.length === 0) return;
    const values = rows.map(
      (r) =>
        sql`(${r.doc_key}, ${tokenize(r.title).join(' ')}, ${tokenize(`${r.doc_no}\n${r.summary}\n${r.body_text}`).join(' ')})`,
    );
    await db
      .transaction()
      .execute((trx) => sql`insert into search_fts (rowid, title, body) values ${sql.join(values)}`.execute(trx));
    after = Number(rows[rows.length - 1]?.doc_key ?? after);
  }
}

// ---- Frozen copy of domain/search/tokenize.ts `tokenize` (2026-11-28) ----
const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code === 0x3000) return ' ';
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

function tokenize(text: string): string[] {
  let norm = '';
  for (let i = 0; i < text.length; i++) norm += foldChar(text[i] ?? '');
  const out: string[] = [];
  for (const m of norm.matchAll(RUN)) {
    if (!HAN.test(m[0])) {
      out.push(m[0]);
      continue;
    }
    const chars = Array.from(m[0]);
    if (chars.length === 1) out.push(m[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Restores the 0600 indexes and drops `live` (development only; search keys stay in date order). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'publication_version_org_category_live_idx', 'publication_version_published_live_idx');
  await indexes(db, 'publication_version', {
    [OLD_CATEGORY_INDEX]: ['category_id', 'published_on', 'publication_id'],
    [OLD_DATE_INDEX]: ['published_on', 'publication_id'],
  });
  await dropColumns(db, 'publication_version', ['live']);
}

// SQL of the publications import: already-published items in batched multi-row inserts — the working
// copy, its frozen live version (with the portal's live columns) and the live counts, one ledger row, and
// the search index (search-index.ts `insertNewDocuments`), all in the caller's transaction.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { PublicationBulkWriter } from '../../app/publications/bulk-ports.js';
import { moveLiveCounts, publicationRow, reviewRow, versionRow } from './publication-repository.js';
import { insertNewDocuments } from './search-index.js';
import { refreshStatistics } from '../portable.js';

/** Bound parameters per statement: under SQLite's 32,766 (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;
/** Values per `in (…)` lookup. */
const LOOKUP_CHUNK = 500;

async function insertChunked<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const width = Object.keys(rows[0] as object).length;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / width));
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely's generic insert cannot relate a table name variable to its row type; the rows are typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

/** Builds the bulk writer over one executor (a transaction: everything shows at commit). */
export function publicationBulkWriter(db: Kysely<Database>): PublicationBulkWriter {
  const byIndexNo = async (indexNos: readonly string[]) => {
    const out = new Map<string, string>();
    const unique = [...new Set(indexNos)];
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const rows = await db
        .selectFrom('publication')
        .select(['id', 'index_no'])
        .where('index_no', 'in', unique.slice(i, i + LOOKUP_CHUNK))
        .execute();
      for (const r of rows) out.set(r.index_no, r.id);
    }
    return out;
  };
  return {
    async existingIndexNos(indexNos) {
      return new Set((await byIndexNo(indexNos)).keys());
    },
    idsByIndexNo: byIndexNo,
    async insertPublished(items) {
      if (items.length === 0) return;
      await insertChunked(
        db,
        'publication',
        items.map((i) => publicationRow(i.record)),
      );
      const versions = items.map((i) => versionRow(i.record.id, i.record.orgId, i.live, i.record.createdBy));
      await insertChunked(db, 'publication_version', versions);
      // New items only: their live versions add to the counts, summed per (organization, category) first.
      await moveLiveCounts(db, { entered: versions.filter((v) => v.live === 1) });
      await insertChunked(
        db,
        'publication_review',
        items.map((i) => reviewRow(i.record.id, i.review)),
      );
      await insertNewDocuments(
        db,
        items.map((i) => i.search),
      );
    },
    async raiseCounter(key, value) {
      await db
        .insertInto('counter')
        .values({ key, value })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            value: sql<number>`case when counter.value < excluded.value then excluded.value else counter.value end`,
          }),
        )
        .execute();
    },
    async refreshStatistics() {
      // search_fts above all: PostgreSQL picks between its GIN index and reading rows by these statistics.
      await refreshStatistics(db, [
        'publication',
        'publication_version',
        'publication_review',
        'search_document',
        'search_fts',
      ]);
    },
  };
}

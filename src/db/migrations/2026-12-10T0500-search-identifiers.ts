// Exact lookup by 索引号 and 发文字号: search_document keeps each item's identifiers as comparison keys
// (letters and digits only, folded to lower case, a trailing 号 removed), indexed, so that a query that
// is an identifier finds its item first whatever brackets the visitor typed (〔〕, [], ()).
// Existing rows are filled here: the keys of publications from the publication table.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { addColumns, col, dropColumns, dropIndexes, indexes } from './schema-kit.js';

/** The comparison key of an identifier as of this migration ('' when it has no digit). */
function keyOf(text: string): string {
  const folded = Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c;
  })
    .join('')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/号$/u, '');
  return /\p{N}/u.test(folded) && folded.length >= 4 ? folded : '';
}

/** Adds doc_no_key and index_no_key with their indexes, and fills them for indexed publications. */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'search_document', { doc_no_key: col.blank, index_no_key: col.blank });
  await indexes(db, 'search_document', {
    search_document_doc_no_key_idx: ['doc_no_key', 'doc_type'],
    search_document_index_no_key_idx: ['index_no_key', 'doc_type'],
  });
  await fillIdentifierKeys(db);
}

/** Sets the keys of every indexed item from its 发文字号 and its publication's 索引号, in batches. */
export async function fillIdentifierKeys(db: Kysely<any>): Promise<void> {
  for (let after = -1; ;) {
    const rows: { doc_key: number; doc_no: string; index_no: string | null }[] = (
      await sql<{ doc_key: number | string; doc_no: string; index_no: string | null }>`
        select d.doc_key, d.doc_no, p.index_no from search_document d
        left join publication p on d.doc_type = 'publication' and p.id = d.doc_id
        where d.doc_key > ${after} order by d.doc_key limit 1000`.execute(db)
    ).rows.map((r) => ({ ...r, doc_key: Number(r.doc_key) }));
    if (rows.length === 0) return;
    for (const r of rows) {
      const docNoKey = keyOf(r.doc_no);
      const indexNoKey = keyOf(r.index_no ?? '');
      if (docNoKey || indexNoKey) {
        await db
          .updateTable('search_document')
          .set({ doc_no_key: docNoKey, index_no_key: indexNoKey })
          .where('doc_key', '=', r.doc_key)
          .execute();
      }
    }
    after = rows[rows.length - 1]?.doc_key ?? after;
  }
}

/** Drops the keys (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'search_document_doc_no_key_idx', 'search_document_index_no_key_idx');
  await dropColumns(db, 'search_document', ['doc_no_key', 'index_no_key']);
}

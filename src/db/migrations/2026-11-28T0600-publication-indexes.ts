// The portal's read model of 主动公开 as SQL: the columns the public lists filter and sort on, copied
// out of each frozen live version (`fields_json`) so a revision in progress never changes what the
// portal lists, plus the files each live version lists, and their indexes.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { addColumns, col, dropColumns, dropIndexes, dropTables, indexes, table } from './schema-kit.js';

/** The live version's own copies of the fields the portal filters and sorts on. */
const LIVE_COLUMNS = {
  org_id: col.text,
  category_id: col.text,
  kind: col.text,
  disclosure: col.text,
  published_on: col.text,
  interprets_id: col.text,
};

type Frozen = {
  categoryId?: string;
  kind?: string;
  disclosure?: string;
  publishedOn?: string | null;
  interpretsId?: string | null;
  attachments?: { fileId: string }[];
};

/** Adds the live columns and the live attachment table, backfills them, and indexes them. */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'publication_version', LIVE_COLUMNS);
  const file = { publication_id: col.required, version: col.requiredInt, file_id: col.required };
  await table(db, 'publication_version_file', file).primaryKey('publication_id', 'version', 'file_id');
  const rows = (
    await sql<{ publication_id: string; version: number; fields_json: string; org_id: string }>`
    select v.publication_id, v.version, v.fields_json, p.org_id from publication_version v join publication p on p.id = v.publication_id`.execute(
      db,
    )
  ).rows;
  for (const r of rows) {
    const f = JSON.parse(r.fields_json) as Frozen;
    await db
      .updateTable('publication_version')
      .set({
        org_id: r.org_id,
        category_id: f.categoryId ?? null,
        kind: f.kind ?? null,
        disclosure: f.disclosure ?? null,
        published_on: f.publishedOn ?? null,
        interprets_id: f.interpretsId ?? null,
      })
      .where('publication_id', '=', r.publication_id)
      .where('version', '=', Number(r.version))
      .execute();
    const files = [...new Set((f.attachments ?? []).map((a) => a.fileId))];
    if (files.length > 0) {
      await db
        .insertInto('publication_version_file')
        .values(files.map((file_id) => ({ publication_id: r.publication_id, version: Number(r.version), file_id })))
        .execute();
    }
  }
  await indexes(db, 'publication_version', {
    publication_version_org_live_idx: ['org_id', 'published_on', 'publication_id'],
    publication_version_category_live_idx: ['category_id', 'published_on', 'publication_id'],
    publication_version_published_idx: ['published_on', 'publication_id'],
    publication_version_interprets_idx: ['interprets_id'],
  });
  await indexes(db, 'publication_version_file', { publication_version_file_file_idx: ['file_id'] });
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(
    db,
    'publication_version_org_live_idx',
    'publication_version_category_live_idx',
    'publication_version_published_idx',
    'publication_version_interprets_idx',
  );
  await dropTables(db, 'publication_version_file');
  await dropColumns(db, 'publication_version', Object.keys(LIVE_COLUMNS));
}

// The portal's read model of 主动公开 as SQL (issue 4, "Performance"): the columns the public lists
// filter and sort on, copied out of each frozen live version (`fields_json`) so a revision in progress
// never changes what the portal lists, plus the files each live version lists, and their indexes.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';

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
  for (const col of ['org_id', 'category_id', 'kind', 'disclosure', 'published_on', 'interprets_id']) {
    await db.schema.alterTable('publication_version').addColumn(col, 'text').execute();
  }
  await db.schema
    .createTable('publication_version_file')
    .ifNotExists()
    .addColumn('publication_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_version_file_pk', ['publication_id', 'version', 'file_id'])
    .execute();
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
  await db.schema
    .createIndex('publication_version_org_live_idx')
    .ifNotExists()
    .on('publication_version')
    .columns(['org_id', 'published_on', 'publication_id'])
    .execute();
  await db.schema
    .createIndex('publication_version_category_live_idx')
    .ifNotExists()
    .on('publication_version')
    .columns(['category_id', 'published_on', 'publication_id'])
    .execute();
  await db.schema
    .createIndex('publication_version_published_idx')
    .ifNotExists()
    .on('publication_version')
    .columns(['published_on', 'publication_id'])
    .execute();
  await db.schema
    .createIndex('publication_version_interprets_idx')
    .ifNotExists()
    .on('publication_version')
    .column('interprets_id')
    .execute();
  await db.schema
    .createIndex('publication_version_file_file_idx')
    .ifNotExists()
    .on('publication_version_file')
    .column('file_id')
    .execute();
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const i of [
    'publication_version_org_live_idx',
    'publication_version_category_live_idx',
    'publication_version_published_idx',
    'publication_version_interprets_idx',
  ]) {
    await db.schema.dropIndex(i).ifExists().execute();
  }
  await db.schema.dropTable('publication_version_file').ifExists().execute();
  for (const col of ['org_id', 'category_id', 'kind', 'disclosure', 'published_on', 'interprets_id']) {
    await db.schema.alterTable('publication_version').dropColumn(col).execute();
  }
}

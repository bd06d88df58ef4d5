// Proactive disclosure (主动公开): the catalogue's categories, publications with their metadata,
// attachments, the review ledger and the frozen live versions.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';

// Copied, not imported (migrations never import app code): domain/publications/publication.ts.
const KINDS = ['rule', 'normative', 'other_document', 'interpretation', 'news', 'other'];
const STATES = ['draft', 'submitted', 'in_review', 'signed_off', 'scheduled', 'published', 'withdrawn'];

const inList = (col: string, values: string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

async function createCategory(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('category')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('parent_id', 'text', (c) => c.references('category.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['directory', 'category'])))
    .addColumn('statutory_key', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('category_org_slug_uq', ['org_id', 'slug'])
    .execute();
}

async function createPublication(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publication')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('category.id'))
    .addColumn('index_no', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publisher', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('written_on', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', KINDS)))
    .addColumn('validity', 'text', (c) => c.notNull().check(inList('validity', ['valid', 'expired', 'repealed'])))
    .addColumn('validity_on', 'text')
    .addColumn('disclosure', 'text', (c) =>
      c.notNull().check(inList('disclosure', ['proactive', 'on_request', 'withheld'])),
    )
    .addColumn('withheld_ground', 'text')
    .addColumn('reassess_on', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('key_areas', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('interprets_id', 'text', (c) => c.references('publication.id'))
    .addColumn('major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().check(inList('state', STATES)))
    .addColumn('review_level', 'integer')
    .addColumn('scheduled_at', 'text')
    .addColumn('current_version', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .execute();
  await db.schema
    .createIndex('publication_org_state_idx')
    .ifNotExists()
    .on('publication')
    .columns(['org_id', 'state'])
    .execute();
  await db.schema
    .createIndex('publication_category_idx')
    .ifNotExists()
    .on('publication')
    .columns(['category_id', 'published_on'])
    .execute();
  await db.schema
    .createIndex('publication_published_idx')
    .ifNotExists()
    .on('publication')
    .columns(['published_on'])
    .execute();
  await db.schema
    .createIndex('publication_scheduled_idx')
    .ifNotExists()
    .on('publication')
    .columns(['scheduled_at'])
    .execute();
  await db.schema
    .createIndex('publication_interprets_idx')
    .ifNotExists()
    .on('publication')
    .columns(['interprets_id'])
    .execute();
}

async function createChildren(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publication_attachment')
    .ifNotExists()
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publication.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_attachment_pk', ['publication_id', 'sort'])
    .execute();
  await db.schema
    .createTable('publication_review')
    .ifNotExists()
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publication.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('findings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('publication_review_pk', ['publication_id', 'seq'])
    .execute();
  // The live copy of each published version, frozen as JSON (fields and attachments) so a revision
  // can run through the chain while the published version stays up.
  await db.schema
    .createTable('publication_version')
    .ifNotExists()
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publication.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addPrimaryKeyConstraint('publication_version_pk', ['publication_id', 'version'])
    .execute();
}

/** Creates the publication tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await createCategory(db);
  await createPublication(db);
  await createChildren(db);
}

/** Drops the publication tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['publication_version', 'publication_review', 'publication_attachment', 'publication', 'category']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

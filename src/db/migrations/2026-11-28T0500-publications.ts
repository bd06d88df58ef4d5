// Proactive disclosure (主动公开): the catalogue's categories, publications with their metadata,
// attachments, the review ledger and the frozen live versions.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { actor, col, dropTables, fileList, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/publications/publication.ts.
const KINDS = ['rule', 'normative', 'other_document', 'interpretation', 'news', 'other'];
const STATES = ['draft', 'submitted', 'in_review', 'signed_off', 'scheduled', 'published', 'withdrawn'];

async function createCategory(db: Kysely<any>): Promise<void> {
  await table(db, 'category', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull,
    parent_id: col.ref('category.id'),
    slug: col.required,
    name: col.required,
    sort_order: col.zero,
    kind: col.oneOf(['directory', 'category']),
    statutory_key: col.text,
    retired_at: col.text,
    ...timestamps,
  }).unique('category_org_slug_uq', ['org_id', 'slug']);
}

async function createPublication(db: Kysely<any>): Promise<void> {
  await table(db, 'publication', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull,
    category_id: col.ref('category.id').notNull,
    index_no: col.required.unique,
    title: col.required,
    summary: col.blank,
    publisher: col.blank,
    doc_no: col.blank,
    written_on: col.required,
    published_on: col.text,
    topic: col.blank,
    kind: col.oneOf(KINDS),
    validity: col.oneOf(['valid', 'expired', 'repealed']),
    validity_on: col.text,
    disclosure: col.oneOf(['proactive', 'on_request', 'withheld']),
    withheld_ground: col.text,
    reassess_on: col.text,
    body_html: col.required,
    keywords: col.blank,
    key_areas: col.blank,
    interprets_id: col.ref('publication.id'),
    major: col.zero,
    state: col.oneOf(STATES),
    review_level: col.integer,
    scheduled_at: col.text,
    current_version: col.integer,
    created_by: col.ref('app_user.id'),
    ...timestamps,
    withdrawn_at: col.text,
    withdraw_reason: col.text,
  });
  await indexes(db, 'publication', {
    publication_org_state_idx: ['org_id', 'state'],
    publication_category_idx: ['category_id', 'published_on'],
    publication_published_idx: ['published_on'],
    publication_scheduled_idx: ['scheduled_at'],
    publication_interprets_idx: ['interprets_id'],
  });
}

async function createChildren(db: Kysely<any>): Promise<void> {
  const publicationId = col.ref('publication.id').notNull;
  await table(db, 'publication_attachment', { publication_id: publicationId, ...fileList }).primaryKey(
    'publication_id',
    'sort',
  );
  await table(db, 'publication_review', {
    publication_id: publicationId,
    seq: col.requiredInt,
    level: col.integer,
    action: col.required,
    ...actor,
    at: col.required,
    comment: col.blank,
    findings_json: col.json('[]'),
  }).primaryKey('publication_id', 'seq');
  // The live copy of each published version, frozen as JSON (fields and attachments) so a revision
  // can run through the chain while the published version stays up.
  await table(db, 'publication_version', {
    publication_id: publicationId,
    version: col.requiredInt,
    fields_json: col.required,
    published_at: col.required,
    published_by: col.text,
  }).primaryKey('publication_id', 'version');
}

/** Creates the publication tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await createCategory(db);
  await createPublication(db);
  await createChildren(db);
}

/** Drops the publication tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(
    db,
    'publication_version',
    'publication_review',
    'publication_attachment',
    'publication',
    'category',
  );
}

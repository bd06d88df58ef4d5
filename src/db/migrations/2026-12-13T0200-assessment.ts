// Assessment (考核, 《条例》第四十八条): the schemes a supervising office scores its units on for a year, the values
// entered by the assessor with their evidence, the manual adjustments (never without a reason), and the result
// table frozen when the assessment is published.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { actor, col, dropIndexes, dropTables, indexes, table, timestamps } from './schema-kit.js';

/** Creates assessment_scheme, assessment_entry and assessment_adjustment. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'assessment_scheme', {
    id: col.pk,
    // The scope: the subtree under this organization.
    scope_org_id: col.ref('organization.id').notNull,
    year: col.requiredInt,
    name: col.required,
    state: col.oneOf(['draft', 'published']),
    def_json: col.json('{}'), // the SchemeDef: indicators, grade bands, noData
    copied_from: col.text, // the scheme it was copied from (kept as written when that one is deleted)
    snapshot_json: col.text, // the result table as published; null while a draft
    published_at: col.text,
    publication_id: col.text, // the publication draft the result went out through
    ...actor,
    ...timestamps,
  });
  await indexes(db, 'assessment_scheme', { assessment_scheme_scope_idx: ['scope_org_id', 'year'] });

  // The value of an entered indicator for one unit, with its evidence. Numbers are decimal text (portable, exact).
  await table(db, 'assessment_entry', {
    scheme_id: col.ref('assessment_scheme.id').notNull,
    org_id: col.ref('organization.id').notNull,
    indicator_id: col.required,
    value: col.required,
    evidence: col.required,
    ...actor,
    ...timestamps,
  })
    .primaryKey('scheme_id', 'org_id', 'indicator_id')
    .check('assessment_entry_evidence_chk', sql`length(trim(evidence)) > 0`);

  // A manual adjustment of one unit's score: points (decimal text, negative = taken) and the required reason.
  await table(db, 'assessment_adjustment', {
    id: col.pk,
    scheme_id: col.ref('assessment_scheme.id').notNull,
    org_id: col.ref('organization.id').notNull,
    indicator_id: col.text, // null: the total
    points: col.required,
    reason: col.required,
    ...actor,
    created_at: col.required,
  }).check('assessment_adjustment_reason_chk', sql`length(trim(reason)) > 0`);
  await indexes(db, 'assessment_adjustment', { assessment_adjustment_scheme_idx: ['scheme_id', 'org_id'] });
}

/** Drops them. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'assessment_adjustment_scheme_idx', 'assessment_scheme_scope_idx');
  await dropTables(db, 'assessment_adjustment', 'assessment_entry', 'assessment_scheme');
}

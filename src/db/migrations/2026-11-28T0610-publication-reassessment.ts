// The register of art. 18 re-assessments of 不予公开 publications (定期评估审查): one row per
// decision, with its date, reason, author and the next due date it set.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { actor, col, dropIndexes, dropTables, indexes, table } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/publications/reassessment.ts.
const DECISIONS = ['keep_withheld', 'to_proactive', 'to_on_request'];
const DISCLOSURES = ['proactive', 'on_request', 'withheld'];

/** Creates publication_reassessment. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'publication_reassessment', {
    id: col.pk,
    publication_id: col.ref('publication.id').notNull,
    org_id: col.ref('organization.id').notNull,
    assessed_on: col.required,
    decision: col.oneOf(DECISIONS),
    disclosure_before: col.oneOf(DISCLOSURES),
    disclosure_after: col.oneOf(DISCLOSURES),
    withheld_ground: col.text,
    reason: col.required,
    next_due_on: col.text,
    ...actor,
    recorded_at: col.required,
  });
  await indexes(db, 'publication_reassessment', {
    publication_reassessment_pub_idx: ['publication_id', 'recorded_at'],
  });
  // The art. 18 due list filters 不予公开 items by their next date.
  await indexes(db, 'publication', { publication_reassess_due_idx: ['disclosure', 'reassess_on'] });
}

/** Drops what `up` added (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'publication_reassess_due_idx');
  await dropTables(db, 'publication_reassessment');
}

// SQL for the art. 18 re-assessment register and the publication columns a decision changes.
import type { Kysely, Selectable } from 'kysely';
import type { Database, PublicationReassessmentTable } from '../database.js';
import type { ReassessmentRecord, ReassessmentRepository } from '../../app/publications/archive-ports.js';
import type { Disclosure, WithheldGround } from '../../domain/publications/publication.js';
import type { ReassessmentDecision } from '../../domain/publications/reassessment.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { ACTOR, camelFields, snakeColumns } from '../mappers.js';
import { updateById } from '../queries.js';

/** Every column of a re-assessment, named as its fields. */
const REASSESSMENT = [
  'id',
  'publication_id',
  'org_id',
  'assessed_on',
  'decision',
  'disclosure_before',
  'disclosure_after',
  'withheld_ground',
  'reason',
  'next_due_on',
  ...ACTOR,
  'recorded_at',
] as const;

function toRecord(r: Selectable<PublicationReassessmentTable>): ReassessmentRecord {
  return {
    ...camelFields(r, REASSESSMENT),
    assessedOn: r.assessed_on as LocalDate,
    decision: r.decision as ReassessmentDecision,
    disclosureBefore: r.disclosure_before as Disclosure,
    disclosureAfter: r.disclosure_after as Disclosure,
    withheldGround: r.withheld_ground as WithheldGround | null,
    nextDueOn: r.next_due_on as LocalDate | null,
  };
}

/** Builds the re-assessment repository. */
export function reassessmentRepository(db: Kysely<Database>): ReassessmentRepository {
  return {
    async insert(r) {
      await db.insertInto('publication_reassessment').values(snakeColumns(r, REASSESSMENT)).execute();
    },
    async forPublication(publicationId) {
      const rows = await db
        .selectFrom('publication_reassessment')
        .selectAll()
        .where('publication_id', '=', publicationId)
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRecord);
    },
    async apply(publicationId, patch, at) {
      const disclosure = snakeColumns(patch, ['disclosure', 'withheld_ground', 'reassess_on']);
      // A decision that reopens the item (back to draft) also clears its review level and schedule.
      const reopened = patch.state === undefined ? {} : { state: patch.state, review_level: null, scheduled_at: null };
      await updateById(db, 'publication', publicationId, { ...disclosure, updated_at: at, ...reopened });
    },
  };
}

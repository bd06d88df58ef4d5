// SQL for the art. 18 re-assessment register and the publication columns a decision changes.
import type { Kysely, Selectable } from 'kysely';
import type { Database, PublicationReassessmentTable } from '../database.js';
import type { ReassessmentRecord, ReassessmentRepository } from '../../app/publications/archive-ports.js';
import type { Disclosure, WithheldGround } from '../../domain/publications/publication.js';
import type { ReassessmentDecision } from '../../domain/publications/reassessment.js';
import type { LocalDate } from '../../domain/core/local-date.js';

function toRecord(r: Selectable<PublicationReassessmentTable>): ReassessmentRecord {
  return {
    id: r.id,
    publicationId: r.publication_id,
    orgId: r.org_id,
    assessedOn: r.assessed_on as LocalDate,
    decision: r.decision as ReassessmentDecision,
    disclosureBefore: r.disclosure_before as Disclosure,
    disclosureAfter: r.disclosure_after as Disclosure,
    withheldGround: r.withheld_ground as WithheldGround | null,
    reason: r.reason,
    nextDueOn: r.next_due_on as LocalDate | null,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    recordedAt: r.recorded_at,
  };
}

/** Builds the re-assessment repository. */
export function reassessmentRepository(db: Kysely<Database>): ReassessmentRepository {
  return {
    async insert(r) {
      await db
        .insertInto('publication_reassessment')
        .values({
          id: r.id,
          publication_id: r.publicationId,
          org_id: r.orgId,
          assessed_on: r.assessedOn,
          decision: r.decision,
          disclosure_before: r.disclosureBefore,
          disclosure_after: r.disclosureAfter,
          withheld_ground: r.withheldGround,
          reason: r.reason,
          next_due_on: r.nextDueOn,
          actor_id: r.actorId,
          actor_label: r.actorLabel,
          recorded_at: r.recordedAt,
        })
        .execute();
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
      await db
        .updateTable('publication')
        .set({
          disclosure: patch.disclosure,
          withheld_ground: patch.withheldGround,
          reassess_on: patch.reassessOn,
          updated_at: at,
          ...(patch.state !== undefined ? { state: patch.state, review_level: null, scheduled_at: null } : {}),
        })
        .where('id', '=', publicationId)
        .execute();
    },
  };
}

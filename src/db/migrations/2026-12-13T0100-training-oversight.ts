// Training records (培训) and the supervision records a government reports in section 五 of its annual report
// (《条例》第五十条第四项: 考核、社会评议和责任追究结果): 社会评议 and 责任追究, each dated and naming the unit.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { actor, col, dropIndexes, dropTables, fileList, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/training and domain/oversight.
const TRAINING_KINDS = ['centralized', 'thematic', 'guidance'];
const OVERSIGHT_KINDS = ['social_review', 'accountability'];

/** Creates training_session (with participants and materials) and oversight_record. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'training_session', {
    id: col.pk,
    // The organization that holds the record (the organizer's office in gongkai's tree).
    org_id: col.ref('organization.id').notNull,
    held_on: col.required, // YYYY-MM-DD
    title: col.required,
    organizer: col.required, // as written: "区政务公开办" or an outside body
    kind: col.oneOf(TRAINING_KINDS),
    notes: col.blank,
    ...actor,
    ...timestamps,
  });
  await indexes(db, 'training_session', { training_session_org_idx: ['org_id', 'held_on'] });

  // Participants by organization: a head count, and optionally the accounts that attended.
  await table(db, 'training_participant', {
    session_id: col.ref('training_session.id').notNull,
    org_id: col.ref('organization.id').notNull,
    headcount: col.zero,
    user_ids_json: col.json('[]'),
  }).primaryKey('session_id', 'org_id');
  await indexes(db, 'training_participant', { training_participant_org_idx: ['org_id'] });

  await table(db, 'training_material', {
    session_id: col.ref('training_session.id').notNull,
    ...fileList,
  }).primaryKey('session_id', 'sort');

  await table(db, 'oversight_record', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull, // the organization that holds the record
    kind: col.oneOf(OVERSIGHT_KINDS),
    occurred_on: col.required, // YYYY-MM-DD
    unit: col.required, // the unit assessed, reviewed or held accountable, as written
    subject: col.required, // what: the matter reviewed or the failing
    result: col.required, // the outcome: 评议结果, 处理结果
    ...actor,
    ...timestamps,
  });
  await indexes(db, 'oversight_record', { oversight_record_org_idx: ['org_id', 'kind', 'occurred_on'] });
}

/** Drops them. */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'oversight_record_org_idx', 'training_participant_org_idx', 'training_session_org_idx');
  await dropTables(db, 'oversight_record', 'training_material', 'training_participant', 'training_session');
}

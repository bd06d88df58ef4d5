// Corrections (补正, 《政府信息公开条例》第三十条) the applicant sends online from the applicant's page: the corrected
// request with its receipt date (第三十一条第三项) and files, proposed to the handler until a `receive_correction`
// move confirms one (its event's seq) or a later one replaces it.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropIndexes, dropTables, fileList, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/applications/online-correction.ts.
const STATES = ['pending', 'accepted', 'superseded'];

/** Creates proposed_correction and proposed_correction_file. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'proposed_correction', {
    id: col.pk,
    application_id: col.ref('application.id').notNull,
    received_on: col.required,
    corrected_request: col.required,
    state: col.oneOf(STATES),
    event_seq: col.integer,
    ...timestamps,
  });
  await indexes(db, 'proposed_correction', { proposed_correction_application_idx: ['application_id', 'state'] });

  await table(db, 'proposed_correction_file', {
    proposal_id: col.ref('proposed_correction.id').notNull,
    ...fileList,
  }).primaryKey('proposal_id', 'sort');
}

/** Drops them (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'proposed_correction_application_idx');
  await dropTables(db, 'proposed_correction_file', 'proposed_correction');
}

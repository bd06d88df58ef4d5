// SQL for the corrections applicants send online (补正, art. 30): the proposal and its files, in order.
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProposedCorrectionTable } from '../database.js';
import type { CorrectionRepository } from '../../app/applications/ports.js';
import type { CorrectionFile, ProposalState, ProposedCorrection } from '../../domain/applications/online-correction.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { camelFields, numberOrNull, snakeColumns } from '../mappers.js';
import { firstOf } from '../queries.js';

const FIELDS = ['id', 'application_id', 'corrected_request', 'created_at'] as const;
const FILE_COLUMNS = ['file_id', 'name', 'mime', 'size'] as const;

async function load(db: Kysely<Database>, r: Selectable<ProposedCorrectionTable>): Promise<ProposedCorrection> {
  const files = await db
    .selectFrom('proposed_correction_file')
    .select(['file_id as fileId', 'name', 'mime', 'size'])
    .where('proposal_id', '=', r.id)
    .orderBy('sort')
    .execute();
  return {
    ...camelFields(r, FIELDS),
    receivedOn: r.received_on as LocalDate,
    state: r.state as ProposalState,
    eventSeq: numberOrNull(r.event_seq),
    files: files.map((f) => ({ ...f, size: Number(f.size) }) as CorrectionFile),
  };
}

/** Builds the repository of proposed corrections. */
export function correctionRepository(db: Kysely<Database>): CorrectionRepository {
  const proposals = () => db.selectFrom('proposed_correction').selectAll();
  return {
    async insert(p) {
      await db
        .insertInto('proposed_correction')
        .values({
          ...snakeColumns(p, FIELDS),
          received_on: p.receivedOn,
          state: p.state,
          event_seq: p.eventSeq,
          updated_at: p.createdAt,
        })
        .execute();
      if (p.files.length === 0) return;
      await db
        .insertInto('proposed_correction_file')
        .values(p.files.map((f, i) => ({ proposal_id: p.id, sort: i, ...snakeColumns(f, FILE_COLUMNS) })))
        .execute();
    },
    byId: (id) => firstOf(proposals().where('id', '=', id), (r) => load(db, r)),
    async forApplication(applicationId) {
      const rows = await proposals()
        .where('application_id', '=', applicationId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return Promise.all(rows.map((r) => load(db, r)));
    },
    async supersede(applicationId, at) {
      await db
        .updateTable('proposed_correction')
        .set({ state: 'superseded', updated_at: at })
        .where('application_id', '=', applicationId)
        .where('state', '=', 'pending')
        .execute();
    },
    async accept(id, eventSeq, at) {
      const r = await db
        .updateTable('proposed_correction')
        .set({ state: 'accepted', event_seq: eventSeq, updated_at: at })
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

// SQL for the 社会评议 and 责任追究 records (oversight_record). Years are matched as 'YYYY-MM-DD' text ranges.
import type { Kysely, Selectable } from 'kysely';
import type { Database, OversightRecordTable } from '../database.js';
import type { OversightRepository } from '../../app/oversight/ports.js';
import type { OversightKind, OversightRecord } from '../../domain/oversight/oversight.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { camelFields, snakeColumns, TIMESTAMPS } from '../mappers.js';
import { firstOf, updateById } from '../queries.js';
import { yearRange } from './training-repository.js';

const FIELDS = ['kind', 'occurred_on', 'unit', 'subject', 'result'] as const;
const OWN = ['id', 'org_id', 'actor_id', 'actor_label'] as const;

const toRecord = (r: Selectable<OversightRecordTable>): OversightRecord => ({
  ...camelFields(r, OWN),
  ...camelFields(r, FIELDS),
  kind: r.kind as OversightKind,
  occurredOn: r.occurred_on as LocalDate,
  ...camelFields(r, TIMESTAMPS),
});

/** Builds the oversight repository over a connection or transaction. */
export function oversightRepository(db: Kysely<Database>): OversightRepository {
  return {
    async insert(r) {
      await db
        .insertInto('oversight_record')
        .values({ ...snakeColumns(r, OWN), ...snakeColumns(r, FIELDS), ...snakeColumns(r, TIMESTAMPS) })
        .execute();
    },
    async update(id, details, at) {
      await updateById(db, 'oversight_record', id, { ...snakeColumns(details, FIELDS), updated_at: at });
    },
    async delete(id) {
      await db.deleteFrom('oversight_record').where('id', '=', id).execute();
    },
    byId: (id) => firstOf(db.selectFrom('oversight_record').selectAll().where('id', '=', id), toRecord),
    async list(f) {
      if (f.orgIds.length === 0) return [];
      let q = db
        .selectFrom('oversight_record')
        .selectAll()
        .where('org_id', 'in', [...f.orgIds]);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.year !== undefined) {
        const [from, to] = yearRange(f.year);
        q = q.where('occurred_on', '>=', from).where('occurred_on', '<=', to);
      }
      return (await q.orderBy('occurred_on', 'desc').orderBy('id', 'desc').execute()).map(toRecord);
    },
  };
}

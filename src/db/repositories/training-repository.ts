// SQL for the training records (training_session with training_participant and training_material). Years are
// matched as 'YYYY-MM-DD' text ranges, which compare the same on SQLite and PostgreSQL.
import type { Kysely, Selectable } from 'kysely';
import type { Database, TrainingSessionTable } from '../database.js';
import type { TrainingRepository } from '../../app/training/ports.js';
import type {
  TrainingKind,
  TrainingMaterial,
  TrainingParticipant,
  TrainingSession,
} from '../../domain/training/training.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { camelFields, parseJson, snakeColumns, TIMESTAMPS } from '../mappers.js';
import { updateById } from '../queries.js';

const FIELDS = ['held_on', 'title', 'organizer', 'kind', 'notes'] as const;
const OWN = ['id', 'org_id', 'actor_id', 'actor_label'] as const;

/** The first and last day of a year as stored dates. */
export const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/**
 * Builds the training repository over a connection or transaction. A list reads three tables in three queries
 * (sessions, then the participants and the materials of those sessions).
 */
export function trainingRepository(db: Kysely<Database>): TrainingRepository {
  const participantRows = (sessionIds: readonly string[]) =>
    sessionIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('training_participant')
          .selectAll()
          .where('session_id', 'in', [...sessionIds])
          .orderBy('session_id')
          .orderBy('org_id')
          .execute();
  const materialRows = (sessionIds: readonly string[]) =>
    sessionIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('training_material')
          .selectAll()
          .where('session_id', 'in', [...sessionIds])
          .orderBy('session_id')
          .orderBy('sort')
          .execute();

  /** The sessions with their participants and materials. */
  const complete = async (rows: Selectable<TrainingSessionTable>[]): Promise<TrainingSession[]> => {
    const ids = rows.map((r) => r.id);
    const [people, files] = await Promise.all([participantRows(ids), materialRows(ids)]);
    return rows.map((r): TrainingSession => ({
      ...camelFields(r, OWN),
      ...camelFields(r, FIELDS),
      heldOn: r.held_on as LocalDate,
      kind: r.kind as TrainingKind,
      participants: people
        .filter((p) => p.session_id === r.id)
        .map((p) => ({
          orgId: p.org_id,
          headcount: Number(p.headcount),
          userIds: parseJson<string[]>(p.user_ids_json),
        })),
      materials: files
        .filter((f) => f.session_id === r.id)
        .map((f) => ({ sort: Number(f.sort), fileId: f.file_id, name: f.name, mime: f.mime, size: Number(f.size) })),
      ...camelFields(r, TIMESTAMPS),
    }));
  };

  const insertParticipants = async (sessionId: string, participants: readonly TrainingParticipant[]) => {
    if (participants.length === 0) return;
    await db
      .insertInto('training_participant')
      .values(
        participants.map((p) => ({
          session_id: sessionId,
          org_id: p.orgId,
          headcount: p.headcount,
          user_ids_json: JSON.stringify(p.userIds),
        })),
      )
      .execute();
  };
  const insertMaterials = async (sessionId: string, materials: readonly TrainingMaterial[]) => {
    if (materials.length === 0) return;
    await db
      .insertInto('training_material')
      .values(
        materials.map((m) => ({
          session_id: sessionId,
          ...snakeColumns(m, ['sort', 'file_id', 'name', 'mime', 'size']),
        })),
      )
      .execute();
  };

  return {
    async insert(s) {
      await db
        .insertInto('training_session')
        .values({ ...snakeColumns(s, OWN), ...snakeColumns(s, FIELDS), ...snakeColumns(s, TIMESTAMPS) })
        .execute();
      await insertParticipants(s.id, s.participants);
      await insertMaterials(s.id, s.materials);
    },
    async update(id, details, participants, at) {
      await updateById(db, 'training_session', id, { ...snakeColumns(details, FIELDS), updated_at: at });
      await db.deleteFrom('training_participant').where('session_id', '=', id).execute();
      await insertParticipants(id, participants);
    },
    addMaterials: insertMaterials,
    async removeMaterial(sessionId, sort) {
      await db.deleteFrom('training_material').where('session_id', '=', sessionId).where('sort', '=', sort).execute();
    },
    async delete(id) {
      await db.deleteFrom('training_material').where('session_id', '=', id).execute();
      await db.deleteFrom('training_participant').where('session_id', '=', id).execute();
      await db.deleteFrom('training_session').where('id', '=', id).execute();
    },
    async byId(id) {
      return (await complete(await db.selectFrom('training_session').selectAll().where('id', '=', id).execute()))[0];
    },
    async list(f) {
      if (f.orgIds.length === 0) return [];
      let q = db
        .selectFrom('training_session')
        .selectAll()
        .where('org_id', 'in', [...f.orgIds]);
      if (f.year !== undefined) {
        const [from, to] = yearRange(f.year);
        q = q.where('held_on', '>=', from).where('held_on', '<=', to);
      }
      return complete(await q.orderBy('held_on', 'desc').orderBy('id', 'desc').execute());
    },
    async attended(orgIds, year) {
      if (orgIds.length === 0) return [];
      const [from, to] = yearRange(year);
      const rows = await db
        .selectFrom('training_session')
        .selectAll()
        .where('held_on', '>=', from)
        .where('held_on', '<=', to)
        .where('org_id', 'not in', [...orgIds])
        .where((w) =>
          w.exists(
            w
              .selectFrom('training_participant as p')
              .select('p.org_id')
              .whereRef('p.session_id', '=', 'training_session.id')
              .where('p.org_id', 'in', [...orgIds]),
          ),
        )
        .orderBy('held_on', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const mine = new Set(orgIds);
      return (await complete(rows)).map((s) => ({
        ...s,
        participants: s.participants.filter((p) => mine.has(p.orgId)),
      }));
    },
  };
}

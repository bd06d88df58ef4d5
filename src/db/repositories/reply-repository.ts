// SQL for a reply's attachments and its draft notices (答复告知书草稿).
import type { Kysely, Selectable } from 'kysely';
import type { ApplicationReplyFileTable, Database } from '../database.js';
import type { ReplyDraftRepository, ReplyFileRecord, ReplyFileRepository } from '../../app/applications/ports.js';
import { camelFields, parseJson, snakeColumns } from '../mappers.js';
import { firstOf } from '../queries.js';

const FILE = [
  'id',
  'application_id',
  'file_id',
  'name',
  'mime',
  'size',
  'sha256',
  'round',
  'uploaded_by',
  'uploaded_at',
] as const;

const toFile = (r: Selectable<ApplicationReplyFileTable>): ReplyFileRecord => {
  const f = camelFields(r, FILE);
  return { ...f, size: Number(f.size), round: Number(f.round) };
};

/** Builds the reply attachment repository. */
export function replyFileRepository(db: Kysely<Database>): ReplyFileRepository {
  return {
    async insert(f) {
      await db.insertInto('application_reply_file').values(snakeColumns(f, FILE)).execute();
    },
    async forApplication(applicationId) {
      const rows = await db
        .selectFrom('application_reply_file')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('uploaded_at')
        .orderBy('id')
        .execute();
      return rows.map(toFile);
    },
    async remove(id) {
      await db.deleteFrom('application_reply_file').where('id', '=', id).execute();
    },
  };
}

/** Builds the draft notice repository. */
export function replyDraftRepository(db: Kysely<Database>): ReplyDraftRepository {
  return {
    async insert(d) {
      await db
        .insertInto('application_reply_draft')
        .values({
          application_id: d.applicationId,
          seq: d.seq,
          body_json: JSON.stringify(d.body),
          created_at: d.createdAt,
        })
        .execute();
    },
    latest: (applicationId) =>
      firstOf(
        db
          .selectFrom('application_reply_draft')
          .selectAll()
          .where('application_id', '=', applicationId)
          .orderBy('seq', 'desc')
          .limit(1),
        (r) => ({
          applicationId: r.application_id,
          seq: Number(r.seq),
          body: parseJson(r.body_json),
          createdAt: r.created_at,
        }),
      ),
  };
}

// SQL for notices (告知书), stored files and counters.
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, NoticeTable } from '../database.js';
import type { Counters } from '../../app/numbering/ports.js';
import type { FileStore } from '../../app/files/ports.js';
import type { NoticeRecord, NoticeRepository } from '../../app/applications/ports.js';
import { camelFields, parseJson, snakeColumns } from '../mappers.js';
import { firstOf, updateById } from '../queries.js';

// The columns named as a notice's fields, before and after its body (JSON text).
const ISSUE = ['id', 'application_id', 'kind', 'doc_no', 'issued_on'] as const;
const SERVICE = ['served_on', 'service_method', 'service_ref', 'created_at'] as const;

const toNotice = (r: Selectable<NoticeTable>): NoticeRecord => ({
  ...camelFields(r, ISSUE),
  body: parseJson(r.body_json),
  ...camelFields(r, SERVICE),
});

/** Builds the notice repository. */
export function noticeRepository(db: Kysely<Database>): NoticeRepository {
  const notices = () => db.selectFrom('notice').selectAll();
  return {
    async insert(n) {
      const row = { ...snakeColumns(n, ISSUE), body_json: JSON.stringify(n.body), ...snakeColumns(n, SERVICE) };
      await db.insertInto('notice').values(row).execute();
    },
    byId: (id) => firstOf(notices().where('id', '=', id), toNotice),
    async forApplication(applicationId) {
      const rows = await notices()
        .where('application_id', '=', applicationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toNotice);
    },
    async recordService(id, s) {
      await updateById(db, 'notice', id, { served_on: s.servedOn, service_method: s.method, service_ref: s.ref });
    },
  };
}

/** Files stored in the database by SHA-256, base64 text so both engines and backups treat them alike. */
export function fileStore(db: Kysely<Database>): FileStore {
  return {
    async put(content, mime, at) {
      const id = createHash('sha256').update(content).digest('hex');
      const exists = await db.selectFrom('stored_file').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) {
        await db
          .insertInto('stored_file')
          .values({
            id,
            mime,
            size: content.byteLength,
            content_b64: Buffer.from(content).toString('base64'),
            created_at: at,
          })
          .execute();
      }
      return id;
    },
    get: (id) =>
      firstOf(db.selectFrom('stored_file').select(['mime', 'content_b64']).where('id', '=', id), (r) => ({
        mime: r.mime,
        content: new Uint8Array(Buffer.from(r.content_b64, 'base64')),
      })),
  };
}

/** Counters: one atomic upsert (`on conflict do update … returning`, SQLite ≥ 3.35 and PostgreSQL). */
export function counters(db: Kysely<Database>): Counters {
  return {
    async next(key) {
      const r = await db
        .insertInto('counter')
        .values({ key, value: 1 })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counter.value', '+', 1) })))
        .returning('value')
        .executeTakeFirstOrThrow();
      return Number(r.value);
    },
  };
}

// SQL for notices (告知书), stored files and counters.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Counters } from '../../app/numbering/ports.js';
import type { FileStore } from '../../app/files/ports.js';
import type { NoticeRecord, NoticeRepository } from '../../app/applications/ports.js';

/** Builds the notice repository. */
export function noticeRepository(db: Kysely<Database>): NoticeRepository {
  const map = (r: Database['notice'] extends infer T ? { [K in keyof T]: T[K] } : never): NoticeRecord => ({
    id: r.id,
    applicationId: r.application_id,
    kind: r.kind,
    docNo: r.doc_no,
    issuedOn: r.issued_on,
    body: JSON.parse(r.body_json) as unknown,
    servedOn: r.served_on,
    serviceMethod: r.service_method,
    serviceRef: r.service_ref,
    createdAt: r.created_at,
  });
  return {
    async insert(n) {
      await db
        .insertInto('notice')
        .values({
          id: n.id,
          application_id: n.applicationId,
          kind: n.kind,
          doc_no: n.docNo,
          issued_on: n.issuedOn,
          body_json: JSON.stringify(n.body),
          served_on: n.servedOn,
          service_method: n.serviceMethod,
          service_ref: n.serviceRef,
          created_at: n.createdAt,
        })
        .execute();
    },
    async byId(id) {
      const r = await db.selectFrom('notice').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? map(r) : undefined;
    },
    async forApplication(applicationId) {
      const rows = await db
        .selectFrom('notice')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(map);
    },
    async recordService(id, s) {
      await db
        .updateTable('notice')
        .set({ served_on: s.servedOn, service_method: s.method, service_ref: s.ref })
        .where('id', '=', id)
        .execute();
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
    async get(id) {
      const r = await db
        .selectFrom('stored_file')
        .select(['mime', 'content_b64'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? { mime: r.mime, content: new Uint8Array(Buffer.from(r.content_b64, 'base64')) } : undefined;
    },
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

// SQL for the email outbox.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { OutboxRepository } from '../../app/mail/ports.js';

/** Builds the outbox repository. */
export function outboxRepository(db: Kysely<Database>): OutboxRepository {
  return {
    async enqueue(m, at) {
      await db
        .insertInto('email_outbox')
        .values({
          id: m.id,
          to_address: m.to,
          subject: m.subject,
          body_text: m.text,
          kind: m.kind,
          ref_id: m.refId,
          created_at: at,
          next_attempt_at: at,
          attempts: 0,
          sent_at: null,
          last_error: null,
        })
        .execute();
    },
    async due(nowIso, limit) {
      const rows = await db
        .selectFrom('email_outbox')
        .select(['id', 'to_address', 'subject', 'body_text', 'kind', 'ref_id', 'attempts'])
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', nowIso)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        to: r.to_address,
        subject: r.subject,
        text: r.body_text,
        kind: r.kind,
        refId: r.ref_id,
        attempts: Number(r.attempts),
      }));
    },
    async markSent(id, at) {
      await db
        .updateTable('email_outbox')
        .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
        .where('id', '=', id)
        .execute();
    },
    async markFailed(id, error, nextAttemptAt) {
      await db
        .updateTable('email_outbox')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 1000),
          next_attempt_at: nextAttemptAt,
        }))
        .where('id', '=', id)
        .execute();
    },
    async pending() {
      const r = await db
        .selectFrom('email_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sent_at', 'is', null)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}

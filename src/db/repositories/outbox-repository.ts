// SQL for the email outbox.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { OutboxRepository } from '../../app/mail/ports.js';
import { snakeColumns } from '../mappers.js';
import { countRows } from '../queries.js';

/** Builds the outbox repository. */
export function outboxRepository(db: Kysely<Database>): OutboxRepository {
  return {
    async enqueue(m, at) {
      const message = { ...snakeColumns(m, ['id', 'subject', 'kind', 'ref_id']), to_address: m.to, body_text: m.text };
      const unsent = { created_at: at, next_attempt_at: at, attempts: 0, sent_at: null, last_error: null };
      await db
        .insertInto('email_outbox')
        .values({ ...message, ...unsent })
        .execute();
    },
    async due(nowIso, limit) {
      const rows = await db
        .selectFrom('email_outbox')
        .select(['id', 'to_address as to', 'subject', 'body_text as text', 'kind', 'ref_id as refId', 'attempts'])
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', nowIso)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
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
    pending: () => countRows(db.selectFrom('email_outbox').where('sent_at', 'is', null)),
  };
}

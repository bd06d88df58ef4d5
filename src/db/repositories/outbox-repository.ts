// SQL for the email outbox.
import { SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { OutboxRepository } from '../../app/mail/ports.js';
import { snakeColumns } from '../mappers.js';
import { countRows, firstOf } from '../queries.js';

/** The columns of a message, named as the port names them. */
const MESSAGE = [
  'id',
  'to_address as to',
  'subject',
  'body_text as text',
  'kind',
  'ref_id as refId',
  'attempts',
  'created_at as createdAt',
] as const;

/** The columns of an unsent message as the back office lists it. */
const ENTRY = [
  'id',
  'to_address as to',
  'subject',
  'kind',
  'attempts',
  'last_error as lastError',
  'next_attempt_at as nextAttemptAt',
  'created_at as createdAt',
] as const;

/** An entry with its attempts as a number (a string from some drivers). */
const toEntry = <R extends { attempts: number | string }>(r: R) => ({ ...r, attempts: Number(r.attempts) });

/** Oldest first (RETURNING keeps no order). */
const byAge = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

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
        .select(MESSAGE)
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', nowIso)
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
    },
    async claim(claimer, nowIso, leaseUntil, limit) {
      // SQLite runs one writer at a time, so the update is atomic there; PostgreSQL locks the chosen rows and
      // skips those another claimer holds, so two concurrent claims never return the same message.
      const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
      const chosen = db
        .selectFrom('email_outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', nowIso)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', nowIso)]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit);
      const rows = await db
        .updateTable('email_outbox')
        .set({ claimed_by: claimer, claimed_until: leaseUntil })
        .where('id', 'in', sqlite ? chosen : chosen.forUpdate().skipLocked())
        .returning(MESSAGE)
        .execute();
      return rows.map((r) => ({ ...r, attempts: Number(r.attempts) })).sort(byAge);
    },
    async markSent(id, at) {
      await db
        .updateTable('email_outbox')
        .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1), last_error: null, claimed_until: null }))
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
          claimed_until: null,
        }))
        .where('id', '=', id)
        .execute();
    },
    pending: () => countRows(db.selectFrom('email_outbox').where('sent_at', 'is', null)),
    async unsent(filter, limit) {
      let q = db.selectFrom('email_outbox').select(ENTRY).where('sent_at', 'is', null);
      if (filter.state) q = q.where('attempts', filter.state === 'queued' ? '=' : '>', 0);
      return (await q.orderBy('created_at').orderBy('id').limit(limit).execute()).map(toEntry);
    },
    unsentById: (id) =>
      firstOf(db.selectFrom('email_outbox').select(ENTRY).where('id', '=', id).where('sent_at', 'is', null), toEntry),
    async retryAt(id, at) {
      const res = await db
        .updateTable('email_outbox')
        .set({ next_attempt_at: at })
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
  };
}

// SQL for the rate counters: one upsert per change, atomic on SQLite and PostgreSQL alike.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { RateCounterRepository } from '../../app/throttle/ports.js';

/** Builds the rate-counter repository. */
export function rateCounterRepository(db: Kysely<Database>): RateCounterRepository {
  return {
    async add(w, by) {
      const r = await db
        .insertInto('rate_counter')
        .values({ scope: w.scope, key: w.key, window_start: w.windowStart, count: by, expires_at: w.expiresAt })
        .onConflict((oc) =>
          oc
            .columns(['scope', 'key', 'window_start'])
            .doUpdateSet((eb) => ({ count: eb('rate_counter.count', '+', by) })),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(r.count);
    },
    async clear(scope, key) {
      await db.deleteFrom('rate_counter').where('scope', '=', scope).where('key', '=', key).execute();
    },
    async prune(beforeIso) {
      const r = await db.deleteFrom('rate_counter').where('expires_at', '<', beforeIso).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

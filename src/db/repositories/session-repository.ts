// SQL for login sessions and API tokens.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { ApiTokenRepository, SessionRepository } from '../../app/auth/ports.js';
import { camelFields, snakeColumns } from '../mappers.js';
import { firstOf } from '../queries.js';

/** Every column of a session, named as its fields. */
const SESSION = [
  'id_hash',
  'user_id',
  'csrf_token',
  'created_at',
  'last_seen_at',
  'idle_expires_at',
  'absolute_expires_at',
] as const;

/** Builds the session repository. */
export function sessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(s) {
      await db.insertInto('session').values(snakeColumns(s, SESSION)).execute();
    },
    byHash: (idHash) =>
      firstOf(db.selectFrom('session').selectAll().where('id_hash', '=', idHash), (r) => camelFields(r, SESSION)),
    async touch(idHash, lastSeenAt, idleExpiresAt) {
      await db
        .updateTable('session')
        .set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async delete(idHash) {
      await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    },
    async deleteForUser(userId, exceptHash) {
      let q = db.deleteFrom('session').where('user_id', '=', userId);
      if (exceptHash) {
        q = q.where('id_hash', '!=', exceptHash);
      }
      const res = await q.executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    async purgeExpired(nowIso) {
      const res = await db
        .deleteFrom('session')
        .where((eb) => eb.or([eb('idle_expires_at', '<', nowIso), eb('absolute_expires_at', '<', nowIso)]))
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

/** Builds the API-token repository. */
export function apiTokenRepository(db: Kysely<Database>): ApiTokenRepository {
  return {
    async insert(t) {
      const token = snakeColumns(t, ['id', 'user_id', 'token_hash', 'label', 'created_at']);
      await db
        .insertInto('api_token')
        .values({ ...token, last_used_at: null, revoked_at: null })
        .execute();
    },
    async userIdByHash(tokenHash) {
      const r = await db
        .selectFrom('api_token')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return r?.user_id;
    },
    async touch(tokenHash, at) {
      await db.updateTable('api_token').set({ last_used_at: at }).where('token_hash', '=', tokenHash).execute();
    },
    async revokeForUser(userId, at) {
      const res = await db
        .updateTable('api_token')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}

// SQL for login sessions and API tokens.
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database } from '../database.js';
import type { ApiTokenRepository, SessionRepository } from '../../app/auth/ports.js';
import type { ApiToken } from '../../domain/users/api-token.js';
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

/** Every column of a token but its hash, named as its fields. */
const TOKEN = ['id', 'user_id', 'name', 'scope', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'] as const;

const tokenOf = (r: Pick<Selectable<ApiTokenTable>, (typeof TOKEN)[number]>): ApiToken => ({
  ...camelFields(r, TOKEN),
  scope: r.scope === 'read' ? 'read' : 'full',
});

/** Builds the API-token repository. */
export function apiTokenRepository(db: Kysely<Database>): ApiTokenRepository {
  const select = () => db.selectFrom('api_token').select(TOKEN);
  return {
    async insert(t) {
      await db
        .insertInto('api_token')
        .values(snakeColumns(t, [...TOKEN, 'token_hash']))
        .execute();
    },
    byHash: (tokenHash) => firstOf(select().where('token_hash', '=', tokenHash), tokenOf),
    byId: (id) => firstOf(select().where('id', '=', id), tokenOf),
    async listForUser(userId) {
      const rows = await select().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(tokenOf);
    },
    async touch(id, at) {
      await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async revoke(id, at) {
      const res = await db
        .updateTable('api_token')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
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

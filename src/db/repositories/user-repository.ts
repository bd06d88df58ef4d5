// SQL for accounts and role grants.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { UserRepository } from '../../app/users/ports.js';
import type { RoleGrant, Role } from '../../domain/users/roles.js';
import type { UserWithRoles } from '../../domain/users/user.js';
import { fromBool, snakeColumns, toUser } from '../mappers.js';
import { firstOf, updateById } from '../queries.js';
import { containsText } from '../portable.js';

/** Builds the user repository over a connection or transaction. */
export function userRepository(db: Kysely<Database>): UserRepository {
  const rolesFor = async (ids: string[]): Promise<Map<string, RoleGrant[]>> => {
    const map = new Map<string, RoleGrant[]>();
    if (ids.length === 0) {
      return map;
    }
    const rows = await db
      .selectFrom('user_role')
      .select(['user_id', 'org_id', 'role'])
      .where('user_id', 'in', ids)
      .orderBy('created_at')
      .execute();
    for (const r of rows) {
      const list = map.get(r.user_id) ?? [];
      list.push({ orgId: r.org_id, role: r.role as Role });
      map.set(r.user_id, list);
    }
    return map;
  };
  const allWithRoles = async (rows: Parameters<typeof toUser>[0][]): Promise<UserWithRoles[]> => {
    const roles = await rolesFor(rows.map((r) => r.id));
    return rows.map((r) => ({ ...toUser(r), roles: roles.get(r.id) ?? [] }));
  };
  const withRoles = async (row: Parameters<typeof toUser>[0]) => (await allWithRoles([row]))[0];
  const accounts = () => db.selectFrom('app_user').selectAll();
  return {
    byId: (id) => firstOf(accounts().where('id', '=', id), withRoles),
    byUsername: (username) => firstOf(accounts().where('username', '=', username), withRoles),
    async passwordHash(userId) {
      const r = await db.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirst();
      return r?.password_hash;
    },
    async list(filter) {
      let q = accounts();
      if (filter?.orgIds) {
        if (filter.orgIds.length === 0) {
          return [];
        }
        q = q.where('org_id', 'in', [...filter.orgIds]);
      }
      if (filter?.status) {
        q = q.where('status', '=', filter.status);
      }
      if (filter?.query) {
        const text = filter.query;
        q = q.where((eb) => eb.or([containsText('username', text), containsText('display_name', text)]));
      }
      return allWithRoles(await q.orderBy('username').execute());
    },
    async insert(u) {
      await db
        .insertInto('app_user')
        .values({
          ...snakeColumns(u, ['id', 'username', 'display_name']),
          email: u.email ?? '',
          ...snakeColumns(u, ['org_id', 'status', 'password_hash']),
          must_change_password: fromBool(u.mustChangePassword),
          failed_attempts: 0,
          locked_until: null,
          last_login_at: null,
          replaced_by: null,
          ...snakeColumns(u, ['created_at', 'updated_at']),
        })
        .execute();
    },
    async updateProfile(id, f, at) {
      await updateById(db, 'app_user', id, {
        display_name: f.displayName,
        org_id: f.orgId,
        email: f.email,
        updated_at: at,
      });
    },
    async setPassword(id, hash, mustChange, at) {
      await updateById(db, 'app_user', id, {
        password_hash: hash,
        must_change_password: fromBool(mustChange),
        updated_at: at,
      });
    },
    async setLoginState(id, s, at) {
      await updateById(db, 'app_user', id, {
        failed_attempts: s.failedAttempts,
        locked_until: s.lockedUntil,
        ...(s.lastLoginAt ? { last_login_at: s.lastLoginAt } : {}),
        updated_at: at,
      });
    },
    async setStatus(id, status, replacedBy, at) {
      await updateById(db, 'app_user', id, { status, replaced_by: replacedBy, updated_at: at });
    },
    async setRoles(id, roles, at) {
      await db.deleteFrom('user_role').where('user_id', '=', id).execute();
      const unique = new Map(roles.map((g) => [`${g.orgId}|${g.role}`, g]));
      if (unique.size > 0) {
        await db
          .insertInto('user_role')
          .values([...unique.values()].map((g) => ({ user_id: id, org_id: g.orgId, role: g.role, created_at: at })))
          .execute();
      }
    },
  };
}

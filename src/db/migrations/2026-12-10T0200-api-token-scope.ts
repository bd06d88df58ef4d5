// API tokens get a name, a scope and an expiry (docs/security/accounts.md): the free-text label becomes the token's
// name (blank ones are named), `scope` is 'read' (GET/HEAD on the staff API only) or 'full', `expires_at` the instant
// it ends (null = never). Tokens issued before keep working unchanged: full scope, no expiry.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { addColumns, col, dropColumns, dropIndexes, indexes } from './schema-kit.js';

/** Renames api_token.label to name, adds scope and expires_at, indexes the tokens by account. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_token').renameColumn('label', 'name').execute();
  await db.updateTable('api_token').set({ name: '未命名令牌' }).where('name', '=', '').execute();
  await addColumns(db, 'api_token', {
    scope: col.required.in(['read', 'full']).default('full'),
    expires_at: col.text,
  });
  await indexes(db, 'api_token', { api_token_user_idx: ['user_id'] });
}

/** Drops them again (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'api_token_user_idx');
  await dropColumns(db, 'api_token', ['scope', 'expires_at']);
  await db.schema.alterTable('api_token').renameColumn('name', 'label').execute();
}

// SQL for site settings (JSON values, read whole, never queried inside).
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { SettingsRepository } from '../../app/settings/ports.js';

/** Builds the settings repository. */
export function settingsRepository(db: Kysely<Database>): SettingsRepository {
  return {
    async get(key) {
      const r = await db.selectFrom('site_setting').select('value_json').where('key', '=', key).executeTakeFirst();
      return r ? (JSON.parse(r.value_json) as unknown) : undefined;
    },
    async set(key, value, at) {
      await db.deleteFrom('site_setting').where('key', '=', key).execute();
      await db
        .insertInto('site_setting')
        .values({ key, value_json: JSON.stringify(value), updated_at: at })
        .execute();
    },
  };
}

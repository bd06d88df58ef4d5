// Ports of the site-wide settings.

/** Site-wide administrative settings (footer marks and the like), as JSON values. */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, at: string): Promise<void>;
}

/** Repositories of the settings. */
export type SettingsRepos = { settings: SettingsRepository };

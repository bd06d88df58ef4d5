// Settings of replies and filing (site-wide, key `applications.reply`): the size limit of a reply's attachment,
// the 档号 pattern and the default 保管期限. Defaults apply to what was never set.
import { z } from 'zod';
import type { SettingsRepos } from '../settings/ports.js';
import {
  DEFAULT_ARCHIVE_NO_PATTERN,
  DEFAULT_REPLY_FILE_MAX_BYTES,
  DEFAULT_RETENTION,
  RETENTION_PERIODS,
  type RetentionPeriod,
} from '../../domain/applications/reply-approval.js';

/** The settings key. */
export const REPLY_SETTINGS_KEY = 'applications.reply';

/** What replies and filing are configured with. */
export type ReplySettings = {
  /** Largest attachment of a reply, bytes (default 20 MB). */
  maxFileBytes: number;
  /** The 档号 pattern (default `{org}-{yyyy}-{retention}-{serial:4}`). */
  archiveNoPattern: string;
  /** The 保管期限 filed when the handler does not choose one (default 10年). */
  defaultRetention: RetentionPeriod;
};

const schema = z.object({
  maxFileBytes: z
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_REPLY_FILE_MAX_BYTES),
  archiveNoPattern: z.string().trim().min(1).max(100).default(DEFAULT_ARCHIVE_NO_PATTERN),
  defaultRetention: z.enum(RETENTION_PERIODS).default(DEFAULT_RETENTION),
});

/** The settings, each field defaulted when never set or unreadable. */
export async function replySettings(repos: SettingsRepos): Promise<ReplySettings> {
  const raw = await repos.settings.get(REPLY_SETTINGS_KEY);
  const saved = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const fields = Object.keys(schema.shape) as (keyof ReplySettings)[];
  // Field by field, so that one unreadable value falls back alone.
  const out = schema.parse({});
  for (const f of fields) {
    const one = schema.shape[f].safeParse(saved[f]);
    if (one.success) Object.assign(out, { [f]: one.data });
  }
  return out;
}

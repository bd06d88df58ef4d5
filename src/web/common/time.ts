// Formatting stored instants (ISO-8601 UTC) in the office's time zone (GONGKAI_TZ) for pages.
import { getContext } from 'hono/context-storage';
import type { WebEnv } from './env.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The office's time zone of the current request (set from GONGKAI_TZ in WebOptions). */
export function officeTimeZone(): string {
  return getContext<WebEnv>().get('opts').timeZone;
}

/**
 * Formats an instant as `YYYY-MM-DD HH:mm[:ss]` in the office's time zone.
 * @returns '—' for null
 */
export function formatInstant(iso: string | null, opts: { seconds?: boolean } = {}): string {
  if (!iso) return '—';
  const tz = officeTimeZone();
  const key = `${tz}|${opts.seconds ? 's' : 'm'}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('sv-SE', {
      timeZone: tz,
      dateStyle: 'short',
      timeStyle: opts.seconds ? 'medium' : 'short',
    });
    formatters.set(key, fmt);
  }
  return fmt.format(new Date(iso));
}

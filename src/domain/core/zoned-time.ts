// Wall-clock times in an IANA time zone (the office's, GONGKAI_TZ) as instants: what a date typed into a
// filter means. Pure: the zone's rules come from the runtime's time-zone database (Intl); no clock is read.
import { localDate, type LocalDate } from './local-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant (whole seconds), in milliseconds: its wall clock minus UTC. */
function offsetAt(timeZone: string, epochMs: number): number {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  const n = Object.fromEntries(fmt.formatToParts(epochMs).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(n.year ?? 0, (n.month ?? 1) - 1, n.day ?? 1, n.hour ?? 0, n.minute ?? 0, n.second ?? 0);
  return wall - epochMs;
}

/**
 * The instant a wall-clock time of a date falls on in a time zone: `2025-09-28` 00:00 in Asia/Shanghai is
 * 2025-09-27T16:00:00.000Z, in America/New_York (summer time) 2025-09-28T04:00:00.000Z. A time the zone skips
 * when its clocks go forward is read after the change (02:30 becomes 03:30).
 * @param timeZone an IANA zone name
 * @param time `HH:mm`, midnight by default
 * @returns the instant, ISO-8601 UTC
 * @throws RangeError for a zone the runtime does not know
 */
export function zonedInstant(date: LocalDate, timeZone: string, time = '00:00'): string {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hour,
    minute,
  );
  // The offset at the wall time read as UTC is within a day of the right one; one more step settles it,
  // except in a skipped hour, where the first guess (after the change) stands.
  const first = offsetAt(timeZone, wall);
  const guess = wall - first;
  const second = offsetAt(timeZone, guess);
  if (second === first) return new Date(guess).toISOString();
  const other = wall - second;
  return new Date(offsetAt(timeZone, other) === second ? other : guess).toISOString();
}

/**
 * The date an instant falls on in a time zone: 2026-03-01T17:30:00Z is 2026-03-02 in Asia/Shanghai (UTC+8).
 * @param instant ISO-8601 text with its offset (or Z)
 * @param timeZone an IANA zone name
 * @throws RangeError for a zone the runtime does not know or an instant that does not parse
 */
export function zonedDate(instant: string, timeZone: string): LocalDate {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return localDate(new Date(ms + offsetAt(timeZone, ms)).toISOString().slice(0, 10));
}

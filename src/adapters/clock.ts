// The system clock, with the legal day computed in the office's time zone.
import type { Clock } from '../app/ports.js';
import { localDate } from '../domain/core/local-date.js';
import { zonedDate } from '../domain/core/zoned-time.js';

/**
 * The real clock.
 * @param timeZone IANA zone of the office (default Asia/Shanghai): a date counts in China's day.
 */
export function systemClock(timeZone: string): Clock {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    nowIso: () => new Date().toISOString(),
    nowMs: () => Date.now(),
    today: () => localDate(fmt.format(new Date())),
    dateOf: (instant) => zonedDate(instant, timeZone),
  };
}

/** A settable clock for tests and scripted runs. */
export function fixedClock(
  startIso: string,
  timeZone = 'Asia/Shanghai',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let ms = Date.parse(startIso);
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    nowIso: () => new Date(ms).toISOString(),
    nowMs: () => ms,
    today: () => localDate(fmt.format(new Date(ms))),
    dateOf: (instant) => zonedDate(instant, timeZone),
    advance: (d) => {
      ms += d;
    },
    set: (iso) => {
      ms = Date.parse(iso);
    },
  };
}

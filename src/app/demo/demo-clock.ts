// The clock the demo district's content is made under: the application's clock moved back to the day each
// event happened, so that every date (收到申请日期, 发布日期, deadlines, the audit trail) is relative to today.
import type { LocalDate } from '../../domain/core/local-date.js';
import type { Clock } from '../ports.js';

/** A clock that stands on a chosen office day, a minute later at each move within that day. */
export type DemoClock = Clock & {
  /** Moves to the office day `day`: its morning, or a minute after the last move when it is on that day already. */
  at(day: LocalDate): void;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A clock over `base`'s time zone that starts at `base`'s now.
 * @param base the application's clock (its `dateOf` decides the office day of an instant)
 */
export function demoClock(base: Clock): DemoClock {
  let ms = base.nowMs();
  const iso = (t: number) => new Date(t).toISOString();
  // The office day of `ms`, computed when the clock moves (reading the zone's offset is the costly part).
  let day = base.today();
  /** The first whole UTC hour of `day` (± a day) that falls on `day` in the office's zone, plus an hour. */
  const morning = (day: LocalDate): number => {
    const midnight = Date.parse(`${day}T00:00:00Z`);
    for (let h = -14; h <= 14; h++) {
      if (base.dateOf(iso(midnight + h * HOUR)) === day) return midnight + (h + 1) * HOUR;
    }
    return midnight;
  };
  return {
    nowIso: () => iso(ms),
    nowMs: () => ms,
    today: () => day,
    dateOf: (instant) => base.dateOf(instant),
    at(to) {
      const start = morning(to);
      ms = day === to && ms >= start ? ms + MINUTE : start;
      day = base.dateOf(iso(ms));
    },
  };
}

// Ports of the working-day calendar.

/** One day of the official schedule. */
export type CalendarDayRow = { date: string; kind: 'holiday' | 'workday'; name: string; source: string };

/** An admin's local override. */
export type CalendarOverrideRow = {
  date: string;
  isWorking: boolean;
  reason: string;
  createdBy: string | null;
  createdAt: string;
};

/** The working-day calendar tables. */
export interface CalendarRepository {
  days(range?: { from: string; to: string }): Promise<CalendarDayRow[]>;
  /** A cheap fingerprint that changes whenever years, days or overrides change (for caching). */
  version(): Promise<string>;
  years(): Promise<{ year: number; source: string; loadedAt: string }[]>;
  overrides(): Promise<CalendarOverrideRow[]>;
  /** Replaces the schedule of the given years with `days`, and marks them published. */
  replaceYears(years: readonly number[], days: readonly CalendarDayRow[], source: string, at: string): Promise<void>;
  setOverride(o: CalendarOverrideRow): Promise<void>;
  removeOverride(date: string): Promise<void>;
}

/**
 * A module's reaction to a calendar change (a year's schedule loaded, an override set): e.g.
 * recomputing provisional (暂定) deadlines. Runs inside the change's transaction.
 */
export type CalendarChangedStep<R> = {
  label: string;
  run: (repos: R, at: string) => Promise<number>;
};

/** Repositories of the calendar. */
export type CalendarRepos = { calendar: CalendarRepository };

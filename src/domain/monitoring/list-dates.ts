/**
 * Dates of the items on a Chinese government site's list page, in the forms such pages use: 2026-11-28,
 * 2026年11月28日, 2026年5月8日, 2026/11/28, 2026.11.28, and [11-28] or 11-28 under a year heading. Dates are
 * ISO strings (YYYY-MM-DD); the domain has no clock, "today" is always passed in.
 */

const FULL = /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/g;
const SHORT = /(?<![\d\-/.年])(\d{1,2})\s*(?:-|\/|月)\s*(\d{1,2})(?:日)?(?![\d\-/.])/g;
const YEAR_HEADING = /^\s*[[【(（]?\s*((?:19|20)\d{2})\s*年?\s*[\]】)）]?\s*$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** A valid ISO date from its parts, or null (2026-02-30 is not a date). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The year a heading names ("2026", "2026年", "【2026年】"), or null. */
export function yearOfHeading(text: string): number | null {
  const m = YEAR_HEADING.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * The latest date in one list item's text: a full date, or a month-day under `year` (the heading above the item).
 * @returns the ISO date, or null when the item carries none (an undated item counts as not updated)
 */
export function itemDate(text: string, year: number | null = null): string | null {
  let best: string | null = null;
  const keep = (d: string | null): void => {
    if (d && (!best || d > best)) best = d;
  };
  for (const m of text.matchAll(FULL)) keep(isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  if (best || year === null) return best;
  for (const m of text.matchAll(SHORT)) keep(isoDate(year, Number(m[1]), Number(m[2])));
  return best;
}

/** One item of a list page: its text and the heading it sits under (the last heading before it). */
export interface ListItem {
  text: string;
  heading?: string;
  url?: string;
}

/** The items with their dates (null when undated). */
export function datedItems<T extends ListItem>(items: readonly T[]): (T & { date: string | null })[] {
  return items.map((item) => ({
    ...item,
    date: itemDate(item.text, item.heading ? yearOfHeading(item.heading) : null),
  }));
}

/** The latest date among the items, or null. */
export function latestDate(items: readonly ListItem[]): string | null {
  let best: string | null = null;
  for (const { date } of datedItems(items)) if (date && (!best || date > best)) best = date;
  return best;
}

/** Whole days from `from` to `to` (ISO dates; positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

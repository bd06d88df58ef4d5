// The clocks of proactive disclosure: art. 26 ("属于主动公开范围的政府信息，应当自该政府信息形成
// 或者变更之日起20个工作日内及时公开") counted from 成文日期, and the periodic re-assessment of
// 不予公开 items under art. 18 ("行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予
// 公开的政府信息进行定期评估审查").

import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareDates, type LocalDate } from '../core/local-date.js';
import type { Disclosure } from './publication.js';

/** Art. 26: 20 working days. */
export const PUBLICATION_WORKING_DAYS = 20;
/** "About to be late": this many working days or fewer left. */
export const DUE_SOON_WORKING_DAYS = 5;
/** Art. 18 gives no period; yearly review is the common local rule [D]. */
export const REASSESSMENT_MONTHS = 12;

/** Where an item stands against the art. 26 clock. */
export type PublicationStatus = 'on_time' | 'due_soon' | 'late';

/** Chinese status labels (a badge never relies on colour alone). */
export const PUBLICATION_STATUS_LABELS: Readonly<Record<PublicationStatus, string>> = {
  on_time: '期限内',
  due_soon: '即将到期',
  late: '逾期',
};

/**
 * The art. 26 due date: 20 working days after 成文日期 (day zero, as for every period).
 * @param writtenOn 成文日期
 */
export function publicationDueOn(writtenOn: LocalDate, cal: HolidayCalendar): LocalDate {
  return addWorkingDays(writtenOn, PUBLICATION_WORKING_DAYS, cal);
}

/**
 * The display status of the art. 26 clock. A published item is judged by its 发布日期; an item not
 * yet published by today.
 * @param pub 成文日期 and, once published, 发布日期
 * @param today the office's date
 */
export function publicationStatus(
  pub: { writtenOn: LocalDate; publishedOn: LocalDate | null },
  today: LocalDate,
  cal: HolidayCalendar,
): PublicationStatus {
  const due = publicationDueOn(pub.writtenOn, cal);
  if (pub.publishedOn !== null) return compareDates(pub.publishedOn, due) <= 0 ? 'on_time' : 'late';
  if (compareDates(today, due) > 0) return 'late';
  return workingDaysBetween(today, due, cal) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}

/**
 * The art. 26 clock of an item, or null when it has none: art. 26 times "属于主动公开范围的政府信息" only, so
 * 依申请公开 and 不予公开 items have no publication period.
 * @param pub 公开属性, 成文日期 and, once published, 发布日期
 * @param today the office's date
 */
export function publicationClock(
  pub: { disclosure: Disclosure; writtenOn: LocalDate; publishedOn: LocalDate | null },
  today: LocalDate,
  cal: HolidayCalendar,
): { dueOn: LocalDate; status: PublicationStatus } | null {
  if (pub.disclosure !== 'proactive') return null;
  return { dueOn: publicationDueOn(pub.writtenOn, cal), status: publicationStatus(pub, today, cal) };
}

/**
 * When a 不予公开 item comes up for re-assessment: one year after registration or the last review
 * (the same calendar day; 29 February falls back to 28 February).
 * @param from the registration date or the last re-assessment
 */
export function reassessmentDueOn(from: LocalDate): LocalDate {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(y + REASSESSMENT_MONTHS / 12, 4)}-${pad(m)}-${pad(day)}` as LocalDate;
}

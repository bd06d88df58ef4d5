/**
 * When an annual report is due (《政府信息公开条例》第四十九条): a county-level-or-above
 * government department publishes its previous-year report by 31 January, the local government's
 * report is published by 31 March. The Regulation sets no date for townships, streets and other
 * bodies: local rules decide, so the date is configuration passed in. Internal deadlines set
 * by a supervisor (e.g. 怀化: departments submit by 26 January) are configurable too.
 */
import { DomainError } from '../core/domain-error.js';
import { isLocalDate, type LocalDate } from '../core/local-date.js';
import type { OrgKind } from '../orgs/organization.js';

/** A day of the year after the report year, `MM-DD`. */
export type MonthDay = string;

/** Art. 49 para 1 (departments) and para 2 (the government's own report). */
const STATUTORY: Partial<Record<OrgKind, MonthDay>> = {
  department: '01-31',
  government: '03-31',
};

/**
 * The default for bodies the Regulation gives no date: 31 January, as for departments — a
 * township's or street's report feeds the government's report due on 31 March, so it cannot wait
 * until then.
 */
export const DEFAULT_UNREGULATED_DUE: MonthDay = '01-31';

/**
 * The day in the year after `year` given as `MM-DD`, or a Chinese error when it is not a real date
 * (29 February only exists in leap years: it falls back to 28 February).
 */
export function dueInFollowingYear(year: number, monthDay: MonthDay): LocalDate {
  if (!/^\d{2}-\d{2}$/.test(monthDay)) {
    throw new DomainError('invalid_month_day', `截止日期“${monthDay}”无效，应为“月-日”格式，如 01-31`);
  }
  const candidate = `${String(year + 1).padStart(4, '0')}-${monthDay}`;
  if (isLocalDate(candidate)) return candidate;
  if (monthDay === '02-29') return `${year + 1}-02-28` as LocalDate;
  throw new DomainError('invalid_month_day', `截止日期“${monthDay}”不是有效的日期`);
}

/**
 * The date by which the report for `year` must be published (art. 49). `unregulatedDue` is the
 * configured date for townships, streets and other bodies.
 */
export function statutoryDueOn(
  year: number,
  orgKind: OrgKind,
  unregulatedDue: MonthDay = DEFAULT_UNREGULATED_DUE,
): LocalDate {
  return dueInFollowingYear(year, STATUTORY[orgKind] ?? unregulatedDue);
}

/**
 * Due dates of one organization's report for a year; `statutory` when art. 49 sets the date (governments, departments).
 */
export type ReportDues = { dueOn: LocalDate; internalDueOn: LocalDate | null; statutory: boolean };

/**
 * The date a report is due: an internal date may bring the statutory date of art. 49 forward but
 * never extend it (art. 49 is the law); for bodies without a statutory date the internal date replaces the
 * configured default.
 */
export function effectiveDueOn(d: ReportDues): LocalDate {
  if (d.internalDueOn === null) return d.dueOn;
  return d.statutory && d.internalDueOn > d.dueOn ? d.dueOn : d.internalDueOn;
}

/** Whether the Regulation itself fixes the date for this kind of body (art. 49). */
export function hasStatutoryDue(orgKind: OrgKind): boolean {
  return STATUTORY[orgKind] !== undefined;
}

/**
 * Whether a report is late: published (or, for an internal deadline, submitted) after `dueOn`, or
 * still not done when `today` is past it.
 */
export function isLate(dueOn: LocalDate, doneOn: LocalDate | null, today: LocalDate): boolean {
  return (doneOn ?? today) > dueOn;
}

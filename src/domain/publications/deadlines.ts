// The clocks of proactive disclosure: art. 26 ("属于主动公开范围的政府信息，应当自该政府信息形成
// 或者变更之日起20个工作日内及时公开") counted from 成文日期 (形成) or from the day of a change (变更), and the
// periodic re-assessment of 不予公开 items under art. 18 ("行政机关应当建立健全政府信息管理动态调整机制，对本行政
// 机关不予公开的政府信息进行定期评估审查").

import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareDates, type LocalDate } from '../core/local-date.js';
import type { Disclosure, Validity } from './publication.js';

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
 * The art. 26 due date: 20 working days after 成文日期 or the day of a change (day zero, as for every period).
 * @param from 成文日期, or the day of the change ({@link clockStart})
 */
export function publicationDueOn(from: LocalDate, cal: HolidayCalendar): LocalDate {
  return addWorkingDays(from, PUBLICATION_WORKING_DAYS, cal);
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
  return statusAgainst(publicationDueOn(pub.writtenOn, cal), pub.publishedOn, today, cal);
}

function statusAgainst(
  due: LocalDate,
  publishedOn: LocalDate | null,
  today: LocalDate,
  cal: HolidayCalendar,
): PublicationStatus {
  if (publishedOn !== null) return compareDates(publishedOn, due) <= 0 ? 'on_time' : 'late';
  if (compareDates(today, due) > 0) return 'late';
  return workingDaysBetween(today, due, cal) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
}

/**
 * A change as recorded: a revision opened (修订新版本 `revise`, 撤稿后修订 `reopen`: the review ledger's row), or a
 * 不予公开 item opened to 主动公开 by its art. 18 re-assessment (`disclosure`: the re-assessment's record).
 */
export type RevisionStamp = {
  /** The record's instant (ISO-8601 UTC). */
  at: string;
  /** Its day in the office's time zone. */
  on: LocalDate;
  /** Default `revision`. */
  kind?: 'revision' | 'disclosure';
};

/** A version that went live, as recorded when it did: its instant, office day and 有效性. */
export type VersionStamp = Omit<RevisionStamp, 'kind'> & { version: number; validity: Validity };

/** What the art. 26 clock counts from: 形成 (成文日期) or the latest 变更. */
export type ClockCause = 'formed' | 'revised' | 'disclosed' | 'validity';

/** Chinese names of the day a clock counts from ("自…起"). */
export const CLOCK_CAUSE_LABELS: Readonly<Record<ClockCause, string>> = {
  formed: '成文日期',
  revised: '修订日期',
  disclosed: '评估决定主动公开之日',
  validity: '废止或失效日期',
};

/** Day zero of an item's art. 26 clock, why, and the publication that stops it (null while none has). */
export type ClockStart = { from: LocalDate; cause: ClockCause; publishedOn: LocalDate | null };

/**
 * Where the art. 26 clock of an item starts. Art. 26 counts "自该政府信息形成或者变更之日起", so a change starts a
 * new clock of 20 working days, stopped by the publication of the version that carries it.
 *
 * Decision [D]: the day of a change is the day it was recorded: the day the latest revision was opened (修订新版本,
 * or 撤稿后修订 for a withdrawn item), read from the review ledger's timestamp, which no form can edit, so the
 * clock cannot be moved after the fact. A 不予公开 item that its art. 18 re-assessment opens to 主动公开 enters
 * "主动公开范围" that day (the re-assessment's recorded instant): its clock starts then too. A 废止 or 失效 is
 * recorded like any change — its 有效性 and date are edited in a revision — and when the revision changes the
 * 有效性 of the version it revises, the clock starts on the 废止/失效 date instead if that is earlier (the
 * information changed then, art. 26), but never before the revised version went live. The typed date can thus
 * only make the clock stricter, never later than the recorded day. A 废止/失效 date after the revision opened
 * (announced ahead) leaves the clock at the recorded day.
 *
 * Without a revision the clock counts from 成文日期 (形成) and stops at the first publication.
 * @param pub 成文日期, 发布日期 and the current fields' 有效性 (those of the revision while it runs)
 * @param history the revisions opened and the versions published, as recorded (any order)
 */
export function clockStart(
  pub: { writtenOn: LocalDate; publishedOn: LocalDate | null; validity: Validity; validityOn: LocalDate | null },
  history: { revisions: readonly RevisionStamp[]; versions: readonly VersionStamp[] },
): ClockStart {
  const last = [...history.revisions].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  if (!last) return { from: pub.writtenOn, cause: 'formed', publishedOn: pub.publishedOn };
  const byTime = [...history.versions].sort((a, b) => a.at.localeCompare(b.at));
  const base = byTime.filter((v) => v.at <= last.at).at(-1);
  const published = byTime.find((v) => v.at > last.at);
  const publishedOn = published?.on ?? null;
  const changed = pub.validity !== 'valid' && pub.validity !== (base?.validity ?? 'valid');
  if (changed && pub.validityOn !== null && compareDates(pub.validityOn, last.on) < 0) {
    const from = base && compareDates(pub.validityOn, base.on) < 0 ? base.on : pub.validityOn;
    return { from, cause: 'validity', publishedOn };
  }
  return { from: last.on, cause: last.kind === 'disclosure' ? 'disclosed' : 'revised', publishedOn };
}

/** An item's art. 26 clock: the due date, the status, and what it counts from. */
export type PublicationClock = { dueOn: LocalDate; status: PublicationStatus; from: LocalDate; cause: ClockCause };

/**
 * The art. 26 clock of an item, or null when it has none: art. 26 times "属于主动公开范围的政府信息" only, so
 * 依申请公开 and 不予公开 items have no publication period.
 * @param pub 公开属性, 成文日期 and, once published, 发布日期
 * @param today the office's date
 * @param start where the clock starts ({@link clockStart}); default: 成文日期, stopped by 发布日期
 */
export function publicationClock(
  pub: { disclosure: Disclosure; writtenOn: LocalDate; publishedOn: LocalDate | null },
  today: LocalDate,
  cal: HolidayCalendar,
  start?: ClockStart,
): PublicationClock | null {
  if (pub.disclosure !== 'proactive') return null;
  const s = start ?? { from: pub.writtenOn, cause: 'formed', publishedOn: pub.publishedOn };
  const dueOn = publicationDueOn(s.from, cal);
  return { dueOn, status: statusAgainst(dueOn, s.publishedOn, today, cal), from: s.from, cause: s.cause };
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

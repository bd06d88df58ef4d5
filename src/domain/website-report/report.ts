// The 政府网站工作年度报表 of one website for one year (国办函〔2018〕12号): its workflow (draft → reviewed →
// published, with 编审分离: the reviewer is not the one who last edited it), the filing deadline (31 January of the
// next year by default) and who may act on it. Pure: the clock's day and the actor are parameters.
import { holdsOver, type Actor } from '../policies/actor.js';
import { compareDates, localDate, type LocalDate } from '../core/local-date.js';

/** Stored states; never rename. */
export const REPORT_STATES = ['draft', 'reviewed', 'published'] as const;
/** One state. */
export type ReportState = (typeof REPORT_STATES)[number];
/** Chinese labels of the states. */
export const REPORT_STATE_LABELS: Readonly<Record<ReportState, string>> = {
  draft: '填报中',
  reviewed: '已审核',
  published: '已发布',
};

/** A stored report. `filled` maps a field id gongkai filled to where the value came from. */
export type WebsiteReport = {
  id: string;
  siteId: string;
  year: number;
  state: ReportState;
  values: Record<string, string>;
  filled: Record<string, string>;
  filledAt: string | null;
  editedBy: string | null;
  editedLabel: string;
  reviewedBy: string | null;
  reviewedLabel: string;
  reviewedAt: string | null;
  filedAt: string | null;
  publicationUrl: string;
  publicationId: string | null;
  actorId: string | null;
  actorLabel: string;
  createdAt: string;
  updatedAt: string;
};

/** What may be done to a report in a state. */
export type ReportMove = 'fill' | 'edit' | 'review' | 'reopen' | 'publish';

const ALLOWED: Readonly<Record<ReportState, readonly ReportMove[]>> = {
  draft: ['fill', 'edit', 'review'],
  reviewed: ['reopen', 'publish'],
  published: [],
};

/** Why a move is refused, in Chinese, or null when it is allowed in the state. */
export function refusalOf(state: ReportState, move: ReportMove): string | null {
  if (ALLOWED[state].includes(move)) return null;
  if (state === 'published') return '报表已发布，不能再修改';
  if (move === 'publish') return '报表须先经审核才能发布';
  if (move === 'reopen') return '只有已审核的报表可以退回修改';
  return '报表已审核，如需修改请先退回';
}

/**
 * 编审分离: the reviewer must not be the user who last edited the entered values (or filled the report), so that
 * what is published was seen by a second person (国办函〔2018〕12号: 填报、审核 by different persons of the unit).
 */
export function reviewerRefusal(report: Pick<WebsiteReport, 'editedBy'>, actor: Actor | null): string | null {
  if (actor !== null && report.editedBy !== null && report.editedBy === actor.userId) {
    return '编审分离：审核人不能是填报人';
  }
  return null;
}

/** The default deadline of the report of a year: 31 January of the next year (国办函〔2018〕12号). */
export const DEFAULT_DUE_MONTH_DAY = '01-31';

/** The deadline of the report of `year`, given the month and day (MM-DD) of the next year. */
export function dueDateOf(year: number, monthDay: string = DEFAULT_DUE_MONTH_DAY): LocalDate {
  return localDate(`${year + 1}-${monthDay}`);
}

/** Checks a due month and day (MM-DD, a day every year has). */
export function isDueMonthDay(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Filing status as the supervising office sees it. */
export type FilingStatus = 'on_time' | 'late' | 'missing' | 'pending';
/** Chinese labels of the filing statuses. */
export const FILING_STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '逾期未报送',
  pending: '尚未报送（未到期）',
};

/**
 * Whether a report was filed (published) on time: filed on or before the deadline → on time; filed after → late;
 * not filed and the deadline passed → missing; not filed yet and not due → pending.
 * @param filedOn the office-local day it was published, or null
 */
export function filingStatus(filedOn: LocalDate | null, due: LocalDate, today: LocalDate): FilingStatus {
  if (filedOn !== null) return compareDates(filedOn, due) <= 0 ? 'on_time' : 'late';
  return compareDates(today, due) > 0 ? 'missing' : 'pending';
}

/**
 * Who may see, fill, edit, review and publish the report of a site: admins and supervisors of the site's 主办单位
 * or of an organization above it. Deny by default: an actor with no such role, or an unknown organization, may not.
 * @param orgAncestry ids from the root down to the site's organization
 */
export function mayManageReport(actor: Actor | null, orgAncestry: readonly string[]): boolean {
  if (actor === null) return true; // the system (command line, demo)
  if (orgAncestry.length === 0) return false;
  return holdsOver(actor, 'admin', orgAncestry) || holdsOver(actor, 'supervisor', orgAncestry);
}

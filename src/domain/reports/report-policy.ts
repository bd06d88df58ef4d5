// Who may do what with an organization's annual report (《政府信息公开条例》第四十九条: each body compiles and
// publishes its own report; the supervising office oversees the units below it). Deny by default.
import { holdsAnywhere, holdsOver, type Actor } from '../policies/actor.js';
import type { Role } from '../users/roles.js';

/** Report actions. */
export type ReportAction =
  | 'report.read'
  | 'report.edit'
  | 'report.submit'
  | 'report.publish'
  | 'report.return'
  | 'report.rollup'
  | 'report.correct'
  | 'report.withdraw';

/** Stored report states; never rename. Draft → submitted (to the supervising organization) → published. */
export const REPORT_STATES = ['draft', 'submitted', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Chinese labels of the states and of a unit without a report (`missing`): the one map every surface shows. */
export const REPORT_STATE_LABELS: Record<ReportState | 'missing', string> = {
  draft: '编制中（草稿）',
  submitted: '已报送上级',
  published: '已公开发布',
  missing: '尚未编制',
};

/** Roles that compile the report: the disclosure office staff and its head, and administrators. */
export const REPORT_EDITOR_ROLES: readonly Role[] = ['editor', 'office_head', 'admin'];
/** Roles that sign a report off for publication (art. 49: the organization publishes its own report). */
export const REPORT_PUBLISHER_ROLES: readonly Role[] = ['office_head', 'head', 'admin'];
/** Roles that oversee the units below them: read, return and roll up their reports. */
export const REPORT_OVERSIGHT_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** The subject of a decision: the report's organization (ancestry, root first) and its state. */
export type ReportSubject = {
  /** Ids from the root down to the report's organization (inclusive); empty = unknown, denied. */
  orgAncestry: readonly string[];
  /** null when no report record exists yet (a draft is created on the first save). */
  state: ReportState | null;
  /** A published report whose correction is under way (the published version stays on the portal meanwhile). */
  correcting?: boolean;
};

const any = (actor: Actor, roles: readonly Role[], orgIds: readonly string[]): boolean =>
  roles.some((r) => holdsOver(actor, r, orgIds));

/**
 * Decides whether the actor may act on a report.
 * - read: the compilers, publishers and overseers of the organization or above it (roles reach down the tree);
 * - edit: a compiler, while the report is a draft or its correction is under way; submit: a compiler, on a draft;
 * - publish: a publisher, on a draft or submitted report (publishing a draft also submits it:
 *   art. 49 has units both submit their report and publish it by the same date), or to publish a correction;
 * - return (退回): an overseer of a strict ancestor (the supervising organization), on a submitted report;
 * - rollup (汇总): an overseer of the organization or above it (the subject is the subtree's root);
 * - correct (更正: begin or abandon the correction of a published report): a compiler, on a published report;
 * - withdraw (撤回 from the portal, with a reason): an administrator of the organization or above, on a published
 *   report (a withdrawal removes public information, so it is the administrator's, not the compiler's).
 * Errors in the figures also block submit and publish; that is the use case's check, not a role rule.
 */
export function canReport(actor: Actor, action: ReportAction, subject: ReportSubject): boolean {
  const orgIds = subject.orgAncestry;
  if (orgIds.length === 0) {
    return false;
  }
  const draft = subject.state === null || subject.state === 'draft';
  const published = subject.state === 'published';
  const correcting = published && subject.correcting === true;
  switch (action) {
    case 'report.read':
      return any(actor, [...REPORT_EDITOR_ROLES, ...REPORT_PUBLISHER_ROLES, ...REPORT_OVERSIGHT_ROLES], orgIds);
    case 'report.edit':
      return (draft || correcting) && any(actor, REPORT_EDITOR_ROLES, orgIds);
    case 'report.submit':
      return draft && any(actor, REPORT_EDITOR_ROLES, orgIds);
    case 'report.publish':
      return (!published || correcting) && any(actor, REPORT_PUBLISHER_ROLES, orgIds);
    case 'report.correct':
      return published && any(actor, REPORT_EDITOR_ROLES, orgIds);
    case 'report.withdraw':
      return published && holdsOver(actor, 'admin', orgIds);
    case 'report.return':
      return subject.state === 'submitted' && any(actor, REPORT_OVERSIGHT_ROLES, orgIds.slice(0, -1));
    case 'report.rollup':
      return any(actor, REPORT_OVERSIGHT_ROLES, orgIds);
    default:
      return false;
  }
}

/** Whether the actor oversees reports anywhere: a supervisor or an administrator of some organization. */
export function overseesReports(actor: Actor): boolean {
  return REPORT_OVERSIGHT_ROLES.some((r) => holdsAnywhere(actor, r));
}

/** 年报体检 in the back office: for those who oversee reports (they check the units' published reports). */
export const mayCheckReports = overseesReports;

/** An organization's internal report deadline (inherited below it): set by an overseer of it or above it. */
export function maySetReportDeadline(actor: Actor, orgAncestry: readonly string[]): boolean {
  return orgAncestry.length > 0 && any(actor, REPORT_OVERSIGHT_ROLES, orgAncestry);
}

/**
 * The report date of townships, streets and other bodies the Regulation gives none: set by an administrator
 * of a top-level organization (it applies everywhere).
 * @param rootOrgIds the active top-level organizations
 */
export function maySetUnregulatedDue(actor: Actor, rootOrgIds: readonly string[]): boolean {
  return rootOrgIds.some((id) => holdsOver(actor, 'admin', [id]));
}

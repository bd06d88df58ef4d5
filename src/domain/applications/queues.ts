// Work queues (待办) of 依申请公开: each a filter of the case list for the role that works it, so that every
// person on a case sees at once what waits for them. The queue names are the `queue` values of the back-office
// list and the staff API.
import type { Role } from '../users/roles.js';
import type { ApplicationState } from './application.js';

/** Stored and public queue names; never rename. */
export const QUEUES = [
  'to_register',
  'mine',
  'legal_review',
  'approval',
  'extension',
  'lapse',
  'due_soon',
  'overdue',
] as const;
/** One queue. */
export type Queue = (typeof QUEUES)[number];

/** What a queue lists: the roles that work it, the states it holds, and how it narrows further (QueueNarrowing). */
export type QueueRule = QueueNarrowing & {
  /** The actor must hold one of these roles at (or above) the case's organization. */
  roles: readonly Role[];
  /** The states listed (absent: every open state). */
  states?: readonly ApplicationState[];
  /** Open cases past their due date, or due within the due-soon window and not yet past it. */
  deadline?: 'overdue' | 'due_soon';
};

/** How a queue narrows the cases of its states further. */
export type QueueNarrowing = {
  /** Only the cases assigned to the actor (承办人). */
  mine?: boolean;
  /** The role counts only where it is held at the case's organization itself, not above it. */
  ownOrganization?: boolean;
  /** Only cases with a handler's request for an extension not yet answered (`request_extension`). */
  extensionRequested?: boolean;
  /** Only cases whose correction or payment period (waitingUntil) ended before today. */
  periodEnded?: boolean;
};

/** Roles that answer for a case's deadline: those who move it (arts. 33, 17) and the office that supervises. */
const DEADLINE_ROLES: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'signer', 'supervisor'];

/**
 * The queues. Registration (登记) and handling are the handler's; the legality review of a drafted reply
 * (合法性审查, art. 17) the legal reviewer's; its approval (审批) the signer's; the consent to an extension the
 * office head's.
 */
export const QUEUE_RULES: Readonly<Record<Queue, QueueRule>> = {
  // The queues of moves list the organizations where the role is held itself: a move needs its role at the handling
  // organization (docs/security/privacy.md); the deadline queues below still cover a subtree (supervision reads it).
  to_register: { roles: ['handler'], ownOrganization: true, states: ['received'] },
  mine: { roles: ['handler'], mine: true },
  legal_review: { roles: ['legal_reviewer'], ownOrganization: true, states: ['in_legal_review'] },
  approval: { roles: ['signer'], ownOrganization: true, states: ['awaiting_approval'] },
  // Art. 33 ¶2: the extension needs the consent of 本机关政府信息公开工作机构负责人 — the office head of the
  // handling organization itself.
  extension: { roles: ['office_head'], ownOrganization: true, extensionRequested: true },
  // Art. 30: a case whose correction (or payment) period ran out waits for the handler to confirm that the
  // applicant had no good reason (the daily job proposes it: propose_lapse).
  lapse: {
    roles: ['handler'],
    ownOrganization: true,
    states: ['awaiting_correction', 'awaiting_payment'],
    periodEnded: true,
  },
  due_soon: { roles: DEADLINE_ROLES, deadline: 'due_soon' },
  overdue: { roles: DEADLINE_ROLES, deadline: 'overdue' },
};

/** Chinese names of the queues (menus, cards, the list's heading). */
export const QUEUE_LABELS: Readonly<Record<Queue, string>> = {
  to_register: '待我登记',
  mine: '我承办的',
  legal_review: '待我审查',
  approval: '待我审批',
  extension: '待我同意延期',
  lapse: '待确认终止',
  due_soon: '即将到期',
  overdue: '已逾期',
};

// The review chain's transition table, as data: which move leads from which
// state to which, and which roles may make it. `decide` enforces it and `availableTransitions`
// offers it; both read only this file.
//
// Roles: editor — submit, recall (撤回送审 before any reviewer acted), publish (授权发布 after sign-off), revise,
// reopen (撤稿后修订: a withdrawn item revised to be published again under its 索引号);
// reviewer — approve/reject a level; signer — sign off (approve the last level), publish, withdraw; head — sign
// off 重大 items, publish, withdraw. `release` is the scheduler's move (no actor).

import type { Role } from '../users/roles.js';
import type { PublicationState } from './publication.js';

/** Moves. API names: submit, recall, approve, reject, publish, withdraw (+ revise, reopen; release is the job's). */
export const PUBLICATION_ACTIONS = [
  'submit',
  'recall',
  'approve',
  'reject',
  'publish',
  'withdraw',
  'revise',
  'reopen',
  'release',
] as const;
/** One move. */
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

/** Chinese state labels. */
export const STATE_LABELS: Readonly<Record<PublicationState, string>> = {
  draft: '草稿',
  submitted: '已送审',
  in_review: '审核中',
  signed_off: '已签发，待发布',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤稿',
};

/** Chinese move labels (also `create` and `edit`, which are recorded in the same ledger). */
export const ACTION_LABELS: Readonly<Record<PublicationAction | 'create' | 'edit', string>> = {
  create: '创建草稿',
  edit: '修改草稿',
  submit: '送审',
  recall: '撤回送审',
  approve: '审核通过',
  reject: '退回修改',
  publish: '发布',
  withdraw: '撤稿',
  revise: '修订新版本',
  reopen: '撤稿后修订（修订后重新发布）',
  release: '定时发布',
};

/** Roles that may attempt each move, whatever the state (the level's own role is checked after the table). */
export const ACTION_ROLES: Readonly<Record<PublicationAction, readonly Role[]>> = {
  submit: ['editor'],
  recall: ['editor'],
  approve: ['reviewer', 'signer', 'head'],
  reject: ['reviewer', 'signer', 'head'],
  publish: ['editor', 'signer', 'head'],
  withdraw: ['signer', 'head'],
  revise: ['editor'],
  reopen: ['editor'],
  release: [],
};

/** Moves only the system makes. */
export const SYSTEM_ACTIONS: ReadonlySet<PublicationAction> = new Set<PublicationAction>(['release']);

/** One row of the table. */
export type Transition = {
  readonly from: PublicationState;
  readonly action: PublicationAction;
  readonly to: PublicationState;
};

const row = (from: PublicationState, action: PublicationAction, to: PublicationState): Transition => ({
  from,
  action,
  to,
});

/** States in which a published item's live version may be up while a revision runs. */
export const REVISION_STATES: readonly PublicationState[] = [
  'draft',
  'submitted',
  'in_review',
  'signed_off',
  'scheduled',
];

/**
 * The table. `approve` leads to `in_review` except at the last level, where it leads to
 * `signed_off` (decide picks). `publish` with a future time leads to `scheduled` instead.
 * `withdraw` from a revision state needs a published version (decide checks).
 *
 * 撤稿后修订 (`reopen`): a withdrawn item goes back to the draft as a new version under the same id and 索引号
 * (an 索引号 is never given twice); it stays withdrawn — off the portal, search, feeds and the open-data API,
 * its page answering 410 — until the revision is published through the whole chain (先审后发), when the old
 * address shows the new version. Withdrawing it again drops the revision (back to `withdrawn`).
 */
export const TRANSITIONS: readonly Transition[] = [
  row('draft', 'submit', 'submitted'),
  // 撤回送审: back to the draft while level 1 has not acted (decide checks the round)
  row('submitted', 'recall', 'draft'),
  row('submitted', 'approve', 'in_review'),
  row('in_review', 'approve', 'in_review'),
  // 退回: at any level, and after sign-off until release
  row('submitted', 'reject', 'draft'),
  row('in_review', 'reject', 'draft'),
  row('signed_off', 'reject', 'draft'),
  row('scheduled', 'reject', 'draft'),
  row('signed_off', 'publish', 'published'),
  row('scheduled', 'publish', 'published'),
  row('scheduled', 'release', 'published'),
  // a new version of a published item goes through the chain again; the live version stays up
  row('published', 'revise', 'draft'),
  // 撤稿后修订: the same, from a withdrawn item, which stays withdrawn until the new version is published
  row('withdrawn', 'reopen', 'draft'),
  // 撤稿 of a live item, also while a revision runs (the revision is dropped)
  row('published', 'withdraw', 'withdrawn'),
  ...REVISION_STATES.map((s) => row(s, 'withdraw', 'withdrawn')),
];

/**
 * @param from the current state
 * @param action the move
 * @returns the table row, or undefined when the move is not allowed from that state
 */
export function findTransition(from: PublicationState, action: PublicationAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

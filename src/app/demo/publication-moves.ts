// Moving a publication (主动公开) along the review chain with the real use case, the way its staff would:
// 编审分离 — the editor submits, two reviewers approve levels 1 and 2, the signer approves the last level and
// publishes (and may withdraw). The demo district's content and the test factories both go through here.
import type { Actor } from '../../domain/policies/actor.js';
import type { Role } from '../../domain/users/roles.js';
import type { PublicationAction } from '../../domain/publications/transition-table.js';
import { actOnPublication, type MoveContext } from '../publications/act-on-publication.js';

/** The publishing chain: an editor, two reviewers (levels 1 and 2), the signer and the head (重大信息). */
export type PublishingStaff = Record<'editor' | 'r1' | 'r2' | 'signer' | 'head', Actor>;

/** The role each member of the publishing chain holds. */
export const PUBLISHING_ROLES = {
  editor: 'editor',
  r1: 'reviewer',
  r2: 'reviewer',
  signer: 'signer',
  head: 'head',
} as const satisfies Record<keyof PublishingStaff, Role>;

/** The states an item can be brought to (with three review levels, the default). */
export type PublicationTarget = 'draft' | 'submitted' | 'in_review' | 'signed_off' | 'published' | 'withdrawn';

/** Who makes a move of the chain. */
type Mover = Exclude<keyof PublishingStaff, 'head'>;

/** The chain's moves in order, and who makes each. */
const STEPS: readonly [Mover, PublicationAction][] = [
  ['editor', 'submit'],
  ['r1', 'approve'],
  ['r2', 'approve'],
  ['signer', 'approve'],
  ['signer', 'publish'],
  ['signer', 'withdraw'],
];

/** The moves from a draft to published (submit, three approvals, publish), and who makes each. */
export const PUBLISH_MOVES = STEPS.slice(0, 5) as readonly [Mover, PublicationAction][];

/** How many of the moves lead from a draft to each state. */
const STEPS_TO: Readonly<Record<PublicationTarget, number>> = {
  draft: 0,
  submitted: 1,
  in_review: 2,
  signed_off: 4,
  published: 5,
  withdrawn: 6,
};

/** Options of a move along the chain: the approvals' parameters (e.g. `acceptFindings`), the withdrawal's reason. */
export type ChainOptions = { approve?: Record<string, unknown>; reason?: string };

/**
 * Moves an item along the chain from its state to `to` (in_review: after the first level's approval;
 * signed_off: after the last level's), each move at the clock's current time.
 * @throws Error when the item is in a state the chain does not start from; AppError from the use case
 */
export async function moveAlongChain(
  ctx: MoveContext,
  staff: Pick<PublishingStaff, Mover>,
  id: string,
  to: PublicationTarget,
  opts: ChainOptions = {},
): Promise<void> {
  const state = (await ctx.repos.publications.byId(id))?.state;
  const from = STEPS_TO[state as PublicationTarget];
  if (from === undefined) throw new Error(`cannot move a publication on from ${String(state)}`);
  for (const [who, action] of STEPS.slice(from, STEPS_TO[to])) {
    const params =
      action === 'approve' ? (opts.approve ?? {}) : action === 'withdraw' ? { reason: opts.reason ?? '内容有误' } : {};
    await actOnPublication(ctx, staff[who], id, action, params);
  }
}

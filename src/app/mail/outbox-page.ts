// The back office's view of the email outbox (/admin/system/mail): messages not yet sent, queued or failed, with
// the recipient masked, and a retry of a failed one. Root administrators only, like the background jobs.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { maskEmail } from '../../domain/applications/tracking-code.js';
import { auditBy } from '../actors.js';
import { forbidden, notFound } from '../errors.js';
import type { OutboxEntry, OutboxState } from './ports.js';
import { mayDoGlobally } from '../orgs/global-admin.js';

/** Messages a page lists. */
const PAGE_MESSAGES = 200;

/** An unsent message as the page shows it: the recipient's local part masked, its state. */
export type OutboxRow = OutboxEntry & { state: OutboxState };

type OutboxContext = Pick<AppContext, 'repos' | 'uow' | 'clock'>;

/** @throws AppError 'forbidden' unless the actor is an admin of a root organization */
async function mayManageMail(ctx: Pick<AppContext, 'repos'>, actor: Actor): Promise<void> {
  if (!(await mayDoGlobally(ctx.repos, actor, 'mail.manage'))) throw forbidden();
}

/**
 * The outbox page: unsent messages, oldest first, all or of one state.
 * @throws AppError 'forbidden' unless the actor is an admin of a root organization
 */
export async function outboxPage(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor,
  filter: { state?: OutboxState },
): Promise<OutboxRow[]> {
  await mayManageMail(ctx, actor);
  const rows = await ctx.repos.outbox.unsent(filter, PAGE_MESSAGES);
  return rows.map((m) => ({ ...m, to: maskEmail(m.to), state: m.attempts > 0 ? 'failed' : 'queued' }));
}

/**
 * Makes a failed message due now, so the next run of the outbox sends it; recorded in the audit trail.
 * @throws AppError 'forbidden' (not a root admin), 'not_found' (no unsent message that failed)
 */
export async function retryMail(ctx: OutboxContext, actor: Actor, id: string): Promise<void> {
  await mayManageMail(ctx, actor);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    const m = await r.outbox.unsentById(id);
    if (!m || m.attempts === 0) throw notFound();
    await r.outbox.retryAt(id, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'mail.retried',
        entityType: 'email',
        entityId: id,
        orgId: null,
        before: { nextAttemptAt: m.nextAttemptAt, attempts: m.attempts },
        after: { nextAttemptAt: now },
      }),
      now,
    );
  });
}

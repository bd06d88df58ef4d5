// Storing a site-wide setting together with its audit entry, in one transaction.
import type { Actor } from '../../domain/policies/actor.js';
import type { AppContext } from '../context.js';
import { auditBy } from '../actors.js';

/**
 * Stores `after` under `key` and appends `settings.updated` with the value before and after.
 * @param ctx the unit of work and the clock
 * @param actor who changed it (null: the CLI or the system)
 */
export async function writeSetting(
  ctx: Pick<AppContext, 'uow' | 'clock'>,
  actor: Actor | null,
  key: string,
  values: { before: unknown; after: unknown },
): Promise<void> {
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (repos) => {
    await repos.settings.set(key, values.after, now);
    await repos.audit.append(
      auditBy(actor, { action: 'settings.updated', entityType: 'setting', entityId: key, orgId: null, ...values }),
      now,
    );
  });
}

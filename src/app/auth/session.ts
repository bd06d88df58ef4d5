// Resolving a session cookie to an actor, sliding the idle timeout, and signing out.
import type { AppContext } from '../context.js';
import type { SessionRecord } from './ports.js';
import type { UserWithRoles } from '../../domain/users/user.js';
import { auditBy, actorOf } from '../actors.js';

/** What sessions use. */
type SessionContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'settings'>;

/** A live session with its user. */
export type LiveSession = { session: SessionRecord; user: UserWithRoles };

/**
 * Finds the live session for a cookie token, and extends its idle timeout.
 * @returns undefined when the token is unknown, idle too long, past its absolute lifetime,
 *   or its account has been deactivated
 */
export async function resolveSession(ctx: SessionContext, token: string): Promise<LiveSession | undefined> {
  const idHash = ctx.crypto.sha256(token);
  const session = await ctx.repos.sessions.byHash(idHash);
  if (!session) {
    return undefined;
  }
  const now = ctx.clock.nowIso();
  if (session.idleExpiresAt <= now || session.absoluteExpiresAt <= now) {
    await ctx.repos.sessions.delete(idHash);
    return undefined;
  }
  const user = await ctx.repos.users.byId(session.userId);
  if (!user || user.status !== 'active') {
    await ctx.repos.sessions.delete(idHash);
    return undefined;
  }
  // Touch at most once a minute to keep writes down.
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > 60_000) {
    const idle = new Date(ctx.clock.nowMs() + ctx.settings.sessionIdleMinutes * 60_000).toISOString();
    await ctx.repos.sessions.touch(idHash, now, idle);
  }
  return { session, user };
}

/** Ends a session (logout). */
export async function logout(ctx: SessionContext, token: string): Promise<void> {
  const live = await resolveSession(ctx, token);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.sessions.delete(ctx.crypto.sha256(token));
    if (live) {
      await r.audit.append(
        auditBy(actorOf(live.user), {
          action: 'user.logout',
          entityType: 'user',
          entityId: live.user.id,
          orgId: live.user.orgId,
          before: null,
          after: null,
        }),
        now,
      );
    }
  });
}

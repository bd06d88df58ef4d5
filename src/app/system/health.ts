// The health check behind /healthz: whether the database answers and takes a write.
import type { AppContext } from '../context.js';
import { AppError, type FaultCause } from '../errors.js';

/** The health of the database: ok, or degraded with the cause. */
export type Health =
  { status: 'ok'; db: 'sqlite' | 'postgres' } | { status: 'degraded'; db: 'sqlite' | 'postgres'; cause: FaultCause };

/**
 * Probes the database with one cheap write that is neither data nor audited (see HealthProbe). A failure the
 * database layer did not recognize as a fault (AppError 'unavailable') counts as unreachable: the check
 * must answer, whatever the error.
 */
export async function databaseHealth(ctx: Pick<AppContext, 'repos' | 'clock' | 'settings'>): Promise<Health> {
  const db = ctx.settings.dialect;
  try {
    const cause = await ctx.repos.health.probe(ctx.clock.nowIso());
    return cause ? { status: 'degraded', db, cause } : { status: 'ok', db };
  } catch (e) {
    const cause = e instanceof AppError && e.code === 'unavailable' ? (e.reason as FaultCause) : 'unreachable';
    return { status: 'degraded', db, cause };
  }
}

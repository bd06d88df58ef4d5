// Rate limits on fixed windows, counted in the database (ports.ts). A request is charged BEFORE the work it
// limits is done: each counter is incremented atomically and the request goes on only if every new count is
// within its limit, so concurrent requests can never get more than the limit through. A refused request gives
// its counts back, so that only admitted requests count; an admitted one may give them back too (a successful
// login or status lookup is not a failure).
import type { CounterWindow, ThrottleContext } from './ports.js';

/** How many events of a scope a key may have per window; a limit of 0 or less counts nothing. */
export type Budget = { scope: string; limit: number; windowSeconds: number };

/** One charge of a request: the budget and the key (a client address, an email, a username …). */
export type Charge = { budget: Budget; key: string };

/** What spending came to: admitted (with a way to give the counts back) or refused with the wait. */
export type Spent =
  { ok: true; refund: () => Promise<void> } | { ok: false; retryAfterSeconds: number; refused: string[] };

/**
 * The window a key is counted in now. The key is stored as an HMAC under the server's key, so that the
 * table holds no address, email, phone number or username.
 */
function windowOf(ctx: ThrottleContext, c: Charge): CounterWindow & { endsMs: number } {
  const ms = c.budget.windowSeconds * 1000;
  const start = Math.floor(ctx.clock.nowMs() / ms) * ms;
  return {
    scope: c.budget.scope,
    key: keyOf(ctx, c.budget.scope, c.key),
    windowStart: new Date(start).toISOString(),
    expiresAt: new Date(start + ms).toISOString(),
    endsMs: start + ms,
  };
}

/** The stored key of a value in a scope. */
export const keyOf = (ctx: Pick<ThrottleContext, 'crypto'>, scope: string, value: string): string =>
  ctx.crypto.sign(`${scope}\n${value}`);

/**
 * Charges a request against its budgets: all of them or none.
 * @returns ok with `refund`, or the seconds until the first refusing window ends (at least 1)
 */
export async function spend(ctx: ThrottleContext, charges: readonly Charge[]): Promise<Spent> {
  const counted: CounterWindow[] = [];
  let waitMs = 0;
  const refused: string[] = [];
  for (const charge of charges) {
    if (charge.budget.limit <= 0) continue;
    const w = windowOf(ctx, charge);
    const count = await ctx.repos.rateCounters.add(w, 1);
    counted.push(w);
    if (count === 1) await ctx.repos.rateCounters.prune(ctx.clock.nowIso());
    if (count > charge.budget.limit) {
      waitMs = Math.max(waitMs, w.endsMs - ctx.clock.nowMs());
      refused.push(charge.budget.scope);
    }
  }
  const refund = async () => {
    for (const w of counted) await ctx.repos.rateCounters.add(w, -1);
  };
  if (refused.length > 0) {
    await refund();
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), refused };
  }
  return { ok: true, refund };
}

/**
 * Counts one event once per window: true the first time in the window (e.g. an alert to send once an hour).
 */
export async function firstInWindow(
  ctx: ThrottleContext,
  budget: Omit<Budget, 'limit'>,
  key: string,
): Promise<boolean> {
  const count = await ctx.repos.rateCounters.add(windowOf(ctx, { budget: { ...budget, limit: 1 }, key }), 1);
  return count === 1;
}

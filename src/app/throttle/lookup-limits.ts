// The limits of the applicant's page (docs/security/abuse.md): failed status lookups per client address — never
// per tracking code, which would let anyone who knows or guesses a code lock its applicant out — and posts of
// online corrections per client address.
import type { AbuseLimits } from './limits.js';
import type { ThrottleContext } from './ports.js';
import { spend } from './throttle.js';

const TEN_MINUTES = 600;

/** What the lookup limits use. */
export type LookupLimitContext = ThrottleContext & { settings: { limits: AbuseLimits } };

/** What a limited lookup came to. */
export type LookupResult<T> =
  { kind: 'found'; view: T } | { kind: 'not_found' } | { kind: 'limited'; retryAfterSeconds: number };

/**
 * Looks a case up within the client's budget of failed lookups. The lookup is charged before it runs (so that
 * concurrent guesses cannot exceed the budget) and gives its charge back when it finds the case.
 * @param address the client's address
 * @param lookup the lookup itself (undefined: no case with that code and contact)
 */
export async function limitedLookup<T>(
  ctx: LookupLimitContext,
  address: string,
  lookup: () => Promise<T | undefined>,
): Promise<LookupResult<T>> {
  const budget = {
    scope: 'track.address',
    limit: ctx.settings.limits.lookupFailuresPerAddress,
    windowSeconds: TEN_MINUTES,
  };
  const spent = await spend(ctx, [{ budget, key: address }]);
  if (!spent.ok) return { kind: 'limited', retryAfterSeconds: spent.retryAfterSeconds };
  const view = await lookup();
  if (view === undefined) return { kind: 'not_found' };
  await spent.refund();
  return { kind: 'found', view };
}

/**
 * Charges one post of the applicant's page (an online correction) to the client's address.
 * @returns null when it may go on, else the seconds until the client may post again
 */
export async function chargeCorrection(
  ctx: LookupLimitContext,
  address: string,
): Promise<{ retryAfterSeconds: number } | null> {
  const budget = {
    scope: 'correction.address',
    limit: ctx.settings.limits.correctionsPerAddress,
    windowSeconds: TEN_MINUTES,
  };
  const spent = await spend(ctx, [{ budget, key: address }]);
  return spent.ok ? null : { retryAfterSeconds: spent.retryAfterSeconds };
}

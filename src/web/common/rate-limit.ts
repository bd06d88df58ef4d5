// The limits of the public status lookup (/track and /api/v1/track) and of the forms the applicant's page posts,
// counted in the database per client address (app/throttle/lookup-limits.ts; docs/security/abuse.md).
import type { Context } from 'hono';
import type { AppContext } from '../../app/context.js';
import type { TrackView } from '../../app/applications/application-queries.js';
import { chargeCorrection, limitedLookup, type LookupResult } from '../../app/throttle/lookup-limits.js';
import { clientAddress } from './client-address.js';
import type { WebEnv } from './env.js';

/** The one answer for a wrong code or a wrong contact: it must not tell which was wrong. */
export const TRACK_NOT_FOUND = '未查询到与该查询码和联系方式相符的申请，请核对后重试。';

/** The Chinese message of a 429 answer. */
export const TOO_MANY_LOOKUPS = '查询过于频繁，请稍后再试。';

/**
 * Looks a case up for the public within the client address's budget of failed lookups.
 * @param c the request context (its client address)
 * @param code the tracking code as typed
 * @param contact the phone number or document number as typed
 * @param lookup what a successful lookup yields (the API: the tracking view; the page: a signed pass)
 */
export function limitedTrack<T = TrackView>(
  c: Context<WebEnv>,
  code: string,
  contact: string,
  lookup: (ctx: AppContext, code: string, contact: string) => Promise<T | undefined>,
): Promise<LookupResult<T>> {
  const ctx = c.get('ctx');
  return limitedLookup(ctx, clientAddress(c), () => lookup(ctx, code, contact));
}

/**
 * Counts one post of a form of the applicant's page against the client address's budget.
 * @returns null when it may go on, else the seconds until the client may post again
 */
export function limitedSend(c: Context<WebEnv>): Promise<{ retryAfterSeconds: number } | null> {
  return chargeCorrection(c.get('ctx'), clientAddress(c));
}

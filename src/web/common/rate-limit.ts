// In-memory rate limits against guessing on the public status lookup (/track and /api/v1/track):
// a budget of lookups per client IP and of failed lookups per tracking code, on a sliding window; and
// against floods of the forms the applicant's page posts (the online correction): a budget per client IP.
//
// In memory on purpose: one process serves the portal, and a restart merely resets the budgets.
// Behind a reverse proxy every client shares the proxy's socket address, so the per-IP budget then
// becomes a site-wide one; `x-forwarded-for` is not read because nothing configures which proxy to
// trust (an untrusted header would let a guesser pick a fresh "IP" per request).
import type { Context } from 'hono';
import type { AppContext } from '../../app/context.js';
import type { TrackView } from '../../app/applications/application-queries.js';
import { parseTrackingCode } from '../../domain/applications/tracking-code.js';
import type { WebEnv } from './env.js';

/** A sliding-window counter per key. */
export type RateLimiter = {
  /** Counts one event for the key. @returns false when the key was already at its limit (the event is not counted) */
  hit(key: string): boolean;
  /** @returns true when the key has used up its budget (counts nothing) */
  exhausted(key: string): boolean;
  /** @returns seconds until the key's oldest counted event leaves the window (at least 1) */
  retryAfterSeconds(key: string): number;
};

/**
 * Creates a limiter of `limit` events per `windowMs` per key.
 * @param opts.now the clock in milliseconds (tests pass a settable clock)
 * @param opts.maxKeys memory bound: beyond it, expired keys are swept and then the oldest dropped
 */
export function createRateLimiter(opts: {
  limit: number;
  windowMs: number;
  now: () => number;
  maxKeys?: number;
}): RateLimiter {
  const seen = new Map<string, number[]>();
  const maxKeys = opts.maxKeys ?? 10_000;
  const live = (key: string): number[] => {
    const from = opts.now() - opts.windowMs;
    const times = (seen.get(key) ?? []).filter((t) => t > from);
    if (times.length === 0) seen.delete(key);
    else seen.set(key, times);
    return times;
  };
  const sweep = () => {
    for (const key of [...seen.keys()]) live(key);
    for (const key of seen.keys()) {
      if (seen.size <= maxKeys) break;
      seen.delete(key);
    }
  };
  return {
    hit(key) {
      const times = live(key);
      if (times.length >= opts.limit) return false;
      seen.set(key, [...times, opts.now()]);
      if (seen.size > maxKeys) sweep();
      return true;
    },
    exhausted: (key) => live(key).length >= opts.limit,
    retryAfterSeconds(key) {
      const oldest = live(key)[0];
      return oldest === undefined ? 1 : Math.max(1, Math.ceil((oldest + opts.windowMs - opts.now()) / 1000));
    },
  };
}

/** The budgets of the status lookup. */
export const TRACK_LIMITS = { lookupsPerIp: 10, failuresPerCode: 5, windowMs: 10 * 60 * 1000 } as const;

/** The one answer for a wrong code or a wrong contact: it must not tell which was wrong. */
export const TRACK_NOT_FOUND = '未查询到与该查询码和联系方式相符的申请，请核对后重试。';

/** The Chinese message of a 429 answer. */
export const TOO_MANY_LOOKUPS = '查询过于频繁，请稍后再试。';

/** The budget of the forms the applicant's page posts (the online correction), per client IP. */
export const SEND_LIMITS = { sendsPerIp: 5, windowMs: 10 * 60 * 1000 } as const;

type TrackGuard = { perIp: RateLimiter; failuresPerCode: RateLimiter; sendsPerIp: RateLimiter };

// One guard per running application (keyed by its context), shared by the HTML page and the API.
const guards = new WeakMap<AppContext, TrackGuard>();

function guardOf(ctx: AppContext): TrackGuard {
  let guard = guards.get(ctx);
  if (!guard) {
    const now = () => ctx.clock.nowMs();
    guard = {
      perIp: createRateLimiter({ limit: TRACK_LIMITS.lookupsPerIp, windowMs: TRACK_LIMITS.windowMs, now }),
      failuresPerCode: createRateLimiter({ limit: TRACK_LIMITS.failuresPerCode, windowMs: TRACK_LIMITS.windowMs, now }),
      sendsPerIp: createRateLimiter({ limit: SEND_LIMITS.sendsPerIp, windowMs: SEND_LIMITS.windowMs, now }),
    };
    guards.set(ctx, guard);
  }
  return guard;
}

/**
 * The client's address as the socket reports it ('unknown' in-process, e.g. in tests).
 * @param c the request context
 */
export function clientIp(c: Context<WebEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** What a guarded lookup found. */
export type LookupResult<T = TrackView> =
  { kind: 'found'; view: T } | { kind: 'not_found' } | { kind: 'limited'; retryAfterSeconds: number };

/**
 * Looks a case up for the public under the rate limits: every lookup counts against the client's
 * budget, and a code that failed too often is refused even with the right contact until its
 * failures age out of the window.
 * @param c the request context (its clock and client address)
 * @param code the tracking code as typed
 * @param contact the phone number or document number as typed
 * @param lookup what a successful lookup yields (the API: the tracking view; the page: a signed pass)
 */
export async function limitedTrack<T>(
  c: Context<WebEnv>,
  code: string,
  contact: string,
  lookup: (ctx: AppContext, code: string, contact: string) => Promise<T | undefined>,
): Promise<LookupResult<T>> {
  const ctx = c.get('ctx');
  const guard = guardOf(ctx);
  const ip = clientIp(c);
  const parsed = parseTrackingCode(code);
  const codeKey = parsed.ok ? parsed.value : code.trim().toUpperCase().slice(0, 40);
  if (guard.failuresPerCode.exhausted(codeKey)) {
    return { kind: 'limited', retryAfterSeconds: guard.failuresPerCode.retryAfterSeconds(codeKey) };
  }
  if (!guard.perIp.hit(ip)) {
    return { kind: 'limited', retryAfterSeconds: guard.perIp.retryAfterSeconds(ip) };
  }
  const view = await lookup(ctx, code, contact);
  if (!view) {
    guard.failuresPerCode.hit(codeKey);
    return { kind: 'not_found' };
  }
  return { kind: 'found', view };
}

/**
 * Counts one post of a form of the applicant's page against the client's budget ({@link SEND_LIMITS}).
 * @returns null when it may go on, else the seconds until the client may post again
 */
export function limitedSend(c: Context<WebEnv>): { retryAfterSeconds: number } | null {
  const guard = guardOf(c.get('ctx'));
  const ip = clientIp(c);
  return guard.sendsPerIp.hit(ip) ? null : { retryAfterSeconds: guard.sendsPerIp.retryAfterSeconds(ip) };
}

// Ports of the rate limits (docs/decisions/0013-intake-abuse.md): counters per scope, key and fixed window, kept
// in the database so that the limits hold across processes.
import type { Clock, Crypto } from '../ports.js';

/** One counter: a scope (what is counted), a key (who: an HMAC, never the address itself) and its window. */
export type CounterWindow = { scope: string; key: string; windowStart: string; expiresAt: string };

/** Fixed-window counters, each change one atomic statement (an upsert), so concurrent requests never miss a count. */
export interface RateCounterRepository {
  /** Adds `by` (1 to count, -1 to give back) to the window's counter, creating it at 0; @returns the new count */
  add(window: CounterWindow, by: number): Promise<number>;
  /** Deletes every window of one key in a scope (a successful login clears its account's failures). */
  clear(scope: string, key: string): Promise<void>;
  /** Deletes the counters whose window ended before the instant; @returns how many */
  prune(beforeIso: string): Promise<number>;
}

/** Repositories of the rate limits. */
export type ThrottleRepos = { rateCounters: RateCounterRepository };

/** What the rate limits use: the counters, the clock (windows) and the server's key (the keys' HMACs). */
export type ThrottleContext = { repos: ThrottleRepos; clock: Clock; crypto: Crypto };

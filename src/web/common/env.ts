// The Hono environments: what middleware puts on the request context.
import type { Context } from 'hono';
import type { AppContext } from '../../app/context.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { LiveSession } from '../../app/auth/session.js';

/** Web-layer options from the deployment configuration. */
export type WebOptions = {
  secureCookies: boolean;
  uploadLimitBytes: number;
  dialect: 'sqlite' | 'postgres';
  logRequests: boolean;
  /** The page cache's budget in bytes (web/cache; 0: off); default 64 MB. */
  pageCacheBytes?: number;
  /** The office's IANA time zone (GONGKAI_TZ), for showing instants and reading typed times. */
  timeZone: string;
  /** Reverse proxies whose `X-Forwarded-For` is believed (GONGKAI_TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly string[];
  /**
   * The origin the server listens on (`http://host:port`), set by `serveHttp` once it listens: absolute links
   * fall back to it when no public address is configured, never to the request's Host header.
   */
  listenOrigin?: string;
};

/** Variables set by middleware on every request. */
export type WebVariables = {
  ctx: AppContext;
  opts: WebOptions;
  /** The CSRF token to embed in forms (double-submit cookie value). */
  csrf: string;
  sessionToken?: string;
  /** A session cookie came with the request but its session has ended (idle, expired, logged out). */
  sessionEnded?: boolean;
  live?: LiveSession;
  /** The signed-in account's policy view, when there is one. */
  actor?: Actor;
  /** What the page shows beyond what its address tells (web/cache): e.g. a publication page's organization. */
  pageTags?: string[];
};

/** The environment of every request. */
export type WebEnv = { Variables: WebVariables };

/**
 * The environment of the back office (/admin) and of the staff API: `requireStaff` / `requireApiUser` has
 * answered every request without a signed-in account, so the actor is always there.
 */
export type StaffEnv = { Variables: WebVariables & { actor: Actor } };

/** A back-office or staff-API request. */
export type StaffContext = Context<StaffEnv>;

/** What every back-office page is drawn with: the signed-in actor and the form token. */
export const staffPage = (c: StaffContext) => ({ actor: c.get('actor'), csrf: c.get('csrf') });

// The Hono environment: what middleware puts on the request context.
import type { AppContext } from '../../app/context.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { LiveSession } from '../../app/auth/session.js';

/** Web-layer options from the deployment configuration. */
export type WebOptions = {
  secureCookies: boolean;
  uploadLimitBytes: number;
  dialect: 'sqlite' | 'postgres';
  logRequests: boolean;
  /** The office's IANA time zone (GONGKAI_TZ), for showing instants. */
  timeZone: string;
};

/** Variables set by middleware. */
export type WebVariables = {
  ctx: AppContext;
  opts: WebOptions;
  /** The CSRF token to embed in forms (double-submit cookie value). */
  csrf: string;
  sessionToken?: string;
  /** A session cookie came with the request but its session has ended (idle, expired, logged out). */
  sessionEnded?: boolean;
  live?: LiveSession;
  actor?: Actor;
};

/** The Hono generic environment for gongkai. */
export type WebEnv = { Variables: WebVariables };

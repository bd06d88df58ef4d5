// Helpers shared by route handlers: form parsing, error pages, auth guards.
import type { Context } from 'hono';
import type { AppError } from '../../app/errors.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { WebEnv } from './env.js';

/** Reads a urlencoded or multipart form into strings (repeated fields as arrays). */
export async function readForm(c: Context<WebEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) {
      out[k] = v.filter((x): x is string => typeof x === 'string');
    } else if (typeof v === 'string') {
      out[k] = v;
    }
  }
  return out;
}

/** One string field of a parsed form. */
export const str = (form: Record<string, string | string[]>, key: string): string => {
  const v = form[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** A repeated field of a parsed form. */
export const list = (form: Record<string, string | string[]>, key: string): string[] => {
  const v = form[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** HTTP status for an application error. */
export function statusOf(e: AppError): 400 | 401 | 403 | 404 | 409 | 422 | 423 {
  switch (e.code) {
    case 'not_found':
      return 404;
    case 'forbidden':
      return 403;
    case 'invalid':
      return 422;
    case 'conflict':
      return 409;
    case 'unauthenticated':
      return 401;
    case 'locked':
      return 423;
  }
}

/** The signed-in actor, or a redirect to the login page. */
export function requireActor(c: Context<WebEnv>): Actor | Response {
  const actor = c.get('actor');
  if (!actor) {
    const next = encodeURIComponent(c.req.path);
    const ended = c.get('sessionEnded') ? '&expired=1' : '';
    return c.redirect(`/admin/login?next=${next}${ended}`, 303);
  }
  return actor;
}

/** A relative path safe to redirect to after login (no open redirects). */
export function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(next) ? next : '/admin';
}

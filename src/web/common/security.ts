// Sessions, CSRF protection and security headers for the HTML surfaces.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { resolveSession } from '../../app/auth/session.js';
import { actorOf } from '../../app/actors.js';
import type { WebEnv } from './env.js';
import { parseBody } from './pipeline.js';

/**
 * The names of the session and CSRF cookies. With Secure cookies (GONGKAI_SECURE_COOKIES) they carry the
 * `__Host-` prefix: the browser then accepts them only with Secure, Path=/ and no Domain, so that a sibling
 * subdomain or a plain-HTTP page cannot plant or overwrite them (RFC 6265bis §4.1.3.2). Without Secure (local
 * HTTP) the plain names, which the browser would otherwise refuse.
 */
export function cookieNames(secure: boolean): { session: string; csrf: string } {
  return secure ? { session: '__Host-gk_session', csrf: '__Host-gk_csrf' } : { session: 'gk_session', csrf: 'gk_csrf' };
}

/** The cookie names of this deployment. */
export const cookieNamesOf = (c: Context<WebEnv>) => cookieNames(c.get('opts').secureCookies);

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * Loads the session (if any) and sets the CSRF token forms echo in `_csrf`. A signed-in visitor's token is the
 * one stored with the session at login: it is valid for that session only, whatever cookie comes with it. A
 * visitor without a session gets a double-submit cookie (HttpOnly, SameSite=Strict: an attacker's page can
 * neither read nor set it) for the login form and the public forms.
 */
export function sessionMiddleware(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const ctx = c.get('ctx');
    const names = cookieNamesOf(c);
    const token = getCookie(c, names.session);
    if (token) {
      const live = await resolveSession(ctx, token);
      if (live) {
        c.set('sessionToken', token);
        c.set('live', live);
        c.set('actor', actorOf(live.user));
      } else {
        c.set('sessionEnded', true);
        deleteCookie(c, names.session, removal(c));
      }
    }
    const session = c.get('live')?.session;
    const cookie = getCookie(c, names.csrf);
    const csrf = session ? session.csrfToken : cookie && TOKEN.test(cookie) ? cookie : ctx.crypto.randomToken();
    if (csrf !== cookie) setCookie(c, names.csrf, csrf, cookieOptions(c, 'Strict'));
    c.set('csrf', csrf);
    await next();
  };
}

/**
 * Rejects unsafe requests whose Origin is another site or whose `_csrf` field (or X-CSRF-Token header) is not
 * the expected token: the session's own when signed in (a token of another session is refused), else the
 * double-submit cookie's. Compared in constant time. Bearer-token API calls carry no cookies and are exempt.
 */
export function csrfMiddleware(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (!UNSAFE.test(c.req.method) || c.req.path.startsWith('/api/')) {
      return next();
    }
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin && host && safeHost(origin) !== host) {
      return c.text('跨站请求已被拒绝（CSRF）', 403);
    }
    const expected = c.get('live')?.session.csrfToken ?? c.get('csrf');
    const sent = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
    if (!sent || !c.get('ctx').crypto.equal(sent, expected)) {
      return c.html(csrfPage(), 403);
    }
    return next();
  };
}

/** Options that remove a cookie set with `cookieOptions` (a `__Host-` cookie is removed only with Secure). */
export const removal = (c: Context<WebEnv>) => ({ path: '/', secure: c.get('opts').secureCookies });

async function formField(c: Context<WebEnv>, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    return undefined;
  }
  const body = await parseBody(c);
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function csrfPage(): string {
  return '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>页面已过期</title><link rel="stylesheet" href="/static/app.css"><main><h1>页面已过期</h1><p>表单的安全校验未通过，可能是页面停留时间过长或在其他窗口中退出了登录。请<a href="javascript:history.back()">返回</a>并刷新页面后重新提交。</p></main></html>';
}

/** Cookie options: HttpOnly always; Secure when configured (behind HTTPS). */
export function cookieOptions(c: Context<WebEnv>, sameSite: 'Strict' | 'Lax', maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite,
    secure: c.get('opts').secureCookies,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  } as const;
}

/** Content-Security-Policy for every page: no inline script, no third-party anything. */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
};

// Sessions, CSRF protection and security headers for the HTML surfaces.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { resolveSession } from '../../app/auth/session.js';
import { actorOf } from '../../app/actors.js';
import type { WebEnv } from './env.js';
import { parseBody } from './pipeline.js';

/** Cookie names. */
export const SESSION_COOKIE = 'gk_session';
export const CSRF_COOKIE = 'gk_csrf';

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * Loads the session (if any) and makes sure the visitor has a CSRF token cookie.
 * The token is a double-submit value: forms echo it in `_csrf`, and an attacker's page can
 * neither read the HttpOnly cookie nor set it (SameSite=Strict).
 */
export function sessionMiddleware(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const ctx = c.get('ctx');
    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{32,64}$/.test(csrf)) {
      csrf = ctx.crypto.randomToken();
      setCookie(c, CSRF_COOKIE, csrf, cookieOptions(c, 'Strict'));
    }
    c.set('csrf', csrf);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const live = await resolveSession(ctx, token);
      if (live) {
        c.set('sessionToken', token);
        c.set('live', live);
        c.set('actor', actorOf(live.user));
      } else {
        c.set('sessionEnded', true);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
    }
    await next();
  };
}

/**
 * Rejects unsafe requests whose Origin is another site or whose `_csrf` field (or X-CSRF-Token
 * header) does not match the cookie. Bearer-token API calls carry no cookies and are exempt.
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
    const expected = c.get('csrf');
    const sent = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
    if (!sent || sent !== expected) {
      return c.html(csrfPage(), 403);
    }
    return next();
  };
}

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

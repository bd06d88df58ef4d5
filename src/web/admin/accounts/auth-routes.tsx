/** @jsxImportSource hono/jsx */
// Back-office login, logout and change of password.
import type { Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { login } from '../../../app/auth/login.js';
import { logout } from '../../../app/auth/session.js';
import { changePassword } from '../../../app/auth/change-password.js';
import { AppError } from '../../../app/errors.js';
import { AdminLayout } from '../../common/layout.js';
import { Csrf, ErrorSummary, Field } from '../../common/forms.js';
import { CSRF_COOKIE, SESSION_COOKIE, cookieOptions } from '../../common/security.js';
import { readForm, requireActor, safeNext, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';

function LoginPage(p: { csrf: string; username?: string; next?: string; error?: string; expired?: boolean }) {
  return (
    <AdminLayout title="登录" csrf={p.csrf}>
      {p.expired ? (
        <p class="notice" role="status">
          登录已超时或已在其他地方退出，请重新登录。
        </p>
      ) : null}
      <form method="post" action="/admin/login" class="narrow">
        <Csrf token={p.csrf} />
        <input type="hidden" name="next" value={p.next ?? ''} />
        <ErrorSummary message={p.error} />
        <Field name="username" label="用户名" value={p.username} required autocomplete="username" />
        <Field name="password" label="密码" type="password" required autocomplete="current-password" />
        <button type="submit">登录</button>
      </form>
    </AdminLayout>
  );
}

const PW_LABELS = { current: '当前密码', next: '新密码', confirm: '确认新密码' };

function PasswordPage(p: {
  csrf: string;
  forced: boolean;
  error?: string;
  errors?: Record<string, string>;
  actor?: Parameters<typeof AdminLayout>[0]['actor'];
}) {
  return (
    <AdminLayout title="修改密码" csrf={p.csrf} actor={p.actor}>
      {p.forced ? <p class="notice">首次登录或密码已被重置，请先设置新密码后再继续使用。</p> : null}
      <form method="post" action="/admin/password" class="narrow">
        <Csrf token={p.csrf} />
        <ErrorSummary message={p.error} errors={p.errors} labels={PW_LABELS} />
        <Field
          name="current"
          label={PW_LABELS.current}
          type="password"
          required
          autocomplete="current-password"
          error={p.errors?.current}
        />
        <Field
          name="next"
          label={PW_LABELS.next}
          type="password"
          required
          autocomplete="new-password"
          hint="至少10个字符，不能包含用户名，不能是常见密码"
          error={p.errors?.next}
        />
        <Field
          name="confirm"
          label={PW_LABELS.confirm}
          type="password"
          required
          autocomplete="new-password"
          error={p.errors?.confirm}
        />
        <button type="submit">保存新密码</button>
      </form>
    </AdminLayout>
  );
}

/** Registers /admin/login, /admin/logout and /admin/password. */
export function registerAuthRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/login', (c) => {
    if (c.get('actor')) {
      return c.redirect('/admin', 303);
    }
    return c.html(
      <LoginPage csrf={c.get('csrf')} next={c.req.query('next')} expired={c.req.query('expired') === '1'} />,
    );
  });

  app.post('/admin/login', async (c) => {
    const form = await readForm(c);
    const username = str(form, 'username');
    try {
      const r = await login(c.get('ctx'), username, str(form, 'password'));
      const ctx = c.get('ctx');
      setCookie(c, SESSION_COOKIE, r.token, cookieOptions(c, 'Lax'));
      // A fresh CSRF token after login (no fixation of a pre-login value).
      setCookie(c, CSRF_COOKIE, ctx.crypto.randomToken(), cookieOptions(c, 'Strict'));
      return c.redirect(r.mustChangePassword ? '/admin/password' : safeNext(str(form, 'next')), 303);
    } catch (e) {
      if (e instanceof AppError) {
        return c.html(
          <LoginPage csrf={c.get('csrf')} username={username} next={str(form, 'next')} error={e.message} />,
          statusOf(e),
        );
      }
      throw e;
    }
  });

  app.post('/admin/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) {
      await logout(c.get('ctx'), token);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/admin/login', 303);
  });

  app.get('/admin/password', (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) {
      return actor;
    }
    return c.html(
      <PasswordPage csrf={c.get('csrf')} actor={actor} forced={c.get('live')?.user.mustChangePassword ?? false} />,
    );
  });

  app.post('/admin/password', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) {
      return actor;
    }
    const form = await readForm(c);
    const ctx = c.get('ctx');
    const token = c.get('sessionToken');
    try {
      await changePassword(
        ctx,
        actor.userId,
        { current: str(form, 'current'), next: str(form, 'next'), confirm: str(form, 'confirm') },
        token ? ctx.crypto.sha256(token) : undefined,
      );
      return c.redirect('/admin?flash=password', 303);
    } catch (e) {
      if (e instanceof AppError) {
        const forced = c.get('live')?.user.mustChangePassword ?? false;
        return c.html(
          <PasswordPage csrf={c.get('csrf')} actor={actor} forced={forced} error={e.message} errors={e.fieldErrors} />,
          statusOf(e),
        );
      }
      throw e;
    }
  });
}

/** @jsxImportSource hono/jsx */
// Back-office login, logout and change of password. Login and logout answer without a session; the password
// pages need one (and are the only pages open while a new password is due).
import { Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { login } from '../../../app/auth/login.js';
import { logout } from '../../../app/auth/session.js';
import { changePassword } from '../../../app/auth/change-password.js';
import { AppError, RateLimitedError } from '../../../app/errors.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, PostForm } from '../../common/forms.js';
import { cookieNamesOf, cookieOptions, removal } from '../../common/security.js';
import { formAction, readForm, requireStaff, statusOf, valueOf } from '../../common/pipeline.js';
import { clientAddress } from '../../common/client-address.js';
import type { FieldErrors } from '../../common/validation.js';
import { z } from '../../common/validation.js';
import type { StaffEnv, WebEnv } from '../../common/env.js';
import { asTyped } from './user-form.js';

/** A relative path safe to redirect to after login (no open redirects). */
function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(next) ? next : '/admin';
}

function LoginPage(p: { csrf: string; username?: string; next?: string; error?: string; expired?: boolean }) {
  return (
    <AdminLayout title="登录" csrf={p.csrf}>
      {p.expired ? (
        <p class="notice" role="status">
          登录已超时或已在其他地方退出，请重新登录。
        </p>
      ) : null}
      <PostForm action="/admin/login" csrf={p.csrf} class="narrow">
        <input type="hidden" name="next" value={p.next ?? ''} />
        <ErrorSummary message={p.error} />
        <Field name="username" label="用户名" value={p.username} required autocomplete="username" />
        <Field name="password" label="密码" type="password" required autocomplete="current-password" />
        <button type="submit">登录</button>
      </PostForm>
    </AdminLayout>
  );
}

const PW_LABELS = { current: '当前密码', next: '新密码', confirm: '确认新密码' };

/** The change-of-password form: the three fields as typed (the use case checks them all at once). */
const passwordForm = z.object({ current: asTyped(), next: asTyped(), confirm: asTyped() });

function PasswordPage(p: { csrf: string; forced: boolean; error?: string; errors?: FieldErrors; actor: Actor }) {
  const field = (name: keyof typeof PW_LABELS, autocomplete: string, hint?: string) => (
    <Field
      name={name}
      label={PW_LABELS[name]}
      type="password"
      required
      autocomplete={autocomplete}
      hint={hint}
      error={p.errors?.[name]}
    />
  );
  return (
    <AdminLayout title="修改密码" csrf={p.csrf} actor={p.actor}>
      {p.forced ? <p class="notice">首次登录或密码已被重置，请先设置新密码后再继续使用。</p> : null}
      <PostForm action="/admin/password" csrf={p.csrf} class="narrow">
        <ErrorSummary message={p.error} errors={p.errors} labels={PW_LABELS} />
        {field('current', 'current-password')}
        {field('next', 'new-password', '至少10个字符，不能包含用户名，不能是常见密码')}
        {field('confirm', 'new-password')}
        <button type="submit">保存新密码</button>
      </PostForm>
    </AdminLayout>
  );
}

/** Registers /admin/login, /admin/logout and /admin/password (before the back office's sub-app). */
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
    const [username, next] = [valueOf(form, 'username'), valueOf(form, 'next')];
    const ctx = c.get('ctx');
    try {
      const r = await login(ctx, username, valueOf(form, 'password'), clientAddress(c));
      const names = cookieNamesOf(c);
      setCookie(c, names.session, r.token, cookieOptions(c, 'Lax'));
      // The session's own CSRF token (no fixation of a pre-login value): only this session accepts it.
      setCookie(c, names.csrf, r.csrfToken, cookieOptions(c, 'Strict'));
      return c.redirect(r.mustChangePassword ? '/admin/password' : safeNext(next), 303);
    } catch (e) {
      // A refused login (wrong password 401) is the login form again, with the username; a throttled one (429) the
      // form without it, so that its body is the same for every username.
      if (!(e instanceof AppError)) throw e;
      if (e instanceof RateLimitedError) {
        c.header('Retry-After', String(e.retryAfterSeconds));
        return c.html(<LoginPage csrf={c.get('csrf')} next={next} error={e.message} />, 429);
      }
      return c.html(<LoginPage csrf={c.get('csrf')} username={username} next={next} error={e.message} />, statusOf(e));
    }
  });

  app.post('/admin/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) {
      await logout(c.get('ctx'), token);
    }
    // The session's CSRF token goes with it: the next page draws a fresh one.
    deleteCookie(c, cookieNamesOf(c).session, removal(c));
    deleteCookie(c, cookieNamesOf(c).csrf, removal(c));
    return c.redirect('/admin/login', 303);
  });

  // The password pages need a signed-in account; a forced change keeps every other page closed until done.
  const own = new Hono<StaffEnv>();
  own.use('/admin/password', requireStaff());
  own.get('/admin/password', (c) =>
    c.html(
      <PasswordPage
        csrf={c.get('csrf')}
        actor={c.get('actor')}
        forced={c.get('live')?.user.mustChangePassword ?? false}
      />,
    ),
  );
  own.post('/admin/password', (c) => {
    const token = c.get('sessionToken');
    const ctx = c.get('ctx');
    return formAction(c, {
      schema: passwordForm,
      run: (input) => changePassword(ctx, c.get('actor').userId, input, token ? ctx.crypto.sha256(token) : undefined),
      done: () => c.redirect('/admin?flash=password', 303),
      again: (state) => (
        <PasswordPage
          csrf={c.get('csrf')}
          actor={c.get('actor')}
          forced={c.get('live')?.user.mustChangePassword ?? false}
          error={state.message}
          errors={state.errors}
        />
      ),
    });
  });
  app.route('/', own);
}

/** @jsxImportSource hono/jsx */
// Back-office account pages: list, create, edit roles, reset password, (de)activate, hand over (交接).
import type { Context, Hono } from 'hono';
import { createUser, resetPassword, setUserActive, updateUser } from '../../../app/users/manage-users.js';
import { handover } from '../../../app/users/handover.js';
import { AppError } from '../../../app/errors.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { abilitiesFor, handoverCandidates, listVisibleUsers, loadUserScope } from '../../../app/users/user-scope.js';
import {
  blankUserValues,
  parseNewUser,
  parseSuccessor,
  parseTemporaryPassword,
  parseUserEdit,
  userValuesFrom,
  userValuesOf,
} from './user-form.js';
import { ForbiddenPage, UserListPage, UserNewPage, type FormErrors } from './user-views.js';
import {
  HandoverPage,
  UserEditPage,
  handoverFlash,
  type AccountView,
  type EditPageProps,
} from './user-account-views.js';

const FLASH: Record<string, string> = {
  created: '账号已创建。',
  saved: '账号信息已保存。',
  password: '已设置临时密码，该用户下次登录时须修改密码。',
  deactivated: '账号已停用：该账号不能再登录，其记录予以保留。',
  reactivated: '账号已重新启用。',
};

type C = Context<WebEnv>;
type Page = string | Promise<string>;

const denied = (c: C, actor: Actor, message?: string) =>
  c.html(<ForbiddenPage actor={actor} csrf={c.get('csrf')} message={message} />, 403);
const formErrors = (e: AppError): FormErrors => ({ message: e.message, errors: e.fieldErrors });

/**
 * Answers a failed use case: 403 page when forbidden, otherwise the form again with the errors and the right status.
 */
async function failed(
  c: C,
  actor: Actor,
  e: unknown,
  render: (e: AppError) => Page | Promise<Page>,
): Promise<Response> {
  if (!(e instanceof AppError)) throw e;
  if (e.code === 'forbidden') return denied(c, actor, e.message);
  return c.html(await render(e), statusOf(e));
}

/** Loads the account named in the URL with the actor's rights over it; 404 when unknown, 403 when not readable. */
async function loadAccount(c: C, actor: Actor, id: string): Promise<AccountView | Response> {
  const ctx = c.get('ctx');
  const user = await ctx.repos.users.byId(id);
  if (!user) return await c.notFound();
  const scope = await loadUserScope(ctx, actor);
  if (!scope.can('user.read', user.orgId)) return denied(c, actor);
  const successor = user.replacedBy ? await ctx.repos.users.byId(user.replacedBy) : undefined;
  return { user, scope, abilities: abilitiesFor(scope, user), successor };
}

function editPage(c: C, actor: Actor, a: AccountView, extra: Partial<EditPageProps> = {}) {
  return <UserEditPage {...a} actor={actor} csrf={c.get('csrf')} values={userValuesOf(a.user)} {...extra} />;
}

function flashOf(c: C, a: AccountView): string | undefined {
  const key = c.req.query('flash') ?? '';
  if (key !== 'handover') return FLASH[key];
  const moved = (c.req.query('moved') ?? '').split(',').map((n) => Number.parseInt(n, 10) || 0);
  const labels = c.get('ctx').handoverSteps.map((s) => s.label);
  return handoverFlash(Number.parseInt(c.req.query('roles') ?? '', 10) || 0, moved, labels, a.successor);
}

async function handoverPage(c: C, actor: Actor, a: AccountView, toUserId = '', err?: AppError) {
  const ctx = c.get('ctx');
  const candidates = await handoverCandidates(ctx, a.scope, a.user.id);
  const steps = ctx.handoverSteps.map((s) => s.label);
  return (
    <HandoverPage
      {...a}
      actor={actor}
      csrf={c.get('csrf')}
      candidates={candidates}
      steps={steps}
      toUserId={toUserId}
      {...(err ? formErrors(err) : {})}
    />
  );
}

/** Registers the /admin/users pages. */
export function registerUserRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/users', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const scope = await loadUserScope(ctx, actor);
    if (!scope.canSomewhere('user.read')) return denied(c, actor);
    const filter = { org: c.req.query('org') ?? '', status: c.req.query('status') ?? '', q: c.req.query('q') ?? '' };
    const users = await listVisibleUsers(ctx, scope, filter);
    return c.html(
      <UserListPage
        actor={actor}
        csrf={c.get('csrf')}
        scope={scope}
        users={users}
        filter={filter}
        canCreate={scope.canSomewhere('user.create')}
      />,
    );
  });

  app.get('/admin/users/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const scope = await loadUserScope(c.get('ctx'), actor);
    const orgs = scope.orgsFor('user.create');
    if (orgs.length === 0) return denied(c, actor);
    const orgId = orgs.some((o) => o.id === actor.homeOrgId) ? actor.homeOrgId : (orgs[0]?.id ?? '');
    return c.html(<UserNewPage actor={actor} csrf={c.get('csrf')} scope={scope} values={blankUserValues(orgId)} />);
  });

  app.post('/admin/users/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const scope = await loadUserScope(ctx, actor);
    if (!scope.canSomewhere('user.create')) return denied(c, actor);
    const form = await readForm(c);
    const values = userValuesFrom(form);
    try {
      const user = await createUser(ctx, actor, parseNewUser(values, form));
      return c.redirect(`/admin/users/${user.id}?flash=created`, 303);
    } catch (e) {
      return failed(c, actor, e, (err) => (
        <UserNewPage actor={actor} csrf={c.get('csrf')} scope={scope} values={values} {...formErrors(err)} />
      ));
    }
  });

  app.get('/admin/users/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const a = await loadAccount(c, actor, c.req.param('id'));
    if (a instanceof Response) return a;
    return c.html(editPage(c, actor, a, { flash: flashOf(c, a) }));
  });

  app.post('/admin/users/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const a = await loadAccount(c, actor, c.req.param('id'));
    if (a instanceof Response) return a;
    const values = userValuesFrom(await readForm(c));
    try {
      await updateUser(c.get('ctx'), actor, a.user.id, parseUserEdit(values, a.user.username));
      return c.redirect(`/admin/users/${a.user.id}?flash=saved`, 303);
    } catch (e) {
      return failed(c, actor, e, (err) => editPage(c, actor, a, { values, edit: formErrors(err) }));
    }
  });

  app.post('/admin/users/:id/password', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const a = await loadAccount(c, actor, c.req.param('id'));
    if (a instanceof Response) return a;
    const form = await readForm(c);
    try {
      await resetPassword(c.get('ctx'), actor, a.user.id, parseTemporaryPassword(form));
      return c.redirect(`/admin/users/${a.user.id}?flash=password`, 303);
    } catch (e) {
      return failed(c, actor, e, (err) => editPage(c, actor, a, { password: formErrors(err) }));
    }
  });

  app.post('/admin/users/:id/status', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const a = await loadAccount(c, actor, c.req.param('id'));
    if (a instanceof Response) return a;
    const active = str(await readForm(c), 'active') === '1';
    try {
      await setUserActive(c.get('ctx'), actor, a.user.id, active);
      return c.redirect(`/admin/users/${a.user.id}?flash=${active ? 'reactivated' : 'deactivated'}`, 303);
    } catch (e) {
      return failed(c, actor, e, (err) => editPage(c, actor, a, { status: formErrors(err) }));
    }
  });

  app.get('/admin/users/:id/handover', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const a = await loadAccount(c, actor, c.req.param('id'));
    if (a instanceof Response) return a;
    if (!a.abilities.handover) {
      return a.user.status === 'active' ? denied(c, actor) : c.redirect(`/admin/users/${a.user.id}`, 303);
    }
    return c.html(await handoverPage(c, actor, a));
  });

  app.post('/admin/users/:id/handover', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const a = await loadAccount(c, actor, c.req.param('id'));
    if (a instanceof Response) return a;
    const form = await readForm(c);
    const toUserId = str(form, 'toUserId');
    try {
      const r = await handover(c.get('ctx'), actor, a.user.id, parseSuccessor(form));
      return c.redirect(
        `/admin/users/${a.user.id}?flash=handover&roles=${r.roles}&moved=${r.moved.map((m) => m.count).join(',')}`,
        303,
      );
    } catch (e) {
      return failed(c, actor, e, (err) => handoverPage(c, actor, a, toUserId, err));
    }
  });
}

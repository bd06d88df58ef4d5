/** @jsxImportSource hono/jsx */
// Back-office account pages: list, create, edit roles, reset password, (de)activate, hand over (交接).
// Thin handlers: parse → use case or query (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { createUser, resetPassword, setUserActive, updateUser } from '../../../app/users/manage-users.js';
import { handover } from '../../../app/users/handover.js';
import { grantPersonalData, revokePersonalData } from '../../../app/users/personal-data-grants.js';
import { accountPage, handoverChoices, newUserChoices, userList } from '../../../app/users/user-scope.js';
import { USER_STATUSES } from '../../../domain/users/user.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, readQuery, valueOf, type FormState } from '../../common/pipeline.js';
import { optionalOneOf, parseQuery, required, text, z } from '../../common/validation.js';
import { UserListPage, UserNewPage, type FormErrors } from './user-views.js';
import { HandoverPage, UserEditPage, handoverFlash, type EditPageProps } from './user-account-views.js';
import {
  blankUserValues,
  newUserForm,
  successorForm,
  temporaryPasswordForm,
  userEditForm,
  userValuesFrom,
  userValuesOf,
} from './user-form.js';

const FLASH: Record<string, string> = {
  created: '账号已创建。',
  saved: '账号信息已保存。',
  password: '已设置临时密码，该用户下次登录时须修改密码。',
  deactivated: '账号已停用：该账号不能再登录，其记录予以保留。',
  reactivated: '账号已重新启用。',
  granted: '已授权该账号查看授权范围内申请人的个人信息，每次查看均记入审计日志。',
  revoked: '已撤销该授权。',
};

/** The list's filter: a malformed status is reported and ignored. */
const listQuery = { org: text(64), status: optionalOneOf(USER_STATUSES, '状态有误'), q: text(100) };

const errorsOf = (state: FormState): FormErrors => ({ message: state.message, errors: state.errors });

/** The account page, with one of its forms shown again after a refusal. */
async function editPage(c: StaffContext, id: string, extra: Partial<Omit<EditPageProps, 'page'>> = {}) {
  const page = await accountPage(c.get('ctx'), c.get('actor'), id);
  return <UserEditPage page={page} {...staffPage(c)} values={userValuesOf(page.user)} {...extra} />;
}

/** The flash message of the account page (after a handover: what moved, from the counts in the query). */
function accountFlash(
  c: StaffContext,
  labels: readonly string[],
  successor: Parameters<typeof handoverFlash>[3],
): string | undefined {
  if (c.req.query('flash') !== 'handover') return flashOf(c, FLASH);
  const moved = (c.req.query('moved') ?? '').split(',').map((n) => Number.parseInt(n, 10) || 0);
  return handoverFlash(Number.parseInt(c.req.query('roles') ?? '', 10) || 0, moved, labels, successor);
}

/** Registers the /admin/users pages. */
export function registerUserRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/users', async (c) => {
    const raw = readQuery(c);
    const { value, errors } = parseQuery(listQuery, raw);
    const list = await userList(c.get('ctx'), c.get('actor'), { ...value, orgId: value.org || undefined });
    const query = { org: valueOf(raw, 'org'), status: valueOf(raw, 'status'), q: valueOf(raw, 'q') };
    return c.html(<UserListPage {...staffPage(c)} list={list} query={query} errors={errors} />);
  });

  admin.get('/admin/users/new', async (c) => {
    const { orgs, defaultOrgId } = await newUserChoices(c.get('ctx'), c.get('actor'));
    return c.html(<UserNewPage {...staffPage(c)} orgs={orgs} values={blankUserValues(defaultOrgId)} />);
  });

  admin.post('/admin/users/new', (c) =>
    formAction(c, {
      schema: newUserForm,
      run: ({ confirm: _typedTwice, ...input }) => createUser(c.get('ctx'), c.get('actor'), input),
      done: (user) => c.redirect(`/admin/users/${user.id}?flash=created`, 303),
      again: async (state) => {
        const { orgs } = await newUserChoices(c.get('ctx'), c.get('actor'));
        const values = userValuesFrom(state.values);
        return <UserNewPage {...staffPage(c)} orgs={orgs} values={values} {...errorsOf(state)} />;
      },
    }),
  );

  admin.get('/admin/users/:id', async (c) => {
    const page = await accountPage(c.get('ctx'), c.get('actor'), c.req.param('id'));
    const flash = accountFlash(c, page.handoverSteps, page.successor);
    return c.html(<UserEditPage page={page} {...staffPage(c)} values={userValuesOf(page.user)} flash={flash} />);
  });

  admin.post('/admin/users/:id', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: userEditForm,
      run: (input) => updateUser(c.get('ctx'), c.get('actor'), id, input),
      done: () => c.redirect(`/admin/users/${id}?flash=saved`, 303),
      again: (state) => editPage(c, id, { values: userValuesFrom(state.values), edit: errorsOf(state) }),
    });
  });

  admin.post('/admin/users/:id/password', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: temporaryPasswordForm,
      run: ({ password }) => resetPassword(c.get('ctx'), c.get('actor'), id, password),
      done: () => c.redirect(`/admin/users/${id}?flash=password`, 303),
      again: (state) => editPage(c, id, { password: errorsOf(state) }),
    });
  });

  admin.post('/admin/users/:id/status', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ active: text(1) }),
      run: async ({ active }) => {
        await setUserActive(c.get('ctx'), c.get('actor'), id, active === '1');
        return active === '1';
      },
      done: (active) => c.redirect(`/admin/users/${id}?flash=${active ? 'reactivated' : 'deactivated'}`, 303),
      again: (state) => editPage(c, id, { status: errorsOf(state) }),
    });
  });

  admin.post('/admin/users/:id/personal-data', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ orgId: required('请选择授权范围'), reason: text(200) }),
      run: (input) => grantPersonalData(c.get('ctx'), c.get('actor'), id, input),
      done: () => c.redirect(`/admin/users/${id}?flash=granted`, 303),
      again: (state) =>
        editPage(c, id, {
          personalData: {
            ...errorsOf(state),
            values: { orgId: valueOf(state.values, 'orgId'), reason: valueOf(state.values, 'reason') },
          },
        }),
    });
  });

  admin.post('/admin/users/:id/personal-data/:grant/revoke', async (c) => {
    const id = c.req.param('id');
    await revokePersonalData(c.get('ctx'), c.get('actor'), id, c.req.param('grant'));
    return c.redirect(`/admin/users/${id}?flash=revoked`, 303);
  });

  admin.get('/admin/users/:id/handover', async (c) => {
    const page = await handoverChoices(c.get('ctx'), c.get('actor'), c.req.param('id'));
    if (!page.can.handover) return c.redirect(`/admin/users/${page.user.id}`, 303);
    return c.html(<HandoverPage {...staffPage(c)} page={page} toUserId="" />);
  });

  admin.post('/admin/users/:id/handover', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: successorForm,
      run: ({ toUserId }) => handover(c.get('ctx'), c.get('actor'), id, toUserId),
      done: (r) =>
        c.redirect(
          `/admin/users/${id}?flash=handover&roles=${r.roles}&moved=${r.moved.map((m) => m.count).join(',')}`,
          303,
        ),
      again: async (state) => {
        const page = await handoverChoices(c.get('ctx'), c.get('actor'), id);
        const toUserId = valueOf(state.values, 'toUserId');
        return <HandoverPage {...staffPage(c)} page={page} toUserId={toUserId} {...errorsOf(state)} />;
      },
    });
  });
}

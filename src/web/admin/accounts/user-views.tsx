/** @jsxImportSource hono/jsx */
// Views of the account list, the new-account form, the role matrix and the 403 page.
import type { Actor } from '../../../domain/policies/actor.js';
import type { OrgNode } from '../../../domain/orgs/organization.js';
import { ROLES, ROLE_LABELS } from '../../../domain/users/roles.js';
import type { UserWithRoles } from '../../../domain/users/user.js';
import { AdminLayout } from '../../common/layout.js';
import { Csrf, ErrorSummary, Field, Select } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { grantLabel, type UserListFilter, type UserScope } from '../../../app/users/user-scope.js';
import { USER_LABELS, type UserFormValues } from './user-form.js';

/** Errors of one form on a page: the summary message and per-field messages. */
export type FormErrors = { message?: string; errors?: Record<string, string> };

/** Options of an organization select, indented by depth. */
export function orgOptions(orgs: readonly OrgNode[]): [string, string][] {
  return orgs.map((o): [string, string] => [
    o.id,
    `${'　'.repeat(o.depth)}${o.name}${o.retiredAt ? '（已撤销）' : ''}`,
  ]);
}

/** The account's name as people read it: "王法（wang.fa）". */
export function personLabel(u: Pick<UserWithRoles, 'username' | 'displayName'>): string {
  return u.displayName ? `${u.displayName}（${u.username}）` : u.username;
}

/** The list of accounts the actor may read, with filters. */
export function UserListPage(p: {
  actor: Actor;
  csrf: string;
  scope: UserScope;
  users: UserWithRoles[];
  filter: UserListFilter;
  canCreate: boolean;
}) {
  const byId = new Map(p.users.map((u) => [u.id, u]));
  const readable = p.scope.tree.filter((o) => p.scope.can('user.read', o.id));
  return (
    <AdminLayout title="账号与角色" actor={p.actor} csrf={p.csrf} path="/admin/users">
      {p.canCreate ? (
        <p>
          <a class="button" href="/admin/users/new">
            新增账号
          </a>
        </p>
      ) : null}
      <form method="get" action="/admin/users" class="filters" role="search" aria-label="筛选账号">
        <Select name="org" label="机构" value={p.filter.org} options={[['', '全部机构'], ...orgOptions(readable)]} />
        <Select
          name="status"
          label="状态"
          value={p.filter.status}
          options={[
            ['', '全部'],
            ['active', '启用'],
            ['deactivated', '停用'],
          ]}
        />
        <Field name="q" label="用户名或姓名" type="search" value={p.filter.q} />
        <button type="submit">筛选</button>
      </form>
      <div class="table-wrap">
        <table>
          <caption class="muted">{`共 ${p.users.length} 个账号；停用的账号不能登录，予以保留以备查考。`}</caption>
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">所属机构</th>
              <th scope="col">角色</th>
              <th scope="col">状态</th>
              <th scope="col">最近登录</th>
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => {
              const successor = u.replacedBy ? byId.get(u.replacedBy) : undefined;
              return (
                <tr>
                  <td>
                    <a href={`/admin/users/${u.id}`}>{u.username}</a>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{p.scope.orgLabel(u.orgId)}</td>
                  <td>{u.roles.length > 0 ? u.roles.map((g) => grantLabel(p.scope, g)).join('、') : '—'}</td>
                  <td>
                    {u.status === 'active'
                      ? '启用'
                      : successor
                        ? `已停用（已交接给 ${personLabel(successor)}）`
                        : '已停用'}
                  </td>
                  <td>{formatInstant(u.lastLoginAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

/** Checkboxes of roles × organizations; each value is "orgId|role". */
export function RoleMatrix(p: { orgs: readonly OrgNode[]; checked: readonly string[]; error?: string }) {
  const checked = new Set(p.checked);
  return (
    <fieldset id="f-roles" aria-describedby={p.error ? 'f-roles-hint f-roles-err' : 'f-roles-hint'}>
      <legend>{USER_LABELS.roles}</legend>
      <p class="hint" id="f-roles-hint">
        角色按机构授予，一人可兼任多个角色。合法性审查人员可在多个机构任职；上级政务公开办（监督）可查阅该机构及其下级机构的账号和审计日志。
      </p>
      {p.error ? (
        <p class="error" id="f-roles-err">
          {p.error}
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">机构</th>
              {ROLES.map((r) => (
                <th scope="col">{ROLE_LABELS[r]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.orgs.map((o) => (
              <tr>
                <th scope="row" style={`padding-left:${0.6 + o.depth * 1.5}rem`}>
                  {o.shortName || o.name}
                </th>
                {ROLES.map((r) => (
                  <td>
                    <input
                      type="checkbox"
                      name="roles"
                      value={`${o.id}|${r}`}
                      checked={checked.has(`${o.id}|${r}`)}
                      aria-label={`${o.shortName || o.name}：${ROLE_LABELS[r]}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

/** The new-account form: what the user typed comes back with the errors beside it. */
export function UserNewPage(p: { actor: Actor; csrf: string; scope: UserScope; values: UserFormValues } & FormErrors) {
  const v = p.values;
  const e = p.errors ?? {};
  const orgs = p.scope.orgsFor('user.create');
  return (
    <AdminLayout title="新增账号" actor={p.actor} csrf={p.csrf} path="/admin/users">
      <form method="post" action="/admin/users/new">
        <Csrf token={p.csrf} />
        <ErrorSummary message={p.message} errors={p.errors} labels={USER_LABELS} />
        <Field
          name="username"
          label={USER_LABELS.username ?? ''}
          value={v.username}
          error={e.username}
          required
          autocomplete="off"
          hint="3至32位字母、数字、点、横线或下划线，以字母开头；创建后不能修改"
        />
        <Field
          name="displayName"
          label={USER_LABELS.displayName ?? ''}
          value={v.displayName}
          error={e.displayName}
          autocomplete="off"
        />
        <Field
          name="email"
          type="email"
          label={USER_LABELS.email ?? ''}
          value={v.email}
          error={e.email}
          autocomplete="off"
        />
        <Select
          name="orgId"
          label={USER_LABELS.orgId ?? ''}
          value={v.orgId}
          error={e.orgId}
          options={orgOptions(orgs)}
          required
        />
        <fieldset>
          <legend>初始密码</legend>
          <Field
            name="password"
            label={USER_LABELS.password ?? ''}
            type="password"
            error={e.password}
            required
            autocomplete="new-password"
            hint="至少10个字符，不能包含用户名，不能是常见密码"
          />
          <Field
            name="confirm"
            label={USER_LABELS.confirm ?? ''}
            type="password"
            error={e.confirm}
            required
            autocomplete="new-password"
          />
          <div class="field">
            <label for="f-mustChangePassword">
              <input
                type="checkbox"
                id="f-mustChangePassword"
                name="mustChangePassword"
                value="1"
                checked={v.mustChangePassword}
              />{' '}
              {USER_LABELS.mustChangePassword}
            </label>
          </div>
        </fieldset>
        <RoleMatrix orgs={orgs} checked={v.roles} error={e.roles} />
        <button type="submit">创建账号</button> <a href="/admin/users">返回列表</a>
      </form>
    </AdminLayout>
  );
}

/** The 403 page of the account pages. */
export function ForbiddenPage(p: { actor: Actor; csrf: string; message?: string }) {
  return (
    <AdminLayout title="没有权限" actor={p.actor} csrf={p.csrf} path="/admin/users">
      <p role="alert">{p.message ?? '没有权限执行此操作'}。</p>
      <p>您的账号无权查看或管理相关账号。如需办理，请联系该机构或上级机构的系统管理员。</p>
      <p>
        <a href="/admin/users">返回账号列表</a>　<a href="/admin">返回工作台</a>
      </p>
    </AdminLayout>
  );
}

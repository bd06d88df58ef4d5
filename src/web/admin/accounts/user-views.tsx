/** @jsxImportSource hono/jsx */
// Views of the account list, the new-account form and the role matrix.
import type { Actor } from '../../../domain/policies/actor.js';
import type { OrgNode } from '../../../domain/orgs/organization.js';
import { ROLES, ROLE_LABELS, type RoleGrant } from '../../../domain/users/roles.js';
import { USER_STATUS_LABELS, USER_STATUSES, type UserWithRoles } from '../../../domain/users/user.js';
import type { OrgLabels, UserList } from '../../../app/users/user-scope.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, FilterForm, PostForm, Select, boundFields, labelledOptions } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import type { FieldErrors } from '../../common/validation.js';
import { orgOptions } from '../system/org-views.js';
import { USER_LABELS, type UserFormValues } from './user-form.js';
import { DataTable } from '../../common/blocks.js';

/** Errors of one form on a page: the summary message and per-field messages. */
export type FormErrors = { message?: string; errors?: FieldErrors };

/** The account's name as people read it: "王法（wang.fa）". */
export function personLabel(u: Pick<UserWithRoles, 'username' | 'displayName'>): string {
  return u.displayName ? `${u.displayName}（${u.username}）` : u.username;
}

/** An organization's short name. */
export const orgLabel = (labels: OrgLabels, orgId: string): string => labels[orgId] ?? '（未知机构）';

/** An account's role grants as people read them: "合法性审查人员（区司法局）", joined. */
export function grantsLabel(labels: OrgLabels, grants: readonly RoleGrant[], joiner: string, none = '—'): string {
  return grants.length > 0
    ? grants.map((g) => `${ROLE_LABELS[g.role]}（${orgLabel(labels, g.orgId)}）`).join(joiner)
    : none;
}

/** The list page's filter as typed. */
export type UserListQuery = { org: string; status: string; q: string };

/** The list of accounts the actor may read, with filters. */
export function UserListPage(p: {
  actor: Actor;
  csrf: string;
  list: UserList;
  query: UserListQuery;
  errors: FieldErrors;
}) {
  const { users, orgLabels } = p.list;
  const byId = new Map(users.map((u) => [u.id, u]));
  const status = (u: UserWithRoles) => {
    const successor = u.replacedBy ? byId.get(u.replacedBy) : undefined;
    const label = USER_STATUS_LABELS[u.status];
    return successor ? `${label}（已交接给 ${personLabel(successor)}）` : label;
  };
  return (
    <AdminLayout title="账号与角色" actor={p.actor} csrf={p.csrf} path="/admin/users">
      {p.list.can.create ? (
        <p>
          <a class="button" href="/admin/users/new">
            新增账号
          </a>
        </p>
      ) : null}
      <ErrorSummary errors={p.errors} labels={{ status: '状态' }} />
      <FilterForm action="/admin/users" label="筛选账号">
        <Select name="org" label="机构" value={p.query.org} options={[['', '全部机构'], ...orgOptions(p.list.orgs)]} />
        <Select
          name="status"
          label="状态"
          value={p.query.status}
          options={labelledOptions(USER_STATUSES, USER_STATUS_LABELS, '全部')}
        />
        <Field name="q" label="用户名或姓名" type="search" value={p.query.q} />
      </FilterForm>
      <DataTable
        caption={`共 ${users.length} 个账号；停用的账号不能登录，予以保留以备查考。`}
        captionClass="muted"
        cols={['用户名', '姓名', '所属机构', '角色', '状态', '最近登录']}
      >
        {users.map((u) => (
          <tr>
            <td>
              <a href={`/admin/users/${u.id}`}>{u.username}</a>
            </td>
            <td>{u.displayName}</td>
            <td>{orgLabel(orgLabels, u.orgId)}</td>
            <td>{grantsLabel(orgLabels, u.roles, '、')}</td>
            <td>{status(u)}</td>
            <td>{formatInstant(u.lastLoginAt)}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/**
 * The roles: the grants held, each a checkbox to keep ("orgId|role"), then one organization picked from a select
 * and the roles to add there — a form that stays small however many organizations there are.
 */
export function RoleMatrix(p: {
  orgs: readonly OrgNode[];
  checked: readonly string[];
  /** Roles ticked to add, shown ticked again when the organization was not picked (`pickError`). */
  adding?: readonly string[];
  error?: string;
  pickError?: string;
}) {
  const names = new Map(p.orgs.map((o) => [o.id, o.shortName || o.name]));
  const held = p.checked.flatMap((v) => {
    const [orgId = '', role = ''] = v.split('|');
    const label = (ROLE_LABELS as Record<string, string>)[role];
    return label ? [{ value: v, label: `${names.get(orgId) ?? orgId}：${label}` }] : [];
  });
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
      {held.length === 0 ? (
        <p class="muted">尚未授予角色。</p>
      ) : (
        <ul class="plain" aria-label="已授予的角色（取消勾选即撤销）">
          {held.map((g) => (
            <li>
              <label class="check">
                <input type="checkbox" name="roles" value={g.value} checked /> {g.label}
              </label>
            </li>
          ))}
        </ul>
      )}
      <Select
        name="grantOrg"
        label={USER_LABELS.grantOrg ?? ''}
        value=""
        error={p.pickError}
        options={[['', '（不增加）'], ...orgOptions(p.orgs)]}
      />
      <div class="field" role="group" aria-label="在所选机构授予的角色">
        {ROLES.map((r) => (
          <label class="check">
            <input type="checkbox" name="grantRoles" value={r} checked={p.adding?.includes(r)} /> {ROLE_LABELS[r]}{' '}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The fields the new-account and the edit forms share: name, email, organization and the role matrix. */
export function AccountFields(p: { values: UserFormValues; errors: FieldErrors; orgs: readonly OrgNode[] }) {
  const { displayName, email, orgId } = p.values;
  const { field, select } = boundFields(USER_LABELS, { displayName, email, orgId }, p.errors);
  return (
    <>
      {field('displayName', { autocomplete: 'off' })}
      {field('email', { type: 'email', autocomplete: 'off' })}
      {select('orgId', orgOptions(p.orgs), { required: true })}
    </>
  );
}

/** Two password fields: the password and its confirmation. */
export function PasswordFields(p: { labels: [string, string]; errors: FieldErrors }) {
  const hint = '至少10个字符，不能包含用户名，不能是常见密码';
  return (
    <>
      {(['password', 'confirm'] as const).map((name, i) => (
        <Field
          name={name}
          label={p.labels[i] ?? ''}
          type="password"
          error={p.errors[name]}
          required
          autocomplete="new-password"
          hint={i === 0 ? hint : undefined}
        />
      ))}
    </>
  );
}

/** The new-account form: what the user typed comes back with the errors beside it. */
export function UserNewPage(
  p: { actor: Actor; csrf: string; orgs: readonly OrgNode[]; values: UserFormValues } & FormErrors,
) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <AdminLayout title="新增账号" actor={p.actor} csrf={p.csrf} path="/admin/users">
      <PostForm action="/admin/users/new" csrf={p.csrf}>
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
        <AccountFields values={v} errors={e} orgs={p.orgs} />
        <fieldset>
          <legend>初始密码</legend>
          <PasswordFields labels={[USER_LABELS.password ?? '', USER_LABELS.confirm ?? '']} errors={e} />
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
        <RoleMatrix orgs={p.orgs} checked={v.roles} adding={v.adding} error={e.roles} pickError={e.grantOrg} />
        <button type="submit">创建账号</button> <a href="/admin/users">返回列表</a>
      </PostForm>
    </AdminLayout>
  );
}

// The account forms: zod schemas over the account fields (every field reported at once, what was typed kept),
// and the form values of a stored account.
import { userFields } from '../../../app/users/user-input.js';
import type { UserWithRoles } from '../../../domain/users/user.js';
import { valueOf } from '../../common/pipeline.js';
import { checkbox, required, z, type FormValues } from '../../common/validation.js';

/** What the user typed in the account form (passwords are never re-rendered). */
export type UserFormValues = {
  username: string;
  displayName: string;
  email: string;
  orgId: string;
  /** Checked grants as "orgId|role" checkbox values. */
  roles: string[];
  /** Roles ticked to add while no organization was picked: ticked again beside the picker's message. */
  adding: string[];
  mustChangePassword: boolean;
};

/** Labels of the account form's fields (also used in error summaries). */
export const USER_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  email: '工作邮箱（接收期限提醒）',
  orgId: '所属机构',
  password: '初始密码',
  confirm: '确认密码',
  mustChangePassword: '首次登录须修改密码',
  roles: '角色',
  grantOrg: '增加角色：选择机构',
  toUserId: '接手人员',
};

/** A password exactly as typed (never trimmed; the first value of a repeated field). */
export const asTyped = () => z.preprocess((v) => (Array.isArray(v) ? (v[0] as unknown) : v) ?? '', z.string());

/** A password, not empty. */
const password = (message: string) => asTyped().pipe(z.string().min(1, { error: message }));

/** The second entry of a password must match the first (checked even when other fields are wrong). */
const sameTwice = {
  path: ['confirm'],
  message: '两次输入的密码不一致',
  when: () => true,
};
const matches = (v: { password: string; confirm: string }) => v.password === '' || v.password === v.confirm;

const { username, ...accountFields } = userFields;

const list = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v as string)];

/**
 * The grants of a submitted form as "orgId|role" values: the kept ones (`roles`) and the roles ticked for the
 * organization picked to add (`grantOrg` + `grantRoles`), so roles scale to any number of organizations.
 */
export function submittedGrants(form: Readonly<Record<string, unknown>>): string[] {
  const org = typeof form.grantOrg === 'string' ? form.grantOrg : '';
  const added = org ? list(form.grantRoles).map((r) => `${org}|${r}`) : [];
  return [...new Set([...list(form.roles), ...added])];
}

/** The roles ticked to add when no organization is picked (they would be lost; the form asks for one). */
const orphanedRoles = (form: Readonly<Record<string, unknown>>): string[] =>
  typeof form.grantOrg === 'string' && form.grantOrg !== '' ? [] : list(form.grantRoles);

/** The grants as "orgId|role" values; `grantOrg` stays only as the check that roles to add have an organization. */
const withGrants = (v: unknown) => {
  if (v === null || typeof v !== 'object') return v;
  const form = v as Record<string, unknown>;
  return { ...form, roles: submittedGrants(form), grantOrg: orphanedRoles(form).length > 0 ? null : '' };
};

/** Roles ticked to add need the organization they are granted at. */
const grantPicked = { grantOrg: z.literal('', { error: '请选择要授予所勾选角色的机构' }) };
const dropPick = <T extends { grantOrg: '' }>({ grantOrg: _checked, ...rest }: T): Omit<T, 'grantOrg'> => rest;

/** A new account: the account fields, the initial password typed twice, and the first-login change. */
export const newUserForm = z.preprocess(
  withGrants,
  z
    .object({
      username,
      ...accountFields,
      password: password('请输入初始密码'),
      confirm: asTyped(),
      mustChangePassword: checkbox(),
      ...grantPicked,
    })
    .refine(matches, sameTwice)
    .transform(dropPick),
);

/** An edit of an account (the username is not editable). */
export const userEditForm = z.preprocess(
  withGrants,
  z.object({ ...accountFields, ...grantPicked }).transform(dropPick),
);

/** A temporary password set by an administrator, typed twice. */
export const temporaryPasswordForm = z
  .object({ password: password('请输入临时密码'), confirm: asTyped() })
  .refine(matches, sameTwice);

/** The successor of a handover. */
export const successorForm = z.object({ toUserId: required('请选择接手人员') });

/** The account fields of a submitted form, as typed. */
export function userValuesFrom(form: FormValues): UserFormValues {
  return {
    username: valueOf(form, 'username').trim(),
    displayName: valueOf(form, 'displayName'),
    email: valueOf(form, 'email'),
    orgId: valueOf(form, 'orgId'),
    roles: submittedGrants(form),
    adding: orphanedRoles(form),
    mustChangePassword: valueOf(form, 'mustChangePassword') === '1',
  };
}

/** The form values of a stored account. */
export function userValuesOf(u: UserWithRoles): UserFormValues {
  return {
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    orgId: u.orgId,
    roles: u.roles.map((g) => `${g.orgId}|${g.role}`),
    adding: [],
    mustChangePassword: u.mustChangePassword,
  };
}

/** Empty values for a new account; first login forces a new password by default. */
export function blankUserValues(orgId: string): UserFormValues {
  return { username: '', displayName: '', email: '', orgId, roles: [], adding: [], mustChangePassword: true };
}

// The account form as typed: read from the request, re-rendered on errors, parsed into use-case input.
import { AppError, invalid } from '../../../app/errors.js';
import { parseUserInput, type UserInput } from '../../../app/users/user-input.js';
import type { UserWithRoles } from '../../../domain/users/user.js';
import { list, str } from '../../common/respond.js';

/** What the user typed in the account form (passwords are never re-rendered). */
export type UserFormValues = {
  username: string;
  displayName: string;
  email: string;
  orgId: string;
  /** Checked grants as "orgId|role" checkbox values. */
  roles: string[];
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
  toUserId: '接手人员',
};

type Form = Record<string, string | string[]>;

/** Reads the account fields of a submitted form. */
export function userValuesFrom(form: Form): UserFormValues {
  return {
    username: str(form, 'username').trim(),
    displayName: str(form, 'displayName'),
    email: str(form, 'email'),
    orgId: str(form, 'orgId'),
    roles: list(form, 'roles'),
    mustChangePassword: str(form, 'mustChangePassword') === '1',
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
    mustChangePassword: u.mustChangePassword,
  };
}

/** Empty values for a new account; first login forces a new password by default. */
export function blankUserValues(orgId: string): UserFormValues {
  return { username: '', displayName: '', email: '', orgId, roles: [], mustChangePassword: true };
}

/**
 * Parses a new account: the account fields plus the initial password, typed twice.
 * @throws AppError 'invalid' with every field error at once
 */
export function parseNewUser(
  v: UserFormValues,
  form: Form,
): UserInput & { password: string; mustChangePassword: boolean } {
  const password = str(form, 'password');
  const errors: Record<string, string> = {};
  if (!password) errors.password = '请输入初始密码';
  else if (password !== str(form, 'confirm')) errors.confirm = '两次输入的密码不一致';
  const input = collect(() => parseUserInput(v), errors);
  if (!input || Object.keys(errors).length > 0) throw invalid('账号信息有误，请按提示更正', errors);
  return { ...input, password, mustChangePassword: v.mustChangePassword };
}

/**
 * Parses an edit of an existing account (the username is not editable).
 * @throws AppError 'invalid' with field errors
 */
export function parseUserEdit(v: UserFormValues, username: string): UserInput {
  return parseUserInput({ ...v, username });
}

/**
 * Parses a temporary password typed twice (reset by an admin).
 * @throws AppError 'invalid' when empty or the two entries differ
 */
export function parseTemporaryPassword(form: Form): string {
  const password = str(form, 'password');
  if (!password) throw invalid('请输入临时密码', { password: '请输入临时密码' });
  if (password !== str(form, 'confirm')) throw invalid('两次输入的密码不一致', { confirm: '两次输入的密码不一致' });
  return password;
}

function collect<T>(fn: () => T, into: Record<string, string>): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    Object.assign(into, e.fieldErrors);
    return undefined;
  }
}

/**
 * Reads the chosen successor of a handover.
 * @throws AppError 'invalid' when none was chosen
 */
export function parseSuccessor(form: Form): string {
  const id = str(form, 'toUserId');
  if (!id) throw invalid('请选择接手人员', { toUserId: '请选择接手人员' });
  return id;
}

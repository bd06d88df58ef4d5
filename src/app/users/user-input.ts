// Parsing account input (username, display name, organization, role grants) from forms and the CLI.
import { isRole, type RoleGrant } from '../../domain/users/roles.js';
import { usernameError } from '../../domain/users/user.js';
import { invalid } from '../errors.js';

/** A parsed account form. */
export type UserInput = { username: string; displayName: string; orgId: string; roles: RoleGrant[]; email?: string };

/**
 * Parses account fields. Roles come as "orgId|role" strings (checkbox values).
 * @throws AppError 'invalid' with field errors
 */
export function parseUserInput(raw: {
  username?: string;
  displayName?: string;
  orgId?: string;
  roles?: string[];
  email?: string;
}): UserInput {
  const fieldErrors: Record<string, string> = {};
  const username = (raw.username ?? '').trim();
  const uErr = usernameError(username);
  if (uErr) {
    fieldErrors.username = uErr;
  }
  const displayName = (raw.displayName ?? '').trim();
  if (displayName.length > 50) {
    fieldErrors.displayName = '姓名不能超过50个字符';
  }
  const orgId = (raw.orgId ?? '').trim();
  if (!orgId) {
    fieldErrors.orgId = '请选择所属机构';
  }
  const roles: RoleGrant[] = [];
  for (const v of raw.roles ?? []) {
    const [o, role] = v.split('|');
    if (!o || !role || !isRole(role)) {
      fieldErrors.roles = '角色选择有误';
      continue;
    }
    roles.push({ orgId: o, role });
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw invalid('账号信息有误，请按提示更正', fieldErrors);
  }
  const email = (raw.email ?? '').trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    fieldErrors.email = '电子邮箱格式不正确';
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw invalid('账号信息有误，请按提示更正', fieldErrors);
  }
  return { username, displayName, orgId, roles, email };
}

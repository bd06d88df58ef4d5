// Accounts: the stored shape and the pure rules on status. (Failed logins are throttled in app/auth/login.ts;
// the columns failed_attempts and locked_until of the former lockout are no longer written.)
import type { RoleGrant } from './roles.js';

/** Stored account statuses. Deactivated accounts are kept for history and cannot log in. */
export const USER_STATUSES = ['active', 'deactivated'] as const;
/** One account status. */
export type UserStatus = (typeof USER_STATUSES)[number];

/** Chinese labels of the statuses. */
export const USER_STATUS_LABELS: Record<UserStatus, string> = { active: '启用', deactivated: '已停用' };

/** An account as stored (without its password hash). */
export type User = {
  id: string;
  username: string;
  displayName: string;
  /** Work email for deadline reminders (may be empty). */
  email: string;
  orgId: string;
  status: UserStatus;
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  replacedBy: string | null;
  createdAt: string;
  updatedAt: string;
};

/** An account with its roles. */
export type UserWithRoles = User & { roles: RoleGrant[] };

/** Email rule (work addresses, organizations' public addresses): `name@host.tld`, no spaces. */
export function emailError(email: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : '电子邮箱格式不正确';
}

/** Username rule: 3–32 letters, digits, dot, dash or underscore, starting with a letter. */
export function usernameError(username: string): string | null {
  return /^[A-Za-z][A-Za-z0-9._-]{2,31}$/.test(username)
    ? null
    : '用户名须为3至32位字母、数字、点、横线或下划线，以字母开头';
}

// Accounts: the stored shape and the pure rules on status and lockout.
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

/** Lockout rule: 5 failed attempts lock the account for 15 minutes. */
export const LOCKOUT = { maxAttempts: 5, minutes: 15 } as const;

/**
 * Whether the account is locked at the given instant.
 * @param nowIso current instant, ISO-8601 UTC
 */
export function isLocked(user: Pick<User, 'lockedUntil'>, nowIso: string): boolean {
  return user.lockedUntil !== null && user.lockedUntil > nowIso;
}

/**
 * The account's lockout state after one more failed attempt.
 * @param nowMs current instant in epoch milliseconds
 */
export function afterFailedAttempt(
  user: Pick<User, 'failedAttempts'>,
  nowMs: number,
): { failedAttempts: number; lockedUntil: string | null } {
  const attempts = user.failedAttempts + 1;
  if (attempts >= LOCKOUT.maxAttempts) {
    return { failedAttempts: 0, lockedUntil: new Date(nowMs + LOCKOUT.minutes * 60_000).toISOString() };
  }
  return { failedAttempts: attempts, lockedUntil: null };
}

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

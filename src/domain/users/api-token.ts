// API tokens of the staff JSON API: names, scopes, expiry and their pure rules (docs/security/accounts.md).

/** Token scopes: `read` may only read (GET/HEAD) the staff API; `full` may do whatever its account may. */
export const API_TOKEN_SCOPES = ['read', 'full'] as const;
/** One token scope. */
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Chinese labels of the scopes. */
export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = { read: '只读', full: '读写' };

/** Whether a value is a scope. */
export const isApiTokenScope = (v: string): v is ApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(v);

/** Default lifetime of a new token, in days, when the deployment does not set one. */
export const DEFAULT_API_TOKEN_DAYS = 90;
/** Longest lifetime a token may be given in days (a token that never expires is an admin's explicit choice). */
export const MAX_API_TOKEN_DAYS = 366;
/** Longest name of a token. */
export const MAX_API_TOKEN_NAME = 60;

/** A stored token (never its value: only the hash is kept). */
export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  scope: ApiTokenScope;
  createdAt: string;
  /** null: never expires */
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** A token's state at an instant. */
export type ApiTokenState = 'active' | 'expired' | 'revoked';

/** Chinese labels of the states. */
export const API_TOKEN_STATE_LABELS: Record<ApiTokenState, string> = {
  active: '有效',
  expired: '已过期',
  revoked: '已撤销',
};

/** The token's state at `nowIso`: revoked first, then expired. */
export function apiTokenState(t: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, nowIso: string): ApiTokenState {
  if (t.revokedAt !== null) return 'revoked';
  if (t.expiresAt !== null && t.expiresAt <= nowIso) return 'expired';
  return 'active';
}

/** Methods a read-only token may call: those that change nothing (RFC 9110 §9.2.1 safe methods, less OPTIONS). */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Whether a token of `scope` may make a request with `method`. */
export function scopeAllows(scope: ApiTokenScope, method: string): boolean {
  return scope === 'full' || READ_METHODS.has(method.toUpperCase());
}

/** Least time between two writes of a token's last use (fewer writes under a burst of API calls). */
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/** Whether a use at `nowMs` should be written as the token's last use. */
export function shouldTouchToken(lastUsedAt: string | null, nowMs: number): boolean {
  return lastUsedAt === null || nowMs - Date.parse(lastUsedAt) >= TOKEN_TOUCH_INTERVAL_MS;
}

/** The lifetime asked for a new token: a number of days, or never. */
export type TokenLifetime = { days: number } | 'never';

/** The instant a token issued at `nowMs` expires (null = never). */
export function tokenExpiry(lifetime: TokenLifetime, nowMs: number): string | null {
  return lifetime === 'never' ? null : new Date(nowMs + lifetime.days * 86_400_000).toISOString();
}

/** What was asked for a new token, as typed. */
export type TokenRequest = { name: string; scope: string; days?: string | number; never?: boolean };

/** A valid request. */
export type ValidTokenRequest = { name: string; scope: ApiTokenScope; lifetime: TokenLifetime };

/**
 * Validates a request for a new token.
 * @param defaultDays the lifetime when no number of days is given
 * @param mayChooseNever whether the requester is an administrator (only they may ask for a token that never expires)
 * @returns the request, or Chinese messages per field (name, scope, days)
 */
export function validateTokenRequest(
  req: TokenRequest,
  defaultDays: number,
  mayChooseNever: boolean,
): { ok: true; value: ValidTokenRequest } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = req.name.trim();
  if (name === '') errors.name = '请填写令牌名称（用途）';
  else if ([...name].length > MAX_API_TOKEN_NAME) errors.name = `令牌名称不能超过${MAX_API_TOKEN_NAME}个字`;
  if (!isApiTokenScope(req.scope)) errors.scope = '请选择令牌权限：只读或读写';
  let lifetime: TokenLifetime = { days: defaultDays };
  if (req.never) {
    if (mayChooseNever) lifetime = 'never';
    else errors.days = '只有系统管理员可以签发永不过期的令牌';
  } else if (req.days !== undefined && String(req.days).trim() !== '') {
    const days = Number(String(req.days).trim());
    if (!Number.isInteger(days) || days < 1 || days > MAX_API_TOKEN_DAYS) {
      errors.days = `有效期应为1至${MAX_API_TOKEN_DAYS}天`;
    } else lifetime = { days };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, scope: req.scope as ApiTokenScope, lifetime } };
}

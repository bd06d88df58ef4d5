// Errors a use case returns to the web and CLI layers, with Chinese messages for the user.
import type { DomainError } from '../domain/core/domain-error.js';
import { ConflictError, FORBIDDEN, ILLEGAL_TRANSITION } from '../domain/core/domain-error.js';

/** Error categories; the web layer maps them to HTTP statuses (404, 403, 422, 409, 401, 429). */
export type AppErrorCode = 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'unauthenticated' | 'rate_limited';

/**
 * A failure the user can understand: a Chinese message, for forms per-field messages, and where a
 * program may need to tell refusals apart, a stable `reason` code (answered as `reason` by the API).
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Too many requests of one kind from one client, address or account: try again after `retryAfterSeconds`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}

/** Shorthands. */
export const notFound = (what = '记录'): AppError => new AppError('not_found', `${what}不存在`);
export const forbidden = (message = '没有权限执行此操作'): AppError => new AppError('forbidden', message);
export const invalid = (message: string, fieldErrors: Record<string, string> = {}): AppError =>
  new AppError('invalid', message, fieldErrors);
export const conflict = (message: string, fieldErrors: Record<string, string> = {}): AppError =>
  new AppError('conflict', message, fieldErrors);

/**
 * The one mapping from a refusal of the domain to the application's error: a move the actor's roles do not
 * allow is "forbidden", a move the state or the case history does not allow (ILLEGAL_TRANSITION or a
 * ConflictError such as `after_due_date`) is a "conflict", anything else is "invalid". The
 * domain's code travels on as the error's `reason`.
 */
export function fromDomainError(e: DomainError, fieldErrors: Record<string, string> = {}): AppError {
  const code: AppErrorCode =
    e.code === FORBIDDEN
      ? 'forbidden'
      : e.code === ILLEGAL_TRANSITION || e instanceof ConflictError
        ? 'conflict'
        : 'invalid';
  return new AppError(code, e.message, fieldErrors, e.code);
}

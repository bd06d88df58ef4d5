// Errors a use case returns to the web and CLI layers, with Chinese messages for the user.
import type { DomainError } from '../domain/core/domain-error.js';
import { ConflictError, FORBIDDEN, ILLEGAL_TRANSITION } from '../domain/core/domain-error.js';

/**
 * Error categories; the web layer maps them to HTTP statuses (404, 403, 422, 409, 401, 429, 503).
 * `unavailable`: the database cannot serve the request now (its `reason` is a {@link FaultCause}).
 */
export type AppErrorCode =
  'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'unauthenticated' | 'rate_limited' | 'unavailable';

/** Why the database cannot serve: not reachable, refusing writes, or out of space. */
export type FaultCause = 'unreachable' | 'read_only' | 'disk_full';

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

const UNAVAILABLE_MESSAGES: Record<FaultCause, string> = {
  unreachable: '数据库暂时无法连接，请稍后再试',
  read_only: '数据库暂时只能读取，无法保存，请稍后再试',
  disk_full: '存储空间已满，暂时无法保存，请稍后再试',
};

/**
 * The database cannot serve the request now (answered 503); `original` is the driver's error, kept as the
 * error's `cause` so that the log names the real failure.
 */
export function unavailable(cause: FaultCause, original: unknown): AppError {
  const e = new AppError('unavailable', UNAVAILABLE_MESSAGES[cause], {}, cause);
  e.cause = original;
  return e;
}

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

// Errors a use case returns to the web and CLI layers, with Chinese messages for the user.

/** Error categories; the web layer maps them to HTTP statuses (404, 403, 422, 409, 401, 423). */
export type AppErrorCode = 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'unauthenticated' | 'locked';

/** A failure the user can understand: a Chinese message and, for forms, per-field messages. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Shorthands. */
export const notFound = (what = '记录'): AppError => new AppError('not_found', `${what}不存在`);
export const forbidden = (): AppError => new AppError('forbidden', '没有权限执行此操作');
export const invalid = (message: string, fieldErrors: Record<string, string> = {}): AppError =>
  new AppError('invalid', message, fieldErrors);
export const conflict = (message: string, fieldErrors: Record<string, string> = {}): AppError =>
  new AppError('conflict', message, fieldErrors);

// DomainError: the one error class the pure domain throws or returns, identified by a stable code.

/**
 * An error raised by domain rules. `code` is a stable snake_case identifier that callers may
 * branch on; `message` is human-readable (Chinese, since it may reach users).
 */
export class DomainError extends Error {
  /** Stable machine-readable identifier, e.g. `invalid_local_date`. */
  readonly code: string;

  /**
   * @param code stable snake_case identifier of the error kind
   * @param message human-readable explanation
   * @param options standard `ErrorOptions` (e.g. `cause`)
   */
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
  }
}

/** Code of a move the actor's roles do not allow (the use case answers "forbidden"). */
export const FORBIDDEN = 'forbidden';

/** Code of a move the current state does not allow (the use case answers "conflict"). */
export const ILLEGAL_TRANSITION = 'illegal_transition';

/**
 * A refusal caused by the state or the history of what is acted on, with its own stable code (e.g.
 * `after_due_date`) that callers may branch on. The use case answers it as a "conflict", like
 * {@link ILLEGAL_TRANSITION}, with the code kept as the refusal's reason.
 */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(code, message, options);
    this.name = 'ConflictError';
  }
}

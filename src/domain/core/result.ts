// Result: the explicit success-or-failure value returned by domain functions that can fail on input.

/** The outcome of an operation that may fail: either `{ ok: true, value }` or `{ ok: false, error }`. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/**
 * Wraps a success value.
 * @param value the value produced
 * @returns a successful Result
 */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/**
 * Wraps a failure.
 * @param error what went wrong
 * @returns a failed Result
 */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

// Asserting a use case's refusal: the AppError's code, and its field errors for the messages.
import assert from 'node:assert/strict';
import { AppError } from '../../src/app/errors.js';

/** Awaits `p`, which must reject with an AppError of `code`; returns its field errors. */
export async function refusedWith(p: Promise<unknown>, code: string): Promise<Record<string, string>> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code, e.message);
    return e.fieldErrors;
  }
  assert.fail(`expected ${code}`);
}

// Logs the bootstrapped admin in (changing the initial password first) for HTTP tests.
import assert from 'node:assert/strict';
import { TestAgent } from './http.js';
import type { TestRuntime } from './runtime.js';

/** The admin's password after the first change in tests. */
export const ADMIN_PASSWORD = 'Shili-Guanli-2025-Test';

/** A TestAgent signed in as `admin`, whatever state the initial password is in. */
export async function adminAgent(rt: TestRuntime): Promise<TestAgent> {
  const a = new TestAgent(rt);
  let res = await a.login('admin', ADMIN_PASSWORD);
  if (res.status !== 303) {
    res = await a.login('admin', rt.boot.adminPassword ?? '');
    assert.equal(res.status, 303, 'admin login');
    const changed = await a.post('/admin/password', {
      current: rt.boot.adminPassword ?? '',
      next: ADMIN_PASSWORD,
      confirm: ADMIN_PASSWORD,
    });
    assert.equal(changed.status, 303, 'admin password change');
  }
  return a;
}

// Signed-in clients for HTTP tests: the bootstrapped admin (changing the initial password first), and staff
// accounts made by the factories.
import assert from 'node:assert/strict';
import { TestAgent } from './http.js';
import type { TestRuntime } from './runtime.js';
import { makeStaff, STAFF_PASSWORD } from '../factories/staff.js';
import { beforeSuite } from './suite.js';
import type { Role, RoleGrant } from '../../src/domain/users/roles.js';

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

/** The admin's TestAgent for a `describe` block: signed in before its tests (see `beforeSuite`). */
export function suiteAdmin(rt: TestRuntime): TestAgent {
  return beforeSuite(() => adminAgent(rt));
}

/**
 * Creates a staff account holding `roles` at `orgId` (default: the root; see `makeStaff`) and returns a
 * TestAgent signed in as it.
 */
export async function staffAgent(
  rt: TestRuntime,
  username: string,
  roles: readonly Role[] | readonly RoleGrant[],
  orgId?: string,
  displayName?: string,
): Promise<TestAgent> {
  await makeStaff(rt, username, roles, orgId, displayName);
  const agent = new TestAgent(rt);
  assert.equal((await agent.login(username, STAFF_PASSWORD)).status, 303, `${username} signs in`);
  return agent;
}

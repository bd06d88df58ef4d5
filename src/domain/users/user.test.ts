import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCKOUT, afterFailedAttempt, isLocked, usernameError } from './user.js';
import { passwordPolicyErrors } from './password-policy.js';

test('should lock for 15 minutes on the 5th failed attempt', () => {
  const t0 = Date.UTC(2025, 0, 1, 8, 0, 0);
  let state = { failedAttempts: 0, lockedUntil: null as string | null };
  for (let i = 1; i < LOCKOUT.maxAttempts; i++) {
    state = afterFailedAttempt(state, t0);
    assert.equal(state.lockedUntil, null);
  }
  state = afterFailedAttempt(state, t0);
  assert.equal(state.lockedUntil, '2025-01-01T08:15:00.000Z');
  assert.equal(isLocked(state, '2025-01-01T08:14:59.000Z'), true);
  assert.equal(isLocked(state, '2025-01-01T08:15:00.000Z'), false);
});

test('should apply the password policy: length, username, common passwords', () => {
  const judge = { isCommon: (p: string) => p === 'qwertyuiop1' };
  assert.match(passwordPolicyErrors('short', 'zhang', judge).join(), /不能少于10个字符/);
  assert.match(passwordPolicyErrors('zhangsan-2025-ok', 'zhangsan', judge).join(), /用户名/);
  assert.match(passwordPolicyErrors('qwertyuiop1', 'li', judge).join(), /常见/);
  assert.deepEqual(passwordPolicyErrors('Xiao-Long-Bao-88', 'li', judge), []);
});

test('should validate usernames', () => {
  assert.equal(usernameError('zhang.san'), null);
  assert.notEqual(usernameError('张三'), null);
  assert.notEqual(usernameError('1abc'), null);
});

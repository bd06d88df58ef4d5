import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usernameError } from './user.js';
import { passwordPolicyErrors } from './password-policy.js';

test('should apply the password policy: length, username, common passwords', () => {
  const judge = { isCommon: (p: string) => p === 'qwertyuiop1' };
  assert.match(passwordPolicyErrors('short', 'zhang', judge).join(), /不能少于10个字符/);
  assert.match(passwordPolicyErrors('zhangsan-2025-ok', 'zhangsan', judge).join(), /用户名/);
  assert.match(passwordPolicyErrors('qwertyuiop1', 'li', judge).join(), /常见/);
  assert.deepEqual(passwordPolicyErrors('Xiao-Long-Bao-Chi-88', 'li', judge), []);
});

test('should validate usernames', () => {
  assert.equal(usernameError('zhang.san'), null);
  assert.notEqual(usernameError('张三'), null);
  assert.notEqual(usernameError('1abc'), null);
});

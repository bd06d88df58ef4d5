import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.js';
import { parseUserInput } from './user-input.js';

/** The field errors of a refused input. */
function errorsOf(raw: Parameters<typeof parseUserInput>[0]): Record<string, string> {
  try {
    parseUserInput(raw);
  } catch (e) {
    assert.ok(e instanceof AppError && e.code === 'invalid');
    return e.fieldErrors;
  }
  assert.fail('the input should be refused');
}

test('should report a bad email together with every other bad field', () => {
  const errors = errorsOf({
    username: '1x',
    displayName: '王'.repeat(51),
    email: 'not-an-email',
    orgId: '',
    roles: ['x'],
  });
  assert.deepEqual(Object.keys(errors).sort(), ['displayName', 'email', 'orgId', 'roles', 'username']);
  assert.equal(errors.email, '电子邮箱格式不正确');
  assert.equal(errors.orgId, '请选择所属机构');
});

test('should report a bad email alone when the rest is right', () => {
  assert.deepEqual(errorsOf({ username: 'wang.fa', orgId: 'o1', email: 'wang@' }), { email: '电子邮箱格式不正确' });
});

test('should read trimmed fields and role grants', () => {
  assert.deepEqual(
    parseUserInput({
      username: ' wang.fa ',
      displayName: ' 王法 ',
      orgId: 'o1',
      roles: ['o1|handler', 'o2|legal_reviewer'],
    }),
    {
      username: 'wang.fa',
      displayName: '王法',
      email: '',
      orgId: 'o1',
      roles: [
        { orgId: 'o1', role: 'handler' },
        { orgId: 'o2', role: 'legal_reviewer' },
      ],
    },
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTokenState, scopeAllows, shouldTouchToken, tokenExpiry, validateTokenRequest } from './api-token.js';

test('should let a read-only token only GET and HEAD, a full token anything', () => {
  assert.ok(scopeAllows('read', 'GET') && scopeAllows('read', 'head'));
  for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) assert.ok(!scopeAllows('read', m), m);
  assert.ok(scopeAllows('full', 'DELETE'));
});

test('should tell a token revoked, expired or active, and write its last use once a minute', () => {
  const now = '2026-12-10T08:00:00.000Z';
  assert.equal(apiTokenState({ expiresAt: null, revokedAt: null }, now), 'active');
  assert.equal(apiTokenState({ expiresAt: now, revokedAt: null }, now), 'expired');
  assert.equal(apiTokenState({ expiresAt: null, revokedAt: now }, now), 'revoked');
  const t0 = Date.parse(now);
  assert.ok(shouldTouchToken(null, t0));
  assert.ok(!shouldTouchToken(now, t0 + 59_999));
  assert.ok(shouldTouchToken(now, t0 + 60_000));
  assert.equal(tokenExpiry({ days: 90 }, t0), '2027-03-10T08:00:00.000Z');
  assert.equal(tokenExpiry('never', t0), null);
});

test('should validate a request: name, scope, days; never only for an administrator', () => {
  const ok = validateTokenRequest({ name: ' 同步 ', scope: 'read' }, 90, false);
  assert.deepEqual(ok, { ok: true, value: { name: '同步', scope: 'read', lifetime: { days: 90 } } });
  assert.deepEqual(validateTokenRequest({ name: 'x', scope: 'full', days: '30' }, 90, false), {
    ok: true,
    value: { name: 'x', scope: 'full', lifetime: { days: 30 } },
  });
  const bad = validateTokenRequest({ name: '', scope: 'write', days: '400' }, 90, false);
  assert.ok(!bad.ok && Object.keys(bad.errors).sort().join() === 'days,name,scope');
  const never = validateTokenRequest({ name: 'x', scope: 'full', never: true }, 90, false);
  assert.ok(!never.ok && /只有系统管理员/.test(never.errors.days ?? ''));
  assert.deepEqual(validateTokenRequest({ name: 'x', scope: 'full', never: true }, 90, true), {
    ok: true,
    value: { name: 'x', scope: 'full', lifetime: 'never' },
  });
});

// HTTP: login, forced password change, CSRF, login throttle, logout, session expiry, on both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';

const NEW_PASSWORD = 'Shili-Qu-2025-gongkai';

for (const dialect of DIALECTS) {
  describe(`auth over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let initial: string;
    before(async () => {
      rt = await openTestRuntime(dialect, { limits: { loginPerAccountAddress: 5 } });
      initial = rt.boot.adminPassword ?? '';
    });
    after(() => rt.close());

    test('should refuse a wrong password with a Chinese message and keep the username', async () => {
      const a = new TestAgent(rt);
      const res = await a.login('admin', 'wrong-password-123');
      assert.equal(res.status, 401);
      const html = await res.text();
      assert.match(html, /用户名或密码错误/);
      assert.match(html, /value="admin"/);
    });

    test('should force a password change at first login and then reach the dashboard', async () => {
      const a = new TestAgent(rt);
      const res = await a.login('admin', initial);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/password');
      const setCookie = res.headers.getSetCookie().join('\n');
      assert.match(setCookie, /gk_session=[^;]+;.*HttpOnly/i);
      assert.match(setCookie, /SameSite=Lax/i);
      const blocked = await a.get('/admin/orgs');
      assert.equal(blocked.headers.get('location'), '/admin/password');
      const weak = await a.post('/admin/password', { current: initial, next: 'password123', confirm: 'password123' });
      assert.equal(weak.status, 422);
      assert.match(await weak.text(), /密码包含常见弱口令/);
      const ok = await a.post('/admin/password', { current: initial, next: NEW_PASSWORD, confirm: NEW_PASSWORD });
      assert.equal(ok.status, 303);
      const dash = await a.get('/admin');
      assert.equal(dash.status, 200);
      assert.match(await dash.text(), /工作台/);
    });

    test('should reject a form without the CSRF token or from another origin', async () => {
      const a = new TestAgent(rt);
      await a.login('admin', NEW_PASSWORD);
      const noToken = await a.post('/admin/orgs', { name: 'x' }, { csrf: false });
      assert.equal(noToken.status, 403);
      const evil = await a.post('/admin/orgs', { name: 'x' }, { origin: 'http://evil.example' });
      assert.equal(evil.status, 403);
    });

    test('should send security headers', async () => {
      const res = await new TestAgent(rt).get('/admin/login');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    });

    test('should end the session on logout and after 30 idle minutes', async () => {
      const a = new TestAgent(rt);
      await a.login('admin', NEW_PASSWORD);
      assert.equal((await a.get('/admin')).status, 200);
      await a.post('/admin/logout', {});
      assert.equal((await a.get('/admin')).headers.get('location'), '/admin/login?next=%2Fadmin');
      const b = new TestAgent(rt);
      await b.login('admin', NEW_PASSWORD);
      rt.clock.advance(31 * 60_000);
      const res = await b.get('/admin');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/login?next=%2Fadmin&expired=1');
      assert.match(await (await b.get('/admin/login?next=%2Fadmin&expired=1')).text(), /登录已超时/);
    });

    // No lockout any more (it let anyone lock any account): 5 failures from one address throttle that address for
    // that account until the 15-minute window ends; the account's owner elsewhere still signs in.
    test('should throttle an account from one address after 5 failures, not lock the account', async () => {
      const a = new TestAgent(rt, { ip: '198.51.100.7' });
      for (let i = 0; i < 5; i++) {
        assert.equal((await a.login('admin', `bad-password-${i}`)).status, 401);
      }
      const sixth = await a.login('admin', NEW_PASSWORD);
      assert.equal(sixth.status, 429);
      assert.match(await sixth.text(), /登录尝试过于频繁/);
      assert.ok(Number(sixth.headers.get('retry-after')) > 0);
      assert.equal((await new TestAgent(rt, { ip: '203.0.113.9' }).login('admin', NEW_PASSWORD)).status, 303);
      rt.clock.advance(16 * 60_000);
      assert.equal((await a.login('admin', NEW_PASSWORD)).status, 303);
    });
  });
}

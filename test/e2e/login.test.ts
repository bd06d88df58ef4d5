// Browser journey: first login with the printed password, forced change, dashboard, logout; also with JS off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSkipReason, e2eSuite, keepScreenshot } from '../support/e2e.js';
import { DIRECTORIES } from '../../src/domain/publications/directories.js';

describe('back office in Chromium', { skip: browserSkipReason() }, () => {
  const server = e2eSuite();

  test('should log in, change the initial password, see the dashboard and log out', async () => {
    const { browser, url } = server;
    const password = server.boot.adminPassword ?? '';
    const page = await browser.newPage();
    await page.goto(`${url}/admin`);
    assert.match(page.url(), /\/admin\/login/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin\/password/);
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel(/^新密码/).fill('Browser-Journey-2025');
    await page.getByLabel('确认新密码').fill('Browser-Journey-2025');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.waitForURL(/\/admin\?flash=password/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '工作台');
    assert.match((await page.getByRole('status').textContent()) ?? '', /密码已修改/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/admin\/login/);
    await page.goto(`${url}/admin`);
    assert.match(page.url(), /\/admin\/login/);
    await page.close();
  });

  test('should work with JavaScript disabled and show a Chinese error for a wrong password', async () => {
    const { browser, url, dir } = server;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/admin/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /用户名或密码错误/);
    assert.equal(await page.getByLabel('用户名').inputValue(), 'admin');
    await page.getByLabel('密码').fill('Browser-Journey-2025');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    await keepScreenshot(page, join(dir, 'dashboard.png'));
    await context.close();
  });

  test('should show the portal home with the statutory directories and a Chinese 404', async () => {
    const page = await server.browser.newPage();
    await page.goto(server.url);
    for (const { label } of DIRECTORIES) {
      assert.equal(await page.getByRole('link', { name: label }).count(), 1, label);
    }
    const res = await page.goto(`${server.url}/no-such-page`);
    assert.equal(res?.status(), 404);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /页面不存在/);
    await page.close();
  });
});

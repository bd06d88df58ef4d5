// Development aid: starts gongkai on a temporary SQLite database and saves PNG screenshots of the
// main pages (desktop and phone widths) for visual review. Usage: npx tsx scripts/screenshots.ts [outDir]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { serveHttp, startRuntime } from '../src/main.js';
import { launchBrowser } from '../test/support/browser.js';
import { makeApplication } from '../test/factories/applications.js';
import { rootOrg } from '../test/factories/orgs.js';
import { STAFF_PASSWORD, makeStaff } from '../test/factories/staff.js';

const out = process.argv[2] ?? '/tmp/gongkai-shots';
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
const config = loadConfig({ GONGKAI_DATA_DIR: dir, PORT: '0' });
const { runtime, boot } = await startRuntime(config);
const server = await serveHttp(runtime, config);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const shot = async (path: string, name: string, width = 1280) => {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.url + path);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
};
await shot('/', 'portal-home');
await shot('/', 'portal-home-phone', 390);
const root = await rootOrg(runtime);
await shot(`/org/${root.creditCode}/info`, 'portal-info');
await shot('/nope', 'portal-404');
await shot('/admin/login', 'admin-login');
await page.getByLabel('用户名').fill('admin');
await page.getByLabel('密码').fill(boot.adminPassword ?? '');
await page.getByRole('button', { name: '登录' }).click();
await page.getByLabel('当前密码').fill(boot.adminPassword ?? '');
await page.getByLabel(/^新密码/).fill('Screenshot-Review-2025');
await page.getByLabel('确认新密码').fill('Screenshot-Review-2025');
await page.getByRole('button', { name: '保存新密码' }).click();
await page.waitForURL(/\/admin\?/);
for (const [path, name] of [
  ['/admin', 'admin-dashboard'],
  ['/admin/orgs', 'admin-orgs'],
  ['/admin/users', 'admin-users'],
  ['/admin/users/new', 'admin-user-new'],
  ['/admin/calendar?year=2025&start=2025-09-28&days=20', 'admin-calendar'],
  ['/admin/audit', 'admin-audit'],
  ['/admin/settings', 'admin-settings'],
]) {
  await shot(path ?? '', name ?? '');
}
await shot('/admin', 'admin-dashboard-phone', 390);
await shot(`/org/${root.creditCode}/apply`, 'portal-apply');
await shot('/track', 'portal-track');
await makeStaff(runtime, 'li.handler', ['handler'], root.id, '李承办');
const sub = await makeApplication(runtime);
await page.goto(`${server.url}/admin/logout`);
await page.context().clearCookies();
await page.goto(`${server.url}/admin/login`);
await page.getByLabel('用户名').fill('li.handler');
await page.getByLabel('密码').fill(STAFF_PASSWORD);
await page.getByRole('button', { name: '登录' }).click();
await page.waitForURL(/\/admin$/);
await shot('/admin', 'handler-dashboard');
await shot('/admin/applications', 'handler-applications');
await shot(`/admin/applications/${sub.id}`, 'handler-case');
await browser.close();
await server.close();
await runtime.close();
rmSync(dir, { recursive: true, force: true });
console.log(`screenshots in ${out}`);

// Browser tests' one setup: a real gongkai server on a temporary SQLite database (bootstrapped demo district),
// staff accounts made through the factories, Chromium, and the steps every journey repeats (signing a staff
// member in, making a move on a case or item page, filing an application online and looking it up on /track,
// axe-core's serious and critical violations).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { serveHttp, startRuntime, type Runtime } from '../../src/main.js';
import type { BootstrapResult } from '../../src/app/bootstrap.js';
import type { Organization } from '../../src/domain/orgs/organization.js';
import type { Role } from '../../src/domain/users/roles.js';
import { demoOrgs, type Orgs } from '../factories/orgs.js';
import { makeStaff, STAFF_PASSWORD } from '../factories/staff.js';
import { launchBrowser } from './browser.js';
import { TEST_DEMO_DATA } from './cli.js';
import { forSuite } from './suite.js';

export { browserSkipReason, keepScreenshot } from './browser.js';

/** A staff account to create: its roles, at the root organization unless another is named (full name). */
export type E2eAccount = Role[] | { roles: Role[]; org?: string; displayName?: string };

/** A running server with its browser and the journeys' helpers. */
export type E2eServer = {
  runtime: Runtime;
  boot: BootstrapResult;
  url: string;
  browser: Browser;
  /** The data folder (screenshots may go there). */
  dir: string;
  /** The demo district's root organization. */
  root: Organization;
  /** Signs a staff account in (the factories' password) on a new page, in `context` or a fresh one. */
  staffPage: (username: string, context?: BrowserContext) => Promise<Page>;
  close: () => Promise<void>;
};

/**
 * Starts gongkai on a free port with the staff accounts given, runs `prepare` before serving (e.g. to
 * publish items or insert cases through the use cases), and launches Chromium.
 */
export async function startE2e(
  opts: { staff?: Record<string, E2eAccount>; prepare?: (runtime: Runtime, orgs: Orgs) => Promise<void> } = {},
): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  // A browser robot fills the application form faster than a person may (GONGKAI_FORM_MIN_SECONDS).
  const config = loadConfig({
    GONGKAI_DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    GONGKAI_FORM_MIN_SECONDS: '0',
    ...TEST_DEMO_DATA,
  });
  const { runtime, boot } = await startRuntime(config);
  const orgs = await demoOrgs(runtime);
  for (const [username, account] of Object.entries(opts.staff ?? {})) {
    const { roles, org, displayName } = Array.isArray(account) ? { roles: account } : account;
    await makeStaff(runtime, username, roles, (org ? orgs.named(org) : orgs.root).id, displayName);
  }
  await opts.prepare?.(runtime, orgs);
  const server = await serveHttp(runtime, config);
  const browser = await launchBrowser();
  const staffPage = async (username: string, context?: BrowserContext) => {
    const page = await (context ?? (await browser.newContext())).newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    return page;
  };
  return {
    runtime,
    boot,
    url: server.url,
    browser,
    dir,
    root: orgs.root,
    staffPage,
    close: async () => {
      await browser.close();
      await server.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server of a `describe` block: started before its tests, closed after them (see `forSuite`). */
export function e2eSuite(opts: Parameters<typeof startE2e>[0] = {}): E2eServer {
  return forSuite(() => startE2e(opts));
}

/**
 * Opens a move's form on a case or item page (a `<details>` whose summary starts with the label), fills
 * it and submits it; unless `expectDone` is false, the page must not report the move unfinished.
 */
export async function makeMove(
  page: Page,
  pageUrl: string,
  label: string,
  fill: (form: Locator) => Promise<void> = async () => undefined,
  expectDone = true,
): Promise<void> {
  await page.goto(pageUrl);
  const details = page
    .locator('details', { has: page.locator('summary', { hasText: new RegExp(`^${label}（`) }) })
    .first();
  // Moves with at most one field start open; clicking their summary would close them.
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await fill(details);
  await details.getByRole('button', { name: label }).click();
  await page.waitForLoadState('load');
  if (expectDone) assert.doesNotMatch(await page.content(), /未完成/, `${label} failed`);
}

/** A 1×1 PNG: the identity proof an online application carries. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d50000000049454e44ae426082',
  'hex',
);

/** The applicant the journeys file for (a natural person); the phone number opens the case on /track. */
export const APPLICANT = { name: '张三', idNumber: '11010519491231002X', phone: '13812345678' } as const;

/**
 * Fills the online application form open on `page` for {@link APPLICANT} (electronic carrier, the reply obtained
 * by `delivery`, e.g. 电子邮件 or 网上获取), with an identity proof image, submits it and reads the receipt.
 * @returns the tracking code the receipt shows
 */
export async function fillApplication(page: Page, request: { description: string; delivery: string }): Promise<string> {
  await page.getByLabel('自然人', { exact: true }).check();
  await page.getByLabel('申请人姓名或名称').fill(APPLICANT.name);
  await page.getByLabel('证件类型').selectOption('resident_id');
  await page.getByLabel('证件号码').fill(APPLICANT.idNumber);
  await page.getByLabel('联系电话').fill(APPLICANT.phone);
  await page.getByLabel('电子邮箱').fill('zhangsan@example.com');
  await page.getByLabel('通信地址').fill('示例区人民路100号');
  await page.getByLabel('邮政编码').fill('999001');
  await page.getByLabel('所需信息的内容描述').fill(request.description);
  await page.getByLabel('电子', { exact: true }).check();
  await page.getByLabel(request.delivery, { exact: true }).check();
  await page.getByLabel(/^身份证明文件/).setInputFiles({ name: 'id-card.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: '提交申请' }).click();
  const code = (await page.locator('.tracking-code').textContent())?.trim() ?? '';
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'the receipt shows a tracking code');
  return code;
}

/** Looks a case up on the /track form open on `page` with its code and {@link APPLICANT}'s phone number. */
export async function lookUpCase(page: Page, code: string): Promise<void> {
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('手机号码或证件号码').fill(APPLICANT.phone);
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/\/track\/case$/);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/** One violation per paragraph: rule, impact, help and the first offending nodes. */
function describeViolation(label: string, v: AxeViolation): string {
  const nodes = v.nodes.slice(0, 5).map((n) => {
    const summary = n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : '';
    return `    ${JSON.stringify(n.target)}${summary}`;
  });
  const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
  return `${label}: [${v.impact}] ${v.id} — ${v.help}\n${nodes.join('\n')}${more}`;
}

/**
 * Runs axe-core (WCAG 2.1 AA rules) on the page and describes its serious and critical violations (none: []).
 * The page's context needs `bypassCSP: true` to take the script.
 */
export async function axeViolations(page: Page, label = page.url()): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as {
      document: unknown;
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => describeViolation(label, v));
}

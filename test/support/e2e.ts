// Browser tests' one setup: a real gongkai server on a temporary SQLite database (bootstrapped demo district),
// staff accounts made through the factories, Chromium, and the steps every journey repeats (signing a staff
// member in, making a move on a case or item page, axe-core's serious and critical violations).
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
import { forSuite } from './suite.js';

export { browserSkipReason } from './browser.js';

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
  const config = loadConfig({ GONGKAI_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', GONGKAI_FORM_MIN_SECONDS: '0' });
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

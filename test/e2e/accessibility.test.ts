// Accessibility of issue 4 (WCAG 2.1 AA): axe-core's default rules in Chromium find no serious or
// critical violation on the portal's home, category, publication, search, apply and track pages and
// on the back-office login, and on the apply and track forms' error states, in normal and in
// large-text (适老化) mode.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { serveHttp, startRuntime, type Runtime } from '../../src/main.js';
import { createUser } from '../../src/app/users/manage-users.js';
import { actorOf } from '../../src/app/actors.js';
import { createDraft } from '../../src/app/publications/drafts.js';
import { actOnPublication } from '../../src/app/publications/act-on-publication.js';
import type { Actor } from '../../src/domain/policies/actor.js';
import type { Role } from '../../src/domain/users/roles.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';

const PASSWORD = 'A11y-Staff-Pass-2025';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** One violation per paragraph: rule, impact, help and the first offending nodes. */
function describeViolations(path: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${path}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
          )
          .join('\n')}${v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : ''}`,
    )
    .join('\n');
}

describe('portal accessibility (axe-core in Chromium)', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let runtime: Runtime;
  let url: string;
  let stop: () => Promise<void>;
  let paths: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-a11y-'));

  before(async () => {
    const config = loadConfig({ GONGKAI_DATA_DIR: dir, PORT: '0' });
    runtime = (await startRuntime(config)).runtime;
    const root = (await runtime.ctx.repos.orgs.list()).find((o) => o.parentId === null);
    if (!root) throw new Error('no root organization');
    const make = async (username: string, roles: Role[]): Promise<Actor> =>
      actorOf(
        await createUser(runtime.ctx, null, {
          username,
          displayName: username,
          orgId: root.id,
          roles: roles.map((role) => ({ orgId: root.id, role })),
          password: PASSWORD,
          mustChangePassword: false,
        }),
      );
    const editor = await make('a11y.editor', ['editor']);
    const r1 = await make('a11y.review1', ['reviewer']);
    const r2 = await make('a11y.review2', ['reviewer']);
    const signer = await make('a11y.signer', ['signer']);
    const pub = await createDraft(runtime.ctx, editor, {
      org: root.creditCode,
      title: '示例区河长制工作年度通报',
      kind: 'other_document',
      writtenOn: new Date().toISOString().slice(0, 10),
      body: '<p>全区各级河长履职情况良好。</p>',
    });
    await actOnPublication(runtime.ctx, editor, pub.id, 'submit');
    await actOnPublication(runtime.ctx, r1, pub.id, 'approve');
    await actOnPublication(runtime.ctx, r2, pub.id, 'approve');
    await actOnPublication(runtime.ctx, signer, pub.id, 'approve');
    await actOnPublication(runtime.ctx, signer, pub.id, 'publish');
    const categoryId = (await runtime.ctx.repos.publications.byId(pub.id))?.categoryId;
    assert.ok(categoryId, 'the published item has a category');
    const org = `/org/${root.creditCode}`;
    paths = [
      '/',
      `${org}/statutory`,
      `${org}/c/${categoryId}`,
      `/publications/${pub.id}`,
      `/search?q=${encodeURIComponent('河长')}`,
      `${org}/apply`,
      '/track',
      '/admin/login',
      `${org}/standard-catalogue`,
      `${org}/annual-reports`,
    ];
    const server = await serveHttp(runtime, config);
    url = server.url;
    stop = server.close;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stop?.();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Injects axe into the page and returns its serious and critical violations, described, or ''. */
  async function axeCheck(page: Page, label: string): Promise<string> {
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
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    return bad.length > 0 ? describeViolations(label, bad) : '';
  }

  /** Runs axe on every page in the context, and on the apply and track forms sent empty (their error state). */
  async function audit(context: BrowserContext): Promise<string[]> {
    const failures: string[] = [];
    const page = await context.newPage();
    for (const path of paths) {
      const res = await page.goto(`${url}${path}`);
      assert.equal(res?.status(), 200, `${path} answers 200`);
      failures.push(await axeCheck(page, path));
    }
    for (const [path, button] of [
      [paths[5] ?? '', '提交申请'],
      ['/track', '查询'],
    ] as const) {
      await page.goto(`${url}${path}`);
      await page.evaluate('document.querySelectorAll("form").forEach((f) => { f.noValidate = true; })'); // the server's errors, not the browser's
      await page.getByRole('button', { name: button }).click();
      await page.waitForLoadState('load');
      assert.ok((await page.locator('main').count()) > 0, `${path} answers the empty form with a page`);
      failures.push(await axeCheck(page, `${path} (sent empty)`));
    }
    await page.close();
    return failures.filter((f) => f !== '');
  }

  test('should have no serious or critical axe violations on the public pages and the login', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const failures = await audit(context);
      assert.deepEqual(failures, [], `axe found serious or critical violations:\n${failures.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  test('should have no serious or critical axe violations in large-text mode', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${url}/large-text?on=1`);
      assert.ok(
        (await context.cookies()).some((c) => c.value === '1'),
        'the large-text cookie is set',
      );
      await page.close();
      const failures = await audit(context);
      assert.deepEqual(
        failures,
        [],
        `axe found serious or critical violations in large-text mode:\n${failures.join('\n')}`,
      );
    } finally {
      await context.close();
    }
  });
});

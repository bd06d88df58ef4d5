// Accessibility (WCAG 2.1 AA): axe-core's default rules in Chromium find no serious or
// critical violation on the portal's home, category, publication, search, apply and track pages, the
// 政府信息公开指南 and 制度 pages, and on the back-office login, and on the apply and track forms' error states,
// in normal and in large-text (适老化) mode; nor on the back-office organization tree and the guide editor.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, browserSkipReason, e2eSuite } from '../support/e2e.js';
import { makePublication, publishingStaff } from '../factories/publications.js';

describe('portal accessibility (axe-core in Chromium)', { skip: browserSkipReason() }, () => {
  let paths: string[] = [];
  let rootId = '';
  const server = e2eSuite({
    staff: { 'a11y.admin': ['admin'] },
    prepare: async (runtime, { root }) => {
      const staff = await publishingStaff(runtime, { prefix: 'a11y' });
      const pub = await makePublication(runtime, staff, {
        state: 'published',
        fields: {
          title: '示例区河长制工作年度通报',
          kind: 'other_document',
          docNo: '',
          writtenOn: runtime.ctx.clock.today(),
          body: '<p>全区各级河长履职情况良好。</p>',
        },
      });
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
        `${org}/guide`,
        `${org}/rules`,
      ];
      rootId = root.id;
    },
  });

  /** Runs axe on every page in the context, and on the apply and track forms sent empty (their error state). */
  async function audit(context: BrowserContext): Promise<string[]> {
    const failures: string[] = [];
    const page = await context.newPage();
    for (const path of paths) {
      const res = await page.goto(`${server.url}${path}`);
      assert.equal(res?.status(), 200, `${path} answers 200`);
      failures.push(...(await axeViolations(page, path)));
    }
    for (const [path, button] of [
      [paths[5] ?? '', '提交申请'],
      ['/track', '查询'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.evaluate('document.querySelectorAll("form").forEach((f) => { f.noValidate = true; })'); // the server's errors, not the browser's
      await page.getByRole('button', { name: button }).click();
      await page.waitForLoadState('load');
      assert.ok((await page.locator('main').count()) > 0, `${path} answers the empty form with a page`);
      failures.push(...(await axeViolations(page, `${path} (sent empty)`)));
    }
    await page.close();
    return failures;
  }

  test('should have no serious or critical axe violations on the public pages and the login', async () => {
    const context = await server.browser.newContext({ bypassCSP: true });
    try {
      const failures = await audit(context);
      assert.deepEqual(failures, [], `axe found serious or critical violations:\n${failures.join('\n')}`);
    } finally {
      await context.close();
    }
  });

  test('should have no serious or critical axe violations in large-text mode', async () => {
    const context = await server.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/large-text?on=1`);
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

  test('should have no serious or critical axe violations on the organization tree and the guide editor', async () => {
    const context = await server.browser.newContext({ bypassCSP: true });
    try {
      const page = await server.staffPage('a11y.admin', context);
      const failures: string[] = [];
      for (const path of ['/admin/orgs', `/admin/orgs/${rootId}/guide`, `/admin/orgs/${rootId}/rules`]) {
        const res = await page.goto(`${server.url}${path}`);
        assert.equal(res?.status(), 200, `${path} answers 200`);
        failures.push(...(await axeViolations(page, path)));
      }
      // The tree opens and closes: a closed level's organizations are hidden until its summary is clicked.
      await page.goto(`${server.url}/admin/orgs`);
      const toggle = page.locator('ul.orgtree > li > details > summary').first();
      await toggle.click();
      assert.equal(await page.locator('ul.orgtree > li > details').first().getAttribute('open'), null, 'closed');
      await toggle.click();
      assert.notEqual(await page.locator('ul.orgtree > li > details').first().getAttribute('open'), null, 'open');
      assert.deepEqual(failures, [], `axe found serious or critical violations:\n${failures.join('\n')}`);
    } finally {
      await context.close();
    }
  });
});

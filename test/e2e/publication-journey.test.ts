// Browser journey of issue 4: an editor drafts an item with an attachment, two reviewers and a signer
// approve it (the editor cannot approve their own item), it appears on the portal, in search and in
// the feed; withdrawn, it disappears and answers 410.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../src/app/users/manage-users.js';
import type { Role } from '../../src/domain/users/roles.js';
import { browserSkipReason } from '../support/browser.js';
import { startE2eServer, type E2eServer } from '../support/server.js';

const PASSWORD = 'Journey-Staff-Pass-2025';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const TITLE = '示例区河长制工作年度通报';

describe('proactive disclosure journey in Chromium', { skip: browserSkipReason() }, () => {
  let server: E2eServer;
  let browser: Browser;
  let url: string;
  let rootCode: string;

  before(async () => {
    server = await startE2eServer(async (runtime) => {
      const root = (await runtime.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      rootCode = root?.creditCode ?? '';
      const staff: [string, Role[]][] = [
        ['zhou.editor', ['editor', 'reviewer']],
        ['wu.review', ['reviewer']],
        ['zheng.review', ['reviewer']],
        ['sun.signer', ['signer']],
      ];
      for (const [username, roles] of staff) {
        await createUser(runtime.ctx, null, {
          username,
          displayName: username,
          orgId: root?.id ?? '',
          roles: roles.map((role) => ({ orgId: root?.id ?? '', role })),
          password: PASSWORD,
          mustChangePassword: false,
        });
      }
    });
    ({ browser, url } = server);
  });
  after(() => server?.close());

  async function staffPage(username: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${url}/admin/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    return page;
  }

  /** Opens a move on the item page and submits it. */
  async function move(
    page: Page,
    itemUrl: string,
    label: string,
    fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => undefined,
  ): Promise<void> {
    await page.goto(itemUrl);
    const details = page
      .locator('details', { has: page.locator('summary', { hasText: new RegExp(`^${label}（`) }) })
      .first();
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await fill(details);
    await details.getByRole('button', { name: label }).click();
    await page.waitForLoadState('load');
  }

  test('should take an item from draft through review to the portal, search and feed, then withdraw it', async () => {
    const editor = await staffPage('zhou.editor');
    await editor.goto(`${url}/admin/publications/new`);
    await editor.getByLabel(/^名称/).fill(TITLE);
    await editor.getByLabel(/^体裁/).selectOption('other_document');
    await editor.getByLabel(/^成文日期/).fill(new Date().toISOString().slice(0, 10));
    await editor.getByLabel(/^正文/).fill('<p>全区各级河长履职情况良好。</p><script>alert(1)</script>');
    await editor.getByLabel('上传附件').setInputFiles({ name: '通报.pdf', mimeType: 'application/pdf', buffer: PDF });
    await editor.getByRole('button', { name: '保存为草稿' }).click();
    await editor.waitForURL(/\/admin\/publications\/[^/]+$/);
    const itemUrl = editor.url();
    await move(editor, itemUrl, '送审');

    // 编审分离: the editor holds the reviewer role too, but may not approve their own item.
    await editor.goto(itemUrl);
    const approveOwn = editor.locator('details', { has: editor.locator('summary', { hasText: /^审核通过（/ }) });
    if ((await approveOwn.count()) > 0) {
      await move(editor, itemUrl, '审核通过');
      assert.match((await editor.locator('main').textContent()) ?? '', /不能|编审分离|无权|没有权限/);
    }
    for (const reviewer of ['wu.review', 'zheng.review']) {
      const page = await staffPage(reviewer);
      await move(page, itemUrl, '审核通过');
      await page.close();
    }
    const signer = await staffPage('sun.signer');
    await move(signer, itemUrl, '审核通过');
    await move(signer, itemUrl, '发布');
    const id = itemUrl.split('/').pop() ?? '';

    const visitor = await browser.newPage();
    const pub = await visitor.goto(`${url}/publications/${id}`);
    assert.equal(pub?.status(), 200);
    const text = (await visitor.locator('main').textContent()) ?? '';
    assert.ok(text.includes(TITLE));
    assert.ok(text.includes('通报.pdf'));
    assert.doesNotMatch(await visitor.content(), /<script>alert/);
    await visitor.goto(`${url}/search?q=${encodeURIComponent('河长')}`);
    assert.ok(((await visitor.locator('main').textContent()) ?? '').includes('河长制工作年度通报'));
    const feed = await visitor.goto(`${url}/org/${rootCode}/feed.atom`);
    assert.ok((await feed?.text())?.includes(TITLE));

    await move(signer, itemUrl, '撤稿', async (f) => {
      await f.getByLabel(/^撤稿理由/).fill('内容需要更正');
    });
    const gone = await visitor.goto(`${url}/publications/${id}`);
    assert.equal(gone?.status(), 410);
    await visitor.goto(`${url}/search?q=${encodeURIComponent('河长')}`);
    assert.ok(!((await visitor.locator('main').textContent()) ?? '').includes('河长制工作年度通报'));
  });
});

// Browser journey: an editor drafts an item with an attachment, two reviewers and a signer approve it (the
// editor cannot approve their own item and the page says why; the signer's button reads 签发), it appears on the
// portal, in search and in the feed; withdrawn, it disappears and answers 410; revised after withdrawal (撤稿后修订)
// it still answers 410 until the revision is published, then the same address shows version 2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkipReason, e2eSuite, makeMove as move } from '../support/e2e.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const TITLE = '示例区河长制工作年度通报';

describe('proactive disclosure journey in Chromium', { skip: browserSkipReason() }, () => {
  const server = e2eSuite({
    staff: {
      'zhou.editor': ['editor', 'reviewer'],
      'wu.review': ['reviewer'],
      'zheng.review': ['reviewer'],
      'sun.signer': ['signer'],
    },
  });

  test('should take an item from draft through review to the portal, search and feed, then withdraw it', async () => {
    const { url } = server;
    const editor = await server.staffPage('zhou.editor');
    await editor.goto(`${url}/admin/publications/new`);
    await editor.getByLabel(/^名称/).fill(TITLE);
    await editor.getByLabel(/^体裁/).selectOption('other_document');
    await editor.getByLabel(/^成文日期/).fill(new Date().toISOString().slice(0, 10));
    // The HTML source of the body editor (static/editor.js), typed with a script the allow-list drops.
    await editor.getByRole('button', { name: 'HTML源码' }).click();
    await editor.getByLabel(/^正文/).fill('<p>全区各级河长履职情况良好。</p><script>alert(1)</script>');
    await editor.getByLabel('上传附件').setInputFiles({ name: '通报.pdf', mimeType: 'application/pdf', buffer: PDF });
    await editor.getByRole('button', { name: '保存为草稿' }).click();
    await editor.waitForURL(/\/admin\/publications\/[^/]+$/);
    const itemUrl = editor.url();
    await move(editor, itemUrl, '送审');

    // 编审分离: the editor holds the reviewer role too, but is not offered the approval of their own item,
    // and the move sent anyway is refused with the item left where it was.
    await editor.goto(itemUrl);
    const approveOwn = editor.locator('details', { has: editor.locator('summary', { hasText: /^审核通过（/ }) });
    assert.equal(await approveOwn.count(), 0, 'the editor is not offered the approval of their own item');
    assert.match(
      (await editor.locator('#separation').textContent()) ?? '',
      /编审分离：不能审核本人编辑的信息/,
      'the page says why',
    );
    const csrf = (await editor.context().cookies()).find((c) => c.name === 'gk_csrf')?.value ?? '';
    const own = await editor.request.post(`${url}${new URL(itemUrl).pathname}/actions`, {
      form: { _csrf: csrf, action: 'approve' },
      headers: { origin: url },
    });
    assert.equal(own.status(), 403);
    assert.match(await own.text(), /编审分离/);
    await editor.goto(itemUrl);
    assert.match((await editor.locator('main').textContent()) ?? '', /已送审/);
    for (const reviewer of ['wu.review', 'zheng.review']) {
      const page = await server.staffPage(reviewer);
      await move(page, itemUrl, '审核通过');
      await page.close();
    }
    const signer = await server.staffPage('sun.signer');
    await move(signer, itemUrl, '签发');
    await move(signer, itemUrl, '发布');
    const id = itemUrl.split('/').pop() ?? '';

    const visitor = await server.browser.newPage();
    const pub = await visitor.goto(`${url}/publications/${id}`);
    assert.equal(pub?.status(), 200);
    const text = (await visitor.locator('main').textContent()) ?? '';
    assert.ok(text.includes(TITLE));
    assert.ok(text.includes('通报.pdf'));
    assert.doesNotMatch(await visitor.content(), /<script>alert/);
    await visitor.goto(`${url}/search?q=${encodeURIComponent('河长')}`);
    assert.ok(((await visitor.locator('main').textContent()) ?? '').includes('河长制工作年度通报'));
    const feed = await visitor.goto(`${url}/org/${server.root.creditCode}/feed.atom`);
    assert.ok((await feed?.text())?.includes(TITLE));

    await move(signer, itemUrl, '撤稿', async (f) => {
      await f.getByLabel(/^撤稿理由/).fill('内容需要更正');
    });
    const gone = await visitor.goto(`${url}/publications/${id}`);
    assert.equal(gone?.status(), 410);
    await visitor.goto(`${url}/search?q=${encodeURIComponent('河长')}`);
    assert.ok(!((await visitor.locator('main').textContent()) ?? '').includes('河长制工作年度通报'));

    // 撤稿后修订: the editor reopens it; it stays withdrawn through the chain, then the same address shows version 2.
    await signer.goto(itemUrl);
    assert.equal(await signer.getByRole('button', { name: '撤稿后修订（修订后重新发布）' }).count(), 0);
    await move(editor, itemUrl, '撤稿后修订（修订后重新发布）');
    assert.match((await editor.locator('#reopened').textContent()) ?? '', /修订稿经审核签发发布后/);
    await move(editor, itemUrl, '送审');
    assert.equal((await visitor.goto(`${url}/publications/${id}`))?.status(), 410, 'still withdrawn in review');
    for (const reviewer of ['wu.review', 'zheng.review']) {
      const page = await server.staffPage(reviewer);
      await move(page, itemUrl, '审核通过');
      await page.close();
    }
    await move(signer, itemUrl, '签发');
    await move(signer, itemUrl, '发布');
    assert.equal((await visitor.goto(`${url}/publications/${id}`))?.status(), 200, 'the same address again');
    await editor.goto(itemUrl);
    const versions = (await editor.locator('section[aria-labelledby="versions-h"]').textContent()) ?? '';
    assert.match(versions, /第1版.*已撤稿.*修订后以第2版重新发布/s);
    assert.match(versions, /第2版.*网站当前显示/s);
  });
});

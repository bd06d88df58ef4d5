// Browser journey of drafting, step by step on one item (each test continues where the one before left off, so
// steps can be appended): the editor imports a Word document as the body in the rich-text editor (a non-DOCX
// refused first; axe-clean in each state; keyboard-usable toolbar), edits it, saves; 送审, 撤回送审, 送审 again;
// two reviewers approve and the signer 签发; published, the portal shows the imported body and its image; the
// editor drafts its interpretation from the document (为本文件起草解读) and it goes through the chain; the signer
// withdraws the document with its interpretation in one move (both 410); the editor revises the document
// (撤稿后修订) and it is published again under the same 索引号 and address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkipReason, e2eSuite, makeMove as move } from '../support/e2e.js';
import { sampleWordDocx, WORD_TEXT } from '../support/word-docx.js';

const TITLE = '示例区关于做好2026年河湖管护工作的通知';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ADDED = '本通知自印发之日起施行。';

/** In the page: whether the image `selector` finds has loaded. */
const loaded = (page: Page, selector: string) =>
  page.evaluate(
    `(() => { const i = document.querySelector(${JSON.stringify(selector)}); return !!i && i.complete && i.naturalWidth > 0; })()`,
  );

/** The journey's state, carried from step to step. */
const journey = { itemUrl: '', id: '', indexNo: '', interpretationId: '' };

describe('drafting journey in Chromium', { skip: browserSkipReason() }, () => {
  const server = e2eSuite({
    staff: {
      'lin.editor': ['editor'],
      'gao.review': ['reviewer'],
      'xu.review': ['reviewer'],
      'tang.signer': ['signer'],
    },
  });
  // The editor's context takes axe's script (bypassCSP); the page's own scripts load as usual.
  let context: BrowserContext;
  let editor: Page;
  before(async () => {
    context = await server.browser.newContext({ bypassCSP: true });
    editor = await server.staffPage('lin.editor', context);
  });
  after(() => context?.close());

  const area = () => editor.locator('.editor-area');

  /** Two reviewers approve the item, the signer 签发 and 发布. */
  const throughTheChain = async (itemUrl: string) => {
    for (const reviewer of ['gao.review', 'xu.review']) {
      const page = await server.staffPage(reviewer);
      await move(page, itemUrl, '审核通过');
      await page.close();
    }
    const signer = await server.staffPage('tang.signer');
    await move(signer, itemUrl, '签发');
    await move(signer, itemUrl, '发布');
    await signer.close();
  };
  /** The 索引号 in the portal page's 信息属性 table. */
  const portalIndexNo = async (page: Page) =>
    (
      (await page
        .locator('table.pubmeta th', { hasText: '索引号' })
        .locator('xpath=following-sibling::td[1]')
        .textContent()) ?? ''
    ).trim();

  test('should import a Word document as the body in the rich-text editor, keeping what was typed', async () => {
    await editor.goto(`${server.url}/admin/publications/new`);
    // Enhanced: a labelled toolbar and an editable area in place of the textarea.
    assert.equal(await editor.getByRole('toolbar', { name: '编辑工具' }).isVisible(), true);
    assert.equal(await editor.locator('textarea#f-body').isHidden(), true);
    assert.equal(await editor.getByRole('textbox', { name: '正文' }).count(), 1, 'the area carries the label');
    assert.deepEqual(await axeViolations(editor, 'draft form'), []);

    await editor.getByLabel(/^名称/).fill(TITLE);
    await editor.getByLabel(/^体裁/).selectOption('other_document');
    await editor.getByLabel(/^成文日期/).fill(new Date().toISOString().slice(0, 10));
    await editor.getByLabel(/^发文字号/).fill('示水发〔2026〕3号');
    // A file that is not a DOCX: refused in Chinese under the file field, everything typed kept.
    await editor.getByLabel('从Word导入正文').setInputFiles({
      name: '河湖通知.docx',
      mimeType: DOCX_TYPE,
      buffer: Buffer.from('不是Word文档'),
    });
    await editor.getByRole('button', { name: '导入Word正文（不保存）' }).click();
    await editor.waitForLoadState('load');
    assert.match((await editor.locator('#f-word-err').textContent()) ?? '', /不是有效的Word文档（DOCX）/);
    assert.equal(await editor.getByLabel(/^名称/).inputValue(), TITLE, 'typed fields kept');
    assert.deepEqual(await axeViolations(editor, 'draft form with a refused import'), []);

    await editor.getByLabel('从Word导入正文').setInputFiles({
      name: '河湖通知.docx',
      mimeType: DOCX_TYPE,
      buffer: await sampleWordDocx(),
    });
    await editor.getByRole('button', { name: '导入Word正文（不保存）' }).click();
    await editor.waitForLoadState('load');
    assert.match((await editor.locator('.flash').textContent()) ?? '', /已从“河湖通知\.docx”导入正文和 1 张图片/);
    assert.equal(await editor.getByLabel(/^名称/).inputValue(), TITLE, 'typed fields kept');
    assert.equal(await editor.getByLabel(/^发文字号/).inputValue(), '示水发〔2026〕3号');
    assert.equal(await area().locator('h2').textContent(), WORD_TEXT.heading);
    assert.equal(await area().locator('h3').textContent(), WORD_TEXT.subheading);
    assert.equal(await area().locator('table td').first().textContent(), WORD_TEXT.cell);
    assert.equal(await area().locator('ul li').count(), 2);
    assert.equal(await area().locator('img').getAttribute('alt'), WORD_TEXT.imageAlt);
    assert.match((await editor.locator('.imported-images').textContent()) ?? '', /河湖通知-图1\.png/);
    assert.deepEqual(await axeViolations(editor, 'draft form after the import'), []);
  });

  test('should edit the body with the toolbar from the keyboard and save the draft', async () => {
    // A new paragraph at the end, made bold with the toolbar reached by keyboard.
    await area().click();
    await editor.keyboard.press('Control+End');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type(ADDED);
    await editor.keyboard.press('Shift+Home');
    const toolbar = editor.getByRole('toolbar', { name: '编辑工具' });
    await toolbar.getByRole('button', { name: '段落' }).focus();
    for (let i = 0; i < 3; i++) await editor.keyboard.press('ArrowRight');
    const bold = toolbar.getByRole('button', { name: '加粗' });
    assert.equal(await editor.evaluate('document.activeElement.textContent'), '加粗', 'arrow keys move in the toolbar');
    await editor.keyboard.press('Enter');
    assert.equal(await bold.getAttribute('aria-pressed'), 'true');
    assert.equal(await area().locator('b', { hasText: ADDED }).count(), 1);
    // 撤销 undoes it, the source view shows the HTML the form sends, and back.
    await toolbar.getByRole('button', { name: '撤销' }).click();
    assert.equal(await area().locator('b', { hasText: ADDED }).count(), 0, '撤销 undoes the bold');
    await bold.click();
    await toolbar.getByRole('button', { name: 'HTML源码' }).click();
    const source = await editor.getByLabel(/^正文/).inputValue();
    assert.ok(source.startsWith(`<h2>${WORD_TEXT.heading}</h2>`), source);
    assert.ok(source.includes(`<b>${ADDED}</b>`), source);
    await toolbar.getByRole('button', { name: 'HTML源码' }).click();

    await editor.getByRole('button', { name: '保存为草稿' }).click();
    await editor.waitForURL(/\/admin\/publications\/[^/?]+\?flash=created$/);
    journey.itemUrl = editor.url().replace(/\?.*$/, '');
    journey.id = journey.itemUrl.split('/').pop() ?? '';
    const preview = editor.locator('.body-preview');
    assert.equal(await preview.locator('h2').textContent(), WORD_TEXT.heading);
    assert.equal(await preview.locator('b').textContent(), ADDED);
    assert.ok(await loaded(editor, '.body-preview img'), 'the draft previews its imported image');
    assert.match((await editor.locator('main').textContent()) ?? '', /河湖通知-图1\.png/, 'the image is an attachment');
  });

  test('should submit, recall (撤回送审) and submit again', async () => {
    await move(editor, journey.itemUrl, '送审');
    assert.match((await editor.locator('main').textContent()) ?? '', /已完成“送审”/);
    await move(editor, journey.itemUrl, '撤回送审');
    assert.match((await editor.locator('main').textContent()) ?? '', /已完成“撤回送审”/);
    await move(editor, journey.itemUrl, '送审');
  });

  test('should be approved by two reviewers and signed off (签发)', async () => {
    for (const reviewer of ['gao.review', 'xu.review']) {
      const page = await server.staffPage(reviewer);
      await move(page, journey.itemUrl, '审核通过');
      await page.close();
    }
    const signer = await server.staffPage('tang.signer');
    await move(signer, journey.itemUrl, '签发');
    assert.match((await signer.locator('main').textContent()) ?? '', /状态：已签发/);
    await move(signer, journey.itemUrl, '发布');
    await signer.close();
  });

  test('should show the imported body and its image on the portal', async () => {
    const visitor = await server.browser.newPage();
    const res = await visitor.goto(`${server.url}/publications/${journey.id}`);
    assert.equal(res?.status(), 200);
    const body = visitor.locator('.pubbody');
    assert.equal(await body.locator('h2').textContent(), WORD_TEXT.heading);
    assert.equal(await body.locator('table td').first().textContent(), WORD_TEXT.cell);
    assert.ok(await loaded(visitor, '.pubbody img'), 'the image loads from the portal (CSP img-src self)');
    await visitor.close();
  });

  test('should draft the interpretation from the document and publish it through the chain', async () => {
    await editor.goto(journey.itemUrl);
    await editor.getByRole('button', { name: '为本文件起草解读' }).click();
    await editor.waitForURL(/\/admin\/publications\/[^/]+\/edit$/);
    assert.equal(await editor.getByLabel(/^名称/).inputValue(), `《${TITLE}》政策解读`, 'the title names the document');
    assert.equal(await editor.getByLabel(/^体裁/).inputValue(), 'interpretation');
    await editor.getByRole('button', { name: 'HTML源码' }).click();
    await editor.getByLabel(/^正文/).fill('<p>一、制定背景。</p><p>二、主要内容：明确各级河长的管护责任。</p>');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.waitForURL(/\/admin\/publications\/[^/?]+(\?.*)?$/);
    const url = editor.url().replace(/\?.*$/, '');
    journey.interpretationId = url.split('/').pop() ?? '';
    assert.notEqual(journey.interpretationId, journey.id);
    await move(editor, url, '送审');
    await throughTheChain(url);
    const visitor = await server.browser.newPage();
    assert.equal((await visitor.goto(`${server.url}/publications/${journey.interpretationId}`))?.status(), 200);
    assert.match((await visitor.locator('main').textContent()) ?? '', /明确各级河长的管护责任/);
    await visitor.goto(`${server.url}/publications/${journey.id}`);
    journey.indexNo = await portalIndexNo(visitor);
    assert.ok(journey.indexNo !== '', 'the document shows its 索引号');
    assert.match(
      (await visitor.locator('main').textContent()) ?? '',
      /政策解读/,
      'the document links its interpretation',
    );
    await visitor.close();
  });

  test('should withdraw the document with its interpretation in one move', async () => {
    const signer = await server.staffPage('tang.signer');
    await move(signer, journey.itemUrl, '撤稿', async (f) => {
      await f.getByLabel(/^撤稿理由/).fill('河湖管护要求调整，需修订后重新发布');
      await f.getByLabel(/《.*》政策解读/).check();
    });
    await signer.close();
    const visitor = await server.browser.newPage();
    for (const id of [journey.id, journey.interpretationId]) {
      assert.equal((await visitor.goto(`${server.url}/publications/${id}`))?.status(), 410, id);
    }
    await visitor.close();
  });

  test('should revise the withdrawn document and publish it again under the same 索引号 and address', async () => {
    await move(editor, journey.itemUrl, '撤稿后修订（修订后重新发布）');
    assert.match((await editor.locator('#reopened').textContent()) ?? '', /以原索引号和原网址重新公开/);
    await editor.goto(`${journey.itemUrl}/edit`);
    await editor.getByLabel(/^名称/).fill(`${TITLE}（修订）`);
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.waitForURL(/\/admin\/publications\/[^/?]+(\?.*)?$/);
    await move(editor, journey.itemUrl, '送审');
    const visitor = await server.browser.newPage();
    assert.equal((await visitor.goto(`${server.url}/publications/${journey.id}`))?.status(), 410, 'still withdrawn');
    await throughTheChain(journey.itemUrl);
    assert.equal((await visitor.goto(`${server.url}/publications/${journey.id}`))?.status(), 200, 'the same address');
    assert.match((await visitor.locator('main h1').textContent()) ?? '', /（修订）/, 'the new version');
    assert.equal(await portalIndexNo(visitor), journey.indexNo, 'the same 索引号');
    await visitor.close();
  });
});

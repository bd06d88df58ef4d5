// Browser journey of website monitoring (监督保障), from finding to fix: a supervisor registers a department site
// of 示例区教育局 and its columns through the admin form, starts a run and waits on the run page while the server's
// job engine crawls a test website on 127.0.0.1 (a stale 通知公告 column, a dead link on the home page and a wrong
// official name, 错敏词, in the news). The findings are listed; the wrong name waits for a person and is confirmed;
// each counting finding is a 整改 task of the bureau. A 提醒函 is generated for the bureau and its DOCX, converted by
// LibreOffice, names the findings. The bureau's editor marks the dead-link task fixed with a note; the test website
// is fixed (the page served, the notice list updated, the name corrected); the supervisor reruns and every task is
// closed (销号). axe-core (WCAG 2.1 AA) finds no serious or critical violation on each monitoring page visited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBackgroundJobs } from '../../src/main.js';
import { axeViolations, browserSkipReason, e2eSuite } from '../support/e2e.js';
import { convertToPdf, libreOfficeSkipReason, pdfText } from '../support/libreoffice.js';

const UNIT = '示例区教育局';
const SITE = '示例区教育局网站';
const WRONG_NAME = '人力资源与社会保障局';

/** A day `days` before today, as the site's lists print it. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The test website: what it serves is changed by `fixed`. */
function testSite() {
  const state = { fixed: false };
  const page = (title: string, body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<nav><a href="/">首页</a> <a href="/news/">教育动态</a> <a href="/notice/">通知公告</a></nav>` +
    `<main>${body}</main></body></html>`;
  const routes = (): Record<string, string> => ({
    '/': page(
      SITE,
      `<ul><li><a href="/news/n1.html">全区教育工作会议召开</a> ${daysAgo(2)}</li></ul>` +
        `<p><a href="/guide.html">招生办事指南</a></p>`,
    ),
    '/news/': page('教育动态', `<ul><li><a href="n1.html">全区教育工作会议召开</a> ${daysAgo(2)}</li></ul>`),
    '/news/n1.html': page(
      '全区教育工作会议召开',
      `<p>会议由区教育局和区${state.fixed ? '人力资源和社会保障局' : WRONG_NAME}共同召开。</p>`,
    ),
    '/notice/': page(
      '通知公告',
      `<ul><li><a href="o1.html">关于做好秋季开学工作的通知</a> ${state.fixed ? daysAgo(1) : '2025-12-01'}</li></ul>`,
    ),
    '/notice/o1.html': page('关于做好秋季开学工作的通知', '<p>请各校做好开学准备。</p>'),
    ...(state.fixed ? { '/guide.html': page('招生办事指南', '<p>招生办事指南。</p>') } : {}),
  });
  let server: Server | undefined;
  return {
    state,
    base: '',
    async start() {
      server = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const body = routes()[path];
        if (body === undefined) res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404</h1>');
        else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      });
      await new Promise<void>((ok) => server?.listen(0, '127.0.0.1', ok));
      this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((ok) => (server ? server.close(() => ok()) : ok())),
  };
}

/** Runs axe-core on the page and fails on a serious or critical violation. */
async function axeClean(page: Page, label: string): Promise<void> {
  assert.deepEqual(await axeViolations(page, label), [], label);
}

/** Starts a run from the site's page and waits on the run page until it has finished. */
async function runSite(page: Page, url: string, siteId: string): Promise<string> {
  await page.goto(`${url}/admin/monitoring/sites/${siteId}`);
  await page.getByRole('button', { name: '立即监测' }).click();
  await page.waitForURL(/\/admin\/monitoring\/runs\/[^/?]+\?flash=started/);
  // The page reloads itself while the run is queued or running (monitoring.js).
  await page.waitForFunction('/状态：(已完成|失败|已取消)/.test(document.body.textContent)', undefined, {
    timeout: 60_000,
    polling: 500,
  });
  const status = (await page.locator('main').textContent()) ?? '';
  assert.match(status, /状态：已完成/, `the run completed: ${status}`);
  return status;
}

describe('website monitoring journey in Chromium', { skip: browserSkipReason() || libreOfficeSkipReason() }, () => {
  const site = testSite();
  const server = e2eSuite({
    staff: {
      'qian.jiandu': { roles: ['supervisor'], displayName: '钱监督' },
      'sun.jiaoyu': { roles: ['editor'], org: UNIT, displayName: '孙编辑' },
    },
  });
  const out = mkdtempSync(join(tmpdir(), 'gongkai-monitor-journey-'));
  let stopJobs: (() => Promise<void>) | undefined;
  before(async () => {
    await site.start();
  });
  after(async () => {
    await stopJobs?.();
    await site.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('should register a site, run it, confirm a finding, write a 提醒函 and close the fixed tasks', async () => {
    const { url } = server;
    stopJobs = await startBackgroundJobs(server.runtime);
    const sup = await server.staffPage('qian.jiandu', await server.browser.newContext({ bypassCSP: true }));

    // Registration through the form: the site of the bureau with two columns.
    await sup.goto(`${url}/admin/monitoring`);
    await axeClean(sup, 'dashboard');
    await sup.getByRole('link', { name: '网站登记' }).click();
    await sup.getByRole('link', { name: '登记网站' }).click();
    await sup.waitForURL(/\/sites\/new$/);
    await axeClean(sup, 'site form');
    await sup.getByLabel('网站名称').fill(SITE);
    await sup.getByLabel('首页网址').fill(`${site.base}/`);
    await sup.getByLabel('主办单位').selectOption({ label: UNIT });
    await sup.getByLabel('网站类型').selectOption({ label: '部门网站' });
    await sup.getByLabel('栏目1名称').fill('教育动态');
    await sup.getByLabel('栏目网址').nth(0).fill(`${site.base}/news/`);
    await sup.getByLabel('栏目类型').nth(0).selectOption('news');
    await sup.getByLabel('栏目2名称').fill('通知公告');
    await sup.getByLabel('栏目网址').nth(1).fill(`${site.base}/notice/`);
    await sup.getByLabel('栏目类型').nth(1).selectOption('notice');
    await sup.getByRole('button', { name: '保存' }).click();
    await sup.waitForURL(/\/admin\/monitoring\/sites\/([^/?]+)\?flash=saved/);
    const siteId = /\/sites\/([^/?]+)\?/.exec(sup.url())?.[1] ?? '';
    const columns = (await sup.getByRole('table').textContent()) ?? '';
    assert.match(columns, /教育动态.*\/news\/.*通知公告.*\/notice\//s, 'both columns registered');
    await axeClean(sup, 'site page');

    // First run: the server's job engine crawls the test website.
    await runSite(sup, url, siteId);
    await axeClean(sup, 'run page');
    const results = (await sup.getByRole('table').textContent()) ?? '';
    assert.ok(results.includes(SITE), 'the run lists the site');

    await sup.goto(`${url}/admin/monitoring/findings`);
    await axeClean(sup, 'findings');
    const rowOf = (p: Page, rule: string) => p.getByRole('row').filter({ hasText: rule });
    for (const rule of ['column_stale', 'dead_link', 'sensitive_word']) {
      assert.equal(await rowOf(sup, rule).count(), 1, `one ${rule} finding`);
    }
    assert.match((await rowOf(sup, 'column_stale').textContent()) ?? '', /通知公告.*无需确认.*待整改/s);
    assert.match((await rowOf(sup, 'dead_link').textContent()) ?? '', /guide\.html.*无需确认.*待整改/s);
    const wrongName = rowOf(sup, 'sensitive_word');
    assert.match((await wrongName.textContent()) ?? '', /待人工确认/);
    assert.equal(await rowOf(sup, 'home_stale').count(), 0, 'the home page is fresh');
    await wrongName.getByRole('button', { name: '确认问题' }).click();
    await sup.waitForURL(/flash=confirmed/);
    assert.match((await rowOf(sup, 'sensitive_word').textContent()) ?? '', /已确认.*待整改/s);
    const messages = new Map<string, string>();
    for (const rule of ['column_stale', 'dead_link', 'sensitive_word']) {
      const cells = rowOf(sup, rule).getByRole('cell');
      messages.set(rule, ((await cells.nth(1).textContent()) ?? '').trim());
    }
    await axeClean(sup, 'findings after confirming');
    await sup.goto(`${url}/admin/monitoring`);
    const before = sup.getByRole('row').filter({ hasText: SITE });
    assert.match((await before.textContent()) ?? '', /有待整改问题/, 'the dashboard shows the site with problems');
    assert.equal(((await before.getByRole('cell').last().textContent()) ?? '').trim(), '3', 'three open tasks');
    await axeClean(sup, 'dashboard with open tasks');

    // The 提醒函 to the bureau, and its DOCX as LibreOffice reads it.
    await sup.goto(`${url}/admin/monitoring/letters`);
    await axeClean(sup, 'letters');
    await sup.getByLabel('致单位').selectOption({ label: UNIT });
    await sup.getByRole('button', { name: '生成提醒函' }).click();
    await sup.waitForURL(/\/letters\/[^/?]+\?flash=issued/);
    const letterText = (await sup.locator('main').textContent()) ?? '';
    assert.match(letterText, /所列问题 3 个，未整改 3 个/);
    await axeClean(sup, 'letter');
    const [download] = await Promise.all([
      sup.waitForEvent('download'),
      sup.getByRole('link', { name: '下载 DOCX' }).click(),
    ]);
    const docx = join(out, 'letter.docx');
    await download.saveAs(docx);
    const pdfTextOf = (await pdfText(await convertToPdf(docx, out))).replace(/\s+/g, '');
    assert.ok(pdfTextOf.includes(UNIT), 'the letter is addressed to the bureau');
    for (const [rule, message] of messages) {
      assert.ok(pdfTextOf.includes(message.replace(/\s+/g, '')), `the DOCX names the ${rule} finding: ${message}`);
    }

    // The bureau's editor sees its tasks and marks the dead link fixed with a note.
    const unit = await server.staffPage('sun.jiaoyu', await server.browser.newContext({ bypassCSP: true }));
    await unit.goto(`${url}/admin/monitoring/tasks`);
    await axeClean(unit, 'tasks of the unit');
    assert.equal(await unit.getByRole('row').filter({ hasText: UNIT }).count(), 3, 'three tasks of the bureau');
    const deadTask = unit.getByRole('row').filter({ hasText: messages.get('dead_link') ?? '' });
    await deadTask.getByLabel('整改情况').fill('已恢复招生办事指南页面。');
    await deadTask.getByRole('button', { name: '标记已整改' }).click();
    await unit.waitForURL(/flash=fixed/);
    assert.match(
      (await unit
        .getByRole('row')
        .filter({ hasText: messages.get('dead_link') ?? '' })
        .textContent()) ?? '',
      /已整改待复核.*已恢复招生办事指南页面。/s,
    );
    await axeClean(unit, 'tasks after marking fixed');

    // The website is fixed; the rerun closes every task (销号) and the letter.
    site.state.fixed = true;
    assert.match(await runSite(sup, url, siteId), /发现问题 0 个/, 'the rerun sees no problem');
    await sup.goto(`${url}/admin/monitoring/tasks`);
    const rows = sup.getByRole('row').filter({ hasText: UNIT });
    assert.equal(await rows.count(), 3);
    for (const text of await rows.allTextContents()) assert.match(text, /已销号/, text);
    await sup.goto(`${url}/admin/monitoring/findings`);
    assert.match((await sup.locator('main').textContent()) ?? '', /没有未关闭的问题/);
    await sup.goto(`${url}/admin/monitoring/letters`);
    assert.match((await sup.getByRole('row').filter({ hasText: UNIT }).textContent()) ?? '', /已全部整改/);
    await axeClean(sup, 'letters after closing');
    await sup.goto(`${url}/admin/monitoring`);
    const siteRow = sup.getByRole('row').filter({ hasText: SITE });
    assert.match((await siteRow.textContent()) ?? '', /合格/, 'the dashboard shows the site passing');
    assert.equal(((await siteRow.getByRole('cell').last().textContent()) ?? '').trim(), '0', 'no open task left');
    await axeClean(sup, 'dashboard after the rerun');
  });
});

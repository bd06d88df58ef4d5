// Browser journey of the assessment (考核): last year's scheme of the demo district exists, and a normative document
// of the district was published this year without an interpretation; a supervisor (also an editor of the district)
// copies the scheme for this year, raises the 优秀 line and saves, opens the computed result table, drills down into
// the district's 政策解读 (the document by 索引号 and title only), adjusts that unit's score — a
// blank reason refused with a Chinese message and the typed points kept, then with a reason shown as an adjustment —
// exports the result XLSX and opens it with LibreOffice (the units, the adjustment and its reason are in it), and
// publishes the result: the scheme is frozen and the publication draft opens in the editor for the review chain.
// axe-core (WCAG 2.1 AA) finds no serious or critical violation on each assessment page visited.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assessmentUseCases } from '../../src/app/assessment/use-cases.js';
import { DEFAULT_SCHEME } from '../../src/domain/assessment/scheme.js';
import { axeViolations, browserSkipReason, e2eSuite } from '../support/e2e.js';
import { makePublication, publishingStaff } from '../factories/publications.js';
import { convertSheetsToCsv, libreOfficeSkipReason } from '../support/libreoffice.js';

const THIS_YEAR = new Date().getFullYear();
const LAST_YEAR = THIS_YEAR - 1;
const REASON = '该文件的解读已在政策解读栏目发布，经复核更正';
const POLICY = '示例区关于规范行政规范性文件管理的通知';
const UNIT = '示例区人民政府';

/** Runs axe-core on the page and fails on a serious or critical violation. */
async function axeClean(page: Page, label: string): Promise<void> {
  assert.deepEqual(await axeViolations(page, label), [], label);
}

const mainText = async (page: Page): Promise<string> => (await page.locator('main').textContent()) ?? '';

describe('assessment journey in Chromium', { skip: browserSkipReason() || libreOfficeSkipReason() }, () => {
  let lastYearScheme = '';
  let policyIndexNo = '';
  const server = e2eSuite({
    staff: { 'zhou.kaohe': { roles: ['supervisor', 'editor'], displayName: '周考核' } },
    prepare: async (runtime, orgs) => {
      // A normative document of the district published this year without an interpretation: it costs points.
      const staff = await publishingStaff(runtime, { prefix: 'kh' });
      const pub = await makePublication(runtime, staff, {
        state: 'published',
        fields: { title: POLICY, writtenOn: runtime.ctx.clock.today() },
      });
      policyIndexNo = pub.indexNo;
      const s = await assessmentUseCases(runtime.ctx).createScheme(null as never, {
        year: LAST_YEAR,
        scopeOrgId: orgs.root.id,
        name: `${LAST_YEAR}年度政务公开工作考核方案`,
      });
      lastYearScheme = s.id;
    },
  });
  const out = mkdtempSync(join(tmpdir(), 'gongkai-assessment-journey-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  test('should copy last year’s scheme, compute, drill down, adjust with a reason, export and publish', async () => {
    const { url } = server;
    const page = await server.staffPage('zhou.kaohe', await server.browser.newContext({ bypassCSP: true }));

    // Copy last year's scheme (the form defaults to the newest scheme and the year after it).
    await page.goto(`${url}/admin/assessment`);
    await axeClean(page, 'scheme list');
    assert.ok((await mainText(page)).includes(`${LAST_YEAR}年度政务公开工作考核方案`), 'last year’s scheme listed');
    assert.equal(await page.getByLabel('复制自').inputValue(), lastYearScheme);
    assert.equal(await page.getByLabel('新方案年度').inputValue(), String(THIS_YEAR));
    await page.getByRole('button', { name: '复制上年方案' }).click();
    await page.waitForURL(/\/admin\/assessment\/schemes\/([^/?]+)\/edit\?flash=copied/);
    const schemeId = /\/schemes\/([^/?]+)\/edit/.exec(page.url())?.[1] ?? '';
    assert.notEqual(schemeId, lastYearScheme);
    await axeClean(page, 'scheme form');
    assert.equal(await page.getByLabel('方案名称').inputValue(), `${THIS_YEAR}年度政务公开工作考核方案`);

    // Raise the 优秀 line; a wrong band order is refused first and keeps what was typed.
    await page.getByLabel('优秀最低分').fill('70');
    await page.getByRole('button', { name: '保存方案' }).click();
    assert.match(await mainText(page), /等次分数线应按优秀、良好、合格、不合格从高到低排列/);
    assert.equal(await page.getByLabel('优秀最低分').inputValue(), '70', 'the typed value is kept');
    await page.getByLabel('优秀最低分').fill('92');
    await page.getByRole('button', { name: '保存方案' }).click();
    await page.waitForURL(/\/edit\?flash=saved/);
    assert.equal(await page.getByLabel('优秀最低分').inputValue(), '92');

    // The computed result table: every unit of the district, formulas in words, the grade chart.
    await page.getByRole('link', { name: '考核结果' }).first().click();
    await page.waitForURL(new RegExp(`/admin/assessment/schemes/${schemeId}$`));
    await axeClean(page, 'result table');
    const result = await mainText(page);
    assert.ok(result.includes('示例区教育局'), 'units of the district are rows');
    for (const ind of DEFAULT_SCHEME.indicators) assert.ok(result.includes(ind.formula), `the formula of ${ind.name}`);
    assert.equal(await page.locator('figure.chart svg').count(), 1, 'the grade chart');

    // Drill down into the district's 政策解读: the document that cost points, by 索引号 and title.
    const unit = UNIT;
    await page.getByRole('link', { name: new RegExp(`^${unit}政策解读明细：得分8$`) }).click();
    await page.waitForURL(/\/drill\?org=.*&indicator=policy_without_interpretation/);
    await axeClean(page, 'drill-down');
    const drill = await mainText(page);
    assert.ok(drill.includes('政策解读') && drill.includes('计分规则'), drill);
    const item = page.getByRole('row').filter({ hasText: POLICY });
    assert.equal(await item.count(), 1, 'the document is listed');
    assert.match((await item.textContent()) ?? '', new RegExp(`${policyIndexNo}.*未发布解读`));
    assert.ok(drill.includes('不显示申请人信息'), 'the page says no applicant data is shown');
    assert.doesNotMatch(drill, /申请人[：:]|联系电话|身份证/, 'no applicant personal data');

    // Adjust: a blank reason is refused and what was typed stays; then with a reason.
    await page.goto(`${url}/admin/assessment/schemes/${schemeId}`);
    await page.getByLabel('单位', { exact: true }).selectOption({ label: unit });
    await page.getByLabel('调整项目').selectOption({ label: '政策解读' });
    await page.getByLabel('调整分值').fill('-2');
    // Spaces pass the browser's check of a required field; the server refuses them as a blank reason.
    await page.getByLabel('调整理由').fill('   ');
    await page.getByRole('button', { name: '调整', exact: true }).click();
    await page.waitForLoadState('load');
    assert.match(await mainText(page), /调整分数必须填写理由/);
    assert.equal(await page.getByLabel('调整分值').inputValue(), '-2', 'the points typed are kept');
    await axeClean(page, 'adjustment refused');
    await page.getByLabel('调整理由').fill(REASON);
    await page.getByRole('button', { name: '调整', exact: true }).click();
    await page.waitForURL(/flash=adjusted/);
    assert.ok((await mainText(page)).includes(`调整-2分（${REASON}）`), 'the adjustment is shown with its reason');

    // Export the result XLSX and open it with LibreOffice.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '考核结果 XLSX' }).click(),
    ]);
    const xlsx = join(out, 'result.xlsx');
    await download.saveAs(xlsx);
    const sheets = await convertSheetsToCsv(xlsx, out, ['考核结果', '人工调整']);
    assert.ok(sheets.get('考核结果')?.includes(unit), 'the unit is a row of the workbook');
    assert.ok(sheets.get('人工调整')?.includes(REASON), 'the adjustment’s reason is in the workbook');

    // Publish: frozen, and the publication draft opens in the editor.
    await page.getByRole('button', { name: '发布考核结果并生成公开草稿' }).click();
    await page.waitForURL(/\/admin\/publications\/[^/]+\/edit/);
    assert.match(await page.locator('#f-title').inputValue(), new RegExp(`${THIS_YEAR}年度政务公开工作考核结果`));
    await page.goto(`${url}/admin/assessment/schemes/${schemeId}`);
    await axeClean(page, 'published result');
    const published = await mainText(page);
    assert.ok(published.includes('已发布（已冻结）'), 'the scheme is frozen');
    assert.ok(published.includes('查看发布稿'), 'the draft is linked');
    assert.equal(await page.getByRole('button', { name: '调整', exact: true }).count(), 0, 'no more adjustments');
  });
});

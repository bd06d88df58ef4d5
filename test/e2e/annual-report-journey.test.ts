// Browser journey of the annual report: the office head of 示例区教育局 opens last year's annual report (its
// tables computed from the applications), edits the overview, types a section-二 figure wrongly and
// fixes it, writes sections 五、六 in full (the task list turns 已完成), confirms what goes public and publishes;
// a visitor finds it under 政府信息公开年报 with the tables and the numbers.
// axe-core (WCAG 2.1 AA) finds no serious or critical violation on the report page (with its
// errors shown), the publishing confirmation, the archive and the published report.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, browserSkipReason } from '../support/e2e.js';
import { reportSuite } from './report-suite.js';

const OVERVIEW = '本年度，区教育局认真贯彻《中华人民共和国政府信息公开条例》，依法办理政府信息公开申请。';
const PROBLEMS = '主要问题是依申请公开答复质量有待提高，下一步将加强业务培训。';

describe('annual report journey in Chromium', { skip: browserSkipReason() }, () => {
  const { server, edu } = reportSuite('wang.nianbao', '王主任');

  test('should take the report from the computed draft to the portal', async () => {
    const { url } = server;
    const { code: eduCode, year } = edu;
    const head = await server.staffPage('wang.nianbao', await server.browser.newContext({ bypassCSP: true }));

    await head.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '年度报告' }).click();
    await head.getByLabel('机构', { exact: true }).selectOption({ label: '示例区教育局' });
    assert.equal(await head.getByLabel('报告年度').inputValue(), String(year), 'last year by default');
    await head.getByRole('button', { name: '查看' }).click();
    await head.getByRole('link', { name: '打开本机构报告' }).click();
    await head.waitForURL(new RegExp(`/admin/reports/[^/]+/${year}$`));
    assert.equal(await head.locator('[data-cell="applications.new.natural_person"]').textContent(), '4');

    await head.getByRole('textbox', { name: '一、总体情况' }).fill(OVERVIEW);
    await head.getByRole('textbox', { name: '行政许可：本年处理决定数量' }).fill('12件');
    await head.getByRole('button', { name: '保存草稿' }).click();
    await head.waitForLoadState('load');
    assert.match((await head.getByRole('alert').first().textContent()) ?? '', /应为非负整数/);
    assert.equal(
      await head.getByRole('textbox', { name: '一、总体情况' }).inputValue(),
      OVERVIEW,
      'the typed text comes back',
    );
    assert.deepEqual(await axeViolations(head), [], 'report page with errors');
    await head.getByRole('textbox', { name: '行政许可：本年处理决定数量' }).fill('12');
    const tasks = head.getByRole('navigation', { name: '编制进度' });
    assert.match((await tasks.getByRole('listitem').nth(4).textContent()) ?? '', /五、存在的主要问题及改进情况未完成/);
    await head.getByRole('textbox', { name: '五、存在的主要问题及改进情况' }).fill(PROBLEMS);
    await head.getByRole('textbox', { name: '六、其他需要报告的事项' }).fill('本年度未收取信息处理费。');
    await head.getByRole('button', { name: '保存草稿' }).click();
    await head.waitForURL(/flash=saved/);
    assert.equal(await head.locator('[data-cell="article20.licensing.decisions"]').textContent(), '12');
    assert.match((await tasks.getByRole('listitem').nth(4).textContent()) ?? '', /已完成/);
    assert.match((await tasks.getByRole('listitem').nth(6).textContent()) ?? '', /检查已完成/);

    await head.getByRole('link', { name: '公开发布' }).click();
    await head.waitForURL(/\/publish$/);
    assert.match(
      (await head.locator('main').textContent()) ?? '',
      /将在门户公开《示例区教育局\d{4}年政府信息公开工作年度报告》/,
    );
    assert.deepEqual(await axeViolations(head), [], 'publishing confirmation');
    await head.getByRole('button', { name: '确认公开发布' }).click();
    await head.waitForURL(/flash=published/);
    assert.match((await head.getByRole('status').first().textContent()) ?? '', /已公开发布/);

    const visitor = await (await server.browser.newContext({ bypassCSP: true })).newPage();
    await visitor.goto(`${url}/org/${eduCode}`);
    await visitor.getByRole('link', { name: '政府信息公开年报' }).click();
    assert.deepEqual(await axeViolations(visitor), [], 'archive');
    await visitor.getByRole('link', { name: `示例区教育局${year}年政府信息公开工作年度报告` }).click();
    await visitor.waitForURL(new RegExp(`/annual-reports/${year}$`));
    assert.equal(
      await visitor.getByRole('heading', { level: 1 }).textContent(),
      `示例区教育局${year}年政府信息公开工作年度报告`,
    );
    assert.equal(await visitor.locator('[data-cell="article20.licensing.decisions"]').textContent(), '12');
    assert.equal(await visitor.locator('[data-cell="applications.new.natural_person"]').textContent(), '4');
    assert.equal(await visitor.locator('[data-cell="applications.disclosed.natural_person"]').textContent(), '3');
    assert.ok(((await visitor.locator('main').textContent()) ?? '').includes(OVERVIEW));
    assert.ok(await visitor.locator('main svg[role="img"]').first().isVisible(), 'the chart is shown');
    assert.deepEqual(await axeViolations(visitor), [], 'published report');
    const json = await visitor.goto(`${url}/org/${eduCode}/annual-reports/${year}.json`);
    assert.equal(
      ((await json?.json()) as { applications: { new: { natural_person: number } } }).applications.new.natural_person,
      4,
    );
  });
});

// Browser journey of correcting the annual report: the office head of 示例区教育局 tries to publish last year's
// report while the drafted text still holds 【请补充】 (the confirmation page says why and offers no button), writes
// sections 一、五、六 in full, confirms and publishes; the portal shows the report with its 索引号. Then a figure
// is found missing: the head begins a correction, types it, publishes the correction with its 更正说明; a visitor
// sees the corrected report, the note and the history, and opens the earlier version, marked 已更正.
// axe-core (WCAG 2.1 AA) finds no serious or critical violation on the confirmation with its note, the corrected
// report and the earlier version.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, browserSkipReason } from '../support/e2e.js';
import { reportSuite } from './report-suite.js';

const OVERVIEW = '本年度，区教育局依法办理政府信息公开申请，及时公开教育领域政府信息。';
const CORRECTED = '本年度，区教育局依法办理政府信息公开申请，及时公开教育领域政府信息，全年作出行政许可决定12件。';
const WHAT = '第二部分“行政许可”本年处理决定数量由空白更正为12件，第一部分补充相应内容。';
const WHY = '发布时遗漏了行政许可数据。';

describe('annual report correction journey in Chromium', { skip: browserSkipReason() }, () => {
  const { server, edu } = reportSuite('zhao.gengzheng', '赵主任');

  test('should refuse a report with 【请补充】, publish it once written, and publish a correction with its note', async () => {
    const { url } = server;
    const { code: eduCode, id: eduId, year } = edu;
    const head = await server.staffPage('zhao.gengzheng', await server.browser.newContext({ bypassCSP: true }));
    const reportUrl = `${url}/admin/reports/${eduId}/${year}`;
    await head.goto(reportUrl);

    // The drafted narrative still asks for text: the confirmation says why publishing is refused.
    await head.getByRole('link', { name: '公开发布' }).click();
    await head.waitForURL(/\/publish$/);
    const blockers = head.getByRole('region', { name: '暂不能公开发布' });
    assert.match((await blockers.textContent()) ?? '', /“一、总体情况”仍有“【请补充】”的待补充内容/);
    assert.equal(await head.getByRole('button', { name: '确认公开发布' }).count(), 0, 'no button while refused');

    // Written in full, the report goes public after the confirming click.
    await head.getByRole('link', { name: '返回报告' }).click();
    await head.getByRole('textbox', { name: '一、总体情况' }).fill(OVERVIEW);
    await head.getByRole('textbox', { name: '五、存在的主要问题及改进情况' }).fill('答复质量有待提高，将加强培训。');
    await head.getByRole('textbox', { name: '六、其他需要报告的事项' }).fill('本年度未收取信息处理费。');
    await head.getByRole('button', { name: '保存草稿' }).click();
    await head.waitForURL(/flash=saved/);
    await head.getByRole('link', { name: '公开发布' }).click();
    await head.waitForURL(/\/publish$/);
    assert.equal(await head.getByRole('region', { name: '暂不能公开发布' }).count(), 0);
    await head.getByRole('button', { name: '确认公开发布' }).click();
    await head.waitForURL(/flash=published/);

    const visitor = await (await server.browser.newContext({ bypassCSP: true })).newPage();
    const portal = `${url}/org/${eduCode}/annual-reports/${year}`;
    await visitor.goto(`${url}/org/${eduCode}/annual-reports`);
    await visitor.getByRole('link', { name: `示例区教育局${year}年政府信息公开工作年度报告` }).click();
    await visitor.waitForURL(new RegExp(`/annual-reports/${year}$`));
    const meta = visitor.getByRole('table', { name: '信息属性' });
    const indexNo = ((await meta.getByRole('row').first().getByRole('cell').first().textContent()) ?? '').trim();
    assert.match(indexNo, new RegExp(`^${eduCode}/\\d{4}-\\d{5}$`), 'the 索引号');
    assert.ok(((await visitor.locator('main').textContent()) ?? '').includes(OVERVIEW));

    // A figure was left out: the head corrects the report and publishes the correction with its note.
    await head.getByRole('button', { name: '更正报告' }).click();
    await head.waitForURL(/flash=correcting/);
    await head.getByRole('textbox', { name: '一、总体情况' }).fill(CORRECTED);
    await head.getByRole('textbox', { name: '行政许可：本年处理决定数量' }).fill('12');
    await head.getByRole('button', { name: '保存草稿' }).click();
    await head.waitForURL(/flash=saved/);
    await head.getByRole('link', { name: '发布更正' }).click();
    await head.waitForURL(/\/publish$/);
    const changes = head.getByRole('region', { name: '与上一版本相比的变化' });
    assert.match((await changes.textContent()) ?? '', /行政许可 \/ 处理决定数量：空白 → 12/);
    // Without the reason the browser does not send the note (the field is required), nor does the server take it.
    await head.getByRole('textbox', { name: '更正内容' }).fill(WHAT);
    await head.getByRole('button', { name: '确认发布更正' }).click();
    const missing = 'document.querySelector("#f-correctionWhy").validity.valueMissing';
    assert.equal(await head.evaluate(missing), true);
    await head.evaluate('document.querySelectorAll("form").forEach((f) => { f.noValidate = true; })');
    await head.getByRole('button', { name: '确认发布更正' }).click();
    await head.waitForLoadState('load');
    assert.match((await head.getByRole('alert').first().textContent()) ?? '', /更正原因：请填写更正原因/);
    assert.equal(await head.getByRole('textbox', { name: '更正内容' }).inputValue(), WHAT, 'what was typed comes back');
    assert.deepEqual(await axeViolations(head), [], 'correction confirmation with its errors');
    await head.getByRole('textbox', { name: '更正原因' }).fill(WHY);
    await head.getByRole('button', { name: '确认发布更正' }).click();
    await head.waitForURL(/flash=corrected/);

    // The portal shows the corrected report, its note and history under the same 索引号.
    await visitor.goto(portal);
    assert.equal(
      ((await meta.getByRole('row').first().getByRole('cell').first().textContent()) ?? '').trim(),
      indexNo,
      'the 索引号 is kept',
    );
    assert.equal(await visitor.locator('[data-cell="article20.licensing.decisions"]').textContent(), '12');
    const notes = visitor.getByRole('table', { name: '本报告的更正情况' });
    assert.match((await notes.textContent()) ?? '', new RegExp(`${WHAT}.*${WHY}`));
    assert.deepEqual(await axeViolations(visitor), [], 'corrected report');
    await visitor.getByRole('link', { name: '第1版' }).click();
    await visitor.waitForURL(/\/versions\/1$/);
    assert.match((await visitor.getByRole('note').textContent()) ?? '', /本页为本报告的第1版.*已于.*更正/);
    const main = (await visitor.locator('main').textContent()) ?? '';
    assert.ok(main.includes(OVERVIEW) && !main.includes(CORRECTED), 'the earlier version as it was published');
    assert.deepEqual(await axeViolations(visitor), [], 'earlier version');
    await visitor.getByRole('link', { name: '查看现行版本' }).click();
    await visitor.waitForURL(new RegExp(`/annual-reports/${year}$`));
  });
});

// Browser journey of 依申请公开: apply online with JavaScript off → tracking code → the statutory
// procedure in the back office (register, correction, extension, reply through legal review and
// approval, sending) → the public track page shows each step and the due dates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  browserSkipReason,
  e2eSuite,
  fillApplication,
  keepScreenshot,
  lookUpCase,
  makeMove as move,
} from '../support/e2e.js';

describe('disclosure application journey in Chromium', { skip: browserSkipReason() }, () => {
  const server = e2eSuite({
    staff: {
      'li.handler': ['handler'],
      'wang.office': ['office_head'],
      'chen.legal': ['legal_reviewer'],
      'sun.signer': ['signer'],
    },
  });

  test('should run an application from the online form to the reply and show it on the track page', async () => {
    const { url } = server;
    const publicCtx = await server.browser.newContext({ javaScriptEnabled: false });
    const applicant = await publicCtx.newPage();
    await applicant.goto(`${url}/org/${server.root.creditCode}/apply`);
    const code = await fillApplication(applicant, {
      description: '2024年示例区老旧小区改造项目的立项批复文件',
      delivery: '电子邮件',
    });

    const handler = await server.staffPage('li.handler');
    await handler.goto(`${url}/admin/applications`);
    await handler.getByRole('link', { name: code }).click();
    const caseUrl = handler.url();
    await move(handler, caseUrl, '登记');
    await move(handler, caseUrl, '发出补正告知', async (f) => {
      const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await f.getByLabel(/^补正期限/).fill(due);
      await f.getByLabel(/^需补正的事项/).fill('请写明所需文件的文号');
    });
    await move(handler, caseUrl, '收到补正后的申请');
    const head = await server.staffPage('wang.office');
    await move(head, caseUrl, '延期答复', async (f) => {
      await f.getByLabel(/^延长工作日数/).fill('20');
      await f.getByLabel(/^延期理由/).fill('需调取多年档案并逐页核对');
    });
    await move(handler, caseUrl, '起草答复', async (f) => {
      await f.getByLabel(/^办理结果/).selectOption('disclosed');
      await f.getByLabel(/^提供方式或获取途径/).fill('随本告知书以电子邮件发送');
    });
    const legal = await server.staffPage('chen.legal');
    await move(legal, caseUrl, '合法性审查通过', async (f) => {
      await f.getByLabel(/已完成保密审查/).check();
    });
    const signer = await server.staffPage('sun.signer');
    await move(signer, caseUrl, '审批答复');
    await move(handler, caseUrl, '送达答复', async (f) => {
      await f.getByLabel(/^送达方式/).selectOption('email');
    });
    await handler.goto(caseUrl);
    assert.match((await handler.locator('main').textContent()) ?? '', /已答复/);
    // 接收回执, 补正告知书, 延期答复告知书, 答复告知书.
    assert.equal(await handler.getByRole('link', { name: '下载 DOCX' }).count(), 4);

    await applicant.goto(`${url}/track`);
    await lookUpCase(applicant, code);
    const track = (await applicant.locator('main').textContent()) ?? '';
    for (const step of ['收到申请', '登记', '发出补正告知', '收到补正后的申请', '延期答复', '审核办理', '送达答复']) {
      assert.ok(track.includes(step), `track page lacks ${step}`);
    }
    assert.match(track, /予以公开/);
    assert.doesNotMatch(track, /张三|13812345678|11010519491231002X/);
    await keepScreenshot(applicant, join(server.dir, 'track.png'));
    await publicCtx.close();
  });
});

// Browser journey of the application procedure: an application filed online for 网上获取 → the handler asks for a
// correction (补正)
// → the applicant sends it on /track and the handler confirms it → the handler uploads a file and drafts a 部分公开
// reply → the legal reviewer reads the draft notice and the file and returns it with a comment → the handler reads
// the comment in the case history and drafts again → legal review passes, the signer approves, the handler sends the
// reply online (网上送达) → the applicant opens the reply notice on /track and downloads its PDF and the file, the
// same bytes as uploaded. Applicant and each staff member in a browser context of their own; axe-core finds no
// serious or critical violation on any page of the journey. The steps run in order, each on the state the one
// before left; a step whose predecessor failed is skipped.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import {
  APPLICANT,
  axeViolations,
  browserSkipReason,
  e2eSuite,
  fillApplication,
  lookUpCase,
  makeMove as move,
  PNG,
} from '../support/e2e.js';

/** A valid one-page PDF (catalogue, page tree, page, content stream, font, cross-reference table). */
function onePagePdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const FILE_NAME = '立项批复（遮盖后）.pdf';
const FILE = onePagePdf('Approval of the 2024 renovation project (redacted)');
const DESCRIPTION = '2024年示例区老旧小区改造项目的立项批复文件';
const CORRECTED = '示例区发展和改革局2024年印发的老旧小区改造项目立项批复（示发改〔2024〕12号）';
const REASONS = '其中涉及个人隐私的内容依照《中华人民共和国政府信息公开条例》第十五条不予公开';
const REDRAFTED = `${REASONS}，已遮盖第3页住户姓名和电话`;
const RETURN_COMMENT = '请写明遮盖的具体位置';

/** The bytes of a download. */
async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Clicks what starts a download and waits for it. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

/** The text of the page's main landmark. */
const mainText = async (page: Page): Promise<string> => (await page.locator('main').textContent()) ?? '';

describe('application with correction and reply approval in Chromium', { skip: browserSkipReason() }, () => {
  const server = e2eSuite({
    staff: {
      'li.handler': ['handler'],
      'chen.legal': ['legal_reviewer'],
      'sun.signer': ['signer'],
    },
  });

  /** What the steps pass on: the pages of the applicant and the staff, the case. */
  const j = {} as { applicant: Page; handler: Page; legal: Page; signer: Page; code: string; caseUrl: string };
  let stepsDone = 0;
  /** Skips a step when the one before it did not finish (its failure is the one to read). */
  const skipped = (t: TestContext, step: number): boolean => {
    if (stepsDone >= step - 1) return false;
    t.skip(`step ${step - 1} did not finish`);
    return true;
  };

  const failures: string[] = [];
  /** Runs axe-core on the page, keeping its serious and critical violations. */
  const audit = async (page: Page, label: string) => {
    failures.push(...(await axeViolations(page, label)));
  };
  /** No serious or critical violation on the pages audited so far. */
  const assertAccessible = () => {
    const found = failures.splice(0);
    assert.deepEqual(found, [], `axe found serious or critical violations:\n${found.join('\n')}`);
  };

  /** A page in a browser context of its own that takes axe's script, signed in when a username is given. */
  const pageOf = async (username?: string): Promise<Page> => {
    const context = await server.browser.newContext({ bypassCSP: true });
    return username ? server.staffPage(username, context) : context.newPage();
  };

  test('step 1: apply online, the handler asks for a correction, the applicant sends it on /track', async () => {
    const { url } = server;
    j.applicant = await pageOf();
    const { applicant } = j;
    await applicant.goto(`${url}/org/${server.root.creditCode}/apply`);
    await audit(applicant, 'apply form');
    j.code = await fillApplication(applicant, { description: DESCRIPTION, delivery: '网上获取' });
    await audit(applicant, 'receipt');

    j.handler = await pageOf('li.handler');
    const { handler } = j;
    await handler.goto(`${url}/admin/applications`);
    await handler.getByRole('link', { name: j.code }).click();
    j.caseUrl = handler.url();
    assert.match(await mainText(handler), /网上获取/, 'the case page shows the delivery asked for');
    await move(handler, j.caseUrl, '登记');
    await move(handler, j.caseUrl, '发出补正告知', async (f) => {
      const due = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
      await f.getByLabel(/^补正期限/).fill(due);
      await f.getByLabel(/^需补正的事项/).fill('请写明所需文件的名称和文号\n请写明文件的发文机关');
    });

    await applicant.getByRole('link', { name: '申请办理进度查询' }).click();
    await audit(applicant, 'track lookup');
    await lookUpCase(applicant, j.code);
    const correction = applicant.locator('section.correction');
    assert.deepEqual(
      await correction.locator('ol > li').allTextContents(),
      ['请写明所需文件的名称和文号', '请写明文件的发文机关'],
      'the applicant sees what to correct, item by item',
    );
    await audit(applicant, 'track case with the correction form');
    await correction.getByLabel(/^补正后的申请内容/).fill(CORRECTED);
    await correction
      .getByLabel(/^补充材料/)
      .setInputFiles({ name: '文号截图.png', mimeType: 'image/png', buffer: PNG });
    await correction.getByRole('button', { name: '提交补正' }).click();
    await applicant.waitForURL(/\/track\/case#correction$/);
    assert.match(
      await mainText(applicant),
      /在网上提交补正，正在等待办理人员确认/,
      'the applicant is told the correction waits for the handler',
    );
    await audit(applicant, 'track case with the correction sent');

    await handler.goto(j.caseUrl);
    const proposals = handler.locator('section[aria-labelledby="proposals-h"]');
    const proposed = (await proposals.textContent()) ?? '';
    assert.ok(proposed.includes(CORRECTED) && proposed.includes('文号截图.png'), 'the handler sees the correction');
    await audit(handler, 'case page (handler, correction sent online)');
    await proposals.getByRole('button', { name: '确认收到补正' }).click();
    await handler.waitForLoadState('load');
    assert.doesNotMatch(await handler.content(), /未完成/, 'the correction is confirmed');
    assert.match(await mainText(handler), /状态办理中/, 'the case is registered again');
    assertAccessible();
    stepsDone = 1;
  });

  test('step 2: a 部分公开 draft with a file, returned by legal review with a comment the handler reads', async (t) => {
    if (skipped(t, 2)) return;
    const { handler, caseUrl } = j;
    await handler.goto(caseUrl);
    await handler
      .getByLabel('上传答复附件')
      .setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: FILE });
    await handler.getByRole('button', { name: '上传', exact: true }).click();
    await handler.waitForLoadState('load');
    assert.doesNotMatch(await handler.content(), /未完成/, 'the attachment is uploaded');
    const reply = handler.locator('section[aria-labelledby="reply-h"]');
    assert.equal(await reply.getByRole('link', { name: FILE_NAME }).count(), 1, 'the attachment is listed');
    await move(handler, caseUrl, '起草答复', async (f) => {
      await f.getByLabel(/^办理结果/).selectOption('partially_disclosed');
      await f.getByLabel(/^理由/).fill(REASONS);
      await f.getByLabel(/^提供方式或获取途径/).fill('网上获取');
    });

    j.legal = await pageOf('chen.legal');
    const { legal } = j;
    await legal.goto(caseUrl);
    const underReview = legal.locator('section[aria-labelledby="reply-h"]');
    assert.equal(await underReview.getByRole('link', { name: FILE_NAME }).count(), 1, 'the reviewer sees the file');
    const file = await downloadBy(legal, () => underReview.getByRole('link', { name: FILE_NAME }).click());
    assert.deepEqual(await bytesOf(file), FILE, 'the reviewer downloads the file uploaded');
    await audit(legal, 'case page (legal reviewer)');
    await underReview.getByRole('link', { name: /^查看.*（草稿）$/ }).click();
    const draft = await mainText(legal);
    assert.ok(draft.includes('（草稿）') && draft.includes(REASONS), 'the reviewer reads the draft notice');
    await audit(legal, 'draft notice (legal reviewer)');
    await move(legal, caseUrl, '合法性审查退回', async (f) => {
      await f.getByLabel(/^审查意见/).fill(RETURN_COMMENT);
    });

    await handler.goto(caseUrl);
    const history = (await handler.locator('table.ledger').textContent()) ?? '';
    assert.ok(
      history.includes(`合法性审查退回意见：${RETURN_COMMENT}`),
      'the handler reads the reviewer comment in the case history',
    );
    await audit(handler, 'case page (handler, draft returned)');
    await move(handler, caseUrl, '起草答复', async (f) => {
      await f.getByLabel(/^办理结果/).selectOption('partially_disclosed');
      await f.getByLabel(/^理由/).fill(REDRAFTED);
      await f.getByLabel(/^提供方式或获取途径/).fill('网上获取');
    });
    assertAccessible();
    stepsDone = 2;
  });

  test('step 3: legal review passes, the signer approves the draft, the handler sends it online', async (t) => {
    if (skipped(t, 3)) return;
    const { handler, legal, caseUrl } = j;
    await move(legal, caseUrl, '合法性审查通过', async (f) => {
      await f.getByLabel(/已完成保密审查/).check();
      await f.getByLabel(/^审查意见/).fill('已核对遮盖位置');
    });

    j.signer = await pageOf('sun.signer');
    const { signer } = j;
    await signer.goto(caseUrl);
    await audit(signer, 'case page (signer)');
    await signer.getByRole('link', { name: /^查看.*（草稿）$/ }).click();
    assert.ok((await mainText(signer)).includes(REDRAFTED), 'the signer reads the redrafted notice');
    await move(signer, caseUrl, '审批答复', async (f) => {
      await f.getByLabel(/^审批意见/).fill('同意');
    });

    await move(handler, caseUrl, '送达答复', async (f) => {
      await f.getByLabel(/^送达方式/).selectOption('online');
    });
    await handler.goto(caseUrl);
    const sent = await mainText(handler);
    assert.match(sent, /状态已答复/, 'the reply is sent');
    assert.ok(sent.includes('审批答复意见：同意'), 'the history shows the approval');
    await audit(handler, 'case page (handler, replied)');
    assertAccessible();
    stepsDone = 3;
  });

  test('step 4: the applicant downloads the reply notice and the file on /track', async (t) => {
    if (skipped(t, 4)) return;
    const { applicant } = j;
    // The applicant comes back later and looks the case up again (a pass lasts 30 minutes).
    await applicant.goto(`${server.url}/track`);
    await lookUpCase(applicant, j.code);
    const downloads = applicant.locator('section[aria-labelledby="downloads"]');
    assert.equal(await downloads.count(), 1, 'the track page offers the reply 网上获取');
    await audit(applicant, 'track case with the reply to download');
    const file = await downloadBy(applicant, () => downloads.getByRole('link', { name: FILE_NAME }).click());
    assert.equal(file.suggestedFilename(), FILE_NAME);
    assert.deepEqual(await bytesOf(file), FILE, 'the applicant downloads the file uploaded');

    await downloads.getByRole('link', { name: /^查看.*告知书（/ }).click();
    const notice = await mainText(applicant);
    assert.ok(notice.includes(REDRAFTED), 'the notice is the approved draft');
    assert.ok(!notice.includes('（草稿）'), 'the notice sent is numbered, not a draft');
    assert.doesNotMatch(notice, new RegExp(`${APPLICANT.phone}|${APPLICANT.idNumber}`));
    await audit(applicant, 'reply notice on /track');
    // The PDF is served inline (Chromium would show it in its viewer): its bytes are fetched from the page's link
    // with the context's cookies (the pass).
    const pdfHref = (await applicant.getByRole('link', { name: '下载PDF' }).getAttribute('href')) ?? '';
    const pdf = await applicant.context().request.get(new URL(pdfHref, applicant.url()).href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-', 'the notice downloads as a PDF');
    assertAccessible();
    stepsDone = 4;
  });
});

// HTTP: the public status lookup (/track) — state, dates and steps without personal data, one
// neutral 404 for a wrong code or contact, and the rate limits against guessing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { TRACK_LIMITS, TRACK_NOT_FOUND } from '../../../src/web/common/rate-limit.js';

const PERSONAL = /张三|13812345678|11010519491231002X|zhangsan@example\.com|人民路100号/;
const WINDOW = TRACK_LIMITS.windowMs + 1000;

for (const dialect of DIALECTS) {
  describe(`status lookup (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    let agent: TestAgent;
    let open: { id: string; trackingCode: string };
    before(async () => {
      rt = await openTestRuntime(dialect);
      staff = await createStaff(rt);
      agent = new TestAgent(rt);
      await agent.get('/track');
      open = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
    });
    after(() => rt.close());

    const lookup = (code: string, contact: string) => agent.post('/track', { code, contact });

    test('should show the lookup form with labelled fields, posting so the contact stays out of the URL', async () => {
      const html = await (await new TestAgent(rt).get('/track')).text();
      assert.match(html, /<form method="post" action="\/track"/);
      assert.match(html, /<label for="f-code">查询码/);
      assert.match(html, /<label for="f-contact">手机号码或证件号码/);
      assert.match(html, /name="_csrf"/);
    });

    test('should show the state, the dates and the first step, and no personal data', async () => {
      const res = await lookup(open.trackingCode, '13812345678');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /办理状态<\/dt><dd><strong>已收到，待登记/);
      assert.match(html, /收到申请日期<\/dt><dd>2025-09-28/);
      assert.match(html, /当前答复期限<\/dt><dd>2025-10-31/);
      assert.match(html, /<td>2025-09-28<\/td><td>收到申请<\/td><td>2025-10-31<\/td>/);
      assert.match(html, /示例区人民政府/);
      assert.doesNotMatch(html, PERSONAL);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });

    test('should accept the document number and a code typed in lower case without hyphens', async () => {
      const res = await lookup(open.trackingCode.replace(/-/g, '').toLowerCase(), '11010519491231002x');
      assert.equal(res.status, 200);
      assert.doesNotMatch(await res.text(), PERSONAL);
    });

    test('should list each step with the due date after it as the case moves', async () => {
      const c = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await actOnApplication(rt.ctx, staff.handler, c.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, c.id, 'request_correction', { dueOn: '2025-10-20' });
      const waiting = await (await lookup(c.trackingCode, '13812345678')).text();
      assert.match(waiting, /待申请人补正/);
      assert.match(waiting, /<td>登记<\/td>/);
      assert.match(waiting, /<td>发出补正告知<\/td><td>—<\/td>/);
      assert.match(waiting, /暂停计算/);
      await actOnApplication(rt.ctx, staff.handler, c.id, 'receive_correction', { receivedOn: '2025-09-28' });
      await actOnApplication(rt.ctx, staff.handler, c.id, 'draft_reply', { outcome: 'disclosed' });
      await actOnApplication(rt.ctx, staff.legal, c.id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, staff.signer, c.id, 'approve_reply', {});
      await actOnApplication(rt.ctx, staff.handler, c.id, 'send_reply', { method: 'email' });
      const done = await (await lookup(c.trackingCode, '13812345678')).text();
      assert.match(done, /办理状态<\/dt><dd><strong>已答复/);
      assert.match(done, /办结日期<\/dt><dd>2025-09-28/);
      assert.match(done, /办理结果<\/dt><dd>予以公开/);
      for (const label of ['收到申请', '登记', '发出补正告知', '收到补正后的申请', '审核办理', '送达答复']) {
        assert.ok(done.includes(`<td>${label}</td>`), `missing step ${label}`);
      }
      // Internal review steps show as one 审核办理 step, without the draft's outcome.
      for (const label of ['起草答复', '合法性审查通过', '审批答复']) {
        assert.ok(!done.includes(`<td>${label}</td>`), `internal step shown: ${label}`);
      }
      assert.doesNotMatch(done, PERSONAL);
      assert.doesNotMatch(done, /li\.handler|sun\.signer|chen\.legal/);
    });

    test('should answer a wrong contact and a wrong code alike with 404 and nothing more', async () => {
      const wrongContact = await lookup(open.trackingCode, '13900000000');
      assert.equal(wrongContact.status, 404);
      const a = await wrongContact.text();
      const wrongCode = await lookup('2222-2222-2222', '13812345678');
      assert.equal(wrongCode.status, 404);
      const b = await wrongCode.text();
      for (const html of [a, b]) {
        assert.ok(html.includes(TRACK_NOT_FOUND));
        assert.doesNotMatch(html, PERSONAL);
        assert.doesNotMatch(html, /已收到，待登记|2025-10-31|示例区人民政府<\/dd>/);
      }
      // The pages differ only in the code echoed back into the form.
      assert.equal(a.replace(/name="code"[^>]*value="[^"]*"/, ''), b.replace(/name="code"[^>]*value="[^"]*"/, ''));
    });

    test('should refuse a lookup without the CSRF field', async () => {
      const res = await agent.post('/track', { code: open.trackingCode, contact: '13812345678' }, { csrf: false });
      assert.equal(res.status, 403);
    });

    test('should lock a code after repeated failures, even for the right contact, until the window passes', async () => {
      rt.clock.advance(WINDOW);
      for (let i = 0; i < TRACK_LIMITS.failuresPerCode; i++) {
        assert.equal((await lookup(open.trackingCode, `1390000000${i}`)).status, 404);
      }
      const locked = await lookup(open.trackingCode, '13812345678');
      assert.equal(locked.status, 429);
      assert.match(await locked.text(), /查询过于频繁/);
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      rt.clock.advance(WINDOW);
      assert.equal((await lookup(open.trackingCode, '13812345678')).status, 200);
    });

    test('should limit lookups per client address', async () => {
      rt.clock.advance(WINDOW);
      for (let i = 0; i < TRACK_LIMITS.lookupsPerIp; i++) {
        assert.equal((await lookup(open.trackingCode, '13812345678')).status, 200);
      }
      const limited = await lookup(open.trackingCode, '13812345678');
      assert.equal(limited.status, 429);
      assert.doesNotMatch(await limited.text(), /已收到，待登记/);
      rt.clock.advance(WINDOW);
      assert.equal((await lookup(open.trackingCode, '13812345678')).status, 200);
    });
  });
}

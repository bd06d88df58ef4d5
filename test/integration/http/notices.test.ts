// HTTP: a case's notices — print view, DOCX download, service record — and who may see them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { adminAgent } from '../../support/admin.js';
import { createStaff, sampleForm, STAFF_PASSWORD } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';

for (const dialect of DIALECTS) {
  describe(`notices over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let handler: TestAgent;
    let noticeIds: string[];
    before(async () => {
      rt = await openTestRuntime(dialect);
      const staff = await createStaff(rt);
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await actOnApplication(rt.ctx, staff.handler, id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, id, 'draft_reply', { outcome: 'unavailable.not_held' });
      await actOnApplication(rt.ctx, staff.legal, id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, staff.signer, id, 'approve_reply', {});
      await actOnApplication(rt.ctx, staff.handler, id, 'send_reply', { method: 'email' });
      noticeIds = (await rt.ctx.repos.notices.forApplication(id)).map((n) => n.id);
      handler = new TestAgent(rt);
      assert.equal((await handler.login('li.handler', STAFF_PASSWORD)).status, 303);
    });
    after(() => rt.close());

    test('should show the reply for printing with its document number and remedies', async () => {
      const res = await handler.get(`/admin/notices/${noticeIds[1]}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /区政府依申〔2025〕2号/);
      assert.match(html, /张三/);
      assert.match(html, /第三十六条/);
      assert.match(html, /行政复议/);
    });

    test('should download the reply as a DOCX file', async () => {
      const res = await handler.get(`/admin/notices/${noticeIds[1]}/docx`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /wordprocessingml/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b]);
    });

    test('should record the service and refuse a post without tracking number', async () => {
      const bad = await handler.post(`/admin/notices/${noticeIds[0]}/service`, {
        servedOn: '2025-09-28',
        method: 'post',
        ref: '',
      });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /邮件单号/);
      const ok = await handler.post(`/admin/notices/${noticeIds[0]}/service`, {
        servedOn: '2025-09-28',
        method: 'post',
        ref: 'EMS1234567890',
      });
      assert.equal(ok.status, 303);
      assert.equal((await rt.ctx.repos.notices.byId(noticeIds[0] ?? ''))?.servedOn, '2025-09-28');
    });

    test('should refuse to release a reply that disclosed nothing (art. 44 needs disclosed information)', async () => {
      const caseId = (await rt.ctx.repos.notices.byId(noticeIds[0] ?? ''))?.applicationId ?? '';
      const res = await handler.post(`/admin/applications/${caseId}/release`, {});
      assert.equal(res.status, 422);
      assert.match(await res.text(), /只有已答复且予以公开或部分公开的申请才能转为主动公开/);
    });

    test('should hide notices from roles that may not see personal data', async () => {
      const admin = await adminAgent(rt);
      assert.equal((await admin.get(`/admin/notices/${noticeIds[1]}`)).status, 404);
      assert.equal((await admin.get(`/admin/notices/${noticeIds[1]}/docx`)).status, 404);
    });
  });
}

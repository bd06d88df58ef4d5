// Email to applicants and staff through a real SMTP server started by the test (smtp-server on loopback).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { flushOutbox } from '../../../src/app/mail/outbox.js';
import { enqueueDeadlineReminders, proposeLapses } from '../../../src/app/applications/daily-jobs.js';
import { updateUser } from '../../../src/app/users/manage-users.js';
import { smtpMailer } from '../../../src/adapters/mail/smtp-mailer.js';
import { bodyOf, startSmtp, type Received, type SmtpCapture } from '../../support/smtp.js';

for (const dialect of DIALECTS) {
  describe(`email (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let smtp: SmtpCapture;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    const inbox: Received[] = [];
    before(async () => {
      rt = await openTestRuntime(dialect);
      staff = await createStaff(rt);
      smtp = await startSmtp(inbox);
      rt.ctx.mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, '示例区政务公开办 <gk@example.gov.cn>');
    });
    after(async () => {
      await smtp.close();
      await rt.close();
    });

    test('should mail the receipt and then the correction notice to the applicant after commit', async () => {
      const r = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      assert.equal(inbox.length, 0, 'nothing is sent inside the transaction');
      assert.deepEqual(await flushOutbox(rt.ctx), { sent: 1, failed: 0 });
      assert.deepEqual(inbox[0]?.to, ['zhangsan@example.com']);
      assert.ok(bodyOf(inbox[0]?.raw ?? '').includes(r.trackingCode));
      await actOnApplication(rt.ctx, staff.handler, r.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, r.id, 'request_correction', {
        dueOn: '2025-10-20',
        items: '请写明所需文件的名称或文号',
      });
      assert.deepEqual(await flushOutbox(rt.ctx), { sent: 2, failed: 0 });
      assert.ok(bodyOf(inbox[2]?.raw ?? '').includes('请写明所需文件的名称或文号'));
    });

    test('should propose ending an expired correction period to the handler and remind the handler of urgent cases once a day', async () => {
      const handler = (await rt.ctx.repos.users.byId(staff.handler.userId))!; // created by createStaff
      await updateUser(rt.ctx, null, handler.id, {
        username: handler.username,
        displayName: handler.displayName,
        orgId: handler.orgId,
        roles: handler.roles,
        email: 'li.handler@example.gov.cn',
      });
      const r = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm({ applicant: { ...sampleForm().applicant, email: '' }, delivery: 'post' }),
      });
      await actOnApplication(rt.ctx, staff.handler, r.id, 'register', {});
      rt.clock.set('2025-10-27T02:00:00Z'); // four working days before 2025-10-31
      const before = inbox.length;
      assert.ok((await enqueueDeadlineReminders(rt.ctx)) >= 1);
      assert.equal(await enqueueDeadlineReminders(rt.ctx), 0, 'once a day');
      await flushOutbox(rt.ctx);
      const reminder = inbox.slice(before).find((m) => m.to.includes('li.handler@example.gov.cn'));
      assert.ok(reminder && bodyOf(reminder.raw).includes(r.trackingCode));
      rt.clock.set('2025-10-21T02:00:00Z');
      const proposed = await proposeLapses(rt.ctx);
      assert.equal(proposed.length, 1);
      assert.deepEqual(await proposeLapses(rt.ctx), [], 'proposed once per period');
      const id = proposed[0] ?? '';
      const waiting = await rt.ctx.repos.applications.byId(id);
      assert.equal(waiting?.state, 'awaiting_correction', 'the clock proposes; only the handler ends the case');
      assert.equal(waiting?.events.at(-1)?.action, 'propose_lapse');
      const sent = inbox.length;
      await flushOutbox(rt.ctx);
      const note = inbox.slice(sent).find((m) => m.to.includes('li.handler@example.gov.cn'));
      assert.ok(note && bodyOf(note.raw).includes(waiting?.trackingCode ?? '?'), 'the handler is told');
      await actOnApplication(rt.ctx, staff.handler, id, 'lapse_correction', { confirmed: true });
      assert.equal((await rt.ctx.repos.applications.byId(id))?.outcome, 'other.correction_lapsed');
    });

    test('should keep a message and retry later when the mail server is down', async () => {
      await submitApplication(rt.ctx, null, { orgCreditCode: staff.rootCode, channel: 'online', form: sampleForm() });
      rt.ctx.mailer = smtpMailer('smtp://127.0.0.1:1', 'gk@example.gov.cn');
      const r = await flushOutbox(rt.ctx);
      assert.equal(r.sent, 0);
      assert.ok(r.failed >= 1);
      assert.ok((await rt.ctx.repos.outbox.pending()) >= 1);
      assert.deepEqual(await flushOutbox(rt.ctx), { sent: 0, failed: 0 }, 'not retried before its next attempt time');
      rt.ctx.mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'gk@example.gov.cn');
      rt.clock.advance(2 * 60_000);
      assert.ok((await flushOutbox(rt.ctx)).sent >= 1);
    });
  });
}

// Application use cases on both dialects: intake, the statutory procedure, privacy, tracking.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import {
  getApplication,
  listApplications,
  trackApplication,
} from '../../../src/app/applications/application-queries.js';
import { AppError } from '../../../src/app/errors.js';
import { handover } from '../../../src/app/users/handover.js';
import { releaseToAll } from '../../../src/app/applications/release-to-all.js';
import { CORRECTED_CASE_MOVES } from '../../factories/applications.js';

for (const dialect of DIALECTS) {
  describe(`applications (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-09-28T02:00:00Z' });
    let staff: Awaited<ReturnType<typeof createStaff>>;
    before(async () => {
      // 2025-09-28 10:00 Beijing time: a make-up working Sunday before the National Day week.
      staff = await createStaff(rt);
    });

    test('should take an online application and answer with the tracking code and the due date', async () => {
      const r = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      assert.equal(r.receivedOn, '2025-09-28');
      assert.equal(r.dueOn, '2025-10-31');
      assert.match(r.trackingCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const audit = await rt.ctx.repos.audit.list({ entityId: r.id }, { limit: 5 });
      assert.equal(audit.length, 1);
      assert.doesNotMatch(JSON.stringify(audit), /张三|13812345678|11010519491231002X/);
    });

    test('should report every bad field in Chinese and store nothing', async () => {
      const before = (await rt.ctx.repos.applications.list({ orgIds: [staff.rootId] }, { limit: 100, offset: 0 }))
        .total;
      await assert.rejects(
        submitApplication(rt.ctx, null, {
          orgCreditCode: staff.rootCode,
          channel: 'online',
          form: sampleForm({
            description: '',
            applicant: {
              type: 'natural_person',
              name: '',
              idType: 'resident_id',
              idNumber: '123',
              phone: '12',
              email: 'x@',
              address: '',
              postcode: '1',
            },
          }),
        }),
        (e) => e instanceof AppError && e.code === 'invalid' && Object.keys(e.fieldErrors).length >= 4,
      );
      assert.equal(
        (await rt.ctx.repos.applications.list({ orgIds: [staff.rootId] }, { limit: 100, offset: 0 })).total,
        before,
      );
    });

    test('should create one case when the same form is posted twice', async () => {
      const a = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
        submissionKey: 'form-key-1',
      });
      const b = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
        submissionKey: 'form-key-1',
      });
      assert.equal(b.id, a.id);
      assert.equal(b.duplicate, true);
    });

    test('should run a case from registration to archive with correction and extension', async () => {
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      const act = (
        actor: typeof staff.handler,
        action: Parameters<typeof actOnApplication>[3],
        params: Record<string, unknown> = {},
      ) => actOnApplication(rt.ctx, actor, id, action, params);
      await act(staff.handler, 'register');
      rt.clock.set('2025-09-30T02:00:00Z');
      await act(staff.handler, 'request_correction', { dueOn: '2025-10-20' });
      rt.clock.set('2025-10-13T02:00:00Z');
      const corrected = await act(staff.handler, 'receive_correction', { receivedOn: '2025-10-13' });
      assert.equal(corrected.state, 'registered');
      assert.equal(corrected.dueOn, '2025-11-10');
      await assert.rejects(
        act(staff.handler, 'extend', { workingDays: 20, reason: '需调取档案' }),
        (e) => e instanceof AppError && e.code === 'forbidden',
      );
      const extended = await act(staff.officeHead, 'extend', { workingDays: 20, reason: '需调取档案' });
      assert.equal(extended.dueOn, '2025-12-08');
      await act(staff.handler, 'draft_reply', { outcome: 'disclosed' });
      await assert.rejects(act(staff.signer, 'approve_reply'), (e) => e instanceof AppError && e.code === 'conflict');
      await act(staff.legal, 'pass_legal_review', { confidentialityReviewed: true });
      await act(staff.signer, 'approve_reply');
      await act(staff.handler, 'send_reply', { sentOn: '2025-10-13', method: 'email' });
      const archived = await act(staff.handler, 'archive', { confirm: true });
      assert.equal(archived.state, 'archived');
      const view = await getApplication(rt.ctx, staff.handler, id);
      assert.equal(view.app.outcome, 'disclosed');
      assert.deepEqual(
        view.app.events.map((e) => e.action),
        CORRECTED_CASE_MOVES.filter((a) => a !== 'assign'),
      );
      assert.equal((await rt.ctx.repos.audit.list({ entityId: id }, { limit: 50 })).length, 10);
      const notices = await rt.ctx.repos.notices.forApplication(id);
      assert.deepEqual(
        notices.map((n) => n.kind),
        ['acknowledgement', 'correction', 'extension', 'reply'],
      );
      assert.match(notices[3]?.docNo ?? '', /^区政府依申〔2025〕4号$/);
      assert.match(JSON.stringify(notices[3]?.body), /行政复议/);
    });

    test('should ask for the reasons a partial-disclosure reply needs when it is drafted', async () => {
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await actOnApplication(rt.ctx, staff.handler, id, 'register', {});
      await assert.rejects(
        actOnApplication(rt.ctx, staff.handler, id, 'draft_reply', { outcome: 'partially_disclosed' }),
        (e) => e instanceof AppError && e.code === 'invalid' && /缺少/.test(e.message),
      );
      assert.equal((await rt.ctx.repos.applications.byId(id))?.state, 'registered');
      const ok = await actOnApplication(rt.ctx, staff.handler, id, 'draft_reply', {
        outcome: 'partially_disclosed',
        reasons: '其中涉及个人隐私的部分依法不予公开。',
      });
      assert.equal(ok.state, 'in_legal_review');
    });

    test('should change nothing on a forbidden or illegal move', async () => {
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      const before = await rt.ctx.repos.applications.byId(id);
      await assert.rejects(
        actOnApplication(rt.ctx, staff.signer, id, 'register', {}),
        (e) => e instanceof AppError && e.code === 'forbidden',
      );
      await assert.rejects(
        actOnApplication(rt.ctx, staff.handler, id, 'send_reply', {}),
        (e) => e instanceof AppError && e.code === 'conflict',
      );
      assert.deepEqual(await rt.ctx.repos.applications.byId(id), before);
    });

    test('should let the applicant track with the phone number and nothing else', async () => {
      const r = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      const view = await trackApplication(rt.ctx, r.trackingCode.toLowerCase().replace(/-/g, ' '), '138 1234 5678');
      assert.equal(view?.state, 'received');
      assert.doesNotMatch(JSON.stringify(view), /张三|13812345678/);
      assert.equal(await trackApplication(rt.ctx, r.trackingCode, '13900000000'), undefined);
      await actOnApplication(rt.ctx, staff.handler, r.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, r.id, 'draft_reply', { outcome: 'withheld.state_secret' });
      const drafted = await trackApplication(rt.ctx, r.trackingCode, '13812345678');
      assert.equal(drafted?.outcome, null);
      assert.doesNotMatch(JSON.stringify(drafted), /国家秘密|不予公开/);
      assert.equal(drafted?.steps.at(-1)?.action, 'in_review');
      assert.equal(await trackApplication(rt.ctx, 'AAAA-BBBB-CCCC', '13812345678'), undefined);
    });

    test('should mask document numbers in lists and hide personal data from admins', async () => {
      const list = await listApplications(rt.ctx, staff.handler, {}, { limit: 5, offset: 0 });
      assert.ok(list.items.length > 0);
      assert.ok(list.items.every((i) => i.idNumberMasked.includes('*') && i.idNumber === ''));
      const admin = (await rt.ctx.repos.users.byUsername('admin'))!; // bootstrapped admin
      const { actorOf } = await import('../../../src/app/actors.js');
      const adminView = await getApplication(rt.ctx, actorOf(admin), list.items[0]!.id);
      assert.equal(adminView.personalVisible, false);
      assert.equal(adminView.app.applicant.phone, '');
    });

    test('should flag a similar earlier application of the same applicant as a possible repeat', async () => {
      const a = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      const b = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm({ description: '申请公开：2024年示例区老旧小区改造项目立项批复文件。' }),
      });
      const view = await getApplication(rt.ctx, staff.handler, b.id);
      const earlier = view.related.find((x) => x.id === a.id);
      assert.equal(earlier?.possibleRepeat, true);
      assert.ok(view.applicantMonthCount >= 2);
      const other = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm({ applicant: { ...sampleForm().applicant, idNumber: '110105198001010016', name: '李四' } }),
      });
      assert.equal((await getApplication(rt.ctx, staff.handler, other.id)).related.length, 0);
    });

    test('should let a handler of a department work a case assigned to them (协办)', async () => {
      const dept = (await rt.ctx.repos.orgs.list()).find((o) => o.name === '示例区财政局');
      const { createUser } = await import('../../../src/app/users/manage-users.js');
      const { actorOf } = await import('../../../src/app/actors.js');
      const helper = actorOf(
        await createUser(rt.ctx, null, {
          username: 'qian.caizheng',
          displayName: '钱财政',
          orgId: dept?.id ?? '',
          roles: [{ orgId: dept?.id ?? '', role: 'handler' }],
          password: 'Caizheng-Helper-2025',
          mustChangePassword: false,
        }),
      );
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await assert.rejects(getApplication(rt.ctx, helper, id), (e) => e instanceof AppError && e.code === 'not_found');
      await actOnApplication(rt.ctx, staff.handler, id, 'assign', { handler: 'qian.caizheng' });
      const view = await getApplication(rt.ctx, helper, id);
      assert.equal(view.personalVisible, true);
      assert.equal((await actOnApplication(rt.ctx, helper, id, 'register', {})).state, 'registered');
      const list = await listApplications(rt.ctx, helper, {}, { limit: 10, offset: 0 });
      assert.deepEqual(
        list.items.map((i) => i.id),
        [id],
      );
    });

    test('should transfer a case to the department that holds the information (转办), keeping its receipt date', async () => {
      const dept = (await rt.ctx.repos.orgs.list()).find((o) => o.name === '示例区教育局');
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      const before = await rt.ctx.repos.applications.byId(id);
      const r = await actOnApplication(rt.ctx, staff.handler, id, 'transfer', {
        org: dept?.creditCode,
        reason: '所需信息由区教育局制作和保存',
      });
      assert.equal(r.state, 'received');
      const after = await rt.ctx.repos.applications.byId(id);
      assert.equal(after?.orgId, dept?.id);
      assert.equal(after?.receivedOn, before?.receivedOn);
      assert.equal(after?.dueOn, before?.dueOn);
      await assert.rejects(
        actOnApplication(rt.ctx, staff.handler, id, 'transfer', { org: 'NOPE' }),
        (e) => e instanceof AppError && (e.code === 'invalid' || e.code === 'not_found'),
      );
    });

    test('should turn a disclosed reply into a draft publication without personal data (art. 44)', async () => {
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await assert.rejects(
        releaseToAll(rt.ctx, staff.handler, id),
        (e) => e instanceof AppError && e.code === 'invalid',
      );
      await actOnApplication(rt.ctx, staff.handler, id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, id, 'draft_reply', { outcome: 'disclosed' });
      await actOnApplication(rt.ctx, staff.legal, id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, staff.signer, id, 'approve_reply', {});
      await actOnApplication(rt.ctx, staff.handler, id, 'send_reply', { method: 'email' });
      await assert.rejects(
        releaseToAll(rt.ctx, staff.signer, id),
        (e) => e instanceof AppError && e.code === 'forbidden',
      );
      const draft = await releaseToAll(rt.ctx, staff.handler, id);
      const pub = await rt.ctx.repos.publications.byId(draft.id);
      assert.equal(pub?.state, 'draft');
      assert.match(pub?.title ?? '', /老旧小区改造/);
      assert.doesNotMatch(JSON.stringify(pub), /张三|13812345678|11010519491231002X/);
    });

    test('should hand open cases over with the handler account', async () => {
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await actOnApplication(rt.ctx, staff.handler2, id, 'register', {});
      const report = await handover(rt.ctx, null, staff.handler2.userId, staff.handler.userId);
      assert.equal(report.moved.find((m) => m.label.includes('依申请公开'))?.count, 1);
      assert.equal((await rt.ctx.repos.applications.byId(id))?.handlerId, staff.handler.userId);
    });
  });
}

// HTTP: the back office of 依申请公开 — case list with filters and masking, staff entry with the
// receipt date of art. 31, the case page (ledger, moves per role, proof), a full case run, and
// forbidden, illegal and invalid moves, on both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { adminAgent, staffAgent } from '../../support/admin.js';
import { createStaff, sampleForm, STAFF_PASSWORD } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { dueDate } from '../../../src/app/calendar/calendar.js';
import { CORRECTED_CASE_MOVES, staffEntryLetter as letter } from '../../factories/applications.js';

const START = '2025-09-28T02:00:00Z';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const idFrom = (res: Response): string =>
  /^\/admin\/applications\/([^?/]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

for (const dialect of DIALECTS) {
  describe(`applications back office (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    const as: Record<'handler' | 'officeHead' | 'legal' | 'signer' | 'admin', TestAgent> = {} as never;
    const submit = async (over: Record<string, unknown> = {}) =>
      submitApplication(rt.ctx, null, { orgCreditCode: staff.rootCode, channel: 'online', form: sampleForm(over) });
    const html = async (agent: TestAgent, path: string, status = 200): Promise<string> => {
      const res = await agent.get(path);
      assert.equal(res.status, status, path);
      return res.text();
    };
    const move = (agent: TestAgent, id: string, action: string, params: Record<string, string> = {}) =>
      agent.post(`/admin/applications/${id}/actions`, { action, ...params });

    /** Moves the clock and signs everyone in again (a jump of days ends idle sessions). */
    const at = async (iso: string) => {
      rt.clock.set(iso);
      for (const [key, username] of [
        ['handler', 'li.handler'],
        ['officeHead', 'wang.office'],
        ['legal', 'chen.legal'],
        ['signer', 'sun.signer'],
      ] as const) {
        as[key] = new TestAgent(rt);
        assert.equal((await as[key].login(username, STAFF_PASSWORD)).status, 303, username);
      }
      as.admin = await adminAgent(rt);
    };

    before(async () => {
      rt = await openTestRuntime(dialect, { start: START });
      staff = await createStaff(rt);
      await at(START);
    });
    after(() => rt.close());

    test('should list cases with Chinese states, masked document numbers and working filters', async () => {
      const a = await submit();
      const b = await submit({
        applicant: { ...sampleForm().applicant, name: '李四', idNumber: '110105199003071239' },
      });
      await actOnApplication(rt.ctx, staff.handler, a.id, 'register', {});
      const all = await html(as.handler, '/admin/applications');
      assert.ok(all.includes(a.trackingCode) && all.includes(b.trackingCode));
      assert.match(all, /110\*{11}002X/);
      assert.doesNotMatch(all, /11010519491231002X/);
      assert.match(all, /已收到，待登记/);
      assert.match(all, /办理中/);
      const registered = await html(as.handler, '/admin/applications?state=registered');
      assert.ok(registered.includes(a.trackingCode) && !registered.includes(b.trackingCode));
      const mine = await html(as.handler, '/admin/applications?mine=1');
      assert.ok(mine.includes(a.trackingCode) && !mine.includes(b.trackingCode));
      const search = await html(as.handler, `/admin/applications?q=${encodeURIComponent(b.trackingCode)}`);
      assert.ok(search.includes(b.trackingCode) && !search.includes(a.trackingCode));
      assert.match(await html(as.handler, '/admin/applications?open=closed'), /没有符合条件的申请/);
      assert.match(await html(as.handler, '/admin/applications?from=2025-09-29'), /没有符合条件的申请/);
      assert.match(
        await html(as.handler, `/admin/applications?org=${staff.rootId}&to=2025-09-28`),
        new RegExp(a.trackingCode),
      );
      const bad = await html(as.handler, '/admin/applications?from=2025-13');
      assert.match(bad, /日期格式应为 YYYY-MM-DD/);
      assert.ok(bad.includes(a.trackingCode), 'a malformed date is ignored');
      const impossible = await html(as.handler, '/admin/applications?to=2025-02-30');
      assert.match(impossible, /id="f-to-err">日期格式应为 YYYY-MM-DD/, 'a date that does not exist is refused');
      assert.ok(impossible.includes(a.trackingCode), 'and ignored');
      const admin = await html(as.admin, '/admin/applications');
      assert.match(admin, /（已隐去）/);
      assert.doesNotMatch(admin, /张三|李四|110\*/);
    });

    test('should badge due-soon and overdue cases in the list and count them on the dashboard', async () => {
      const c = await submit();
      const q = `q=${encodeURIComponent(c.trackingCode)}`;
      try {
        await at('2025-10-28T02:00:00Z'); // due 2025-10-31: three working days left
        const soon = await html(as.handler, `/admin/applications?deadline=due_soon&${q}`);
        assert.ok(soon.includes(c.trackingCode));
        assert.match(soon, /即将到期/);
        assert.match(await html(as.handler, `/admin/applications?deadline=overdue&${q}`), /没有符合条件的申请/);
        await at('2025-11-03T02:00:00Z');
        const overdue = await html(as.handler, `/admin/applications?deadline=overdue&${q}`);
        assert.ok(overdue.includes(c.trackingCode));
        assert.match(overdue, /class="badge badge-overdue">已逾期/);
        const dash = await html(as.handler, '/admin');
        assert.match(dash, /待登记/);
        assert.match(dash, /最紧急的申请/);
        assert.ok(dash.includes(c.trackingCode));
      } finally {
        await at(START);
      }
    });

    test('should enter a registered letter counting from the day it was signed for', async () => {
      const form = await html(as.handler, '/admin/applications/new');
      assert.match(form, /挂号信/);
      assert.match(form, /签收日期/);
      assert.match(form, /申请人姓名或名称/);
      const count = async () =>
        (await rt.ctx.repos.applications.list({ orgIds: [staff.rootId] }, { limit: 1, offset: 0 })).total;
      const before = await count();
      const missing = await as.handler.post(
        '/admin/applications/new',
        letter(staff.rootCode, { 'dates.signedForOn': '' }),
      );
      assert.equal(missing.status, 422);
      const text = await missing.text();
      assert.match(text, /以签收日期为收到申请之日/);
      assert.match(text, /value="王五"/);
      assert.equal(await count(), before, 'nothing is stored from a form with errors');
      const ok = await as.handler.post(
        '/admin/applications/new',
        letter(staff.rootCode, { submissionKey: 'letter-1' }),
      );
      assert.equal(ok.status, 303);
      const again = await as.handler.post(
        '/admin/applications/new',
        letter(staff.rootCode, { submissionKey: 'letter-1' }),
      );
      assert.equal(idFrom(again), idFrom(ok), 'the same form posted twice makes one case');
      const app = await rt.ctx.repos.applications.byId(idFrom(ok));
      assert.equal(app?.channel, 'registered_mail');
      assert.equal(app?.receivedOn, '2025-09-25');
      assert.equal(app?.dueOn, (await dueDate(rt.ctx, '2025-09-25', 20)).due);
      const page = await html(as.handler, `/admin/applications/${idFrom(ok)}?flash=created`);
      assert.match(page, /申请已录入/);
      assert.match(page, /挂号信等需签收的邮寄/);
      assert.equal((await as.signer.get('/admin/applications/new')).status, 403);
      assert.equal((await as.signer.post('/admin/applications/new', letter(staff.rootCode))).status, 403);
    });

    test('should show the ledger and offer only the moves the role allows', async () => {
      const { id } = await submit();
      const page = await html(as.handler, `/admin/applications/${id}`);
      assert.match(page, /期限台账/);
      assert.match(page, /收到申请/);
      assert.match(page, /自收到申请之日（2025-09-28）起20个工作日内答复/);
      assert.match(page, /name="action" value="register"/);
      assert.doesNotMatch(page, /value="approve_reply"/);
      assert.match(page, /未提供身份证明/);
      assert.match(page, /张三/);
      const signer = await html(as.signer, `/admin/applications/${id}`);
      assert.doesNotMatch(signer, /value="register"/);
      assert.match(signer, /没有可办理的事项/);
      const admin = await html(as.admin, `/admin/applications/${id}`);
      assert.match(admin, /无权查看申请人个人信息/);
      assert.doesNotMatch(admin, /张三|13812345678/);
      assert.equal((await as.handler.get('/admin/applications/no-such-case')).status, 404);
    });

    test('should name the people of the ledger by display name', async () => {
      const { id } = await submit();
      const xu = await staffAgent(rt, 'xu.handler', ['handler'], staff.rootId, '徐办事员');
      assert.equal((await move(xu, id, 'register')).status, 303);
      const page = await html(as.handler, `/admin/applications/${id}`);
      const ledger = /id="ledger"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
      assert.match(ledger, /<td>徐办事员（xu\.handler）<\/td>/);
    });

    test('should run a case over HTTP from registration to archive on the statutory dates', async () => {
      const { id } = await submit();
      const app = () => rt.ctx.repos.applications.byId(id);
      const ok = async (agent: TestAgent, action: string, params: Record<string, string> = {}) => {
        const res = await move(agent, id, action, params);
        assert.equal(res.status, 303, `${action}: ${res.status === 303 ? '' : await res.text()}`);
        assert.equal(res.headers.get('location'), `/admin/applications/${id}?flash=${action}`);
      };
      try {
        await ok(as.handler, 'register');
        assert.match(await html(as.handler, `/admin/applications/${id}?flash=register`), /已完成“登记”/);
        const assignForm = await html(as.handler, `/admin/applications/${id}`);
        assert.match(assignForm, new RegExp(`<option value="${staff.handler2.userId}"[^>]*>zhao.handler</option>`));
        assert.doesNotMatch(assignForm, new RegExp(`<option value="${staff.signer.userId}"`));
        await ok(as.handler, 'assign', { handlerId: staff.handler2.userId });
        assert.equal((await app())?.handlerId, staff.handler2.userId);
        await at('2025-09-30T02:00:00Z');
        await ok(as.handler, 'request_correction', { dueOn: '2025-10-20', items: '请写明所需文件的名称' });
        assert.equal((await app())?.dueOn, null);
        await at('2025-10-13T02:00:00Z');
        await ok(as.handler, 'receive_correction', { receivedOn: '2025-10-13' });
        assert.equal((await app())?.dueOn, '2025-11-10');
        await ok(as.officeHead, 'extend', { workingDays: '20', reason: '需调取档案' });
        assert.equal((await app())?.dueOn, '2025-12-08');
        await ok(as.handler, 'draft_reply', { outcome: 'disclosed' });
        await ok(as.legal, 'pass_legal_review', { confidentialityReviewed: 'true' });
        await ok(as.signer, 'approve_reply');
        await ok(as.handler, 'send_reply', { sentOn: '2025-10-13', method: 'email' });
        await ok(as.handler, 'archive', { confirm: 'true' });
        const done = await app();
        assert.equal(done?.state, 'archived');
        assert.equal(done?.outcome, 'disclosed');
        assert.deepEqual(
          done?.events.map((e) => e.action),
          CORRECTED_CASE_MOVES,
        );
        const page = await html(as.handler, `/admin/applications/${id}`);
        assert.match(page, /已办结归档/);
        assert.match(page, /（一）予以公开（《中华人民共和国政府信息公开条例》第三十六条第二项/);
        for (const text of [
          '2025-11-10',
          '2025-12-08',
          '答复期限自2025-10-13起重新计算',
          '延长20个工作日',
          'wang.office',
          '已于2025-10-13答复申请人，在答复期限内',
        ]) {
          assert.ok(page.includes(text), `ledger shows ${text}`);
        }
      } finally {
        await at(START);
      }
    });

    test('should answer 403, 409 and 422 with the Chinese error and change nothing', async () => {
      const { id } = await submit();
      const before = await rt.ctx.repos.applications.byId(id);
      const forbidden = await move(as.signer, id, 'register');
      assert.equal(forbidden.status, 403);
      assert.match(await forbidden.text(), /需要“依申请公开承办人”角色才能“登记”/);
      const illegal = await move(as.handler, id, 'send_reply', { method: 'email' });
      assert.equal(illegal.status, 409);
      assert.match(await illegal.text(), /申请处于“已收到，待登记”状态，不能“送达答复”/);
      assert.deepEqual(await rt.ctx.repos.applications.byId(id), before);
      await actOnApplication(rt.ctx, staff.handler, id, 'register', {});
      const invalid = await move(as.handler, id, 'extend', { workingDays: '30' });
      assert.equal(invalid.status, 403, 'a handler may not extend, whatever the parameters');
      const bad = await move(as.officeHead, id, 'extend', { workingDays: '30' });
      assert.equal(bad.status, 422);
      const text = await bad.text();
      assert.match(text, /延长工作日数/);
      assert.match(text, /name="workingDays"[^>]*value="30"/, 'the typed value is kept');
      assert.equal((await rt.ctx.repos.applications.byId(id))?.extended, false);
      assert.equal((await move(as.handler, id, 'no_such_move')).status, 422);
      assert.equal((await move(as.handler, 'no-such-case', 'register')).status, 404);
    });

    test('should serve the identity proof only to roles that see personal data', async () => {
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
        proof: { content: PNG, fileName: 'id.png' },
      });
      const page = await html(as.handler, `/admin/applications/${id}`);
      assert.match(page, new RegExp(`href="/admin/applications/${id}/proof"`));
      const res = await as.handler.get(`/admin/applications/${id}/proof`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /^attachment; filename="(proof-[0-9A-Z-]+\.png)"; filename\*=UTF-8''\1$/,
      );
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PNG);
      assert.equal((await as.admin.get(`/admin/applications/${id}/proof`)).status, 404);
      assert.doesNotMatch(await html(as.admin, `/admin/applications/${id}`), /\/proof"/);
    });
  });
}

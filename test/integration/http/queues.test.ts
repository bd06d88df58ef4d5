// HTTP: the work queues of 依申请公开 (待我登记, 我承办的, 待我审查, 待我审批, 即将到期, 已逾期) as filters of the staff
// API's case list and of the back-office list, the dashboard's queue cards for the user's roles only, and the
// list's subject, masked applicant and working days left — on both dialects, on real calendar dates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { TestAgent, callApi } from '../../support/http.js';
import { beforeSuite } from '../../support/suite.js';
import { staffAgent } from '../../support/admin.js';
import { caseStaff, makeApplication, type CaseStaff } from '../../factories/applications.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff, STAFF_PASSWORD } from '../../factories/staff.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';

type Json = { items?: { trackingCode: string; workingDaysLeft: number | null }[]; errors?: Record<string, string> };

for (const dialect of DIALECTS) {
  describe(`work queues (${dialect})`, { skip: skipReason(dialect) }, () => {
    // Thursday 2025-10-09, the first working day after the National Day holidays.
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    const w = beforeSuite(async () => {
      const staff: CaseStaff = await caseStaff(rt);
      const edu = (await demoOrgs(rt)).named('示例区教育局');
      const eduStaff = await caseStaff(rt, { orgId: edu.id, prefix: 'edu' });
      await makeStaff(rt, 'edu.legal2', ['legal_reviewer'], edu.id);
      const make = (opts: Parameters<typeof makeApplication>[1]) => makeApplication(rt, opts);
      const cases = {
        received: await make({ state: 'received' }),
        registered: await make({ state: 'registered', staff }),
        legal: await make({ state: 'in_legal_review', staff }),
        approval: await make({ state: 'awaiting_approval', staff }),
        eduLegal: await make({ state: 'in_legal_review', staff: eduStaff, org: edu.creditCode }),
      };
      const agent = new TestAgent(rt);
      const tokens = {
        handler: await issueApiToken(rt.ctx, staff.handler.username),
        legal: await issueApiToken(rt.ctx, staff.legal.username),
        signer: await issueApiToken(rt.ctx, staff.signer.username),
        eduLegal: await issueApiToken(rt.ctx, 'edu.legal2'),
      };
      return { staff, eduStaff, edu, cases, agent, tokens };
    });

    const codes = async (who: keyof typeof w.tokens, query: string) => {
      const res = await callApi<Json>(w.agent, 'GET', `/api/v1/applications?${query}`, w.tokens[who]);
      assert.equal(res.status, 200, JSON.stringify(res.json));
      return (res.json.items ?? []).map((i) => i.trackingCode).sort();
    };
    const code = (k: keyof typeof w.cases) => w.cases[k].trackingCode;

    test('should list in each queue the cases waiting for that role, at the organizations where it holds it', async () => {
      assert.deepEqual(await codes('handler', 'queue=to_register'), [code('received')]);
      // A move needs its role at the handling organization (docs/security/privacy.md): the government's legal
      // reviewer no longer finds the education bureau's case in the queue; the bureau's own reviewer does.
      assert.deepEqual(await codes('legal', 'queue=legal_review'), [code('legal')]);
      assert.deepEqual(await codes('eduLegal', 'queue=legal_review'), [code('eduLegal')]);
      assert.deepEqual(await codes('signer', 'queue=approval'), [code('approval')]);
      // A queue of a role the user does not hold is empty, not an error.
      assert.deepEqual(await codes('signer', 'queue=legal_review'), []);
    });

    test('should list in 我承办的 only the open cases assigned to the user', async () => {
      // Registering (登记) makes the registering handler the case's handler.
      const expected = [code('registered'), code('legal'), code('approval')].sort();
      assert.deepEqual(await codes('handler', 'queue=mine'), expected);
      const other = await issueApiToken(rt.ctx, w.staff.handler2.username);
      const res = await callApi<Json>(w.agent, 'GET', '/api/v1/applications?queue=mine', other);
      assert.deepEqual(res.json.items, [], 'another handler of the same office has none');
    });

    test('should move a case from 即将到期 to 已逾期 as the working days run out, with the days left', async () => {
      const due = (await rt.ctx.repos.applications.byId(w.cases.registered.id))?.dueOn;
      // 20 working days from 2025-10-09; Saturday 2025-10-11 is a working day (调休 of the National Day holidays).
      assert.equal(due, '2025-11-05');
      try {
        rt.clock.set('2025-11-03T02:00:00Z');
        assert.ok((await codes('handler', 'queue=due_soon')).includes(code('registered')));
        assert.ok(!(await codes('handler', 'queue=overdue')).includes(code('registered')));
        const res = await callApi<Json>(
          w.agent,
          'GET',
          `/api/v1/applications?q=${code('registered')}`,
          w.tokens.handler,
        );
        assert.equal(res.json.items?.[0]?.workingDaysLeft, 2);
        rt.clock.set('2025-11-06T02:00:00Z');
        assert.ok((await codes('handler', 'queue=overdue')).includes(code('registered')));
        assert.ok(!(await codes('handler', 'queue=due_soon')).includes(code('registered')));
      } finally {
        rt.clock.set('2025-10-09T02:00:00Z');
      }
    });

    test('should refuse an unknown queue with the list of the known ones (422)', async () => {
      const res = await callApi<Json>(w.agent, 'GET', '/api/v1/applications?queue=everything', w.tokens.handler);
      assert.equal(res.status, 422);
      assert.match(JSON.stringify(res.json.errors), /queue 应为以下之一：to_register, mine/);
    });

    test('should show each user the cards and links of its own queues only, and the list with subject and days left', async () => {
      const handler = new TestAgent(rt);
      assert.equal((await handler.login(w.staff.handler.username, STAFF_PASSWORD)).status, 303);
      const dash = await (await handler.get('/admin')).text();
      assert.match(dash, /待我登记/);
      assert.match(dash, /href="\/admin\/applications\?queue=to_register"/);
      assert.doesNotMatch(dash, /待我审批|待我审查/);
      assert.match(dash, /2024年示例区老旧小区改造项目的立项批复文件/, 'the urgent cases show their subject');
      assert.match(dash, /张\*/, 'and the applicant masked');
      assert.doesNotMatch(dash, /张三/);
      const signer = await staffAgent(rt, 'queue.signer', ['signer']);
      const signerDash = await (await signer.get('/admin')).text();
      assert.match(signerDash, /待我审批/);
      assert.doesNotMatch(signerDash, /待我登记/);
      const list = await (await handler.get('/admin/applications?queue=to_register')).text();
      assert.ok(list.includes(code('received')));
      assert.ok(!list.includes(code('approval')));
      assert.match(list, /aria-current="page"[^>]*>待我登记|待我登记<\/a>/);
      assert.match(list, /剩余\d+个工作日/);
      const bad = await (await handler.get('/admin/applications?queue=nope')).text();
      assert.match(bad, /待办类别有误/);
    });

    test('should put a request for an extension in the queue of the own office head of the handling organization', async () => {
      const rootCase = await makeApplication(rt, { state: 'registered', staff: w.staff });
      const eduCase = await makeApplication(rt, { state: 'registered', staff: w.eduStaff, org: w.edu.creditCode });
      const ask = { workingDays: 10, reason: '需调取多个部门的档案' };
      await actOnApplication(rt.ctx, w.staff.handler, rootCase.id, 'request_extension', ask);
      await actOnApplication(rt.ctx, w.eduStaff.handler, eduCase.id, 'request_extension', ask);
      const head = await issueApiToken(rt.ctx, w.staff.officeHead.username);
      const eduHead = await issueApiToken(rt.ctx, w.eduStaff.officeHead.username);
      const queue = async (token: string) =>
        ((await callApi<Json>(w.agent, 'GET', '/api/v1/applications?queue=extension', token)).json.items ?? []).map(
          (i) => i.trackingCode,
        );
      // Art. 33 ¶2: the root government's office head does not consent for a department.
      assert.deepEqual(await queue(head), [rootCase.trackingCode]);
      assert.deepEqual(await queue(eduHead), [eduCase.trackingCode]);
      await actOnApplication(rt.ctx, w.staff.officeHead, rootCase.id, 'extend', ask);
      assert.deepEqual(await queue(head), [], 'answered by the extension');
      const headAgent = new TestAgent(rt);
      assert.equal((await headAgent.login(w.staff.officeHead.username, STAFF_PASSWORD)).status, 303);
      const dash = await (await headAgent.get('/admin')).text();
      assert.match(dash, /待我同意延期/);
      assert.doesNotMatch(dash, /待我登记/);
    });
  });
}

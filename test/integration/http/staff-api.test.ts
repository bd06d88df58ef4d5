// HTTP: the staff JSON API of 依申请公开 (bearer tokens) — list with filters and masking, one case
// with its ledger, moves with 403-before-state, 409, 422, 404 and 401, and a full run, on both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, callApi } from '../../support/http.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { CORRECTED_CASE_MOVES } from '../../factories/applications.js';

const START = '2025-09-28T02:00:00Z';

type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; total?: number };

for (const dialect of DIALECTS) {
  describe(`staff application API (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let agent: TestAgent;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    const token: Record<'handler' | 'handler2' | 'officeHead' | 'legal' | 'signer' | 'admin', string> = {} as never;

    const call = (method: string, path: string, who?: keyof typeof token, body?: unknown) =>
      callApi<Json>(agent, method, path, who && token[who], body);
    const act = (who: keyof typeof token, id: string, body: Record<string, unknown>) =>
      call('POST', `/api/v1/applications/${id}/actions`, who, body);
    const submit = async (over: Record<string, unknown> = {}) =>
      submitApplication(rt.ctx, null, { orgCreditCode: staff.rootCode, channel: 'online', form: sampleForm(over) });
    const codes = (j: Json) => (j.items ?? []).map((i) => i.trackingCode);

    before(async () => {
      rt = await openTestRuntime(dialect, { start: START });
      staff = await createStaff(rt);
      agent = new TestAgent(rt);
      for (const [key, username] of [
        ['handler', 'li.handler'],
        ['handler2', 'zhao.handler'],
        ['officeHead', 'wang.office'],
        ['legal', 'chen.legal'],
        ['signer', 'sun.signer'],
        ['admin', 'admin'],
      ] as const) {
        token[key] = await issueApiToken(rt.ctx, username);
      }
    });
    after(() => rt.close());

    test('should answer 401 without a valid token', async () => {
      const { id } = await submit();
      for (const [method, path] of [
        ['GET', '/api/v1/applications'],
        ['GET', `/api/v1/applications/${id}`],
        ['POST', `/api/v1/applications/${id}/actions`],
      ] as const) {
        const res = await agent.app.request(`http://localhost${path}`, {
          method,
          headers: { host: 'localhost', authorization: 'Bearer gk_not-a-token', 'content-type': 'application/json' },
          body: method === 'POST' ? '{"action":"register"}' : undefined,
        });
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.equal(res.headers.get('www-authenticate'), 'Bearer');
      }
      assert.equal((await rt.ctx.repos.applications.byId(id))?.state, 'received');
    });

    test('should list every case of the organization to a handler, masked, with filters', async () => {
      const a = await submit();
      const b = await submit({
        applicant: { ...sampleForm().applicant, name: '李四', idNumber: '110105199003071239' },
      });
      await actOnApplication(rt.ctx, staff.handler, a.id, 'register', {});
      const all = await call('GET', '/api/v1/applications?limit=100', 'handler2');
      assert.equal(all.status, 200);
      assert.ok(
        codes(all.json).includes(a.trackingCode) && codes(all.json).includes(b.trackingCode),
        'unassigned new cases included',
      );
      assert.equal(all.json.total, (all.json.items ?? []).length);
      const row = (all.json.items ?? []).find((i) => i.trackingCode === b.trackingCode) as
        Record<string, Record<string, unknown>> | undefined;
      assert.deepEqual(row?.applicant, { type: 'natural_person', name: '李四', idNumberMasked: '110***********1239' });
      assert.doesNotMatch(JSON.stringify(all.json), /110105199003071239|11010519491231002X/);
      const registered = await call('GET', '/api/v1/applications?state=registered&limit=100', 'handler');
      assert.ok(codes(registered.json).includes(a.trackingCode) && !codes(registered.json).includes(b.trackingCode));
      const byHandler = await call('GET', '/api/v1/applications?handler=li.handler&limit=100', 'handler');
      assert.deepEqual(codes(byHandler.json), [a.trackingCode]);
      assert.equal((await call('GET', '/api/v1/applications?handler=nobody', 'handler')).json.total, 0);
      assert.ok(
        codes((await call('GET', `/api/v1/applications?org=${staff.rootCode}&limit=100`, 'handler')).json).includes(
          a.trackingCode,
        ),
      );
      assert.equal((await call('GET', '/api/v1/applications?org=91110000000000000X', 'handler')).json.total, 0);
      assert.deepEqual(codes((await call('GET', `/api/v1/applications?q=${b.trackingCode}`, 'handler')).json), [
        b.trackingCode,
      ]);
      assert.equal((await call('GET', '/api/v1/applications?open=false', 'handler')).json.total, 0);
      assert.equal((await call('GET', '/api/v1/applications?overdue=true', 'handler')).json.total, 0);
      const page = await call('GET', '/api/v1/applications?limit=1&offset=1', 'handler');
      assert.equal((page.json.items ?? []).length, 1);
      assert.ok((page.json.total ?? 0) >= 2);
      for (const bad of [
        'limit=101',
        'limit=0',
        'offset=-1',
        'state=lost',
        'open=maybe',
        'overdue=yes',
        'receivedFrom=2025-02-30',
      ]) {
        const res = await call('GET', `/api/v1/applications?${bad}`, 'handler');
        assert.equal(res.status, 422, bad);
        assert.equal(res.json.error, 'invalid');
      }
      const admin = await call('GET', '/api/v1/applications?limit=100', 'admin');
      assert.ok(codes(admin.json).includes(a.trackingCode));
      assert.doesNotMatch(JSON.stringify(admin.json), /张三|李四|110\*/);
    });

    test('should list overdue cases once the due date has passed', async () => {
      const c = await submit();
      try {
        rt.clock.set('2025-11-03T02:00:00Z');
        const overdue = await call('GET', `/api/v1/applications?overdue=true&q=${c.trackingCode}`, 'handler');
        assert.deepEqual(codes(overdue.json), [c.trackingCode]);
        assert.equal(overdue.json.items?.[0]?.status, 'overdue');
      } finally {
        rt.clock.set(START);
      }
    });

    test('should answer 403 before looking at the state, 409 for an illegal move, 422 for bad input, 404 for unknown cases', async () => {
      const { id } = await submit();
      const before = await rt.ctx.repos.applications.byId(id);
      const forbidden = await act('signer', id, { action: 'register' });
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.json.error, 'forbidden');
      assert.equal(
        (await act('signer', id, { action: 'archive' })).status,
        403,
        'a move illegal in this state is still 403 for the wrong role',
      );
      const illegal = await act('handler', id, { action: 'send_reply', method: 'email' });
      assert.equal(illegal.status, 409);
      assert.match(String(illegal.json.message), /不能“送达答复”/);
      assert.deepEqual(await rt.ctx.repos.applications.byId(id), before, 'nothing changed');
      assert.equal((await act('handler', id, { action: 'teleport' })).status, 422);
      assert.equal((await call('POST', `/api/v1/applications/${id}/actions`, 'handler', 'not json')).status, 400);
      assert.equal((await act('handler', 'no-such-case', { action: 'register' })).status, 404);
      assert.equal((await call('GET', '/api/v1/applications/no-such-case', 'handler')).status, 404);
      assert.equal((await act('handler', id, { action: 'register' })).status, 200);
      const badAssign = await act('handler', id, { action: 'assign', handler: 'sun.signer' });
      assert.equal(badAssign.status, 422);
      assert.ok((badAssign.json.errors as Record<string, string>).handler);
      assert.equal((await act('officeHead', id, { action: 'extend', workingDays: 21 })).status, 422);
      assert.equal((await rt.ctx.repos.applications.byId(id))?.extended, false);
    });

    test('should run a case through the API and return it with its outcome and ledger', async () => {
      const { id } = await submit();
      const ok = async (who: keyof typeof token, body: Record<string, unknown>) => {
        const res = await act(who, id, body);
        assert.equal(res.status, 200, `${String(body.action)}: ${JSON.stringify(res.json)}`);
        return res.json as { state: string; dueOn: string | null; noticeIds: string[] };
      };
      try {
        assert.equal((await ok('handler', { action: 'register' })).state, 'registered');
        await ok('handler', { action: 'assign', handler: 'zhao.handler', note: '转交赵承办' });
        rt.clock.set('2025-09-30T02:00:00Z');
        const corr = await ok('handler2', { action: 'request_correction', dueOn: '2025-10-20' });
        assert.deepEqual([corr.state, corr.dueOn], ['awaiting_correction', null]);
        rt.clock.set('2025-10-13T02:00:00Z');
        assert.equal(
          (await ok('handler2', { action: 'receive_correction', receivedOn: '2025-10-13' })).dueOn,
          '2025-11-10',
        );
        assert.equal(
          (await act('handler2', id, { action: 'extend', workingDays: 20, reason: '需调取档案' })).status,
          403,
        );
        assert.equal(
          (await ok('officeHead', { action: 'extend', workingDays: 20, reason: '需调取档案' })).dueOn,
          '2025-12-08',
        );
        await ok('handler2', { action: 'draft_reply', outcome: 'disclosed' });
        assert.equal((await act('signer', id, { action: 'approve_reply' })).status, 409);
        await ok('legal', { action: 'pass_legal_review', confidentialityReviewed: true });
        await ok('signer', { action: 'approve_reply' });
        const sent = await ok('handler2', { action: 'send_reply', sentOn: '2025-10-13', method: 'email' });
        assert.equal(sent.state, 'replied');
        assert.equal((await ok('handler2', { action: 'archive', confirm: true })).state, 'archived');
      } finally {
        rt.clock.set(START);
      }
      const got = await call('GET', `/api/v1/applications/${id}`, 'handler');
      assert.equal(got.status, 200);
      const j = got.json as Record<string, unknown> & {
        events: Record<string, unknown>[];
        applicant: Record<string, unknown> | null;
        outcomeDetail: Record<string, unknown>;
      };
      assert.equal(j.state, 'archived');
      assert.equal(j.outcome, 'disclosed');
      assert.match(String(j.outcomeDetail.citation), /第三十六条第二项/);
      assert.equal(j.handler, 'zhao.handler');
      assert.equal(j.applicant?.name, '张三');
      assert.deepEqual(
        j.events.map((e) => e.action),
        CORRECTED_CASE_MOVES,
      );
      assert.deepEqual(j.events.map((e) => e.dueOn).slice(3, 6), [null, '2025-11-10', '2025-12-08']);
      assert.equal(j.events[5]?.actor, 'wang.office');
      assert.equal((j.events[2]?.params as Record<string, unknown>).note, '转交赵承办');
      const admin = await call('GET', `/api/v1/applications/${id}`, 'admin');
      assert.equal(admin.status, 200);
      assert.equal(admin.json.applicant, null);
      assert.equal(admin.json.personalVisible, false);
      assert.doesNotMatch(JSON.stringify(admin.json), /张三|13812345678|11010519491231002X|zhangsan/);
    });
  });
}

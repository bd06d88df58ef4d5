// HTTP: the parts of the procedure that depend on the case history, over the staff API on both dialects, with
// real 2025 calendar dates: the consultation pause bounded by the consulted party's window (arts. 32–34); a lapse
// proposed by the daily job and confirmed by the handler, a late correction accepted with its good reason (art. 30);
// 说明理由 and the delayed period (art. 35) with their notices and the pause setting; 重复申请 linked to the earlier
// reply (art. 36 item 6).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, caseApi } from '../../support/http.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { proposeLapses } from '../../../src/app/applications/daily-jobs.js';
import { saveProcedureSettings } from '../../../src/app/applications/procedure-settings.js';

/** Today: Friday 2025-09-26. */
const START = '2025-09-26T02:00:00Z';

type Json = Record<string, unknown>;

for (const dialect of DIALECTS) {
  describe(`the procedure's history over the staff API (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let agent: TestAgent;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    const token: Record<'handler' | 'officeHead', string> = {} as never;

    const { call, act, ok } = caseApi(() => agent, token);
    const get = async (id: string) => (await call('GET', `/api/v1/applications/${id}`, 'handler')).json;
    const queue = async (q: string) =>
      ((await call('GET', `/api/v1/applications?queue=${q}`, 'handler')).json.items as Json[]).map((x) => x.id);
    /** Handed in today at the office, by `name`, and registered. */
    const registered = async (name = '张三') => {
      const form = sampleForm();
      const res = await call('POST', '/api/v1/applications', 'handler', {
        org: staff.rootCode,
        ...form,
        applicant: { ...form.applicant, name },
        channel: 'in_person',
        submittedOn: '2025-09-26',
      });
      assert.equal(res.status, 201, JSON.stringify(res.json));
      const id = (res.json as { id: string }).id;
      await ok('handler', id, { action: 'register' });
      return id;
    };
    const noticeKinds = async (id: string) => (await rt.ctx.repos.notices.forApplication(id)).map((n) => n.kind);

    before(async () => {
      rt = await openTestRuntime(dialect, { start: START });
      staff = await createStaff(rt);
      agent = new TestAgent(rt);
      token.handler = await issueApiToken(rt.ctx, 'li.handler');
      token.officeHead = await issueApiToken(rt.ctx, 'wang.office');
    });
    after(async () => {
      rt.clock.set(START);
      await rt.close();
    });

    test('should end a consultation pause at the window’s end without staff action, then run to overdue', async () => {
      rt.clock.set(START);
      const id = await registered();
      const started = await ok('handler', id, {
        action: 'start_consultation',
        kind: 'third_party',
        party: '示例建设有限公司',
        startedOn: '2025-09-26',
      });
      // Window: 15 working days from 2025-09-26 → 2025-10-23; due 2025-10-30 + 15 paused working days.
      assert.deepEqual([started.state, started.dueOn], ['in_consultation', '2025-11-20']);
      rt.clock.set('2025-11-21T02:00:00Z');
      const got = await get(id);
      assert.deepEqual([got.state, got.status], ['in_consultation', 'overdue']);
      assert.ok((await queue('overdue')).includes(id), 'listed as overdue though still in consultation');
      const ext = await act('officeHead', id, { action: 'extend', workingDays: 20, reason: '需调取档案' });
      assert.equal(ext.status, 409, 'no extension during the consultation');
    });

    test('should propose a lapse, wait for the handler, and accept a late correction only with a good reason', async () => {
      rt.clock.set(START);
      const [a, b] = [await registered(), await registered()];
      for (const id of [a, b]) {
        await ok('handler', id, { action: 'request_correction', dueOn: '2025-10-17', items: '请写明文件名称' });
      }
      rt.clock.set('2025-10-20T02:00:00Z');
      const proposed = await proposeLapses(rt.ctx);
      assert.ok(proposed.includes(a) && proposed.includes(b));
      assert.equal((await get(a)).state, 'awaiting_correction', 'the job only proposes');
      assert.ok((await queue('lapse')).includes(a), 'listed under 待确认终止');
      const unconfirmed = await act('handler', a, { action: 'lapse_correction' });
      assert.equal(unconfirmed.status, 422);
      assert.equal((await ok('handler', a, { action: 'lapse_correction', confirmed: true })).state, 'archived');
      assert.equal((await get(a)).outcome, 'other.correction_lapsed');
      const late = await act('handler', b, { action: 'receive_correction', receivedOn: '2025-10-20' });
      assert.equal(late.status, 422);
      assert.match(String(late.json.message), /正当理由/);
      const accepted = await ok('handler', b, {
        action: 'receive_correction',
        receivedOn: '2025-10-20',
        lateReason: '申请人因病住院，提供了住院证明',
      });
      // 20 working days from 2025-10-20.
      assert.deepEqual([accepted.state, accepted.dueOn], ['registered', '2025-11-17']);
      assert.ok(!(await queue('lapse')).includes(b));
    });

    test('should ask for reasons before 不予处理 as excessive, and set a delayed period with its notice', async () => {
      rt.clock.set(START);
      const id = await registered();
      const early = await act('handler', id, { action: 'draft_reply', outcome: 'not_processed.excessive' });
      assert.deepEqual([early.status, early.json.reason], [409, 'needs_reasons_request']);
      const asked = await ok('handler', id, { action: 'request_reasons', dueOn: '2025-10-17', items: '申请用途' });
      assert.equal(asked.dueOn, '2025-10-30', 'by default the clock runs while the applicant explains');
      assert.ok((await noticeKinds(id)).includes('reasons_request'));
      await ok('handler', id, { action: 'record_reasons', reasons: '用于研究本区历年规划' });
      const delay = { action: 'set_delayed_period', dueOn: '2025-12-31', reason: '涉及近十年的档案，数量较大' };
      assert.equal((await act('handler', id, delay)).status, 403);
      assert.equal((await ok('officeHead', id, delay)).dueOn, '2025-12-31');
      const notice = (await rt.ctx.repos.notices.forApplication(id)).find((n) => n.kind === 'delayed_period');
      assert.ok(notice, 'the 延迟答复告知书 was issued');
      const text = JSON.stringify(notice.body);
      assert.match(text, /2025年12月31日/);
      assert.match(text, /涉及近十年的档案/);
    });

    test('should pause the clock for reasons when the setting said so, and keep that choice on the case', async () => {
      rt.clock.set(START);
      await saveProcedureSettings(rt.ctx, null, { reasonsRequestStopsClock: true });
      try {
        const id = await registered();
        // Paused (09-26, 10-17] at most: 11 working days (National Day excluded, 09-28 and 10-11 worked).
        const asked = await ok('handler', id, { action: 'request_reasons', dueOn: '2025-10-17' });
        assert.equal(asked.dueOn, '2025-11-14');
        await saveProcedureSettings(rt.ctx, null, { reasonsRequestStopsClock: false });
        const events = (await get(id)).events as Json[];
        assert.equal((events.at(-1)?.params as Json).pausesClock, true, 'the choice in force when asking stays');
        assert.equal((await get(id)).dueOn, '2025-11-14');
      } finally {
        await saveProcedureSettings(rt.ctx, null, { reasonsRequestStopsClock: false });
      }
    });

    test('should refuse 重复申请 without the earlier reply, or linked to a case that is not its earlier answer', async () => {
      rt.clock.set(START);
      const id = await registered('王五');
      const bare = await act('handler', id, { action: 'draft_reply', outcome: 'not_processed.repeated' });
      assert.deepEqual([bare.status, bare.json.reason], [409, 'needs_previous_reply']);
      const other = await registered('赵六');
      const unanswered = await act('handler', id, {
        action: 'draft_reply',
        outcome: 'not_processed.repeated',
        previousCaseId: other,
      });
      assert.deepEqual([unanswered.status, unanswered.json.reason], [409, 'previous_case_mismatch']);
      const drafted = await ok('handler', id, {
        action: 'draft_reply',
        outcome: 'not_processed.repeated',
        previousReply: { docNo: '示例区政办依申〔2019〕3号', date: '2019-03-01' },
      });
      assert.equal(drafted.state, 'in_legal_review');
      const events = (await get(id)).events as Json[];
      assert.equal((events.at(-1)?.params as Json).previousReply, '示例区政办依申〔2019〕3号（2019-03-01）');
    });
  });
}

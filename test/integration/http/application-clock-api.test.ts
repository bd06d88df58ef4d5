// HTTP: the reply clock over the staff API, on both dialects. Staff intake (in person, with the day the
// application was handed in), then: moves that belong inside the reply period refused after it with
// `after_due_date`; a corrected application restarting the period from zero whatever extension came
// before (art. 30); an outcome that needs a correction refused without one; an extension by the office
// head of a superior organization refused (art. 33 ¶2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, caseApi } from '../../support/http.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { cliSandbox, runGongkaiInProcess, type CliSandbox } from '../../support/cli.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { addDays, localDate } from '../../../src/domain/core/local-date.js';
import { makeStaff } from '../../factories/staff.js';
import { demoOrgs } from '../../factories/orgs.js';

/** Today in the office's time zone: 2025-09-28, the Sunday worked before National Day. */
const START = '2025-09-28T02:00:00Z';
const TODAY = localDate('2025-09-28');
/** 60 working days before TODAY on the 2025 schedule (its 20-day period ended 2025-08-04). */
const LONG_AGO = '2025-07-07';

type Json = Record<string, unknown>;

for (const dialect of DIALECTS) {
  describe(`the reply clock over the staff API (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let agent: TestAgent;
    let box: CliSandbox;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    const token: Record<'handler' | 'officeHead' | 'deptHandler', string> = {} as never;

    const { call, act, ok } = caseApi(() => agent, token);
    /** Staff intake: handed in at the office on `submittedOn`. */
    const intake = async (submittedOn: string, org = staff.rootCode, who: keyof typeof token = 'handler') => {
      const res = await call('POST', '/api/v1/applications', who, {
        org,
        ...sampleForm(),
        channel: 'in_person',
        submittedOn,
      });
      assert.equal(res.status, 201, JSON.stringify(res.json));
      return res.json as { id: string; receivedOn: string; dueOn: string };
    };
    const dueOn = async (id: string) => (await call('GET', `/api/v1/applications/${id}`, 'handler')).json.dueOn;

    before(async () => {
      rt = await openTestRuntime(dialect, { start: START });
      staff = await createStaff(rt);
      agent = new TestAgent(rt);
      box = cliSandbox(dialect, 'clockapi');
      token.handler = await issueApiToken(rt.ctx, 'li.handler');
      token.officeHead = await issueApiToken(rt.ctx, 'wang.office');
    });
    after(async () => {
      await box.cleanup();
      await rt.close();
    });

    test('should refuse extend, issue_fee_notice and start_consultation after the due date (after_due_date)', async () => {
      const c = await intake(LONG_AGO);
      assert.deepEqual([c.receivedOn, c.dueOn], [LONG_AGO, '2025-08-04']);
      assert.equal((await ok('handler', c.id, { action: 'register' })).dueOn, '2025-08-04');
      for (const [who, body] of [
        ['officeHead', { action: 'extend', workingDays: 20, reason: '需调取档案' }],
        ['handler', { action: 'issue_fee_notice', pieces: 15 }],
        ['handler', { action: 'start_consultation', kind: 'third_party', party: '示例建设有限公司' }],
      ] as const) {
        const res = await act(who, c.id, body);
        assert.equal(res.status, 409, body.action);
        assert.equal(res.json.reason, 'after_due_date', body.action);
        assert.match(String(res.json.message), /答复期限已于2025-08-04届满/);
      }
      const got = await call('GET', `/api/v1/applications/${c.id}`, 'handler');
      assert.deepEqual(
        [got.json.state, got.json.dueOn, got.json.status, got.json.extended],
        ['registered', '2025-08-04', 'overdue', false],
      );
    });

    test('should restart the period from the corrected application, whatever extension came before', async () => {
      const c = await intake(addDays(TODAY, -1));
      await ok('handler', c.id, { action: 'register' });
      assert.equal(
        (await ok('officeHead', c.id, { action: 'extend', workingDays: 20, reason: '需调取多个部门的档案' })).dueOn,
        '2025-11-27',
      );
      await ok('handler', c.id, { action: 'request_correction', dueOn: addDays(TODAY, 10), items: '请写明文件名称' });
      const corrected = await ok('handler', c.id, {
        action: 'receive_correction',
        receivedOn: TODAY,
        correctedRequest: '2024年示例区老旧小区改造项目（人民路片区）的立项批复文件',
      });
      const cli = await runGongkaiInProcess(['calendar', 'add', TODAY, '20'], box.env);
      assert.equal(cli.code, 0, cli.stderr);
      assert.equal(corrected.dueOn, cli.lastLine);
      assert.equal(await dueOn(c.id), '2025-10-31');
      const events = (await call('GET', `/api/v1/applications/${c.id}`, 'handler')).json.events as Json[];
      assert.equal(
        (events.at(-1)?.params as Json).correctedRequest,
        '2024年示例区老旧小区改造项目（人民路片区）的立项批复文件',
      );
      // Later notices name the corrected request (art. 30), not the first wording.
      await ok('officeHead', c.id, { action: 'extend', workingDays: 10, reason: '需调取多个部门的档案' });
      const notices = await rt.ctx.repos.notices.forApplication(c.id);
      const extension = JSON.stringify(notices.findLast((n) => n.kind === 'extension')?.body ?? null);
      assert.match(extension, /申请获取：2024年示例区老旧小区改造项目（人民路片区）的立项批复文件/);
      assert.doesNotMatch(extension, new RegExp(sampleForm().description));
    });

    test('should refuse unavailable.still_unclear on a case that was never asked to correct', async () => {
      const c = await intake(addDays(TODAY, -1));
      await ok('handler', c.id, { action: 'register' });
      const res = await act('handler', c.id, { action: 'draft_reply', outcome: 'unavailable.still_unclear' });
      assert.equal(res.status, 409);
      assert.equal(res.json.reason, 'needs_correction_request');
      assert.match(String(res.json.message), /补正/);
      assert.equal((await call('GET', `/api/v1/applications/${c.id}`, 'handler')).json.state, 'registered');
    });

    test('should answer 403 to the office head of the root government extending a department’s case', async () => {
      const dept = (await demoOrgs(rt)).named('示例区教育局');
      await makeStaff(rt, 'edu.handler', ['handler'], dept.id);
      token.deptHandler = await issueApiToken(rt.ctx, 'edu.handler');
      const c = await intake(addDays(TODAY, -1), dept.creditCode, 'deptHandler');
      await ok('deptHandler', c.id, { action: 'register' });
      // Moves need the role at the handling organization itself (docs/security/privacy.md): a role higher up reads.
      const res = await act('officeHead', c.id, { action: 'extend', workingDays: 20, reason: '需调取档案' });
      assert.equal(res.status, 403);
      const got = await call('GET', `/api/v1/applications/${c.id}`, 'deptHandler');
      assert.deepEqual([got.json.dueOn, got.json.extended], [c.dueOn, false]);
    });
  });
}

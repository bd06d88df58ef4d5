// Privacy of applicants and the limits of 协办 helpers (docs/security/privacy.md), over HTTP on both dialects:
// an assigned helper of another department works the case (drafting included) but may not transfer, withdraw,
// archive, send or approve it, and is not offered those buttons; a handler of the root government and a supervising
// office see a department's case masked (page, staff API, search, notices, proof) and cannot act on it; an admin's
// recorded view_personal_data grant lets the supervisor see it, each view audited, until revoked; the review register
// masks the claimant the same way and keeps writing to the organization itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../support/runtime.js';
import { callApi, TestAgent } from '../support/http.js';
import { adminAgent, staffAgent } from '../support/admin.js';
import { sampleForm, STAFF_PASSWORD } from '../support/staff.js';
import { demoOrgs } from '../factories/orgs.js';
import { makeStaff } from '../factories/staff.js';
import { issueApiToken } from '../../src/app/auth/api-token.js';
import { submitApplication } from '../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../src/app/applications/act-on-application.js';
import { createReview } from '../../src/app/reviews/manage-reviews.js';
import type { Actor } from '../../src/domain/policies/actor.js';

const START = '2025-09-28T02:00:00Z';
/** The applicant of sampleForm(): name, phone, document number. */
const PERSONAL = /张三|13812345678|11010519491231002X/;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

for (const dialect of DIALECTS) {
  describe(`privacy and 协办 limits (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    const as = {} as Record<'owner' | 'helper' | 'govHandler' | 'supervisor' | 'admin' | 'deptAdmin', TestAgent>;
    let owner: Actor;
    let supervisorId = '';
    let edu = { id: '', creditCode: '' };
    let caseId = '';

    const page = async (agent: TestAgent, path: string): Promise<{ status: number; text: string }> => {
      const res = await agent.get(path);
      return { status: res.status, text: await res.text() };
    };
    const move = (agent: TestAgent, id: string, action: string, params: Record<string, string> = {}) =>
      agent.post(`/admin/applications/${id}/actions`, { action, ...params });
    const auditActions = async (entityId: string): Promise<string[]> =>
      (await rt.ctx.repos.audit.list({ entityId }, { limit: 200 })).map((e) => e.action);

    before(async () => {
      rt = await openTestRuntime(dialect, { start: START });
      const orgs = await demoOrgs(rt);
      const eduOrg = orgs.named('示例区教育局');
      const fin = orgs.named('示例区财政局');
      edu = { id: eduOrg.id, creditCode: eduOrg.creditCode };
      owner = await makeStaff(rt, 'edu.handler', ['handler'], edu.id);
      as.owner = await loginAs('edu.handler');
      // The helper also signs and heads the office at the finance bureau: those roles must not count on edu's case.
      as.helper = await staffAgent(rt, 'fin.helper', ['handler', 'signer', 'office_head'], fin.id);
      as.govHandler = await staffAgent(rt, 'gov.handler', ['handler', 'signer'], orgs.root.id);
      as.supervisor = await staffAgent(rt, 'gov.supervisor', ['supervisor'], orgs.root.id);
      supervisorId = (await rt.ctx.repos.users.byUsername('gov.supervisor'))?.id ?? '';
      as.deptAdmin = await staffAgent(rt, 'edu.admin', ['admin'], edu.id);
      as.admin = await adminAgent(rt);
      const r = await submitApplication(rt.ctx, null, {
        orgCreditCode: edu.creditCode,
        channel: 'online',
        form: sampleForm(),
        proof: { content: PNG, fileName: 'id.png' },
      });
      caseId = r.id;
      await actOnApplication(rt.ctx, owner, caseId, 'assign', { handler: 'fin.helper' });
    });
    after(() => rt.close());

    async function loginAs(username: string): Promise<TestAgent> {
      const agent = new TestAgent(rt);
      assert.equal((await agent.login(username, STAFF_PASSWORD)).status, 303, username);
      return agent;
    }

    test('should let the 协办 helper see the applicant and do the handler work, drafting included', async () => {
      const shown = await page(as.helper, `/admin/applications/${caseId}`);
      assert.equal(shown.status, 200);
      assert.match(shown.text, /张三/);
      assert.equal((await move(as.helper, caseId, 'register')).status, 303);
      const drafted = await move(as.helper, caseId, 'draft_reply', { outcome: 'disclosed', provision: '随告知书送达' });
      assert.equal(drafted.status, 303, await drafted.text());
      assert.equal((await rt.ctx.repos.applications.byId(caseId))?.state, 'in_legal_review');
    });

    test('should refuse the helper transfer, withdraw, archive, send and approval with 403 and keep the case', async () => {
      const before = await rt.ctx.repos.applications.byId(caseId);
      const refused: [string, Record<string, string>][] = [
        ['transfer', { orgId: before?.orgId ?? '', reason: '转交财政局' }],
        ['withdraw', {}],
        ['archive', { confirm: '1', retention: '10y' }],
        ['send_reply', { method: 'post' }],
        ['pass_legal_review', { confidentialityReviewed: '1' }],
        ['approve_reply', { comments: '同意' }],
        ['extend', { workingDays: '20', reason: '需调取档案' }],
        ['assign', { handler: 'fin.helper' }],
      ];
      for (const [action, params] of refused) {
        const res = await move(as.helper, caseId, action, params);
        assert.equal(res.status, 403, action);
        assert.match(await res.text(), /协办人员不能|本机关/, `${action}: a Chinese reason`);
      }
      const transfer = await move(as.helper, caseId, 'transfer', { orgId: edu.id, reason: '转交' });
      assert.match(await transfer.text(), /协办人员不能“转办”/);
      assert.deepEqual(await rt.ctx.repos.applications.byId(caseId), before, 'nothing changed');
      assert.equal((await page(as.owner, `/admin/applications/${caseId}`)).status, 200, 'the owner keeps the case');
    });

    test('should not offer the helper the owner’s buttons on the case page', async () => {
      await actOnApplication(rt.ctx, owner, caseId, 'return_from_legal_review', {}).catch(() => undefined);
      const { text } = await page(as.helper, `/admin/applications/${caseId}`);
      for (const action of ['transfer', 'withdraw', 'archive', 'send_reply', 'approve_reply', 'assign']) {
        assert.doesNotMatch(text, new RegExp(`name="action" value="${action}"`), action);
      }
      const ownerPage = (await page(as.owner, `/admin/applications/${caseId}`)).text;
      assert.match(ownerPage, /name="action" value="withdraw"/, 'the owner still has them');
    });

    test('should show a root handler the department case masked and refuse every move with 403', async () => {
      const shown = await page(as.govHandler, `/admin/applications/${caseId}`);
      assert.equal(shown.status, 200);
      assert.doesNotMatch(shown.text, PERSONAL);
      assert.match(shown.text, /无权查看申请人个人信息/);
      assert.doesNotMatch(shown.text, /name="action" value=/, 'no move offered');
      const before = await rt.ctx.repos.applications.byId(caseId);
      for (const action of ['transfer', 'withdraw', 'archive', 'register', 'send_reply', 'approve_reply']) {
        const res = await move(as.govHandler, caseId, action, { orgId: edu.id });
        assert.equal(res.status, 403, action);
        assert.match(await res.text(), /办理机关本机关/);
      }
      assert.deepEqual(await rt.ctx.repos.applications.byId(caseId), before);
      const noticeId = (await rt.ctx.repos.notices.forApplication(caseId))[0]?.id ?? '';
      assert.notEqual(noticeId, '', 'the receipt issued at registration');
      assert.equal((await as.owner.get(`/admin/applications/${caseId}/proof`)).status, 200);
      assert.equal((await as.govHandler.get(`/admin/applications/${caseId}/proof`)).status, 404);
      assert.equal((await as.govHandler.get(`/admin/notices/${noticeId}`)).status, 404);
      assert.equal((await as.govHandler.get(`/admin/notices/${noticeId}/docx`)).status, 404);
      assert.equal((await as.owner.get(`/admin/notices/${noticeId}/docx`)).status, 200);
    });

    test('should mask the staff API and keep a name search from telling who applied', async () => {
      const token = await issueApiToken(rt.ctx, 'gov.handler');
      const one = await callApi<Record<string, unknown>>(as.govHandler, 'GET', `/api/v1/applications/${caseId}`, token);
      assert.equal(one.status, 200);
      assert.equal(one.json.personalVisible, false);
      assert.equal(one.json.applicant, null);
      assert.doesNotMatch(JSON.stringify(one.json), PERSONAL);
      const found = await callApi<{ items: { id: string }[] }>(
        as.govHandler,
        'GET',
        `/api/v1/applications?q=${encodeURIComponent('张三')}`,
        token,
      );
      assert.equal(found.status, 200);
      assert.ok(!found.json.items.some((i) => i.id === caseId), 'the name finds nothing where it is masked');
      const code = (await rt.ctx.repos.applications.byId(caseId))?.trackingCode ?? '';
      const list = (await page(as.govHandler, `/admin/applications?q=${encodeURIComponent('张三')}`)).text;
      assert.ok(!list.includes(code), 'the back-office search by name finds nothing where it is masked');
      assert.ok((await page(as.govHandler, `/admin/applications?q=${code}`)).text.includes(code), 'by code it does');
      const ownerList = (await page(as.owner, `/admin/applications?q=${encodeURIComponent('张三')}`)).text;
      assert.ok(ownerList.includes(code), 'the owner finds it by name');
    });

    test('should show the supervisor personal data only under a recorded grant, each view audited', async () => {
      assert.doesNotMatch((await page(as.supervisor, `/admin/applications/${caseId}`)).text, PERSONAL);
      assert.equal(
        (await as.deptAdmin.post(`/admin/users/${supervisorId}/personal-data`, { orgId: edu.id, reason: 'x' })).status,
        403,
        'a department admin may not grant to an account of the government above',
      );
      const root = (await demoOrgs(rt)).root.id;
      const refused = await as.admin.post(`/admin/users/${supervisorId}/personal-data`, { orgId: root, reason: '' });
      assert.equal(refused.status, 422, 'a reason is required');
      const granted = await as.admin.post(`/admin/users/${supervisorId}/personal-data`, {
        orgId: root,
        reason: '处理关于教育局答复的投诉',
      });
      assert.equal(granted.status, 303);
      const grants = await rt.ctx.repos.personalDataGrants.forUser(supervisorId);
      assert.equal(grants.length, 1);
      assert.equal(grants[0]?.orgId, root);
      assert.match(grants[0]?.grantedByLabel ?? '', /admin/);
      assert.match((await page(as.admin, `/admin/users/${supervisorId}`)).text, /处理关于教育局答复的投诉/);

      const before = (await auditActions(caseId)).filter((a) => a === 'application.personal_data_viewed').length;
      const shown = await page(as.supervisor, `/admin/applications/${caseId}`);
      assert.match(shown.text, /张三/);
      assert.match((await page(as.supervisor, `/admin/applications/${caseId}`)).text, /张三/);
      const views = (await auditActions(caseId)).filter((a) => a === 'application.personal_data_viewed');
      assert.equal(views.length, before + 2, 'each view under the grant is audited');
      assert.ok((await auditActions(supervisorId)).includes('user.personal_data_granted'));
      assert.equal((await move(as.supervisor, caseId, 'register')).status, 403, 'a grant reads, it does not act');

      const revoke = await as.admin.post(
        `/admin/users/${supervisorId}/personal-data/${grants[0]?.id ?? ''}/revoke`,
        {},
      );
      assert.equal(revoke.status, 303);
      assert.doesNotMatch((await page(as.supervisor, `/admin/applications/${caseId}`)).text, PERSONAL);
      const [after] = await rt.ctx.repos.personalDataGrants.forUser(supervisorId);
      assert.ok(after?.revokedAt, 'the grant stays as the record, revoked');
      assert.ok((await auditActions(supervisorId)).includes('user.personal_data_revoked'));
      assert.match((await page(as.admin, `/admin/users/${supervisorId}`)).text, /撤销/);
    });

    test('should let a grant open a case outside the account’s reach, listed masked, and close it again', async () => {
      const justice = (await demoOrgs(rt)).named('示例区司法局');
      const outsider = await staffAgent(rt, 'sfj.handler', ['handler'], justice.id);
      const outsiderId = (await rt.ctx.repos.users.byUsername('sfj.handler'))?.id ?? '';
      const code = (await rt.ctx.repos.applications.byId(caseId))?.trackingCode ?? '';
      assert.equal((await outsider.get(`/admin/applications/${caseId}`)).status, 404, 'not found without a grant');
      const granted = await as.admin.post(`/admin/users/${outsiderId}/personal-data`, {
        orgId: edu.id,
        reason: '协助核查申请人身份',
      });
      assert.equal(granted.status, 303);
      const list = (await page(outsider, '/admin/applications')).text;
      assert.ok(list.includes(code), 'listed under the grant');
      assert.doesNotMatch(list, PERSONAL, 'lists stay masked: the case page is where a view is logged');
      assert.match((await page(outsider, `/admin/applications/${caseId}`)).text, /张三/);
      const [grant] = await rt.ctx.repos.personalDataGrants.forUser(outsiderId, { live: true });
      await as.admin.post(`/admin/users/${outsiderId}/personal-data/${grant?.id ?? ''}/revoke`, {});
      assert.equal((await outsider.get(`/admin/applications/${caseId}`)).status, 404, 'gone with the grant');
    });

    test('should mask the 复议 claimant for the government above and keep writing to the organization', async () => {
      const review = await createReview(rt.ctx, owner, {
        orgId: edu.id,
        kind: 'reconsideration',
        litigationRoute: '',
        caseNo: '示复字〔2025〕9号',
        filedOn: '2025-09-20',
        body: '示例区人民政府',
        claimantName: '王复议',
        subject: '不予公开告知书',
        result: 'pending',
        resultOn: '',
        handling: '',
        notes: '',
        trackingCode: '',
      });
      assert.match((await page(as.owner, `/admin/reviews/${review.id}`)).text, /王复议/);
      const sup = await page(as.supervisor, `/admin/reviews/${review.id}`);
      assert.equal(sup.status, 200);
      assert.doesNotMatch(sup.text, /王复议/);
      assert.doesNotMatch((await page(as.supervisor, '/admin/reviews')).text, /王复议/);
      const gov = await page(as.govHandler, `/admin/reviews/${review.id}`);
      assert.doesNotMatch(gov.text, /王复议/);
      const write = await as.govHandler.post(`/admin/reviews/${review.id}`, {
        claimantName: '改写',
        result: 'pending',
      });
      assert.equal(write.status, 403, 'a writer role above the organization reads only');
      assert.equal((await rt.ctx.repos.reviews.byId(review.id))?.claimantName, '王复议');
    });
  });
}

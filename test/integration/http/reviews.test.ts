// HTTP: the 复议/诉讼/投诉 register — create with a linked 查询码, validation, recording the result,
// section 四 of a year, permissions (writer roles, supervisor read-only, outsiders), on both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { ADMIN_PASSWORD } from '../../support/admin.js';
import { insertApplication } from '../../support/reviews.js';
import { createUser } from '../../../src/app/users/manage-users.js';
import { reviewSummary } from '../../../src/app/reviews/manage-reviews.js';
import type { Role } from '../../../src/domain/users/roles.js';

const PASSWORD = 'Lanse-Hudie-47-Qiao';
const CLAIMANT = '赵复议';
const lit = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const idFrom = (res: Response): string =>
  /^\/admin\/reviews\/([^?/]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

const form = (orgId: string, over: Record<string, string> = {}): Record<string, string> => ({
  orgId,
  kind: 'reconsideration',
  litigationRoute: '',
  caseNo: '示复决字〔2025〕7号',
  filedOn: '2025-03-10',
  body: '示例区人民政府',
  claimantName: CLAIMANT,
  subject: '区教育局不予公开告知书',
  trackingCode: '',
  result: 'pending',
  resultOn: '',
  handling: '',
  notes: '',
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`review register over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: TestAgent;
    const org = { root: '', edu: '', fin: '' };
    const agents: Record<string, TestAgent> = {};
    let caseId = '';

    const account = async (username: string, orgId: string, role: Role): Promise<TestAgent> => {
      await createUser(rt.ctx, null, {
        username,
        displayName: username,
        orgId,
        roles: [{ orgId, role }],
        password: PASSWORD,
        mustChangePassword: false,
      });
      const a = new TestAgent(rt);
      assert.equal((await a.login(username, PASSWORD)).status, 303, `login ${username}`);
      return a;
    };

    before(async () => {
      rt = await openTestRuntime(dialect);
      const orgs = await rt.ctx.repos.orgs.list();
      const byName = (name: string) => orgs.find((o) => o.name === name)?.id ?? '';
      Object.assign(org, { root: byName('示例区人民政府'), edu: byName('示例区教育局'), fin: byName('示例区财政局') });
      admin = new TestAgent(rt);
      assert.equal((await admin.login('admin', rt.boot.adminPassword ?? '')).status, 303);
      const changed = await admin.post('/admin/password', {
        current: rt.boot.adminPassword ?? '',
        next: ADMIN_PASSWORD,
        confirm: ADMIN_PASSWORD,
      });
      assert.equal(changed.status, 303);
      agents.handler = await account('edu_handler', org.edu, 'handler');
      agents.finHandler = await account('fin_handler', org.fin, 'handler');
      agents.supervisor = await account('district_sup', org.root, 'supervisor');
      agents.editor = await account('edu_editor', org.edu, 'editor');
      await insertApplication(rt, org.edu, 'ABCD-EFGH-JKLM');
      await insertApplication(rt, org.fin, 'MNPQ-RSTU-VWXY');
    });
    after(() => rt.close());

    test('should offer the form with only the organizations the handler may write', async () => {
      const res = await agents.handler!.get('/admin/reviews/new');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<label for="f-trackingCode">关联申请查询码/);
      assert.match(html, lit(`<option value="${org.edu}" selected="">`));
      assert.doesNotMatch(html, lit(`value="${org.fin}"`));
      assert.match(html, /尚未审结/);
    });

    test('should register a case linked by a typed 查询码 and audit it without the claimant', async () => {
      const res = await agents.handler!.post('/admin/reviews/new', form(org.edu, { trackingCode: ' abcd efgh jklm ' }));
      assert.equal(res.status, 303);
      caseId = idFrom(res);
      const page = await (await agents.handler!.get(`/admin/reviews/${caseId}?flash=created`)).text();
      assert.match(page, /案件已登记/);
      assert.match(page, /value="ABCD-EFGH-JKLM"/);
      assert.match(page, lit(`value="${CLAIMANT}"`));
      const entries = await rt.ctx.repos.audit.list({ entityId: caseId }, { limit: 5 });
      assert.deepEqual(
        entries.map((e) => e.action),
        ['review.created'],
      );
      assert.equal(entries[0]?.orgId, org.edu);
      assert.doesNotMatch(`${entries[0]?.beforeJson}${entries[0]?.afterJson}`, lit(CLAIMANT));
      assert.match(entries[0]?.afterJson ?? '', /区教育局不予公开告知书/);
    });

    test('should re-render the typed values with Chinese errors and save nothing', async () => {
      const before = (await rt.ctx.repos.reviews.list({ orgIds: [org.edu] })).length;
      const res = await agents.handler!.post(
        '/admin/reviews/new',
        form(org.edu, {
          kind: 'litigation',
          filedOn: '2025-02-30',
          result: 'upheld',
          trackingCode: 'ZZZZ-ZZZZ-ZZZZ',
          caseNo: '（2025）示行初12号',
        }),
      );
      await refusedPage(res, [
        /日期应为 YYYY-MM-DD 格式的真实日期/,
        /未找到本机构的该查询码对应的申请/,
        lit('value="（2025）示行初12号"'),
        lit('value="2025-02-30"'),
        /<option value="litigation" selected="">/,
      ]);
      const route = await agents.handler!.post(
        '/admin/reviews/new',
        form(org.edu, { kind: 'litigation', result: 'upheld' }),
      );
      assert.equal(route.status, 422);
      const routeHtml = await route.text();
      assert.match(routeHtml, /行政诉讼案件请选择/);
      assert.match(routeHtml, /已有结果的案件请填写审结/);
      assert.equal((await rt.ctx.repos.reviews.list({ orgIds: [org.edu] })).length, before);
    });

    test('should refuse a 查询码 of another organization as a field error', async () => {
      const res = await agents.handler!.post('/admin/reviews/new', form(org.edu, { trackingCode: 'MNPQ-RSTU-VWXY' }));
      assert.equal(res.status, 422);
      assert.match(await res.text(), /未找到本机构的该查询码对应的申请/);
    });

    test('should answer 403 in Chinese for a case registered against another organization', async () => {
      const res = await agents.finHandler!.post('/admin/reviews/new', form(org.edu));
      assert.equal(res.status, 403);
      assert.match(await res.text(), /没有权限执行此操作/);
    });

    test('should record the result, listing it with its Chinese label and auditing the change', async () => {
      const res = await agents.handler!.post(
        `/admin/reviews/${caseId}`,
        form(org.edu, {
          trackingCode: 'ABCD-EFGH-JKLM',
          result: 'corrected',
          resultOn: '2025-05-20',
          handling: '复议决定撤销原告知书',
        }),
      );
      assert.equal(res.status, 303);
      const list = await (await agents.handler!.get('/admin/reviews?kind=reconsideration&result=corrected')).text();
      assert.match(list, /结果纠正/);
      assert.match(list, /2025-05-20/);
      assert.match(list, /ABCD-EFGH-JKLM/);
      assert.doesNotMatch(list, lit(CLAIMANT), 'the list shows no claimant names');
      const entries = await rt.ctx.repos.audit.list({ entityId: caseId, action: 'review.updated' }, { limit: 5 });
      assert.equal(entries.length, 1);
      assert.match(entries[0]?.afterJson ?? '', /"result":"corrected"/);
      assert.doesNotMatch(`${entries[0]?.beforeJson}${entries[0]?.afterJson}`, lit(CLAIMANT));
    });

    test('should compute section 四 of a year on the list page', async () => {
      const post = (over: Record<string, string>) => agents.handler!.post('/admin/reviews/new', form(org.edu, over));
      const record = async (over: Record<string, string>) => assert.equal((await post(over)).status, 303);
      await record({ kind: 'litigation', litigationRoute: 'direct', filedOn: '2025-04-01' });
      await record({
        kind: 'litigation',
        litigationRoute: 'after_reconsideration',
        filedOn: '2025-06-01',
        result: 'upheld',
        resultOn: '2025-09-01',
      });
      await record({
        kind: 'complaint',
        filedOn: '2025-07-01',
        body: '示例区政务公开办',
        result: 'other',
        resultOn: '2025-07-15',
        handling: '已督促限期答复',
      });
      await record({ filedOn: '2024-11-01', result: 'upheld', resultOn: '2025-01-10' });
      const html = await (await agents.handler!.get(`/admin/reviews?org=${org.edu}&year=2025`)).text();
      const cell = (name: string) => new RegExp(`data-cell="${name.replace('.', '\\.')}">(\\d+)<`).exec(html)?.[1];
      assert.equal(cell('reconsideration.corrected'), '1');
      // By default a case counts in the year its result is known: the 2024 case decided in 2025 is here.
      assert.equal(cell('reconsideration.upheld'), '1');
      assert.equal(cell('reconsideration.total'), '2');
      assert.equal(cell('litigation_direct.pending'), '1');
      assert.equal(cell('litigation_after_reconsideration.upheld'), '1');
      assert.deepEqual(await reviewSummary(rt.ctx, null, org.edu, 2024), {
        reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
        litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
        litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      });
      const badYear = await (await agents.handler!.get('/admin/reviews?year=25')).text();
      assert.match(badYear, /年度应为四位数字/);
    });

    test('should let a supervisor read the subtree but change nothing', async () => {
      const sup = agents.supervisor!;
      assert.match(await (await sup.get('/admin/reviews')).text(), /区教育局不予公开告知书/);
      const page = await sup.get(`/admin/reviews/${caseId}`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /案件详情/);
      assert.doesNotMatch(html, /<form method="post" action="\/admin\/reviews/);
      assert.equal(
        (await sup.post(`/admin/reviews/${caseId}`, form(org.edu, { result: 'other', resultOn: '2025-06-01' }))).status,
        403,
      );
      assert.equal((await sup.get('/admin/reviews/new')).status, 403);
      assert.equal((await rt.ctx.repos.reviews.byId(caseId))?.result, 'corrected');
    });

    test('should hide other organizations cases and deny roles without the register', async () => {
      const fin = agents.finHandler!;
      assert.equal((await fin.get(`/admin/reviews/${caseId}`)).status, 404);
      assert.equal((await fin.post(`/admin/reviews/${caseId}`, form(org.edu))).status, 404);
      assert.doesNotMatch(await (await fin.get('/admin/reviews')).text(), /区教育局不予公开告知书/);
      assert.doesNotMatch(await (await fin.get(`/admin/reviews?org=${org.edu}`)).text(), /区教育局不予公开告知书/);
      const editor = await agents.editor!.get('/admin/reviews');
      assert.equal(editor.status, 403);
      assert.match(await editor.text(), /没有权限/);
    });

    test('should let an admin of the district see every case and answer 404 for unknown ones', async () => {
      assert.match(await (await admin.get('/admin/reviews')).text(), /区教育局不予公开告知书/);
      const missing = await admin.get('/admin/reviews/no-such-case');
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /页面不存在/);
    });

    test('should send anonymous visitors to the login page', async () => {
      const res = await new TestAgent(rt).get('/admin/reviews');
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /^\/admin\/login/);
    });
  });
}

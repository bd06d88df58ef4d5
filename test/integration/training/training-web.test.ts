// HTTP: the /admin/training and /admin/oversight pages on both dialects — a multipart form with a material and
// participants (CSRF required), the form kept as typed on an error, the list with its year filter and totals, the
// material download, read-only pages for readers, and refusals for those who may not write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff, STAFF_PASSWORD } from '../../factories/staff.js';

const PDF = new TextEncoder().encode('%PDF-1.4 demo slides');

for (const dialect of DIALECTS) {
  describe(`training pages over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    const org = { root: '', edu: '' };
    let sup: TestAgent;
    let reader: TestAgent;
    let sessionPath = '';

    const agent = async (username: string): Promise<TestAgent> => {
      const a = new TestAgent(rt);
      assert.equal((await a.login(username, STAFF_PASSWORD)).status, 303, `login ${username}`);
      return a;
    };
    const fields = (over: Record<string, string> = {}): Record<string, string> => ({
      orgId: org.root,
      heldOn: '2025-04-10',
      title: '重点领域信息公开培训',
      organizer: '区政务公开办',
      kind: 'thematic',
      notes: '',
      [`hc.${org.edu}`]: '12',
      [`acc.${org.edu}`]: '',
      [`hc.${org.root}`]: '3',
      ...over,
    });

    before(async () => {
      rt = await openTestRuntime(dialect);
      const orgs = await demoOrgs(rt);
      Object.assign(org, { root: orgs.root.id, edu: orgs.named('示例区教育局').id });
      await makeStaff(rt, 'web_sup', ['supervisor'], org.root);
      await makeStaff(rt, 'web_editor', ['editor'], org.edu);
      sup = await agent('web_sup');
      reader = await agent('web_editor');
    });
    after(() => rt.close());

    test('should refuse a post without the CSRF token', async () => {
      const res = await sup.postMultipart('/admin/training/new', fields(), {}, { csrf: false });
      assert.equal(res.status, 403);
      assert.equal((await rt.ctx.repos.training.list({ orgIds: [org.root] })).length, 0);
    });

    test('should keep what was typed when refused, with the Chinese messages', async () => {
      const res = await sup.postMultipart(
        '/admin/training/new',
        fields({ heldOn: '2025-13-01', [`hc.${org.edu}`]: 'x' }),
      );
      await refusedPage(res, [
        '日期应为 YYYY-MM-DD 格式的真实日期',
        '参训人数应为1至',
        'value="重点领域信息公开培训"',
        'value="x"',
      ]);
    });

    test('should create a session with a material and show it in the year list with totals', async () => {
      const res = await sup.postMultipart('/admin/training/new', fields(), {
        materials: [new File([PDF], '课件.pdf', { type: 'application/pdf' })],
      });
      assert.equal(res.status, 303);
      sessionPath = (res.headers.get('location') ?? '').split('?')[0] ?? '';
      assert.match(sessionPath, /^\/admin\/training\/[^/]+$/);
      const list = await (await sup.get('/admin/training?year=2025')).text();
      assert.match(list, /2025年共组织培训 1 次，参训 15 人次/);
      assert.ok(list.includes('重点领域信息公开培训'));
      assert.match(await (await sup.get('/admin/training?year=2024')).text(), /2024年共组织培训 0 次/);
      const file = await sup.get(`${sessionPath}/materials/0`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
    });

    test('should show readers a read-only page and refuse their writes', async () => {
      const page = await reader.get(sessionPath);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.ok(html.includes('课件.pdf') && !html.includes('删除此培训记录'), 'read-only, with the material');
      assert.equal((await reader.get('/admin/training/new')).status, 403);
      assert.equal((await reader.postMultipart(sessionPath, fields())).status, 403);
      assert.equal((await reader.post(`${sessionPath}/delete`, {})).status, 403);
    });

    test('should record and list a 社会评议 at /admin/oversight', async () => {
      const bad = await sup.post('/admin/oversight/new', {
        orgId: org.root,
        kind: 'social_review',
        occurredOn: '',
        unit: '示例区教育局',
        subject: '满意度测评',
        result: '',
      });
      await refusedPage(bad, ['请填写日期', '请填写结果', 'value="示例区教育局"']);
      const ok = await sup.post('/admin/oversight/new', {
        orgId: org.root,
        kind: 'social_review',
        occurredOn: '2025-05-20',
        unit: '示例区教育局',
        subject: '满意度测评',
        result: '满意率96%',
      });
      assert.equal(ok.status, 303);
      const list = await (await reader.get('/admin/oversight?year=2025')).text();
      assert.match(list, /社会评议 1 次，责任追究 0 件/);
      assert.equal((await reader.get('/admin/oversight/new')).status, 403);
    });
  });
}

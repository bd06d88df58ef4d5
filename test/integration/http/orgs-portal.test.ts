// HTTP: organization management in the back office, the public portal shell, health, on both dialects.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { suiteAdmin } from '../../support/admin.js';
import { creditCodeCheckChar } from '../../../src/domain/orgs/credit-code.js';
import { DIRECTORIES } from '../../../src/domain/publications/directories.js';

const code = (n: number) => {
  const first = `11999901MB${String(n).padStart(7, '0')}`;
  return first + (creditCodeCheckChar(first) ?? '');
};

for (const dialect of DIALECTS) {
  describe(`organizations and portal (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);

    test('should report health with the dialect', async () => {
      const res = await new TestAgent(rt).get('/healthz');
      assert.deepEqual(await res.json(), { status: 'ok', db: dialect });
    });

    test('should create an organization and show it in the tree and on the portal', async () => {
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      const res = await admin.post('/admin/orgs', {
        parentId: root?.id ?? '',
        kind: 'department',
        name: '示例区卫生健康委员会',
        shortName: '区卫健委',
        creditCode: code(601),
        postcode: '999001',
        functions: '负责全区卫生健康工作。',
      });
      assert.equal(res.status, 303);
      const list = await (await admin.get('/admin/orgs')).text();
      assert.match(list, /示例区卫生健康委员会/);
      const home = await (await new TestAgent(rt).get('/')).text();
      assert.match(home, /href="\/org\/[0-9A-Z]{18}"[^>]*>示例区卫生健康委员会/);
      const info = await (await new TestAgent(rt).get(`/org/${code(601)}/info`)).text();
      assert.match(info, /负责全区卫生健康工作。/);
    });

    test('should re-render the form with what was typed and Chinese errors', async () => {
      const res = await admin.post('/admin/orgs', {
        parentId: '',
        kind: 'department',
        name: '示例区某局',
        creditCode: '12345',
        postcode: '12',
        officeEmail: 'not-an-email',
      });
      await refusedPage(res, [
        /统一社会信用代码应为18位/,
        /邮政编码应为6位数字/,
        /电子邮箱格式不正确/,
        /value="示例区某局"/,
        /value="12345"/,
      ]);
    });

    test('should refuse a duplicate credit code with 409 and keep the input', async () => {
      const res = await admin.post('/admin/orgs', {
        parentId: '',
        kind: 'department',
        name: '重复机构',
        creditCode: code(601),
      });
      assert.equal(res.status, 409);
      assert.match(await res.text(), /该统一社会信用代码已存在/);
    });

    test('should refuse moving the government under its own department', async () => {
      const orgs = await rt.ctx.repos.orgs.list();
      const root = orgs.find((o) => o.parentId === null);
      const dept = orgs.find((o) => o.creditCode === code(601));
      const res = await admin.post(`/admin/orgs/${root?.id}/move`, { parentId: dept?.id ?? '' });
      assert.equal(res.status, 422);
      assert.match(await res.text(), /不能选择本机构或其下级机构作为上级/);
      assert.equal((await rt.ctx.repos.orgs.byId(root?.id ?? ''))?.parentId, null);
    });

    test('should retire an organization, hide it from the portal and keep it in the audit trail', async () => {
      const dept = await rt.ctx.repos.orgs.byCreditCode(code(601));
      assert.equal((await admin.post(`/admin/orgs/${dept?.id}/retire`, { retired: '1' })).status, 303);
      assert.equal((await new TestAgent(rt).get(`/org/${code(601)}`)).status, 404);
      assert.ok(await rt.ctx.repos.orgs.byId(dept?.id ?? ''));
      const entries = await rt.ctx.repos.audit.list({ entityId: dept?.id ?? '' }, { limit: 10 });
      assert.deepEqual(entries.map((e) => e.action).sort(), ['org.created', 'org.retired']);
    });

    test('should show the statutory directories, the footer marks and a Chinese 404', async () => {
      const home = await (await new TestAgent(rt).get('/')).text();
      for (const { label } of DIRECTORIES) {
        assert.ok(home.includes(label), label);
      }
      assert.match(home, /网站标识码：9999000001/);
      assert.match(home, /党政机关/);
      const missing = await new TestAgent(rt).get('/org/NOPE/info');
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /页面不存在/);
    });

    test('should keep anonymous visitors out of the back office', async () => {
      const res = await new TestAgent(rt).get('/admin/orgs');
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /^\/admin\/login/);
    });
  });
}

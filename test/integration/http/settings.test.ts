// HTTP: the site settings page — footer marks saved, validated, audited and shown on the portal home.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { staffAgent, suiteAdmin } from '../../support/admin.js';
import { demoOrgs } from '../../factories/orgs.js';

const FOOTER = {
  siteName: '测试区人民政府门户网站',
  sponsor: '测试区人民政府办公室',
  operator: '测试区政务数据中心',
  siteCode: '1234567890',
  icp: '测ICP备12345678号',
  publicSecurityRecord: '测公网安备 11010502000001号',
  contact: '0999-12345678',
};

function contains(html: string, re: RegExp | string): void {
  assert.ok(typeof re === 'string' ? html.includes(re) : re.test(html), `page should contain ${re}`);
}

function lacks(html: string, re: RegExp | string): void {
  assert.ok(typeof re === 'string' ? !html.includes(re) : !re.test(html), `page should not contain ${re}`);
}

/** A signed-in administrator of a department (not of the root organization). */
async function departmentAdmin(rt: TestRuntime): Promise<TestAgent> {
  return staffAgent(rt, 'dept_admin', ['admin'], (await demoOrgs(rt)).named('示例区教育局').id, '部门管理员');
}

for (const dialect of DIALECTS) {
  describe(`site settings (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);

    test('should show the current footer marks in a labelled form', async () => {
      const res = await admin.get('/admin/settings');
      assert.equal(res.status, 200);
      const html = await res.text();
      contains(html, '<label for="f-sponsor">主办单位');
      contains(html, 'value="示例区人民政府办公室"');
      contains(html, 'value="9999000001"');
      contains(html, /name="showPartyGovMark" value="1" checked=""/);
    });

    test('should show the demo site notice on every portal page until the notice is cleared', async () => {
      const visitor = new TestAgent(rt);
      for (const path of ['/', '/search']) {
        contains(await (await visitor.get(path)).text(), /<p class="sitenotice">演示站点：[^<]*虚构/);
      }
      contains(await (await admin.get('/admin/settings')).text(), 'value="演示站点：');
    });

    test('should save the footer and show it on the portal home, without the 党政机关 mark when unchecked', async () => {
      const res = await admin.post('/admin/settings', FOOTER);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/settings?flash=saved');
      contains(await (await admin.get('/admin/settings?flash=saved')).text(), '网站设置已保存');
      const home = await (await new TestAgent(rt).get('/')).text();
      contains(home, '<title>政府信息公开 - 测试区人民政府门户网站</title>');
      contains(home, '主办单位：测试区人民政府办公室　承办单位：测试区政务数据中心');
      contains(home, '网站标识码：1234567890');
      contains(home, '测ICP备12345678号');
      contains(home, '测公网安备 11010502000001号');
      contains(home, '联系我们：0999-12345678');
      lacks(home, 'class="dzjg"');
      lacks(home, 'class="sitenotice"');
      const [entry] = await rt.ctx.repos.audit.list({ action: 'settings.updated' }, { limit: 1 });
      assert.equal(JSON.parse(entry?.afterJson ?? '{}').sponsor, FOOTER.sponsor);
    });

    test('should show the 党政机关 mark again when the box is ticked', async () => {
      assert.equal((await admin.post('/admin/settings', { ...FOOTER, showPartyGovMark: '1' })).status, 303);
      contains(await (await new TestAgent(rt).get('/')).text(), 'class="dzjg"');
    });

    test('should re-render what was typed with field errors and change nothing', async () => {
      const res = await admin.post('/admin/settings', {
        ...FOOTER,
        sponsor: '错误时保留的主办单位',
        siteCode: 'abc',
        showPartyGovMark: '1',
      });
      await refusedPage(res, [
        '网站设置有误，请按提示更正',
        '网站标识码应为10位数字或大写字母',
        'value="abc"',
        'value="错误时保留的主办单位"',
        /aria-invalid="true"[^>]*name="siteCode"|id="f-siteCode" name="siteCode"[^>]*aria-invalid="true"/,
      ]);
      contains(await (await new TestAgent(rt).get('/')).text(), '主办单位：测试区人民政府办公室');
    });

    test('should let only a root admin change the footer (403 for a department admin)', async () => {
      const a = await departmentAdmin(rt);
      const view = await (await a.get('/admin/settings')).text();
      contains(view, '只有根机构（本级人民政府）的管理员可以修改网站设置');
      contains(view, '<fieldset disabled="">');
      const res = await a.post('/admin/settings', { ...FOOTER, sponsor: '越权修改' });
      assert.equal(res.status, 403);
      contains(await res.text(), '没有权限执行此操作');
      lacks(await (await new TestAgent(rt).get('/')).text(), '越权修改');
    });
  });
}

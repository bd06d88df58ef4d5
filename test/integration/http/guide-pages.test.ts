// HTTP: each organization's 政府信息公开指南 and 政府信息公开制度 pages (《条例》第十二条) on both dialects — every
// organization has a complete guide at once, filled from its current data; its admin edits the text in the back
// office (sanitised, dated, audited) and can go back to the default; everyone else is refused and nothing changes;
// the back-office organization list draws the tree as nested lists.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { staffAgent, suiteAdmin } from '../../support/admin.js';
import { beforeSuite } from '../../support/suite.js';
import { updateOrganization } from '../../../src/app/orgs/manage-organizations.js';
import { auditActionLabel } from '../../../src/domain/audit/audit-labels.js';
import type { Organization } from '../../../src/domain/orgs/organization.js';

const OWN_TEXT = '<h2>一、总则</h2><p>本局政府信息公开指南（自行编写）。</p>';

for (const dialect of DIALECTS) {
  describe(`政府信息公开指南 and 制度 pages (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);
    const w = beforeSuite(async () => {
      const orgs = await rt.ctx.repos.orgs.list();
      const byName = (name: string) => orgs.find((o) => o.name === name)!;
      const edu = byName('示例区教育局');
      const fin = byName('示例区财政局');
      return {
        orgs,
        edu,
        fin,
        eduAdmin: await staffAgent(rt, 'guide.admin', ['admin'], edu.id),
        eduEditor: await staffAgent(rt, 'guide.editor', ['editor', 'office_head'], edu.id),
        finAdmin: await staffAgent(rt, 'guide.finadmin', ['admin'], fin.id),
        visitor: new TestAgent(rt),
      };
    });
    const guideOf = (o: Organization) => `/org/${o.creditCode}/guide`;
    const storedAs = async (o: Organization) => rt.ctx.repos.settings.get(`portal.guide.${o.id}`);

    test('should give every organization a complete guide and rules page at once, filled from its data', async () => {
      assert.ok(w.orgs.length >= 5, 'the demo district');
      for (const o of w.orgs) {
        const res = await w.visitor.get(guideOf(o));
        assert.equal(res.status, 200, o.name);
        const html = await res.text();
        for (const part of [
          `<h1>${o.name}政府信息公开指南</h1>`,
          '本页根据本机关登记的机构信息生成',
          `名称：${o.officeName}`,
          `办公地址：${o.officeAddress}`,
          `办公时间：${o.officeHours}`,
          `联系电话：${o.officePhone}`,
          `传真号码：${o.officeFax}`,
          `href="mailto:${o.officeEmail}"`,
          `href="/org/${o.creditCode}/apply">在线申请</a>`,
          `href="/org/${o.creditCode}/statutory">法定主动公开内容</a>`,
          '国办函〔2020〕109号',
          '第三十三条',
          '第五十一条',
        ]) {
          assert.ok(html.includes(part), `${o.name}: ${part}`);
        }
        const rules = await (await w.visitor.get(`/org/${o.creditCode}/rules`)).text();
        for (const h of ['主动公开制度', '依申请公开制度', '保密审查制度', '监督考核制度']) {
          assert.match(rules, new RegExp(`<h2>[一二三四]、${h}</h2>`), `${o.name}: ${h}`);
        }
      }
      assert.equal((await w.visitor.get('/org/11999901MB999999X0/guide')).status, 404);
    });

    test('should link the pages from the home page and each organization page, and keep the old directory urls', async () => {
      const home = await (await w.visitor.get('/')).text();
      const root = w.orgs.find((o) => o.parentId === null)!;
      assert.match(home, new RegExp(`href="/org/${root.creditCode}/guide">政府信息公开指南</a>`));
      assert.match(home, new RegExp(`href="/org/${root.creditCode}/rules">政府信息公开制度</a>`));
      const column = await (await w.visitor.get(`/org/${w.edu.creditCode}`)).text();
      assert.match(column, new RegExp(`href="/org/${w.edu.creditCode}/guide">政府信息公开指南</a>`));
      assert.equal((await w.visitor.get(`/org/${w.edu.creditCode}/statutory`)).status, 200);
    });

    test('should follow a change of the organization data in the default guide', async () => {
      const fin = (await rt.ctx.repos.orgs.byId(w.fin.id))!;
      await updateOrganization(rt.ctx, null, fin.id, { ...fin, officePhone: '0999-12345678' });
      const html = await (await w.visitor.get(guideOf(fin))).text();
      assert.match(html, /联系电话：0999-12345678/);
    });

    test('should refuse the editor to staff who are not an admin of the organization, changing nothing', async () => {
      const eduPage = `/admin/orgs/${w.edu.id}/guide`;
      for (const [who, agent] of [
        ['editor and office head of the organization', w.eduEditor],
        ['admin of another department', w.finAdmin],
      ] as const) {
        assert.equal((await agent.get(eduPage)).status, 403, who);
        assert.equal((await agent.post(eduPage, { intent: 'save', body: OWN_TEXT })).status, 403, who);
        assert.equal(
          (await agent.post(`/admin/orgs/${w.edu.id}/rules`, { intent: 'save', body: OWN_TEXT })).status,
          403,
        );
      }
      const root = w.orgs.find((o) => o.parentId === null)!;
      assert.equal((await w.eduAdmin.get(`/admin/orgs/${root.id}/guide`)).status, 403, 'not upwards');
      assert.equal(await storedAs(w.edu), undefined, 'nothing stored');
      assert.match(await (await w.visitor.get(guideOf(w.edu))).text(), /本页根据本机关登记的机构信息生成/);
    });

    test('should refuse an empty text with a Chinese message, keeping what was typed', async () => {
      const res = await w.eduAdmin.post(`/admin/orgs/${w.edu.id}/guide`, {
        intent: 'save',
        body: '<p>  </p><script>本段会被清除</script>',
      });
      await refusedPage(res, ['内容不能为空', '&lt;p&gt;  &lt;/p&gt;&lt;script&gt;本段会被清除&lt;/script&gt;']);
      assert.equal(await storedAs(w.edu), undefined);
    });

    test('should let the admin edit the guide from the default, sanitised and dated, and go back to the default', async () => {
      const editor = await w.eduAdmin.get(`/admin/orgs/${w.edu.id}/guide`);
      assert.equal(editor.status, 200);
      const form = await editor.text();
      assert.match(form, /本机构尚未编写/);
      assert.match(
        form,
        /<textarea[^>]*name="body"[^>]*>[^<]*&lt;h2&gt;一、主动公开&lt;\/h2&gt;/,
        'starts from the default',
      );

      const saved = await w.eduAdmin.post(`/admin/orgs/${w.edu.id}/guide`, {
        intent: 'save',
        body: `${OWN_TEXT}<script>alert(1)</script><p onclick="x()">点击</p>`,
      });
      assert.equal(saved.status, 303);
      const page = await (await w.visitor.get(guideOf(w.edu))).text();
      const today = rt.ctx.clock.today();
      assert.match(page, /本局政府信息公开指南（自行编写）/);
      assert.match(page, new RegExp(`更新日期：<time datetime="${today}">`));
      assert.doesNotMatch(page, /alert\(1\)|onclick|本页根据本机关登记的机构信息生成/);
      const audit = await rt.ctx.repos.audit.list({ action: 'org.guide_saved' }, { limit: 5 });
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.entityId, w.edu.id);
      assert.equal(auditActionLabel('org.guide_saved'), '修改政府信息公开指南');
      assert.match(await (await w.visitor.get(`/org/${w.edu.creditCode}/rules`)).text(), /保密审查制度/, 'rules apart');

      const reset = await w.eduAdmin.post(`/admin/orgs/${w.edu.id}/guide`, { intent: 'reset', body: '' });
      assert.equal(reset.status, 303);
      assert.match(await (await w.visitor.get(guideOf(w.edu))).text(), /本页根据本机关登记的机构信息生成/);
      assert.equal((await rt.ctx.repos.audit.list({ action: 'org.guide_reset' }, { limit: 5 })).length, 1);
    });

    test('should let an admin above the organization edit its rules page', async () => {
      const res = await admin.post(`/admin/orgs/${w.fin.id}/rules`, {
        intent: 'save',
        body: '<p>财政局制度文本。</p>',
      });
      assert.equal(res.status, 303);
      assert.match(await (await w.visitor.get(`/org/${w.fin.creditCode}/rules`)).text(), /财政局制度文本。/);
      assert.equal((await rt.ctx.repos.audit.list({ action: 'org.rules_saved' }, { limit: 5 })).length, 1);
    });

    test('should draw the organization list as nested lists that open and close', async () => {
      const html = await (await admin.get('/admin/orgs')).text();
      assert.match(html, /<ul class="orgtree">/);
      assert.match(html, /<details open=""><summary>下级机构（\d+个/);
      assert.match(
        html,
        new RegExp(`<li><span class="orgtree-node"><a href="/admin/orgs/${w.edu.id}">示例区教育局</a>`),
      );
      const edit = await (await admin.get(`/admin/orgs/${w.edu.id}`)).text();
      assert.match(edit, new RegExp(`href="/admin/orgs/${w.edu.id}/guide">政府信息公开指南</a>`));
    });
  });
}

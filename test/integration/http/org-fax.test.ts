// HTTP: the disclosure office's fax number (《政府信息公开条例》第十二条: the 政府信息公开指南 says how to reach
// the office) on both dialects — the back-office form saves and shows it, the guide and the online apply page
// show it, and a malformed number is refused with a Chinese message, keeping what was typed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { suiteAdmin } from '../../support/admin.js';
import { makeOrgs, testCreditCode } from '../../factories/orgs.js';
import type { AppError } from '../../../src/app/errors.js';
import { parseOrganizationFields } from '../../../src/app/orgs/organization-input.js';
import { ORG_FIELD_LABELS, type Organization } from '../../../src/domain/orgs/organization.js';

const FAX = '0999-88025678';

/** The organization as the form posts it, with changes. */
const formOf = (o: Organization, over: Record<string, string>): Record<string, string> => ({
  ...Object.fromEntries(
    Object.keys(ORG_FIELD_LABELS).map((k) => [k, String((o as unknown as Record<string, unknown>)[k] ?? '')]),
  ),
  parentId: o.parentId ?? '',
  ...over,
});

test('should accept the fax numbers a 指南 prints and refuse others with a Chinese message', () => {
  const parse = (officeFax: string) =>
    parseOrganizationFields({ kind: 'department', name: '示例区某局', creditCode: testCreditCode(901), officeFax });
  for (const ok of ['', '0999-88025678', '010-12345678-123', '+86 0999 8802567', '88025678', '0999-8802567转123']) {
    assert.equal(parse(` ${ok} `).officeFax, ok);
  }
  for (const bad of ['传真88-12', '0999-88', '13800000000000', 'fax:0999-88025678']) {
    assert.throws(
      () => parse(bad),
      (e: AppError) => /传真号码格式不正确/.test(e.fieldErrors.officeFax ?? ''),
      bad,
    );
  }
});

for (const dialect of DIALECTS) {
  describe(`organization fax number (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);
    const root = async () => (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null)!;

    test('should save the fax from the organization form and show it there', async () => {
      const org = await root();
      const res = await admin.post(`/admin/orgs/${org.id}`, formOf(org, { officeFax: ` ${FAX} ` }));
      assert.equal(res.status, 303);
      assert.equal((await rt.ctx.repos.orgs.byId(org.id))?.officeFax, FAX);
      const page = await (await admin.get(`/admin/orgs/${org.id}`)).text();
      assert.match(page, /政府信息公开工作机构传真/);
      assert.match(page, new RegExp(`name="officeFax"[^>]*value="${FAX}"|value="${FAX}"[^>]*name="officeFax"`));
    });

    test('should show the fax in the 政府信息公开指南 and on the apply page', async () => {
      const org = await root();
      const visitor = new TestAgent(rt);
      const guide = await visitor.get(`/org/${org.creditCode}/guide`);
      assert.equal(guide.status, 200);
      const text = await guide.text();
      assert.match(text, new RegExp(`<li>传真号码：${FAX}</li>`));
      assert.match(text, new RegExp(`<li>传真申请：将申请书传真至${FAX}。</li>`));
      const apply = await visitor.get(`/org/${org.creditCode}/apply`);
      assert.equal(apply.status, 200);
      assert.match(await apply.text(), new RegExp(`<dt>传真</dt>\\s*<dd>${FAX}</dd>`));
    });

    test('should leave the fax out of the pages of an organization without one', async () => {
      const { 示例区无传真局: dept } = await makeOrgs(rt, await root(), [{ name: '示例区无传真局' }]);
      assert.equal(dept?.officeFax, '');
      const html = await (await new TestAgent(rt).get(`/org/${dept!.creditCode}/apply`)).text();
      assert.match(html, /政府信息公开工作机构/);
      assert.doesNotMatch(html, /<dt>传真<\/dt>/);
      const guide = await (await new TestAgent(rt).get(`/org/${dept!.creditCode}/guide`)).text();
      assert.match(guide, /<h2>三、政府信息公开工作机构<\/h2>/);
      assert.doesNotMatch(guide, /传真号码|传真申请/);
    });

    test('should refuse a malformed fax with a Chinese message and keep the input', async () => {
      const org = await root();
      const res = await admin.post(`/admin/orgs/${org.id}`, formOf(org, { officeFax: '传真88-12' }));
      await refusedPage(res, [/传真号码格式不正确/, /value="传真88-12"/]);
      assert.equal((await rt.ctx.repos.orgs.byId(org.id))?.officeFax, FAX, 'the stored number is unchanged');
    });
  });
}

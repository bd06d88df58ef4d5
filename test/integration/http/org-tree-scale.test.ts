// HTTP: a district of 70 organizations on both dialects — the back-office list draws every one in the nested tree
// (the root's units shown, deeper levels closed), and the account form still assigns roles by picking one
// organization and then its roles: one select of organizations and one row of role boxes, whatever their number.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { suiteAdmin } from '../../support/admin.js';
import { demoOrgs, makeOrgs, type OrgSpec } from '../../factories/orgs.js';
import { ROLES } from '../../../src/domain/users/roles.js';

/** 60 departments; every tenth has two lower units. */
const SPECS: OrgSpec[] = Array.from({ length: 60 }, (_, i) => ({
  name: `示例区第${i + 1}局`,
  children:
    i % 10 === 9
      ? [
          { name: `示例区第${i + 1}局甲所`, kind: 'other' },
          { name: `示例区第${i + 1}局乙所`, kind: 'other' },
        ]
      : [],
}));

for (const dialect of DIALECTS) {
  describe(`a large organization tree (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);

    test('should draw every organization in the tree and assign roles at the sixtieth by picking it', async () => {
      const { root } = await demoOrgs(rt);
      const made = await makeOrgs(rt, root, SPECS);
      const total = (await rt.ctx.repos.orgs.list()).length;
      assert.ok(total >= 70, `${total} organizations`);

      const tree = await (await admin.get('/admin/orgs')).text();
      assert.equal([...tree.matchAll(/<span class="orgtree-node">/g)].length, total, 'every organization drawn');
      assert.match(tree, new RegExp(`<summary>下级机构（${total - 1 - 12}个，共${total - 1}个）</summary>`));
      const sixtieth = made['示例区第60局']!;
      assert.match(
        tree,
        new RegExp(`${sixtieth.name}</a>[^]*?<details><summary>下级机构（2个）</summary><ul><li>[^]*?甲所`),
        'a deeper level starts closed',
      );

      const form = await (await admin.get('/admin/users/new')).text();
      assert.equal([...form.matchAll(/<select id="f-grantOrg"/g)].length, 1, 'one organization picker');
      assert.match(form, new RegExp(`<option value="${sixtieth.id}">`));
      assert.equal([...form.matchAll(/name="grantRoles"/g)].length, ROLES.length, 'the roles once');
      const res = await admin.post('/admin/users/new', {
        username: 'zhao.sixty',
        displayName: '赵六十',
        orgId: sixtieth.id,
        password: 'Lanse-Hudie-47-Qiao',
        confirm: 'Lanse-Hudie-47-Qiao',
        grantOrg: sixtieth.id,
        grantRoles: ['editor', 'reviewer'],
      });
      assert.equal(res.status, 303);
      const user = await rt.ctx.repos.users.byUsername('zhao.sixty');
      assert.deepEqual(
        (user?.roles ?? []).map((g) => `${g.orgId === sixtieth.id ? '第60局' : g.orgId}|${g.role}`).sort(),
        ['第60局|editor', '第60局|reviewer'],
      );
    });
  });
}

// The test factories reach what they promise through the real use cases, on both dialects: staff with
// their roles at the organization asked for, organization subtrees, applications and publications in
// every state they offer; a staff account signed in over HTTP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { beforeSuite } from '../../support/suite.js';
import { demoOrgs, makeOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import { staffAgent } from '../../support/admin.js';
import { caseStaff, makeApplication } from '../../factories/applications.js';
import { makePublication, moveAlongChain, publishingStaff } from '../../factories/publications.js';
import type { PublicationTarget } from '../../factories/publications.js';
import { APPLICATION_STATES } from '../../../src/domain/applications/application.js';

for (const dialect of DIALECTS) {
  describe(`test factories (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    const cases = beforeSuite(() => caseStaff(rt));
    const pubs = beforeSuite(() => publishingStaff(rt));

    test('should give an account its roles at the organization asked for', async () => {
      const edu = (await demoOrgs(rt)).named('示例区教育局');
      const a = await makeStaff(rt, 'edu.editor', ['editor', 'reviewer'], edu.id);
      assert.equal(a.homeOrgId, edu.id);
      assert.deepEqual(
        a.roles.map((g) => [g.orgId, g.role]).sort(),
        [
          [edu.id, 'editor'],
          [edu.id, 'reviewer'],
        ].sort(),
      );
      assert.equal((await rt.ctx.repos.users.byUsername('edu.editor'))?.orgId, edu.id);
    });

    test('should sign a new staff account in to the back office', async () => {
      const agent = await staffAgent(rt, 'agent.handler', ['handler']);
      assert.equal((await agent.get('/admin')).status, 200);
    });

    test('should create an organization subtree under its parent', async () => {
      const { root } = await demoOrgs(rt);
      const made = await makeOrgs(rt, root, [
        { name: '示例区卫生健康局', children: [{ name: '示例区疾病预防控制中心', kind: 'other' }] },
      ]);
      const after = await demoOrgs(rt);
      assert.equal(after.named('示例区卫生健康局').parentId, root.id);
      assert.equal(after.named('示例区疾病预防控制中心').parentId, made['示例区卫生健康局']?.id);
      assert.equal(after.named('示例区疾病预防控制中心').kind, 'other');
    });

    for (const state of APPLICATION_STATES) {
      test(`should bring an application to ${state}`, async () => {
        const { id, trackingCode } = await makeApplication(rt, { state, staff: cases });
        const stored = await rt.ctx.repos.applications.byId(id);
        assert.equal(stored?.state, state);
        assert.equal(stored?.trackingCode, trackingCode);
      });
    }

    for (const state of ['draft', 'submitted', 'in_review', 'signed_off', 'published', 'withdrawn'] as const) {
      test(`should bring a publication to ${state}`, async () => {
        const { id } = await makePublication(rt, pubs, { state });
        assert.equal((await rt.ctx.repos.publications.byId(id))?.state, state);
      });
    }

    test('should move an item on from the state it is in', async () => {
      const { id } = await makePublication(rt, pubs, { state: 'submitted' });
      const steps: PublicationTarget[] = ['in_review', 'signed_off', 'published'];
      for (const to of steps) {
        await moveAlongChain(rt, pubs, id, to);
        assert.equal((await rt.ctx.repos.publications.byId(id))?.state, to);
      }
    });
  });
}

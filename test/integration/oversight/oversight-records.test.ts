// 社会评议 and 责任追究 records through their use cases on both dialects: create, list by year/kind/subtree, edit,
// delete, each audited; bad input refused in Chinese; reading and writing denied outside the policy.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import { refusedWith as refused } from '../../support/app-errors.js';
import {
  createOversight,
  deleteOversight,
  oversightPage,
  oversightRegister,
  updateOversight,
  type OversightInput,
} from '../../../src/app/oversight/manage-oversight.js';
import type { Actor } from '../../../src/domain/policies/actor.js';

for (const dialect of DIALECTS) {
  describe(`oversight records (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const org = { root: '', edu: '', fin: '' };
    const who = {} as Record<'supervisor' | 'eduAdmin' | 'finHandler' | 'eduEditor', Actor>;
    const form = (over: Partial<OversightInput> = {}): OversightInput => ({
      orgId: org.root,
      kind: 'social_review',
      occurredOn: '2025-05-20',
      unit: '示例区教育局',
      subject: '政务公开满意度测评',
      result: '满意率96%',
      ...over,
    });
    const audited = async (entityId: string) =>
      (await rt.ctx.repos.audit.list({ entityType: 'oversight_record', entityId }, { limit: 20 })).map((e) => e.action);

    before(async () => {
      const orgs = await demoOrgs(rt);
      Object.assign(org, {
        root: orgs.root.id,
        edu: orgs.named('示例区教育局').id,
        fin: orgs.named('示例区财政局').id,
      });
      who.supervisor = await makeStaff(rt, 'sup', ['supervisor'], org.root);
      who.eduAdmin = await makeStaff(rt, 'edu_admin', ['admin'], org.edu);
      who.finHandler = await makeStaff(rt, 'fin_handler', ['handler'], org.fin);
      who.eduEditor = await makeStaff(rt, 'edu_editor', ['editor'], org.edu);
    });

    test('should create, edit and delete a record, each audited', async () => {
      const r = await createOversight(rt.ctx, who.supervisor, form());
      const page = await oversightPage(rt.ctx, who.supervisor, r.id);
      assert.equal(page.record.result, '满意率96%');
      assert.equal(page.orgName, '示例区人民政府');
      const edited = await updateOversight(rt.ctx, who.supervisor, r.id, form({ result: '满意率97%' }));
      assert.equal(edited.result, '满意率97%');
      assert.equal((await oversightPage(rt.ctx, who.supervisor, r.id)).record.result, '满意率97%');
      await deleteOversight(rt.ctx, who.supervisor, r.id);
      await refused(oversightPage(rt.ctx, who.supervisor, r.id), 'not_found');
      assert.deepEqual((await audited(r.id)).sort(), ['oversight.created', 'oversight.deleted', 'oversight.updated']);
    });

    test('should refuse bad input with Chinese messages', async () => {
      const errors = await refused(
        createOversight(rt.ctx, who.supervisor, form({ kind: 'praise', occurredOn: '', unit: '', result: '' })),
        'invalid',
      );
      assert.deepEqual(errors, {
        kind: '请选择类别（社会评议或责任追究）',
        occurredOn: '请填写日期',
        unit: '请填写涉及单位',
        result: '请填写结果',
      });
      const noOrg = await refused(createOversight(rt.ctx, who.supervisor, form({ orgId: '' })), 'invalid');
      assert.equal(noOrg.orgId, '请选择记录机构');
    });

    test('should list by year, kind and subtree', async () => {
      await createOversight(rt.ctx, who.supervisor, form());
      await createOversight(rt.ctx, who.supervisor, form({ kind: 'accountability', occurredOn: '2024-09-03' }));
      const edu = await createOversight(rt.ctx, who.eduAdmin, form({ orgId: org.edu, kind: 'accountability' }));
      const all = await oversightRegister(rt.ctx, who.supervisor, {});
      assert.equal(all.records.length, 3);
      assert.equal((await oversightRegister(rt.ctx, who.supervisor, { year: 2025 })).records.length, 2);
      const acc = await oversightRegister(rt.ctx, who.supervisor, { year: 2025, kind: 'accountability' });
      assert.deepEqual(
        acc.records.map((r) => r.id),
        [edu.id],
      );
      const sub = await oversightRegister(rt.ctx, who.supervisor, { orgId: org.edu });
      assert.deepEqual(
        sub.records.map((r) => r.id),
        [edu.id],
      );
    });

    test('should deny reading and writing outside the policy', async () => {
      const edu = (await oversightRegister(rt.ctx, who.eduAdmin, { orgId: org.edu })).records[0];
      assert.ok(edu);
      await refused(oversightPage(rt.ctx, who.finHandler, edu.id), 'not_found');
      assert.ok(
        (await oversightRegister(rt.ctx, who.finHandler, {})).records.every((r) => r.orgId === org.root),
        'the finance bureau reads only its government’s records',
      );
      const rootRecord = (await oversightRegister(rt.ctx, who.supervisor, {})).records.find(
        (r) => r.orgId === org.root,
      );
      assert.ok(rootRecord);
      assert.equal((await oversightPage(rt.ctx, who.eduEditor, rootRecord.id)).can.write, false);
      await refused(updateOversight(rt.ctx, who.eduEditor, rootRecord.id, form()), 'forbidden');
      await refused(deleteOversight(rt.ctx, who.eduAdmin, rootRecord.id), 'forbidden');
      await refused(createOversight(rt.ctx, who.eduEditor, form({ orgId: org.edu })), 'forbidden');
      await refused(createOversight(rt.ctx, who.eduAdmin, form({ orgId: org.root })), 'forbidden');
    });
  });
}

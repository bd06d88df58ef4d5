// Training records (培训) through their use cases on both dialects: create with participants (head counts and
// accounts) and a material, list by year and organization subtree with totals, edit, materials (type refused,
// download, removal), delete; every change audited; reading and writing denied outside the policy.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import { refusedWith as refused } from '../../support/app-errors.js';
import {
  createTraining,
  deleteTraining,
  removeTrainingMaterial,
  trainingMaterial,
  trainingPage,
  trainingRegister,
  updateTraining,
  type TrainingInput,
} from '../../../src/app/training/manage-training.js';
import type { Actor } from '../../../src/domain/policies/actor.js';

const PDF = new TextEncoder().encode('%PDF-1.4 training slides');

for (const dialect of DIALECTS) {
  describe(`training records (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const org = { root: '', edu: '', fin: '' };
    const who = {} as Record<'supervisor' | 'eduHandler' | 'finHandler' | 'eduAdmin', Actor>;

    const form = (over: Partial<TrainingInput> = {}): TrainingInput => ({
      orgId: org.root,
      heldOn: '2025-04-10',
      title: '重点领域信息公开培训',
      organizer: '区政务公开办',
      kind: 'centralized',
      notes: '',
      participants: [
        { orgId: org.edu, headcount: '12', accounts: 'edu_handler' },
        { orgId: org.fin, headcount: '8', accounts: '' },
      ],
      ...over,
    });

    const audited = async (entityId: string) =>
      (await rt.ctx.repos.audit.list({ entityType: 'training_session', entityId }, { limit: 20 })).map((e) => e.action);

    before(async () => {
      const orgs = await demoOrgs(rt);
      Object.assign(org, {
        root: orgs.root.id,
        edu: orgs.named('示例区教育局').id,
        fin: orgs.named('示例区财政局').id,
      });
      who.supervisor = await makeStaff(rt, 'district_sup', ['supervisor'], org.root);
      who.eduHandler = await makeStaff(rt, 'edu_handler', ['handler'], org.edu);
      who.finHandler = await makeStaff(rt, 'fin_handler', ['handler'], org.fin);
      who.eduAdmin = await makeStaff(rt, 'edu_admin', ['admin'], org.edu);
    });

    test('should record a session with participants, accounts and a material, and audit it', async () => {
      const created = await createTraining(
        rt.ctx,
        who.supervisor,
        form({ materials: [{ name: '课件.pdf', mime: 'application/pdf', content: PDF }] }),
      );
      const page = await trainingPage(rt.ctx, who.supervisor, created.id);
      assert.equal(page.session.title, '重点领域信息公开培训');
      assert.deepEqual(
        page.session.participants.map((p) => [p.orgId, p.headcount, p.userIds.map((u) => page.usernames[u])]),
        [
          [org.edu, 12, ['edu_handler']],
          [org.fin, 8, []],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      assert.deepEqual(
        page.session.materials.map((m) => [m.sort, m.name, m.mime, m.size]),
        [[0, '课件.pdf', 'application/pdf', PDF.byteLength]],
      );
      const file = await trainingMaterial(rt.ctx, who.eduHandler, created.id, 0);
      assert.deepEqual([...file.bytes], [...PDF], 'a reader in the subtree downloads the material');
      assert.deepEqual(await audited(created.id), ['training.created']);
      assert.equal(page.can.write, true);
    });

    test('should refuse bad input with Chinese messages for every field at once', async () => {
      const errors = await refused(
        createTraining(
          rt.ctx,
          who.supervisor,
          form({
            heldOn: '2025-02-30',
            title: '',
            kind: 'lecture',
            participants: [{ orgId: org.edu, headcount: '0', accounts: 'nobody' }],
            materials: [{ name: 'a.exe', mime: 'application/octet-stream', content: new Uint8Array([1, 2]) }],
          }),
        ),
        'invalid',
      );
      assert.equal(errors.heldOn, '日期应为 YYYY-MM-DD 格式的真实日期');
      assert.equal(errors.title, '请填写培训名称');
      assert.match(errors.kind ?? '', /请选择培训形式/);
      assert.match(errors.participants ?? '', /参训人数应为1至/);
      assert.match(errors.participants ?? '', /nobody/);
      assert.match(errors.materials ?? '', /类型不支持/);
      const none = await refused(createTraining(rt.ctx, who.supervisor, form({ participants: [] })), 'invalid');
      assert.equal(none.participants, '请至少填写一个参训单位及其人数');
      const future = await refused(createTraining(rt.ctx, who.supervisor, form({ heldOn: '2025-12-01' })), 'invalid');
      assert.match(future.heldOn ?? '', /不能晚于今天/);
      const account = await refused(
        createTraining(
          rt.ctx,
          who.supervisor,
          form({ participants: [{ orgId: org.fin, headcount: '2', accounts: 'edu_handler' }] }),
        ),
        'invalid',
      );
      assert.match(account.participants ?? '', /edu_handler（示例区财政局）/, 'an account of another unit');
    });

    test('should list by year and subtree with totals (sessions, 人次)', async () => {
      const edu = await createTraining(
        rt.ctx,
        who.eduAdmin,
        form({
          orgId: org.edu,
          heldOn: '2025-06-01',
          kind: 'thematic',
          participants: [{ orgId: org.edu, headcount: '30', accounts: '' }],
        }),
      );
      await createTraining(rt.ctx, who.supervisor, form({ heldOn: '2024-11-20', kind: 'guidance' }));
      const year = await trainingRegister(rt.ctx, who.supervisor, { year: 2025 });
      assert.equal(year.totals.sessions, 2);
      assert.equal(year.totals.participants, 20 + 30);
      assert.deepEqual(year.totals.byKind, { centralized: 1, thematic: 1, guidance: 0 });
      assert.equal((await trainingRegister(rt.ctx, who.supervisor, {})).totals.sessions, 3);
      const subtree = await trainingRegister(rt.ctx, who.supervisor, { year: 2025, orgId: org.edu });
      assert.deepEqual(
        subtree.sessions.map((s) => s.id),
        [edu.id],
      );
      const fin = await trainingRegister(rt.ctx, who.finHandler, { year: 2025 });
      assert.deepEqual(
        fin.sessions.map((s) => s.orgId),
        [org.root],
        "the finance bureau reads its government's sessions, not the education bureau's",
      );
      assert.equal(fin.can.create, false);
    });

    test('should deny reading and writing outside the policy', async () => {
      const edu = (await trainingRegister(rt.ctx, who.eduAdmin, { orgId: org.edu })).sessions[0];
      assert.ok(edu);
      await refused(trainingPage(rt.ctx, who.finHandler, edu.id), 'not_found');
      await refused(trainingMaterial(rt.ctx, who.finHandler, edu.id, 0), 'not_found');
      const rootSession = (await trainingRegister(rt.ctx, who.supervisor, { year: 2025 })).sessions.find(
        (x) => x.orgId === org.root,
      );
      assert.ok(rootSession);
      assert.equal((await trainingPage(rt.ctx, who.eduHandler, rootSession.id)).can.write, false);
      await refused(updateTraining(rt.ctx, who.eduHandler, rootSession.id, form()), 'forbidden');
      await refused(updateTraining(rt.ctx, who.eduAdmin, rootSession.id, form()), 'forbidden');
      await refused(deleteTraining(rt.ctx, who.eduHandler, rootSession.id), 'forbidden');
      await refused(createTraining(rt.ctx, who.eduAdmin, form({ orgId: org.root })), 'forbidden');
      await refused(createTraining(rt.ctx, who.finHandler, form({ orgId: org.fin })), 'forbidden');
    });

    test('should edit fields and participants, add and remove materials, and delete, each audited', async () => {
      const s = await createTraining(rt.ctx, who.supervisor, form({ heldOn: '2025-03-03' }));
      const edited = await updateTraining(
        rt.ctx,
        who.supervisor,
        s.id,
        form({
          title: '政府信息公开业务指导',
          kind: 'guidance',
          participants: [{ orgId: org.fin, headcount: '5', accounts: 'fin_handler' }],
          materials: [
            { name: '讲义.pdf', mime: 'application/pdf', content: PDF },
            { name: '名单.pdf', mime: 'application/pdf', content: PDF },
          ],
        }),
      );
      assert.equal(edited.title, '政府信息公开业务指导');
      assert.deepEqual(
        edited.participants.map((p) => [p.orgId, p.headcount]),
        [[org.fin, 5]],
      );
      assert.deepEqual(
        edited.materials.map((m) => [m.sort, m.name]),
        [
          [1, '讲义.pdf'],
          [2, '名单.pdf'],
        ],
      );
      await removeTrainingMaterial(rt.ctx, who.supervisor, s.id, 1);
      assert.deepEqual(
        (await trainingPage(rt.ctx, who.supervisor, s.id)).session.materials.map((m) => m.name),
        ['名单.pdf'],
      );
      await refused(removeTrainingMaterial(rt.ctx, who.supervisor, s.id, 1), 'not_found');
      await deleteTraining(rt.ctx, who.supervisor, s.id);
      await refused(trainingPage(rt.ctx, who.supervisor, s.id), 'not_found');
      assert.deepEqual((await audited(s.id)).sort(), [
        'training.created',
        'training.deleted',
        'training.material_removed',
        'training.updated',
      ]);
    });
  });
}

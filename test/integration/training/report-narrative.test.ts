// The annual report's narrative as assembled from the records, on both dialects: a government's draft for a year
// with website checks, 提醒函, training, 社会评议 and 责任追究 cites their counts (section 一 平台建设 and 监督保障,
// section 五 for a government, 《条例》第五十条第四项); a department counts only its own; another year keeps the
// placeholders.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs, type Orgs } from '../../factories/orgs.js';
import { computeDraft } from '../../../src/app/reports/report-compute.js';
import { createTraining } from '../../../src/app/training/manage-training.js';
import { createOversight } from '../../../src/app/oversight/manage-oversight.js';
import { localDate } from '../../../src/domain/core/local-date.js';

for (const dialect of DIALECTS) {
  describe(`narrative from the supervision records (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    let orgs: Orgs;

    before(async () => {
      orgs = await demoOrgs(rt);
      const [root, edu, fin] = [orgs.root.id, orgs.named('示例区教育局').id, orgs.named('示例区财政局').id];
      const at = '2025-03-01T02:00:00.000Z';
      const m = rt.ctx.repos.monitoring;
      for (const [id, orgId] of [
        ['site-gov', root],
        ['site-edu', edu],
      ] as const) {
        await m.insertSite({
          id,
          name: `网站${id}`,
          homeUrl: `https://${id}.example.invalid/`,
          siteCode: '',
          orgId,
          kind: 'department',
          ownPortal: false,
          createdAt: at,
          updatedAt: at,
        });
      }
      // Three runs: two in 2025 (each checking both sites), one in 2024 (not counted).
      for (const [id, finishedAt] of [
        ['run-1', '2025-03-02T03:00:00.000Z'],
        ['run-2', '2025-08-02T03:00:00.000Z'],
        ['run-0', '2024-12-02T03:00:00.000Z'],
      ] as const) {
        await m.insertRun({
          id,
          siteId: null,
          state: 'completed',
          asOf: localDate(finishedAt.slice(0, 10)),
          cancelRequested: false,
          requestedBy: null,
          requestedLabel: 'system',
          sitesTotal: 2,
          sitesDone: 2,
          pages: 0,
          links: 0,
          findings: 0,
          error: null,
          createdAt: finishedAt,
          startedAt: finishedAt,
          finishedAt,
        });
        for (const siteId of ['site-gov', 'site-edu']) {
          await m.insertRunSite({
            runId: id,
            siteId,
            verdict: '合格',
            score: 95,
            vetoes: [],
            findings: 0,
            pages: 1,
            links: 1,
            finishedAt,
          });
        }
      }
      for (const [id, orgId, createdAt] of [
        ['letter-1', edu, '2025-03-05T03:00:00.000Z'],
        ['letter-2', fin, '2025-08-05T03:00:00.000Z'],
        ['letter-0', edu, '2024-12-05T03:00:00.000Z'],
      ] as const) {
        await m.insertLetter({
          id,
          orgId,
          docNo: id,
          deadlineOn: localDate('2025-12-31'),
          state: 'sent',
          recipientEmail: null,
          createdBy: null,
          createdAt,
          sentAt: createdAt,
          deliveredAt: null,
          closedAt: null,
        });
      }
      const training = (orgId: string, heldOn: string, kind: string, rows: [string, string][]) =>
        createTraining(rt.ctx, null, {
          orgId,
          heldOn,
          title: '政府信息公开培训',
          organizer: '区政务公开办',
          kind,
          participants: rows.map(([o, headcount]) => ({ orgId: o, headcount, accounts: '' })),
        });
      await training(root, '2025-04-01', 'centralized', [
        [edu, '40'],
        [fin, '35'],
      ]);
      await training(root, '2025-06-01', 'thematic', [[edu, '25']]);
      await training(edu, '2025-07-01', 'guidance', [[edu, '20']]);
      await training(root, '2024-05-01', 'centralized', [[fin, '99']]);
      await createOversight(rt.ctx, null, {
        orgId: root,
        kind: 'social_review',
        occurredOn: '2025-05-20',
        unit: '示例区教育局',
        subject: '政务公开满意度测评',
        result: '满意率96%',
      });
      await createOversight(rt.ctx, null, {
        orgId: root,
        kind: 'accountability',
        occurredOn: '2025-09-03',
        unit: '示例区财政局',
        subject: '逾期答复政府信息公开申请',
        result: '通报批评',
      });
    });

    test("a government's draft cites its subtree's checks, letters, training and oversight records", async () => {
      const { drafted } = await computeDraft(rt.ctx.repos, orgs.root, 2025, undefined);
      assert.match(
        drafted.overview,
        /（四）政府信息公开平台建设情况\n纳入常态化监测的政府网站2个；全年共开展政务网站检测4次，发布提醒函2份。\n/,
      );
      assert.match(
        drafted.overview,
        /（五）监督保障情况\n组织政府信息公开培训3次（集中培训1次、专题培训1次、业务指导1次），参训人员120人次；开展社会评议1次；对政府信息公开工作中的问题进行责任追究1件。$/,
      );
      assert.match(
        drafted.problems,
        /考核、社会评议和责任追究结果情况：2025年5月20日，对示例区教育局开展社会评议（政务公开满意度测评），评议结果：满意率96%；2025年9月3日，就逾期答复政府信息公开申请对示例区财政局进行责任追究，处理结果：通报批评。$/,
      );
    });

    test('a department counts its own records and the training it attended', async () => {
      const { drafted } = await computeDraft(rt.ctx.repos, orgs.named('示例区教育局'), 2025, undefined);
      assert.match(drafted.overview, /纳入常态化监测的政府网站1个；全年共开展政务网站检测2次，收到提醒函1份。/);
      assert.match(
        drafted.overview,
        /组织政府信息公开培训1次，参训人员20人次；参加上级组织的政府信息公开培训2次，参训人员65人次。$/,
      );
      assert.ok(!drafted.problems.includes('责任追究结果'));
    });

    test('a year without records keeps the placeholders', async () => {
      const { drafted } = await computeDraft(rt.ctx.repos, orgs.root, 2023, undefined);
      assert.match(drafted.overview, /（四）政府信息公开平台建设情况\n【请补充：/);
      assert.match(drafted.overview, /（五）监督保障情况\n【请补充：工作考核、社会评议、培训和责任追究等情况】$/);
      assert.match(drafted.problems, /考核、社会评议和责任追究结果情况：【请补充：/);
    });
  });
}

// The 通报 of a check round on both dialects: from a recorded run with a failing and a passing site and the
// 政务新媒体 accounts (one failing, one passing, one cancelled), draftCircular makes an ordinary publication draft of
// the organization running the check under 监督检查, with the counts, pass rates, failing names, problems and
// deadlines, every hostile name escaped; the review chain takes it like any other draft; the policy denies others.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { MonitorFinding } from '../../../src/domain/monitoring/finding.js';
import type { MonitoredSite } from '../../../src/domain/monitoring-registry/registry.js';
import type { SiteChecker, SiteCheckResult } from '../../../src/app/monitoring/ports.js';
import { saveSite } from '../../../src/app/monitoring/registry.js';
import { executeRun, requestRun } from '../../../src/app/monitoring/runs.js';
import { draftCircular } from '../../../src/app/monitoring/circular.js';
import { addPost, createAccount, recordAccountEvent } from '../../../src/app/media/manage-accounts.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { AppError } from '../../../src/app/errors.js';

const HOSTILE = '<script>alert(1)</script>教育网';
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const HOME_STALE: MonitorFinding = {
  rule: 'home_stale',
  severity: 'veto',
  message: '首页超过14天未更新',
  evidence: {},
};

/** A checker failing the site whose name is hostile (首页不更新), passing the others. */
const checker: SiteChecker = {
  async check(site: MonitoredSite): Promise<SiteCheckResult> {
    const bad = site.name === HOSTILE;
    return {
      findings: bad ? [HOME_STALE] : [],
      summary: { verdict: bad ? '不合格' : '合格', score: bad ? 90 : 98, vetoes: bad ? ['home_stale'] : [] },
      pages: 5,
      links: 9,
    };
  },
};

for (const dialect of DIALECTS) {
  describe(`通报 of a check round (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2026-12-07T02:00:00Z' });
    const who = {} as Record<'admin' | 'eduStaff' | 'reviewer', Actor>;
    let [rootId, runId, draftId] = ['', '', ''];

    before(async () => {
      const orgs = await demoOrgs(rt);
      rootId = orgs.root.id;
      const eduId = orgs.named('示例区教育局').id;
      who.admin = await makeStaff(rt, 'circ.admin', ['admin', 'editor'], rootId);
      who.eduStaff = await makeStaff(rt, 'circ.edu', ['editor'], eduId);
      who.reviewer = await makeStaff(rt, 'circ.r1', ['reviewer'], rootId);
      const site = (name: string, host: string, orgId: string) =>
        saveSite(rt.ctx, who.admin, {
          name,
          homeUrl: `http://${host}/`,
          siteCode: '',
          orgId,
          kind: 'department',
          columns: [{ name: '工作动态', url: `http://${host}/news/`, kind: 'news', intervalDays: '' }],
        });
      await site(HOSTILE, 'edu.example.test', eduId);
      await site('示例区财政局网站', 'fin.example.test', orgs.named('示例区财政局').id);
      const account = (name: string, filingNo: string) =>
        createAccount(rt.ctx, null, {
          platform: 'weibo',
          name,
          verifiedName: name,
          orgId: eduId,
          filingNo,
          interaction: '1',
          openedOn: '2025-01-05',
        });
      await account('<img src=x onerror=alert(2)>教育微博', '');
      const fresh = await account('示例区教育发布', 'BA-0002');
      await addPost(rt.ctx, null, fresh, { postedAt: '2026-12-01 09:00', title: '通知', url: '' });
      const gone = await account('已注销账号', 'BA-0003');
      await recordAccountEvent(rt.ctx, null, gone, {
        kind: 'cancelled',
        on: '2026-06-01',
        announcement: '本账号已注销。',
      });
      const run = await requestRun(rt.ctx, who.admin, { all: true, asOf: '2026-12-07' });
      runId = (await executeRun(rt.ctx, checker, run.id)).id;
    });

    test('should draft the circular under 监督检查 of the checking organization, with counts and names', async () => {
      const made = await draftCircular(rt.ctx, who.admin, { runId });
      draftId = made.id;
      const pub = await rt.ctx.repos.publications.byId(made.id);
      assert.ok(pub);
      assert.equal(pub.state, 'draft');
      assert.equal(pub.orgId, rootId);
      assert.equal(pub.title, '关于2026年第四季度政府网站与政务新媒体检查情况的通报');
      const cat = (await rt.ctx.repos.categories.list(rootId)).find((c) => c.id === pub.categoryId);
      assert.equal(cat?.name, '监督检查');
      const body = pub.bodyHtml;
      assert.match(body, /共检查政府网站2个，合格1个，不合格1个，合格率50%/);
      assert.match(body, /检查政务新媒体2个，合格1个，不合格1个，合格率50%/);
      assert.match(body, /2026年12月7日为检查时点/);
      assert.match(body, /首页不更新/);
      assert.match(body, /未备案/);
      assert.match(body, /政务新媒体（微博）/);
      assert.match(body, /示例区教育局/);
      assert.match(body, /国办秘函〔2019〕19号/);
      assert.doesNotMatch(body, /示例区财政局网站|示例区教育发布|已注销账号/);
      const task = (await rt.ctx.repos.monitoring.tasks({ states: ['open'] }))[0];
      assert.ok(task);
      const [y, m, d] = task.dueOn.split('-').map(Number);
      assert.ok(body.includes(`${y}年${m}月${d}日`), 'the site task deadline is named');
    });

    test('should escape hostile site and account names', async () => {
      const body = (await rt.ctx.repos.publications.byId(draftId))?.bodyHtml ?? '';
      assert.doesNotMatch(body, /<script|<img/i);
      assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;教育网'));
      assert.ok(body.includes('&lt;img src=x onerror=alert(2)&gt;教育微博'));
    });

    test('should be an ordinary draft the review chain takes', async () => {
      const submitted = await actOnPublication(rt.ctx, who.admin, draftId, 'submit');
      assert.equal(submitted.state, 'submitted');
      assert.equal(submitted.reviewLevel, 1);
      const approved = await actOnPublication(rt.ctx, who.reviewer, draftId, 'approve');
      assert.notEqual(approved.state, 'draft');
    });

    test('should find the run by quarter, and refuse other quarters, bad periods and unit staff', async () => {
      const byPeriod = await draftCircular(rt.ctx, who.admin, { period: '2026-Q4' });
      assert.notEqual(byPeriod.id, draftId);
      assert.equal(code(await draftCircular(rt.ctx, who.admin, { period: '2026-Q3' }).catch((e) => e)), 'not_found');
      assert.equal(code(await draftCircular(rt.ctx, who.admin, { period: '2026-13' }).catch((e) => e)), 'invalid');
      assert.equal(code(await draftCircular(rt.ctx, who.eduStaff, { runId }).catch((e) => e)), 'not_found');
    });
  });
}

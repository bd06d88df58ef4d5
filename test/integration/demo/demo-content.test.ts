// The demo district's content as the first start makes it (GONGKAI_DEMO_DATA=1): the portal's home page lists the
// latest items, every demo organization has items in each category of 政府信息公开制度 and 法定主动公开内容 and its
// published report of last year, each 行政规范性文件 its 政策解读, search finds the budgets, the standard catalogue
// has rows in two key areas, applications are in several states, and a second start adds nothing; an interrupted
// making leaves nothing and stays pending. Both dialects, on two office days (mid-March, and 6 January when last
// year's reports are published the same day); two servers starting together on PostgreSQL make it once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { bootstrap } from '../../../src/app/bootstrap.js';
import { calendarSeed, openRuntime, type Runtime } from '../../../src/main.js';
import { runtimeSettings } from '../../support/db-template.js';
import { DEMO_CONTENT_KEY, markDemoContentPending, seedDemoContent } from '../../../src/app/demo/demo-content.js';
import { demoCategories } from '../../../src/app/demo/demo-publications.js';
import { DEMO_NOTE } from '../../../src/app/demo/demo-texts.js';
import { listCatalogue } from '../../../src/app/standard-catalogue/manage-catalogue.js';
import { verifyAuditChain } from '../../../src/app/audit/verify-audit.js';
import type { Repos } from '../../../src/app/context.js';
import { adminAgent } from '../../support/admin.js';
import { checkAccounts } from '../../../src/app/media/check-accounts.js';
import { DEMO_DEPARTMENT_SITE, DEMO_MEDIA, DEMO_PORTAL_ORIGIN } from '../../../src/app/demo/demo-monitoring.js';

/** The office day each dialect's demo is made on. */
const DAYS = { sqlite: '2026-03-16T02:00:00Z', postgres: '2026-01-06T02:00:00Z' } as const;

for (const dialect of DIALECTS) {
  describe(`the demo district's content (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let agent: TestAgent;
    const lastYear = Number(DAYS[dialect].slice(0, 4)) - 1;

    before(async () => {
      rt = await openTestRuntime(dialect, { start: DAYS[dialect], content: true });
      agent = new TestAgent(rt);
    });
    after(() => rt.close());

    const orgs = () => rt.ctx.repos.orgs.list();
    const html = async (path: string) => {
      const res = await agent.get(path);
      assert.equal(res.status, 200, path);
      return res.text();
    };

    test('should list the latest demo items on the home page, marked as demo data', async () => {
      const page = await html('/');
      assert.doesNotMatch(page, /暂无信息/);
      const latest = (
        await rt.ctx.repos.publications.listLive({ orgIds: [(await orgs())[0]!.id] }, { limit: 3, offset: 0 })
      ).items;
      assert.equal(latest.length, 3);
      for (const item of latest) assert.ok(page.includes(item.live.fields.title), item.live.fields.title);
      assert.ok(latest[0]!.live.fields.bodyHtml.includes(DEMO_NOTE));
      const newest = latest[0]!.live.fields;
      assert.ok(newest.title.length > 0);
    });

    test('should file items in every category of every demo organization, each dated within the history', async () => {
      const all = await orgs();
      assert.equal(all.length, 8);
      for (const org of all) {
        const counts = await rt.ctx.repos.publications.liveCategoryCounts(org.id);
        const cats = await rt.ctx.repos.categories.list(org.id);
        const wanted = [...demoCategories(cats), cats.find((c) => c.statutoryKey === 'policy-interpretation')!];
        assert.ok(wanted.length >= 23, `${org.name}: ${wanted.length} categories`);
        for (const c of wanted) assert.ok((counts.get(c.id) ?? 0) > 0, `${org.name} › ${c.name} is empty`);
        const items = await rt.ctx.repos.publications.listLive({ orgIds: [org.id] }, { limit: 500, offset: 0 });
        for (const item of items.items) {
          assert.ok((item.live.fields.publishedOn ?? '') <= rt.clock.today(), 'published by today');
          assert.ok((item.live.fields.publishedOn ?? '') >= `${lastYear}-01-01`, 'published since last year');
        }
      }
    });

    test('should give each 行政规范性文件 a 发文字号 and a linked 政策解读, shown on its page', async () => {
      const docs = await rt.ctx.repos.publications.listLive({ kind: 'normative' }, { limit: 100, offset: 0 });
      assert.ok(docs.total >= 16, `${docs.total} normative documents`);
      for (const doc of docs.items) {
        assert.match(doc.live.fields.docNo, /〔\d{4}〕\d+号$/);
        const interpretations = await rt.ctx.repos.publications.interpretationsOf(doc.id);
        assert.equal(interpretations.length, 1, doc.live.fields.title);
      }
      const page = await html(`/publications/${docs.items[0]!.id}`);
      const interpretation = (await rt.ctx.repos.publications.interpretationsOf(docs.items[0]!.id))[0]!;
      assert.ok(page.includes(`/publications/${interpretation.id}`), 'the document links its interpretation');
    });

    test('should find the budgets with /search?q=预算, some with their PDF attachment', async () => {
      const page = await html(`/search?q=${encodeURIComponent('预算')}`);
      assert.ok(Number(/找到(\d+)条结果/.exec(page)?.[1]) >= 8, 'a budget of each organization');
      assert.match(page, /部门<mark>预算<\/mark>/);
      const budgets = await rt.ctx.repos.publications.listLive({ kind: 'other_document' }, { limit: 500, offset: 0 });
      const withPdf = budgets.items.filter((i) => i.live.fields.attachments.some((a) => a.mime === 'application/pdf'));
      assert.ok(withPdf.length >= 8);
      const file = await rt.ctx.repos.files.get(withPdf[0]!.live.fields.attachments[0]!.fileId);
      assert.ok(file);
      assert.equal(Buffer.from(file.content).subarray(0, 8).toString('latin1'), '%PDF-1.4');
      assert.match(Buffer.from(file.content).toString('latin1'), /startxref\n\d+\n%%EOF\n$/);
    });

    test("should publish last year's annual report of the government, its departments and units on the portal", async () => {
      for (const org of await orgs()) {
        const stored = await rt.ctx.repos.annualReports.get(org.id, lastYear);
        assert.equal(stored?.state, 'published', org.name);
        assert.ok(!JSON.stringify(stored.snapshot?.sections).includes('【请补充'), org.name);
        const archive = await html(`/org/${org.creditCode}/annual-reports`);
        assert.ok(archive.includes(`/org/${org.creditCode}/annual-reports/${lastYear}`), org.name);
        await html(`/org/${org.creditCode}/annual-reports/${lastYear}`);
      }
      const root = (await orgs())[0]!;
      const report = (await rt.ctx.repos.annualReports.get(root.id, lastYear))!.snapshot!;
      assert.ok((report.applications.new?.total ?? 0) >= 11, "last year's applications counted");
      assert.equal(report.reviews.reconsideration?.upheld, 1, 'the 复议 counted in section 四');
    });

    test("should fill the root's standard catalogue in two key areas, each row with a linked item", async () => {
      const root = (await orgs())[0]!;
      const filled = (await listCatalogue(rt.ctx, null, root.id)).filter((a) => a.rows.length > 0);
      assert.deepEqual(filled.map((a) => a.area.name).sort(), ['义务教育', '社会救助']);
      const stats = await rt.ctx.repos.standardCatalogue.rowStats(root.id);
      for (const area of filled) {
        for (const row of area.rows) assert.ok((stats.get(row.id)?.liveCount ?? 0) > 0, row.level2);
      }
    });

    test('should hold applications in several states, closed ones last year, and the 复议 in the register', async () => {
      const ids = (await orgs()).map((o) => o.id);
      const { items } = await rt.ctx.repos.applications.list({ orgIds: ids }, { limit: 200, offset: 0 });
      const states = new Set(items.map((a) => a.state));
      for (const s of ['received', 'registered', 'awaiting_correction', 'in_legal_review', 'replied', 'archived']) {
        assert.ok(states.has(s as never), `no application ${s}`);
      }
      const old = items.filter((a) => a.receivedOn < `${lastYear + 1}-01-01`);
      assert.ok(old.length >= 17);
      const cases = await rt.ctx.repos.reviews.list({ orgIds: ids });
      assert.equal(cases.filter((c) => c.kind === 'reconsideration').length, 1);
    });

    test("should keep the audit trail's chain whole", async () => {
      assert.equal((await verifyAuditChain(rt.ctx)).ok, true);
    });

    test('should register the own portal and a department site, with their columns', async () => {
      const sites = await rt.ctx.repos.monitoring.sites();
      assert.equal(sites.length, 2);
      const portal = await rt.ctx.repos.monitoring.ownPortal();
      assert.ok(portal, 'the own portal is registered');
      assert.equal(portal.kind, 'portal');
      assert.ok(portal.homeUrl.startsWith(DEMO_PORTAL_ORIGIN), portal.homeUrl);
      const root = (await orgs()).find((o) => o.parentId === null)!;
      const cats = (await rt.ctx.repos.categories.list(root.id)).filter((c) => c.kind === 'category');
      assert.equal(portal.columns.length, cats.length);
      assert.ok(portal.columns.every((c) => c.categoryId !== null));
      const dept = sites.find((s) => s.name === DEMO_DEPARTMENT_SITE);
      assert.ok(dept, 'the department site is registered');
      assert.equal(dept.kind, 'department');
      assert.equal(dept.columns.length, 7);
      assert.match(dept.homeUrl, /\.invalid\//);
    });

    test('should check the demo accounts as of today with the planted findings', async () => {
      const run = await checkAccounts(rt.ctx, null);
      assert.equal(run.accounts.length, DEMO_MEDIA.length);
      const rules = (name: string) =>
        run.accounts
          .find((a) => a.account.name === name)!
          .findings.map((f) => f.rule)
          .sort();
      assert.deepEqual(rules('示例区发布'), []);
      assert.deepEqual(rules('示例教育'), ['account_stale']);
      assert.deepEqual(rules('示例财政'), ['account_stale', 'account_zombie'], 'a 僵尸号 is also not updated');
      assert.deepEqual(rules('示例镇'), ['account_unfiled']);
      assert.deepEqual(rules('城关街道'), ['account_closed_not_cancelled']);
      const closed = run.accounts.find((a) => a.account.name === '城关街道')!.account;
      const events = await rt.ctx.repos.media.events([closed.id]);
      assert.ok(events.some((e) => e.kind === 'closed' && e.announcement.includes('停止更新')));
      const fresh = run.accounts.find((a) => a.account.name === '示例区发布')!;
      assert.ok(fresh.lastPostOn !== null && fresh.lastPostOn < rt.clock.today());
    });

    test('should keep one past run with its findings and 整改 tasks, shown in the back office', async () => {
      const runs = await rt.ctx.repos.monitoring.runs({ limit: 10 });
      assert.equal(runs.length, 1);
      const [run] = runs;
      assert.equal(run!.state, 'completed');
      assert.ok(run!.asOf < rt.clock.today(), run!.asOf);
      assert.equal(run!.sitesDone, 2);
      assert.equal(run!.findings, 6);
      assert.equal(run!.requestedLabel, '吴监测（示例）');
      const portal = (await rt.ctx.repos.monitoring.ownPortal())!;
      const found = await rt.ctx.repos.monitoring.openFindings(portal.id);
      assert.deepEqual(found.map((f) => f.rule).sort(), ['column_stale', 'dead_link', 'pii']);
      assert.equal(found.find((f) => f.rule === 'pii')!.confirmation, 'pending');
      const tasks = await rt.ctx.repos.monitoring.tasks({});
      assert.equal(tasks.length, 5, 'a task for each finding that counts (the pii one waits for confirmation)');
      assert.ok(tasks.every((t) => t.state === 'open'));
      const admin = await adminAgent(rt);
      const page = async (path: string) => {
        const res = await admin.get(path);
        assert.equal(res.status, 200, path);
        return res.text();
      };
      const dashboard = await page('/admin/monitoring');
      assert.ok(dashboard.includes(DEMO_DEPARTMENT_SITE));
      assert.ok(dashboard.includes(portal.name));
      const findings = await page('/admin/monitoring/findings');
      assert.ok(findings.includes('old.shiliqu.example.invalid'));
      assert.ok((await page('/admin/monitoring/tasks')).includes('通知公告'));
      const media = await html('/media');
      for (const a of DEMO_MEDIA) assert.ok(media.includes(a.name), a.name);
      assert.match(media, /城关街道」关停的公告/);
    });

    test('should add nothing at a second start', async () => {
      const before = await counts(rt.ctx.repos);
      const boot = await bootstrap(rt.ctx, calendarSeed, 'full');
      assert.equal(boot.demoContent, undefined);
      assert.equal(boot.adminPassword, undefined);
      assert.deepEqual(await counts(rt.ctx.repos), before);
      assert.equal(typeof (await rt.ctx.repos.settings.get(DEMO_CONTENT_KEY)), 'object');
    });
  });

  describe(`an interrupted making of the demo content (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    before(async () => {
      rt = await openTestRuntime(dialect, { start: DAYS.sqlite });
    });
    after(() => rt.close());

    test('should leave nothing of it and stay pending for the next start', async () => {
      await markDemoContentPending(rt.ctx);
      const before = await counts(rt.ctx.repos);
      // The 50th publication stored fails (a full disk, a killed process): the transaction is rolled back.
      let stored = 0;
      const failing = {
        ...rt.ctx,
        uow: {
          run: <T>(fn: (r: Repos) => Promise<T>) =>
            rt.ctx.uow.run((r) =>
              fn({
                ...r,
                publications: {
                  ...r.publications,
                  insert: (p) => (++stored === 50 ? Promise.reject(new Error('disk full')) : r.publications.insert(p)),
                },
              }),
            ),
        },
      };
      const boot = await bootstrap(failing, calendarSeed, 'full');
      assert.equal(stored, 50);
      assert.match(boot.demoContentError ?? '', /disk full/);
      assert.deepEqual(await counts(rt.ctx.repos), before);
      assert.equal(await rt.ctx.repos.settings.get(DEMO_CONTENT_KEY), 'pending');
    });
  });
}

describe('two servers making the demo content at once (postgres)', { skip: skipReason('postgres') }, () => {
  let rt: TestRuntime;
  let other: Runtime;
  before(async () => {
    rt = await openTestRuntime('postgres', { start: DAYS.sqlite });
    other = await openRuntime(rt.db, runtimeSettings(rt.clock));
  });
  after(async () => {
    await other.close();
    await rt.close();
  });

  test('should make it once: the second finds the counter taken when the first commits', async () => {
    await markDemoContentPending(rt.ctx);
    const made = await Promise.all([seedDemoContent(rt.ctx), seedDemoContent(other.ctx)]);
    const summaries = made.filter((m) => m !== null);
    assert.equal(summaries.length, 1);
    const live = (await rt.ctx.repos.publications.listLive({}, { limit: 1, offset: 0 })).total;
    assert.ok(live > 200);
    assert.equal(live, summaries[0]?.publications, 'one set of items');
  });
});

/** What the demo content adds: live items, applications, accounts, reports. */
async function counts(repos: Repos) {
  const orgIds = (await repos.orgs.list()).map((o) => o.id);
  return {
    live: (await repos.publications.listLive({}, { limit: 1, offset: 0 })).total,
    all: (await repos.publications.list({ orgIds }, { limit: 1, offset: 0 })).total,
    applications: (await repos.applications.list({ orgIds }, { limit: 1, offset: 0 })).total,
    users: (await repos.users.list()).length,
    reports: (await Promise.all(orgIds.map((id) => repos.annualReports.published(id)))).flat().length,
    audit: (await repos.audit.head()).lastSeq,
  };
}

// 撤稿后修订 on both dialects: a withdrawn item answers 410 and leaves search, the feeds and the open-data API;
// reopened for revision (same id, same 索引号) it stays so through the whole review chain; published again, the
// same address shows the new version and search, the feeds and the API list it again. The annual counts take it
// as never published while withdrawn and from its new 发布日期 afterwards. The art. 26 clock of a change (a
// revision, a 废止, a 不予公开 item opened up) counts from the recorded day of the change. The item page offers the
// move to editors only and shows the version history.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { beforeSuite } from '../../support/suite.js';
import { TestAgent } from '../../support/http.js';
import { STAFF_PASSWORD } from '../../factories/staff.js';
import { datedPublishing, moveAlongChain, WITHHELD_FIELDS } from '../../factories/publications.js';
import { recordReassessment } from '../../../src/app/publications/reassessment.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { updateDraft } from '../../../src/app/publications/drafts.js';
import { annualPublicationReport, getPublication } from '../../../src/app/publications/publication-queries.js';
import { listPublicationRows, loadPublicationDashboard } from '../../../src/app/publications/back-office.js';
import { loadHolidayCalendar } from '../../../src/app/calendar/calendar.js';
import { publicationDueOn } from '../../../src/domain/publications/deadlines.js';
import { localDate } from '../../../src/domain/core/local-date.js';

const TITLE = '示例区关于规范河道采砂管理的通知';
const FIELDS = { title: TITLE, docNo: '示政发〔2025〕31号', body: '<p>河道采砂许可与监管要求如下。</p>' };

for (const dialect of DIALECTS) {
  describe(`republishing a withdrawn item (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    const p = beforeSuite(() => datedPublishing(rt, 'rp'));
    const web = beforeSuite(async () => new TestAgent(rt));

    /** What the public sees of an item: its page's status, and whether search, the API and the feed list it. */
    const publicView = async (id: string, words: string) => {
      const page = await web.get(`/publications/${id}`);
      const text = await page.text();
      const search = await (await web.get(`/search?q=${encodeURIComponent(words)}`)).text();
      const api = (await (await web.get(`/api/v1/publications?q=${encodeURIComponent(words)}`)).json()) as {
        items: { id: string; title: string; indexNo: string }[];
      };
      const latest = (await (await web.get('/api/v1/publications?limit=100')).json()) as { items: { id: string }[] };
      const feed = await (await web.get(`/org/${p.root.creditCode}/feed.atom`)).text();
      return {
        status: page.status,
        text,
        search: search.includes(`/publications/${id}`),
        api: api.items.find((i) => i.id === id),
        latest: latest.items.some((i) => i.id === id),
        feed: feed.includes(id),
      };
    };
    const hidden = { search: false, api: undefined, latest: false, feed: false };
    const pick = (v: Awaited<ReturnType<typeof publicView>>) => ({
      search: v.search,
      api: v.api,
      latest: v.latest,
      feed: v.feed,
    });

    test('should keep a reopened item withdrawn (410) through the chain, then show version 2 at the same address', async () => {
      const id = await p.published('2025-10-09', '2025-10-10', FIELDS);
      const first = await rt.ctx.repos.publications.byId(id);
      const live = await publicView(id, '河道采砂');
      assert.equal(live.status, 200);
      assert.deepEqual([live.search, live.latest, live.feed, live.api?.indexNo], [true, true, true, first?.indexNo]);

      p.at('2025-10-13');
      await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '许可条件表述有误' });
      const gone = await publicView(id, '河道采砂');
      assert.equal(gone.status, 410);
      assert.deepEqual(pick(gone), hidden);

      p.at('2025-10-14');
      await actOnPublication(rt.ctx, p.editor, id, 'reopen');
      await updateDraft(rt.ctx, p.editor, id, {
        ...FIELDS,
        org: p.root.creditCode,
        kind: 'normative',
        writtenOn: '2025-10-09',
        summary: '河道管理要求。',
        title: `${TITLE}（修订）`,
      });
      for (const step of ['draft', 'submitted', 'signed_off'] as const) {
        if (step !== 'draft') await moveAlongChain(rt, p, id, step, { approve: { acceptFindings: true } });
        const during = await publicView(id, '河道采砂');
        assert.equal(during.status, 410, `410 while the revision is ${step}`);
        assert.ok(!during.text.includes('（修订）'), `nothing of the revision shows while ${step}`);
        assert.deepEqual(pick(during), hidden, `hidden while ${step}`);
      }
      const running = await rt.ctx.repos.publications.byId(id);
      assert.deepEqual(
        [running?.state, running?.currentVersion, running?.indexNo, running?.withdrawnAt !== null],
        ['signed_off', 1, first?.indexNo, true],
      );

      await p.publish(id, '2025-10-20');
      const again = await rt.ctx.repos.publications.byId(id);
      assert.deepEqual(
        [again?.state, again?.currentVersion, again?.indexNo, again?.publishedOn, again?.withdrawnAt],
        ['published', 2, first?.indexNo, '2025-10-20', null],
      );
      const back = await publicView(id, '河道采砂');
      assert.equal(back.status, 200);
      assert.ok(back.text.includes(`${TITLE}（修订）`));
      assert.ok(back.text.includes(first?.indexNo ?? '-'));
      assert.deepEqual([back.search, back.latest, back.feed], [true, true, true]);
      assert.deepEqual([back.api?.title, back.api?.indexNo], [`${TITLE}（修订）`, first?.indexNo]);
      const audit = await rt.ctx.repos.audit.list({ entityId: id }, { limit: 50 });
      assert.ok(audit.some((e) => e.action === 'publication.reopen'));
      // The archive export sees the withdrawal that ended version 1 although the item is no longer withdrawn.
      const candidates = await rt.ctx.repos.publicationArchive.exportCandidates({
        orgIds: [p.root.id],
        to: localDate('2025-12-31'),
      });
      const candidate = candidates.find((c) => c.id === id);
      assert.deepEqual(
        [candidate?.withdrawnAt, candidate?.withdrawals.map((w) => rt.ctx.clock.dateOf(w)), candidate?.versions.length],
        [null, ['2025-10-13'], 2],
      );
    });

    test('should answer 410 again when the revision is dropped by a new withdrawal', async () => {
      const id = await p.published('2025-10-21', '2025-10-22', { ...FIELDS, title: '示例区关于堤防巡查的通知' });
      p.at('2025-10-23');
      await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '已不适用' });
      const withdrawnAt = (await rt.ctx.repos.publications.byId(id))?.withdrawnAt;
      p.at('2025-10-24');
      await actOnPublication(rt.ctx, p.editor, id, 'reopen');
      await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '不再发布' });
      const item = await rt.ctx.repos.publications.byId(id);
      assert.deepEqual([item?.state, item?.withdrawnAt, item?.withdrawReason], ['withdrawn', withdrawnAt, '已不适用']);
      assert.equal((await web.get(`/publications/${id}`)).status, 410);
    });

    test('should count a withdrawn item as never published and a republished one from its new date', async () => {
      const counts = async (year: number) => {
        const c = await annualPublicationReport(rt.ctx, null, p.root.id, year);
        return [c.normative.made, c.normative.inForce] as const;
      };
      const [made25, inForce25] = await counts(2025);
      const [made26, inForce26] = await counts(2026);
      const id = await p.published('2025-11-03', '2025-11-04', { ...FIELDS, title: '示例区河道保洁办法' });
      assert.deepEqual(await counts(2025), [made25 + 1, inForce25 + 1]);
      p.at('2025-11-05');
      await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '待修订' });
      assert.deepEqual(await counts(2025), [made25, inForce25], 'withdrawn: never published');
      p.at('2026-01-05');
      await actOnPublication(rt.ctx, p.editor, id, 'reopen');
      assert.deepEqual(await counts(2026), [made26, inForce26], 'still withdrawn while revised');
      await p.publish(id, '2026-01-12');
      assert.deepEqual(await counts(2025), [made25, inForce25], 'not in the year of the first publication');
      assert.deepEqual(await counts(2026), [made26 + 1, inForce26 + 1], 'new in the year of the new publication');
    });

    test('should start the art. 26 clock on the day of the change: a reopening, a revision, a 废止', async () => {
      const cal = await loadHolidayCalendar(rt.ctx.repos);
      const id = await p.published('2026-02-02', '2026-02-03', { ...FIELDS, title: '示例区河道管护责任制' });
      p.at('2026-02-04');
      await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '待修订' });
      p.at('2026-03-02');
      await actOnPublication(rt.ctx, p.editor, id, 'reopen');
      const due = publicationDueOn(localDate('2026-03-02'), cal);
      const clock = async () => (await getPublication(rt.ctx, p.editor, id)).clock;
      assert.deepEqual(await clock(), { dueOn: due, status: 'on_time', from: '2026-03-02', cause: 'revised' });
      // Past the due date the revision is late, on the item page, in the register and on the dashboard.
      p.at('2026-04-20');
      assert.equal((await clock())?.status, 'late');
      const rows = await listPublicationRows(rt.ctx, p.editor, { query: '管护责任制' }, { limit: 10, offset: 0 });
      assert.deepEqual(
        rows.items.map((r) => [r.id, r.clock]),
        [[id, 'late']],
      );
      assert.ok((await loadPublicationDashboard(rt.ctx, p.editor)).late.some((r) => r.id === id));
      // Published late: late for good, counted from the change.
      await p.publish(id, '2026-04-21');
      assert.deepEqual(await clock(), { dueOn: due, status: 'late', from: '2026-03-02', cause: 'revised' });

      // A revision that records a 废止 dated before it was opened counts from that date.
      p.at('2026-05-11');
      await actOnPublication(rt.ctx, p.editor, id, 'revise');
      const fields = { ...FIELDS, org: p.root.creditCode, kind: 'normative', writtenOn: '2026-02-02' };
      await updateDraft(rt.ctx, p.editor, id, { ...fields, validity: 'repealed', validityOn: '2026-05-06' });
      assert.deepEqual(await clock(), {
        dueOn: publicationDueOn(localDate('2026-05-06'), cal),
        status: 'on_time',
        from: '2026-05-06',
        cause: 'validity',
      });
      // A 废止 date typed later than the day the revision was opened cannot put the clock off.
      await updateDraft(rt.ctx, p.editor, id, { ...fields, validity: 'repealed', validityOn: '2026-06-30' });
      assert.deepEqual([(await clock())?.from, (await clock())?.cause], ['2026-05-11', 'revised']);
    });

    test('should start the clock of a 不予公开 item on the day its re-assessment opens it to 主动公开', async () => {
      const cal = await loadHolidayCalendar(rt.ctx.repos);
      const id = await p.published('2026-07-01', '2026-07-02', {
        ...FIELDS,
        ...WITHHELD_FIELDS,
        title: '内部工作方案',
      });
      assert.equal((await getPublication(rt.ctx, p.editor, id)).clock, null, '不予公开: no clock');
      p.at('2026-07-06');
      await recordReassessment(rt.ctx, p.signer, id, { decision: 'to_proactive', reason: '工作已完成，可以公开' });
      assert.deepEqual((await getPublication(rt.ctx, p.editor, id)).clock, {
        dueOn: publicationDueOn(localDate('2026-07-06'), cal),
        status: 'on_time',
        from: '2026-07-06',
        cause: 'disclosed',
      });
    });

    test('should offer 撤稿后修订 to editors only and show the version history', async () => {
      const id = await p.published('2026-06-01', '2026-06-02', { ...FIELDS, title: '示例区河长巡河制度' });
      p.at('2026-06-03');
      await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '待修订' });
      const agent = async (who: 'editor' | 'signer') => {
        const a = new TestAgent(rt);
        assert.equal((await a.login(`rp.${who}`, STAFF_PASSWORD)).status, 303);
        return a;
      };
      const editor = await agent('editor');
      const signer = await agent('signer');
      const button = '撤稿后修订（修订后重新发布）</button>';
      assert.ok((await (await editor.get(`/admin/publications/${id}`)).text()).includes(button));
      assert.ok(!(await (await signer.get(`/admin/publications/${id}`)).text()).includes(button));
      const refused = await signer.post(`/admin/publications/${id}/actions`, { action: 'reopen' });
      assert.equal(refused.status, 403);
      assert.equal((await rt.ctx.repos.publications.byId(id))?.state, 'withdrawn');
      const done = await editor.post(`/admin/publications/${id}/actions`, { action: 'reopen' });
      assert.equal(done.status, 303);
      const reopened = await (await editor.get(`/admin/publications/${id}`)).text();
      assert.match(reopened, /id="reopened"/);
      assert.match(reopened, /第二十六条，自修订日期2026-06-03起/);
      await p.publish(id, '2026-06-10');
      // A week later: a new session.
      const page = await (await (await agent('editor')).get(`/admin/publications/${id}`)).text();
      assert.match(page, /<h2 id="versions-h">版本记录<\/h2>/);
      assert.match(page, /<tr data-version="1">.*已撤稿.*修订后以第2版重新发布/s);
      assert.match(page, /<tr data-version="2">.*网站当前显示/s);
      assert.ok(!page.includes('id="reopened"'));
    });
  });
}

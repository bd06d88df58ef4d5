// The demo portal's 政府网站工作年度报表 of last year, as the first start makes it (GONGKAI_DEMO_DATA=1): filled from
// the demo's data by the demo supervisor and left as a draft; its figures equal plain SQL counts of the demo's rows.
// Both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { withDb } from '../../support/db-rows.js';

const DAY = '2026-03-16T02:00:00Z';
const YEAR = 2025;

for (const dialect of DIALECTS) {
  describe(`the demo portal's website report (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    before(async () => {
      rt = await openTestRuntime(dialect, { start: DAY, content: true });
    });
    after(() => rt.close());

    const count = (query: string) =>
      withDb(rt, async (db) => {
        const r = await sql<{ n: number | string }>`${sql.raw(query)}`.execute(db);
        return String(Number(r.rows[0]?.n ?? 0));
      });

    test("should fill last year's report of the own portal from the demo's rows, as a draft of the supervisor", async () => {
      const portal = await rt.ctx.repos.monitoring.ownPortal();
      assert.ok(portal, 'the demo registers its own portal');
      const report = await rt.ctx.repos.websiteReports.bySiteYear(portal.id, YEAR);
      assert.ok(report, 'the report of last year is filled');
      assert.equal(report.state, 'draft');
      assert.match(report.editedLabel, /demo\.gov\.supervisor/);
      const v = report.values;
      assert.equal(v.site_name, portal.name);
      const published = `from publication where published_on >= '${YEAR}-01-01' and published_on < '${YEAR + 1}-01-01'
        and withdrawn_at is null and (state = 'published' or current_version is not null)`;
      assert.equal(v.pub_total, await count(`select count(*) as n ${published}`));
      assert.ok(Number(v.pub_total) > 0, 'the demo published items last year');
      assert.equal(v.interpretations, await count(`select count(*) as n ${published} and kind = 'interpretation'`));
      assert.equal(
        Number(v.pub_overview) + Number(v.pub_news) + Number(v.pub_catalogue),
        Number(v.pub_total),
        'the three kinds add up to the total',
      );
      const apps = `from application where received_on >= '${YEAR}-01-01' and received_on < '${YEAR + 1}-01-01'`;
      assert.equal(v.applications_received, await count(`select count(*) as n ${apps}`));
      assert.equal(v.applications_closed, await count(`select count(*) as n ${apps} and closed_on is not null`));
      assert.ok(Number(v.applications_received) > 0, 'the demo received applications last year');
      const accounts = await count(`select count(*) as n from media_account where status <> 'cancelled'`);
      assert.equal(v.media_any, Number(accounts) > 0 ? '是' : '否');
      assert.equal(v.filled_on, '2026-03-16');
      assert.ok(Object.keys(report.filled).length >= 20, 'most figures carry their source');
    });
  });
}

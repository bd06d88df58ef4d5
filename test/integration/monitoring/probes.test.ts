// The 7-day availability rule of 国办秘函〔2019〕19号 (站点无法访问) over recorded probes, on both dialects: home pages
// of registered sites probed through the real crawler against a loopback server that the test turns on and off,
// the failure ratio judged per site, a veto at 5 % that replaces the run's one-shot warning and fails the site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import { documentReaders, siteCheckPorts } from '../../../src/lazy-adapters.js';
import { saveSite } from '../../../src/app/monitoring/registry.js';
import { availabilityOf, probeSites } from '../../../src/app/monitoring/probes.js';
import { executeRun, requestRun } from '../../../src/app/monitoring/runs.js';
import { monitoringDashboard } from '../../../src/app/monitoring/pages.js';
import type { SiteChecker } from '../../../src/app/monitoring/ports.js';
import type { Actor } from '../../../src/domain/policies/actor.js';

const ports = siteCheckPorts(documentReaders());

/** A home page that answers 200, or 503 while `down`. */
async function homeServer(): Promise<{ server: Server; url: string; state: { down: boolean } }> {
  const state = { down: false };
  const server = createServer((_req, res) => {
    res.writeHead(state.down ? 503 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body><ul><li><a href="/a.html">要闻</a> 2026-06-01</li></ul></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, state };
}

/** A checker whose one-shot probe of the home page failed this time (a warning). */
const oneShotFailure = (url: string): SiteChecker => ({
  check: () =>
    Promise.resolve({
      findings: [{ rule: 'unavailable', severity: 'warning', url, message: '首页本次访问失败', evidence: {} }],
      summary: { verdict: '合格', score: 100, vetoes: [] },
      pages: 1,
      links: 0,
    }),
});

for (const dialect of DIALECTS) {
  describe(`availability probes of registered sites (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2026-06-01T00:10:00Z' });
    let home: Awaited<ReturnType<typeof homeServer>>;
    let sup: Actor;
    let siteId = '';

    before(async () => {
      home = await homeServer();
      const orgs = await demoOrgs(rt);
      sup = await makeStaff(rt, 'probe.sup', ['supervisor'], orgs.root.id);
      siteId = await saveSite(rt.ctx, sup, {
        name: '可用性测试网站',
        homeUrl: home.url,
        siteCode: '',
        orgId: orgs.named('示例区教育局').id,
        kind: 'department',
        columns: [],
      });
    });
    after(() => new Promise<void>((resolve) => home.server.close(() => resolve())));

    /** Probes every half hour for `hours`, the server down for the probes whose index `down` accepts. */
    const probeFor = async (count: number, down: (i: number) => boolean) => {
      let failed = 0;
      for (let i = 0; i < count; i++) {
        home.state.down = down(i);
        failed += (await probeSites(rt.ctx, ports)).failed;
        rt.clock.advance(30 * 60_000);
      }
      return failed;
    };

    test('should record each probe and judge the week: no finding under the warning ratio', async () => {
      // 7 days × 48 probes, 2 failures within the last 7 office days: 0.6 %.
      assert.equal(await probeFor(7 * 48, (i) => i === 100 || i === 200), 2);
      const status = await availabilityOf(rt.ctx, siteId, rt.ctx.clock.today());
      assert.equal(status.failures, 2);
      assert.ok(status.probes >= 6 * 48, `${status.probes} probes in the window`);
      assert.equal(status.severity, null);
    });

    test('should veto at 5 % failures of the week and fail the site in the next run, replacing the one-shot warning', async () => {
      // A further day with the site down for 20 probes: well above 5 % of the week.
      await probeFor(48, (i) => i < 20);
      const status = await availabilityOf(rt.ctx, siteId, rt.ctx.clock.today());
      assert.equal(status.severity, 'veto');
      assert.ok(status.ratio >= 0.05, `ratio ${status.ratio}`);
      const run = await requestRun(rt.ctx, sup, { siteId, asOf: rt.ctx.clock.today() });
      await executeRun(rt.ctx, oneShotFailure(home.url), run.id);
      const findings = await rt.ctx.repos.monitoring.findings({ siteId }, 10);
      const unavailable = findings.filter((f) => f.rule === 'unavailable');
      assert.equal(unavailable.length, 1);
      assert.equal(unavailable[0]!.severity, 'veto');
      assert.match(unavailable[0]!.message, /近 7 天首页监测 \d+ 次，失败 \d+ 次/);
      const result = (await rt.ctx.repos.monitoring.runSites(run.id))[0]!;
      assert.equal(result.verdict, '不合格');
      assert.deepEqual(result.vetoes, ['unavailable']);
      const shown = (await monitoringDashboard(rt.ctx, sup)).sites.find((x) => x.site.id === siteId)!;
      assert.equal(shown.availability.severity, 'veto');
      assert.equal(shown.availability.failures, status.failures);
    });

    test('should delete probes older than 30 days', async () => {
      rt.clock.advance(31 * 86_400_000);
      home.state.down = false;
      await probeSites(rt.ctx, ports);
      const kept = await rt.ctx.repos.monitoring.probesSince(siteId, '2000-01-01T00:00:00Z');
      assert.equal(kept.length, 1);
    });
  });
}

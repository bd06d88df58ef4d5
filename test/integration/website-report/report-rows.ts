// Website-report rows for the backup test (test/integration/db/foundation.test.ts): the report of the first
// registered site for last year, filled through the use case.
import type { TestRuntime } from '../../support/runtime.js';
import { fillWebsiteReport } from '../../../src/app/website-report/fill.js';

/** Fills one report (needs a registered site: run after the monitoring rows). */
export async function fillWebsiteReports(rt: TestRuntime): Promise<void> {
  const [site] = await rt.ctx.repos.monitoring.sites();
  if (!site) throw new Error('no registered site to report on');
  await fillWebsiteReport(rt.ctx, null, site.id, Number(rt.ctx.clock.today().slice(0, 4)) - 1);
}

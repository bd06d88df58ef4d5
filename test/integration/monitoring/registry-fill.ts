// Monitoring rows for the backup test (test/integration/db/foundation.test.ts): a site with an interaction
// column and a message, a completed run with a finding, its task marked fixed, and a 提醒函 — every monitoring
// table gets rows, through the use cases (a fake checker stands in for the crawler).
import type { TestRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { registerMessages, saveSite } from '../../../src/app/monitoring/registry.js';
import { executeRun, requestRun } from '../../../src/app/monitoring/runs.js';
import { markTaskFixed } from '../../../src/app/monitoring/follow-up.js';
import { issueLetter } from '../../../src/app/monitoring/letters.js';

/** Registers a site, runs it once with a fake checker, fixes its task and writes a letter. */
export async function fillMonitoring(rt: TestRuntime): Promise<void> {
  const { named } = await demoOrgs(rt);
  const orgId = named('示例区教育局').id;
  const siteId = await saveSite(rt.ctx, null, {
    name: '备份测试网站',
    homeUrl: 'http://backup.example.test/',
    siteCode: '1101020009',
    orgId,
    kind: 'portal',
    columns: [{ name: '咨询信箱', url: 'http://backup.example.test/mail/', kind: 'interaction', intervalDays: '' }],
  });
  const site = await rt.ctx.repos.monitoring.siteById(siteId);
  await registerMessages(rt.ctx, null, siteId, site?.columns[0]?.id ?? '', [
    { receivedOn: '2025-01-02', answeredOn: '2025-01-03', subject: '咨询' },
  ]);
  const run = await requestRun(rt.ctx, null, { siteId });
  await executeRun(
    rt.ctx,
    {
      check: () =>
        Promise.resolve({
          findings: [
            {
              rule: 'dead_link',
              severity: 'deduction',
              url: 'http://backup.example.test/',
              column: '咨询信箱',
              message: '链接无法访问',
              evidence: { link: 'http://backup.example.test/x', status: 404 },
            },
          ],
          summary: { verdict: '合格', score: 99, vetoes: [] },
          pages: 1,
          links: 2,
        }),
    },
    run.id,
  );
  const [task] = await rt.ctx.repos.monitoring.tasks({ orgIds: [orgId] });
  await markTaskFixed(rt.ctx, null, task?.id ?? '', '已修复');
  await issueLetter(rt.ctx, null, orgId);
}

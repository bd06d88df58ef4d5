// The demo portal's 政府网站工作年度报表 (国办函〔2018〕12号) for last year, filled from the demo's own data on the day
// the demo is made: the header from the registry, 信息发布 and 解读回应 from the demo publications, 互动交流 from the
// demo applications, 安全防护 from the demo monitoring run, 移动新媒体 from the demo accounts. It is left as a draft
// filled by the demo supervisor, waiting for the entered values and a second person's review (编审分离).
import { fillWebsiteReport } from '../website-report/fill.js';
import { actorOf } from '../actors.js';
import type { DemoEvent, DemoWorld } from './demo-timeline.js';

/** The demo supervisor's username (demo-monitoring.ts). */
const DEMO_SUPERVISOR = 'demo.gov.supervisor';

/** The event filling the own portal's report of last year, on the demo's last day (after the monitoring events). */
export function websiteReportEvents(w: DemoWorld): DemoEvent[] {
  return [
    {
      day: w.today,
      run: async () => {
        const portal = await w.ctx.repos.monitoring.ownPortal();
        if (!portal) return;
        // The demo supervisor registered by the monitoring events (demo-monitoring.ts); the system when absent.
        const user = await w.ctx.repos.users.byUsername(DEMO_SUPERVISOR);
        await fillWebsiteReport(w.ctx, user ? actorOf(user) : null, portal.id, w.lastYear);
      },
    },
  ];
}

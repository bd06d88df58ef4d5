// Development aid: time the parts of one online submission in-process (SQLite in memory).
import { openRuntime, calendarSeed } from '../src/main.js';
import { bootstrap } from '../src/app/bootstrap.js';
import { loadHolidayCalendar } from '../src/app/calendar/calendar.js';
import { submitApplication } from '../src/app/applications/submit-application.js';
import { applicationForm } from '../test/factories/applications.js';
import { rootOrg } from '../test/factories/orgs.js';

const rt = await openRuntime(
  { kind: 'sqlite', file: ':memory:' },
  { timeZone: 'Asia/Shanghai', sessionIdleMinutes: 30, sessionMaxHours: 12 },
);
await bootstrap(rt.ctx, calendarSeed, 'orgs');
const root = await rootOrg(rt);
const form = applicationForm();
const time = async (label: string, n: number, f: () => Promise<unknown>) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(`${label.padEnd(24)} ${((performance.now() - t) / n).toFixed(2)} ms`);
};
await time('loadHolidayCalendar', 50, () => loadHolidayCalendar(rt.ctx.repos));
await time('orgs.list', 50, () => rt.ctx.repos.orgs.list());
await time('submitApplication', 50, () =>
  submitApplication(rt.ctx, null, { orgCreditCode: root.creditCode, channel: 'online', form }),
);
await rt.close();

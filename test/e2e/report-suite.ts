// The annual-report journeys' one setup (not a test file itself): a server with an office head of 示例区教育局
// and last year's applications there, the organization and the report year filled in when it starts.
import { e2eSuite, type E2eServer } from '../support/e2e.js';
import { insertReportCases } from '../integration/http/annual-report-fixture.js';

/** The server and 示例区教育局's credit code, id and last year (set before the tests run). */
export type ReportSuite = { server: E2eServer; edu: { code: string; id: string; year: number } };

/** Starts the server for a `describe` block with the office head `username` (display name `displayName`). */
export function reportSuite(username: string, displayName: string): ReportSuite {
  const edu = { code: '', id: '', year: 0 };
  const server = e2eSuite({
    staff: { [username]: { roles: ['office_head'], org: '示例区教育局', displayName } },
    prepare: async (runtime, orgs) => {
      const org = orgs.named('示例区教育局');
      Object.assign(edu, { code: org.creditCode, id: org.id, year: Number(runtime.ctx.clock.today().slice(0, 4)) - 1 });
      await insertReportCases(runtime.ctx, org.id, edu.year);
    },
  });
  return { server, edu };
}

// Staff accounts and the application form for application tests, on the factories (test/factories/).
import { caseStaff, applicationForm } from '../factories/applications.js';
import { rootOrg } from '../factories/orgs.js';
import type { CaseStaff } from '../factories/staff.js';
import type { TestRuntime } from './runtime.js';

export { STAFF_PASSWORD } from '../factories/staff.js';

/** Creates `handler`, `office_head`, `legal_reviewer`, `signer` (and a second handler) at the root organization. */
export async function createStaff(rt: TestRuntime): Promise<CaseStaff & { rootId: string; rootCode: string }> {
  const root = await rootOrg(rt);
  return { rootId: root.id, rootCode: root.creditCode, ...(await caseStaff(rt, { orgId: root.id })) };
}

/** A valid online application form of a natural person. */
export const sampleForm = applicationForm;

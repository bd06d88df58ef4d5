// Training and oversight rows for the backup test (test/integration/db/foundation.test.ts): one session with
// participants and a material, one 社会评议 record, made through the use cases by a supervisor of the root.
import type { TestRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import { createTraining } from '../../../src/app/training/manage-training.js';
import { createOversight } from '../../../src/app/oversight/manage-oversight.js';

/** Records one training session and one oversight record (needs the demo organizations). */
export async function fillTrainingRecords(rt: TestRuntime): Promise<void> {
  const { root, named } = await demoOrgs(rt);
  const supervisor = await makeStaff(rt, 'backup_trainer', ['supervisor'], root.id);
  await createTraining(rt.ctx, supervisor, {
    orgId: root.id,
    heldOn: '2025-04-10',
    title: '重点领域信息公开培训',
    organizer: '区政务公开办',
    kind: 'centralized',
    notes: '',
    participants: [{ orgId: named('示例区教育局').id, headcount: '12', accounts: '' }],
    materials: [{ name: '课件.pdf', mime: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 slides') }],
  });
  await createOversight(rt.ctx, supervisor, {
    orgId: root.id,
    kind: 'social_review',
    occurredOn: '2025-06-01',
    unit: '示例区教育局',
    subject: '政务公开满意度评议',
    result: '满意率96%',
  });
}

// Fixtures for the 复议/诉讼/投诉 register tests: a bare application with a chosen 查询码 to link to (inserted
// through the repository), and case factories.
import { randomUUID } from 'node:crypto';
import type { TestRuntime } from './runtime.js';
import type { ReviewCase } from '../../src/domain/reviews/review-case.js';
import { localDate } from '../../src/domain/core/local-date.js';
import { buildCase } from '../../src/domain/applications/test-support.js';

/** Inserts a minimal received application of `orgId` with the given tracking code; returns its id. */
export async function insertApplication(rt: TestRuntime, orgId: string, trackingCode: string): Promise<string> {
  const id = rt.ctx.crypto.newId();
  const { events: _events, ...app } = buildCase({ id, orgId, trackingCode, receivedOn: localDate('2025-01-06') });
  const keys = { submissionKey: null, submissionHash: null, proofFileId: null };
  await rt.ctx.repos.applications.insert({ ...app, ...keys }, rt.clock.nowIso());
  return id;
}

/** A stored case with sensible defaults (a pending reconsideration filed 2025-03-01). */
export function buildReview(
  orgId: string,
  over: Partial<ReviewCase> = {},
): Omit<ReviewCase, 'applicationTrackingCode'> {
  return {
    id: randomUUID(),
    orgId,
    applicationId: null,
    kind: 'reconsideration',
    litigationRoute: null,
    caseNo: '示复字〔2025〕1号',
    filedOn: localDate('2025-03-01'),
    body: '示例区人民政府',
    claimantName: '张投诉',
    subject: '不予公开告知书',
    result: 'pending',
    resultOn: null,
    handling: '',
    notes: '',
    createdAt: '2025-03-01T02:00:00.000Z',
    updatedAt: '2025-03-01T02:00:00.000Z',
    ...over,
  };
}

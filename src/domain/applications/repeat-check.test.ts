import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate as D } from '../core/local-date.js';
import type { ApplicationSnapshot } from './application.js';
import {
  PREVIOUS_CASE_MISMATCH,
  descriptionSimilarity,
  previousCaseError,
  relatedApplications,
} from './repeat-check.js';
import { buildCase } from './test-support.js';

test('should find reworded repeats alike and different requests apart', () => {
  const a = '请公开2024年示例区老旧小区改造项目的立项批复文件';
  assert.equal(descriptionSimilarity(a, a), 1);
  assert.ok(descriptionSimilarity(a, '申请公开2024年示例区老旧小区改造项目立项批复文件。') >= 0.7);
  assert.ok(descriptionSimilarity(a, '示例街道2023年财政预算执行情况') < 0.2);
  assert.equal(descriptionSimilarity('', a), 0);
});

test('should rank related applications and flag possible repeats', () => {
  const r = relatedApplications('老旧小区改造立项批复', [
    { id: '1', trackingCode: 'A', receivedOn: '2025-01-02', state: 'archived', description: '财政预算' },
    { id: '2', trackingCode: 'B', receivedOn: '2025-02-02', state: 'replied', description: '老旧小区改造项目立项批复' },
  ]);
  assert.deepEqual(
    r.map((x) => [x.id, x.possibleRepeat]),
    [
      ['2', true],
      ['1', false],
    ],
  );
});

describe('the earlier case a 重复申请 reply links to (art. 36 item 6)', () => {
  const applicant = { ...buildCase().applicant, name: '张三', idNumber: '110101199003071234' };
  const now = buildCase({ id: 'now', receivedOn: D('2025-09-26'), applicant });
  const earlier = (over: Partial<ApplicationSnapshot> = {}) =>
    buildCase({
      id: 'before',
      receivedOn: D('2025-03-03'),
      state: 'replied',
      outcome: 'disclosed',
      applicant,
      ...over,
    });
  const code = (p: ApplicationSnapshot | undefined) => previousCaseError(now, p)?.code ?? 'ok';

  it('should accept an earlier answered case of the same applicant and organization', () => {
    assert.equal(code(earlier()), 'ok');
    assert.equal(
      code(earlier({ state: 'archived', applicant: { ...applicant, idNumber: '110101199003071234 ' } })),
      'ok',
    );
  });

  it('should refuse a missing, later, unanswered, lapsed, foreign or other applicant’s case', () => {
    for (const p of [
      undefined,
      now,
      earlier({ receivedOn: D('2025-09-29') }),
      earlier({ state: 'registered', outcome: null }),
      earlier({ state: 'archived', outcome: 'other.correction_lapsed' }),
      earlier({ orgId: 'org-2' }),
      earlier({ applicant: { ...applicant, idNumber: '110101199003079999' } }),
    ]) {
      assert.equal(code(p), PREVIOUS_CASE_MISMATCH, p?.id);
    }
    const noId = { ...applicant, idNumber: '' };
    assert.equal(
      previousCaseError({ ...now, applicant: noId }, earlier({ applicant: { ...noId, name: '李四' } }))?.code,
      PREVIOUS_CASE_MISMATCH,
    );
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { descriptionSimilarity, relatedApplications } from './repeat-check.js';

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

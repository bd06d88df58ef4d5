import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountInWords } from './amount-in-words.js';

test('fee amounts in capitals, as 人民币大写 writes them', () => {
  const cases: [number, string][] = [
    [5500, '伍仟伍佰元整'],
    [4700, '肆仟柒佰元整'],
    [10, '壹拾元整'],
    [0, '零元整'],
    [1005, '壹仟零伍元整'],
    [100005, '壹拾万零伍元整'],
    [10000, '壹万元整'],
    [1000000, '壹佰万元整'],
    [100000000, '壹亿元整'],
    [1005.3, '壹仟零伍元叁角'],
    [1000.05, '壹仟元零伍分'],
    [12.34, '壹拾贰元叁角肆分'],
    [0.5, '伍角'],
  ];
  for (const [yuan, words] of cases) assert.equal(amountInWords(yuan), words, String(yuan));
});

test('negative or non-finite amounts are rejected', () => {
  assert.throws(() => amountInWords(-1), RangeError);
  assert.throws(() => amountInWords(Number.NaN), RangeError);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memo } from './memo.js';

test('memo makes a value once per key and keeps falsy values', () => {
  const cache = new Map<string, number>();
  let made = 0;
  const make = (n: number) => () => {
    made += 1;
    return n;
  };
  assert.equal(memo(cache, 'a', make(0)), 0);
  assert.equal(memo(cache, 'a', make(5)), 0);
  assert.equal(memo(cache, 'b', make(7)), 7);
  assert.equal(made, 2);
});

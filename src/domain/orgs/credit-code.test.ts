import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeCheckChar, creditCodeError } from './credit-code.js';

test('should accept real unified social credit codes (GB 32100-2015 check character)', () => {
  // The standard's own example (GB 32100-2015) and published codes.
  for (const code of ['91350100M000100Y43', '91110000802100433B', '11100000000013127D']) {
    assert.equal(creditCodeError(code), null, code);
  }
});

test('should reject a wrong check character, a wrong length and forbidden letters', () => {
  assert.match(creditCodeError('91350100M000100Y4A') ?? '', /校验位/);
  assert.match(creditCodeError('1132080401414043') ?? '', /18位/);
  assert.match(creditCodeError('11320804014140437I') ?? '', /18位/);
});

test('should compute the check character that maps 31 to 0', () => {
  assert.equal(creditCodeCheckChar('91110000802100433'), 'B');
  assert.equal(creditCodeCheckChar('short'), null);
});

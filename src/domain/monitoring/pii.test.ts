// Personal data: GB 11643 check digits, Luhn, masking, and numbers that look alike but are not reported.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPii, idCheckDigit, luhnValid, mask, validIdNumber } from './pii.js';

describe('居民身份证 numbers (GB 11643-1999)', () => {
  it('computes the check digit, X included', () => {
    assert.equal(idCheckDigit('11010519491231002'), 'X');
    assert.equal(idCheckDigit('44052418800101001'), '4');
  });
  it('accepts valid numbers and refuses a wrong check digit or birth date', () => {
    assert.equal(validIdNumber('11010519491231002X'), true);
    assert.equal(validIdNumber('11010519491231002x'), true);
    assert.equal(validIdNumber('110105194912310021'), false);
    assert.equal(validIdNumber('110105194902300021'), false);
  });
});

describe('Luhn', () => {
  it('accepts card numbers passing the check and refuses the others', () => {
    assert.equal(luhnValid('6222021234567890128'), true);
    assert.equal(luhnValid('4111111111111111'), true);
    assert.equal(luhnValid('4111111111111112'), false);
  });
});

describe('findPii', () => {
  it('finds an ID number, a mobile number and a bank card, masked', () => {
    const hits = findPii('身份证 11010519491231002X，手机 13812345678，卡号 6222 0212 3456 7890 128。');
    assert.deepEqual(
      hits.map((h) => [h.kind, h.masked]),
      [
        ['id_card', '1101**********002X'],
        ['mobile', '138****5678'],
        ['bank_card', '6222***********0128'],
      ],
    );
  });
  it('does not report a wrong check digit, office numbers, dates or long document numbers', () => {
    assert.deepEqual(findPii('编号 110105194912310021 电话 010-12345678 日期 20261128 12345678901234567'), []);
    assert.deepEqual(findPii('号码 12812345678'), []);
  });
  it('masks keeping the ends', () => {
    assert.equal(mask('11010519491231002X', 4, 4), '1101**********002X');
  });
});

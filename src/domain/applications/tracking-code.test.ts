import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../core/domain-error.js';
import {
  TRACKING_ALPHABET,
  formatTrackingCode,
  isValidTrackingCode,
  maskEmail,
  maskIdNumber,
  maskPersonName,
  parseTrackingCode,
} from './tracking-code.js';

/** Deterministic bytes for tests (a linear congruential sequence). */
function bytes(seed: number, n = 11): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i += 1) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = x % 256;
  }
  return out;
}

describe('tracking codes', () => {
  it('should be 12 unambiguous characters in three groups of four', () => {
    const code = formatTrackingCode(bytes(1));
    assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    assert.equal(TRACKING_ALPHABET.length, 32);
    assert.doesNotMatch(TRACKING_ALPHABET, /[01IO]/);
  });

  it('should round-trip through parse, whatever the case, spaces and hyphens', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const code = formatTrackingCode(bytes(seed));
      const typed = code.toLowerCase().replace(/-/g, seed % 2 === 0 ? ' ' : '');
      const parsed = parseTrackingCode(typed);
      assert.ok(parsed.ok);
      assert.equal(parsed.value, code);
    }
  });

  it('should catch every single mistyped character', () => {
    const code = formatTrackingCode(bytes(7)).replace(/-/g, '');
    for (let i = 0; i < code.length; i += 1) {
      for (const c of TRACKING_ALPHABET) {
        if (c !== code[i]) {
          assert.equal(isValidTrackingCode(code.slice(0, i) + c + code.slice(i + 1)), false);
        }
      }
    }
  });

  it('should catch swapped neighbours in most cases', () => {
    let caught = 0;
    let swaps = 0;
    for (let seed = 0; seed < 50; seed += 1) {
      const code = formatTrackingCode(bytes(seed)).replace(/-/g, '');
      for (let i = 0; i + 1 < code.length; i += 1) {
        if (code[i] !== code[i + 1]) {
          swaps += 1;
          caught += isValidTrackingCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)) ? 0 : 1;
        }
      }
    }
    assert.ok(caught / swaps > 0.9, `${caught}/${swaps}`);
  });

  it('should reject wrong lengths and foreign characters', () => {
    assert.equal(isValidTrackingCode(''), false);
    assert.equal(isValidTrackingCode('ABCD-EFGH-JKL'), false);
    assert.equal(isValidTrackingCode('ABCD-EFGH-JK0M'), false);
    assert.throws(() => formatTrackingCode(new Uint8Array(10)), DomainError);
  });
});

describe('maskIdNumber', () => {
  it('should keep the first 3 and the last 4 characters', () => {
    assert.equal(maskIdNumber('11010519491231002X'), '110***********002X');
    assert.equal(maskIdNumber('91350100M000100Y43'), '913***********0Y43');
    assert.equal(maskIdNumber('E12345678'), 'E12**5678');
  });

  it('should never show a short number whole', () => {
    assert.equal(maskIdNumber('1234567'), '1******');
    assert.equal(maskIdNumber(''), '');
  });
});

test('maskPersonName should keep only the first character of a name, and never show a one-character name', () => {
  const masked = { 李四: '李*', 欧阳明华: '欧***', ' 王五 ': '王*', 张: '*', '': '' };
  for (const [name, shown] of Object.entries(masked)) assert.equal(maskPersonName(name), shown, name);
});

test('maskEmail should keep the first character of the local part and the domain only', () => {
  const masked = { 'zhangsan@example.com': 'z***@example.com', 'a@b.cn': 'a***@b.cn', 'no-at-sign': 'n*********' };
  for (const [address, shown] of Object.entries(masked)) assert.equal(maskEmail(address), shown, address);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DOC_NO_PATTERN, formatNoticeDocNo, validateDocNoPattern } from './doc-no.js';

const parts = { orgShortName: '示例区政办', year: 2025, serial: 7, kind: 'reply' as const };

test('the default pattern: 机关代字〔year〕serial号, serial not padded (GB/T 9704)', () => {
  const r = formatNoticeDocNo(DEFAULT_DOC_NO_PATTERN, parts);
  assert.deepEqual(r, { ok: true, value: '示例区政办依申〔2025〕7号' });
});

test('padding, two-digit year and the kind mark are configurable', () => {
  const r = formatNoticeDocNo('{orgShort}依申{kind}〔{yyyy}〕{serial:3}号', { ...parts, kind: 'correction' });
  assert.deepEqual(r, { ok: true, value: '示例区政办依申补〔2025〕007号' });
  const s = formatNoticeDocNo('GK-{yy}-{serial:5}', { ...parts, serial: 123 });
  assert.deepEqual(s, { ok: true, value: 'GK-25-00123' });
  const wide = formatNoticeDocNo('{yyyy}-{serial:2}', { ...parts, serial: 1234 });
  assert.deepEqual(wide, { ok: true, value: '2025-1234' });
});

test('bad patterns and serials are refused with Chinese reasons', () => {
  assert.match(validateDocNoPattern('{orgShort}〔{yyyy}〕号').join(), /\{serial\}/);
  assert.match(validateDocNoPattern('{org}〔{yyyy}〕{serial}号').join(), /未知的文号占位符“\{org\}”/);
  assert.match(validateDocNoPattern('{orgShort}〔{yyyy}〕{serial}{serial}号').join(), /只能包含一个/);
  assert.match(validateDocNoPattern('{orgShort}〔{yyyy}〕{serial号').join(), /花括号/);
  assert.match(validateDocNoPattern('{orgShort}{serial}号').join(), /年份/);
  assert.deepEqual(validateDocNoPattern(DEFAULT_DOC_NO_PATTERN), []);
  const r = formatNoticeDocNo(DEFAULT_DOC_NO_PATTERN, { ...parts, serial: 0 });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.code, 'invalid_doc_no_pattern');
    assert.match(r.error.message, /正整数/);
  }
});

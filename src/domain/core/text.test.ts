import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, escapeRegExp } from './text.js';

test('escapeHtml neutralises markup and both quote kinds, and leaves Chinese text alone', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>甲&乙</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;甲&amp;乙&lt;/a&gt;',
  );
});

test('escapeRegExp makes every metacharacter literal', () => {
  const text = '示例区〔2025〕1号 (a+b)*[c]?{d}|e^f$g.h\\i';
  assert.ok(new RegExp(`^${escapeRegExp(text)}$`).test(text));
  assert.ok(!new RegExp(escapeRegExp('a.c')).test('abc'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './csv.js';

test('should read quoted fields with commas, quotes and line breaks, and keep line numbers', () => {
  const r = parseCsv('\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n\n3,,\n');
  assert.ok(r.ok);
  assert.deepEqual(r.ok && r.records.map((x) => [x.line, x.fields]), [
    [1, ['a', 'b', 'c']],
    [2, ['1', 'x, y', 'say "hi"']],
    [3, ['2', 'two\nlines', 'z']],
    [6, ['3', '', '']],
  ]);
});

test('should report an unclosed quote with its line', () => {
  const r = parseCsv('a,b\n1,"open\n2,3\n');
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.error.line, 2);
});

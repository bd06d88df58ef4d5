// String literals of scripts, and the markup they carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptLiterals, scriptMarkup, unescapeJs } from './script-markup.js';

test('should resolve JavaScript escapes, line continuations included', () => {
  assert.equal(unescapeJs('\\"a\\"\\n\\t\\\\ \\u003ctd\\u003e \\x41 \\u{4E2D} \\/ \\q'), '"a"\n\t\\ <td> A 中 / q');
  assert.equal(unescapeJs('第一\\\n行'), '第一行');
  assert.equal(unescapeJs('plain'), 'plain');
});

test('should find literals of every quote, skipping comments, and note those joined by +', () => {
  const src = `a("x") // "not a literal"
    /* 'nor this' */ b = 'y' +
      // between
      \`z\${q + "inner"}w\`; c = "n"`;
  assert.deepEqual(scriptLiterals(src), [
    { text: 'x', joined: false },
    { text: 'y', joined: false },
    { text: 'zw', joined: true },
    { text: 'n', joined: false },
  ]);
});

test('should end a literal left open at its line', () => {
  assert.deepEqual(
    scriptLiterals('if (/"/.test(s)) {\n  w("<p>x</p>");\n}').map((l) => l.text),
    ['/.test(s)) {', '<p>x</p>'],
  );
});

test('should return the strings that hold a tag, in order, each once', () => {
  const seen = new Set<string>();
  const src = `var id = "content", enc = 'utf-8';
    var a = "<table>" + "<tr><td>" + "17" + "</td></tr>";
    document.getElementById(id).innerHTML = a + "</table>" + "<p>x</p>";
    log("a < b");`;
  assert.equal(scriptMarkup(src, seen), '<table><tr><td>17</td></tr>\n</table><p>x</p>');
  assert.equal(scriptMarkup(src, seen), '', 'already read on this page');
});

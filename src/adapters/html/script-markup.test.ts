// String literals of scripts, and the markup they carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptLiterals, scriptMarkup, unescapeJs, unescapePercent } from './script-markup.js';

test('should resolve JavaScript escapes, line continuations included', () => {
  assert.equal(unescapeJs('\\"a\\"\\n\\t\\\\ \\u003ctd\\u003e \\x41 \\u{4E2D} \\/ \\q'), '"a"\n\t\\ <td> A 中 / q');
  assert.equal(unescapeJs('第一\\\n行'), '第一行');
  assert.equal(unescapeJs('plain'), 'plain');
});

test('should find literals of every quote, skipping comments, and note those joined by + and appended', () => {
  const src = `a("x") // "not a literal"
    /* 'nor this' */ b = 'y' +
      // between
      \`z\${q + "inner"}w\`; c = "n"; c += 'm'; document.write("w"); f(['p', "q"]); g.get("id")`;
  assert.deepEqual(scriptLiterals(src), [
    { text: 'x', joined: false, appended: false },
    { text: 'y', joined: false, appended: false },
    { text: 'zw', joined: true, appended: true },
    { text: 'n', joined: false, appended: false },
    { text: 'm', joined: false, appended: true },
    { text: 'w', joined: false, appended: true },
    { text: 'p', joined: false, appended: true },
    { text: 'q', joined: false, appended: true },
    { text: 'id', joined: false, appended: false },
  ]);
});

test('should end a literal left open at its line', () => {
  assert.deepEqual(
    scriptLiterals('if (/"/.test(s)) {\n  w("<p>x</p>");\n}').map((l) => l.text),
    ['/.test(s)) {', '<p>x</p>'],
  );
});

test('should return the markup strings in order, joined as the script joins them', () => {
  const src = `var id = "content", enc = 'utf-8';
    var a = "<table>" + "<tr><td>" + "17" + "</td></tr>";
    document.getElementById(id).innerHTML = a + "</table>" + "<p>x</p>";
    log("a < b");`;
  assert.equal(scriptMarkup(src), '<table><tr><td>17</td></tr></table><p>x</p>');
});

test('should keep the figures and cut tags that the code appends in literals of their own', () => {
  const src = `var h = '';
    h += '<table><tr><td style="width:5' + '0px">本年新收</td><td>8';
    h += '21';
    h += '</td>'; var unused = 'utf-8'; el = document.getElementById('c');
    h += "<td>" ; h += 3; h += "</td></tr></table>";
    el.innerHTML = h; console.log('done');`;
  assert.equal(scriptMarkup(src), '<table><tr><td style="width:50px">本年新收</td><td>821</td><td></td></tr></table>');
});

test('should read a passage of text once per page, and let short strings repeat', () => {
  const seen = new Set<string>();
  const passage = '<p>本机关全年共受理政府信息公开申请八百五十九件，均在法定期限内予以答复，答复率为百分之百。</p>';
  const src = `if (mobile) { c = "${passage}" } else { c = "${passage}" }
    document.write("<tr>"); document.write("<td>维持</td>"); document.write("</tr>");
    document.write("<tr>"); document.write("<td>维持</td>"); document.write("</tr>");`;
  assert.equal(scriptMarkup(src, seen), `${passage}<tr><td>维持</td></tr><tr><td>维持</td></tr>`);
  assert.equal(scriptMarkup(`w("${passage}")`, seen), '', 'already read on this page');
});

test("should decode percent-encoded markup, UTF-8 or unescape's %uXXXX", () => {
  const markup = '<table><tr><td>本年新收</td><td>821</td></tr></table>';
  assert.equal(scriptMarkup(`document.write(decodeURIComponent("${encodeURIComponent(markup)}"))`), markup);
  assert.equal(unescapePercent('%3Cp%3E%u4E2D%u6587%3C/p%3E 100%'), '<p>中文</p> 100%');
  assert.equal(scriptMarkup('var discount = "100%3Cb"; var s = "50% off";'), '', 'no tag after decoding');
});

test('should leave out the keys of an object between markup strings', () => {
  const src = 'var page = {"content":"<p>正文</p>","time":"2024-01-01", "body" :"<table><tr><td>1</td></tr></table>"};';
  assert.equal(scriptMarkup(src), '<p>正文</p><table><tr><td>1</td></tr></table>');
});

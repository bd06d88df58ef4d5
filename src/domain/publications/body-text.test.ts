// The body as typed: HTML when it begins with a tag, else plain text whose blank lines make paragraphs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyHtmlOf, isHtmlBody, plainTextToHtml } from './body-text.js';

describe('plain text body', () => {
  test('should make paragraphs of text separated by blank lines and <br> of single line breaks', () => {
    assert.equal(
      plainTextToHtml('第一段第一行\n第一段第二行\n\n第二段'),
      '<p>第一段第一行<br>第一段第二行</p>\n<p>第二段</p>',
    );
  });

  test('should read Windows line breaks and several blank lines (with spaces) as one paragraph break', () => {
    assert.equal(plainTextToHtml('甲\r\n\r\n \r\n\r\n乙\r\n丙'), '<p>甲</p>\n<p>乙<br>丙</p>');
  });

  test('should keep the full-width indent of a paragraph and drop blank lines at either end', () => {
    assert.equal(
      plainTextToHtml('\n\n　　根据《条例》第二十条，\n\n　　现予公开。\n\n'),
      '<p>　　根据《条例》第二十条，</p>\n<p>　　现予公开。</p>',
    );
  });

  test('should escape markup typed as text', () => {
    assert.equal(plainTextToHtml('A < B & "C"\n<script>'), '<p>A &lt; B &amp; &quot;C&quot;<br>&lt;script&gt;</p>');
  });

  test('should make nothing of an empty or blank body', () => {
    assert.equal(plainTextToHtml(''), '');
    assert.equal(plainTextToHtml(' \n\n \n'), '');
  });
});

describe('which bodies are HTML', () => {
  test('should treat a body beginning with a block or inline tag, a comment or a doctype as HTML', () => {
    for (const html of [
      '<p>段落</p>',
      '  \n<h2>标题</h2>',
      '<TABLE><tr><td>1</td></tr></table>',
      '<ul><li>一</li></ul>',
      '<strong>加粗</strong>开头',
      '<br/>',
      '<!-- 注释 --><p>x</p>',
      '<!DOCTYPE html><html><body><p>x</p></body></html>',
      '<div class="x">x</div>',
    ]) {
      assert.equal(isHtmlBody(html), true, html);
      assert.equal(bodyHtmlOf(html), html, 'kept as written');
    }
  });

  test('should treat text, and text that merely contains tags or angle brackets, as plain text', () => {
    for (const text of ['正文第一段', '<附件1>见后', '<pp>不是标签', 'a<p>b</p>', '<  p>', '<paragraph>']) {
      assert.equal(isHtmlBody(text), false, text);
    }
    assert.equal(bodyHtmlOf('见<附件1>\n\n完'), '<p>见&lt;附件1&gt;</p>\n<p>完</p>');
  });

  test('should give an HTML body sent with CRLF line breaks (as browsers send a textarea) back with LF', () => {
    assert.equal(bodyHtmlOf('<p>甲</p>\r\n<p>乙\r\n丙</p>'), '<p>甲</p>\n<p>乙\n丙</p>');
  });
});

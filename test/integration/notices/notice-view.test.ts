// The notice as HTML: the whole sheet, escaped text, no inline styles (CSP style-src 'self'), and
// the A4 print rules in app.css.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildNoticeDocument, type NoticeDocument as NoticeDoc } from '../../../src/domain/notices/notice.js';
import { localDate } from '../../../src/domain/core/local-date.js';
import { NoticeDocument, NoticePage } from '../../../src/web/admin/applications/notice-document.js';
import { sampleNoticeBase } from '../../../src/domain/notices/test-support.js';

function doc(name = '张三'): NoticeDoc {
  const r = buildNoticeDocument({
    ...sampleNoticeBase({ applicant: { name, address: '示例区幸福路8号' } }),
    kind: 'correction',
    items: ['请明确文件名称', '请补充身份证明'],
    correctionDueOn: localDate('2025-10-20'),
  });
  assert.ok(r.ok);
  return r.value;
}

const actor = { userId: 'u1', username: 'handler', displayName: '王承办', homeOrgId: 'o1', roles: [] };

test('the sheet carries title, doc number, addressee, every paragraph, signature and an empty seal area', async () => {
  const html = String(await NoticeDocument({ doc: doc() }));
  assert.match(html, /<article class="notice-doc" lang="zh-CN"/);
  assert.match(html, /<h2 class="notice-doc-title" id="notice-doc-title">政府信息公开申请补正告知书<\/h2>/);
  assert.match(html, /<p class="notice-doc-no">示例区政办依申〔2025〕3号<\/p>/);
  assert.match(html, /<p class="notice-doc-para">1. 请明确文件名称<\/p>/);
  assert.match(html, /<time datetime="2025-09-30">2025年9月30日<\/time>/);
  assert.match(html, /class="notice-doc-seal notice-doc-seal-empty"/);
  assert.doesNotMatch(html, /style=/, 'the CSP forbids inline styles');
});

test('applicant text is escaped and the seal image is shown when given', async () => {
  const html = String(await NoticeDocument({ doc: doc('<script>alert(1)</script>'), sealSrc: '/admin/files/seal-1' }));
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /<img src="\/admin\/files\/seal-1" alt="示例区人民政府办公室印章"/);
});

test('the page offers the DOCX download and print advice, which the print rules hide', async () => {
  const html = String(
    await NoticePage({
      doc: doc(),
      actor,
      csrf: 'tok',
      backHref: '/admin/applications/a1',
      docxHref: '/admin/notices/n1.docx',
    }),
  );
  assert.match(html, /<title>政府信息公开申请补正告知书（示例区政办依申〔2025〕3号） - /);
  assert.match(html, /<nav class="notice-toolbar"/);
  assert.match(html, /href="\/admin\/notices\/n1.docx"/);
  const css = readFileSync(new URL('../../../src/web/static/app.css', import.meta.url), 'utf8');
  const block = css.slice(css.indexOf('/* ---- notices'));
  assert.match(block, /@media print \{[\s\S]*@page \{\s*size: A4;/);
  assert.match(block, /\.topbar,\s*\.sidenav,[^{]*\.notice-toolbar \{\s*display: none !important;\s*\}/);
  assert.match(block, /仿宋/);
});

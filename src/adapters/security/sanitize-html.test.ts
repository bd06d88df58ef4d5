// The body allow-list: what an editor may keep, and what never reaches a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlSanitizer } from './sanitize-html.js';
import { guideTemplateHtml } from '../../domain/guide/guide-template.js';
import { rulesTemplateHtml } from '../../domain/guide/rules-template.js';
import { testOrganization } from '../../domain/orgs/test-support.js';

const clean = (s: string) => htmlSanitizer.html(s);

test('should keep the structure of an official document', () => {
  const doc =
    '<h2>一、总体要求</h2><p>各街道：<strong>现将</strong>有关事项通知如下。</p><ol><li>甲</li></ol><table><tbody><tr><th scope="col">项目</th><td colspan="2">1</td></tr></tbody></table><p><a href="/publications/x">附件</a> <a href="https://www.gov.cn/">中国政府网</a></p>';
  assert.equal(clean(doc), doc);
});

test('should drop scripts, handlers, styles, frames and dangerous links', () => {
  assert.equal(clean('<p>a</p><script>alert(1)</script>'), '<p>a</p>');
  assert.equal(clean('<p onclick="x()" style="color:red" class="c">b</p>'), '<p>b</p>');
  assert.equal(clean('<img src="x" onerror="alert(1)">'), '<img src="x" />');
  assert.equal(clean('<a href="javascript:alert(1)">c</a>'), '<a>c</a>');
  assert.equal(clean('<img src="data:image/svg+xml;base64,AAAA">'), '<img />');
  assert.equal(clean('<iframe src="https://evil.example/"></iframe><style>p{}</style><form><input></form>d'), 'd');
  assert.equal(clean('<a href="//evil.example/">e</a>'), '<a>e</a>');
  assert.equal(clean('<h1>标题</h1>'), '<h2>标题</h2>');
});

test('should keep the default 指南 and 制度 texts whole, so an organization edits from all of them', () => {
  const org = testOrganization({ id: 'edu', name: '示例区教育局', officeFax: '0999-1', officeEmail: 'gk@example.cn' });
  const links = { column: '/org/x', guide: '/org/x/guide', rules: '/org/x/rules', statutory: '/org/x/statutory' };
  const more = { annualReports: '/a', standardCatalogue: '/sc', apply: '/ap', track: '/track', search: '/search' };
  const guide = guideTemplateHtml({
    org,
    links: { ...links, ...more, feed: '/org/x/feed.atom', info: '/org/x/info' },
    categories: [{ name: '规划计划', href: '/org/x/c/1' }],
    reviewBody: '示例区人民政府',
    court: '有管辖权的人民法院',
  });
  assert.match(guide, /<th scope="rowgroup" rowspan="3">按件计收<\/th>/);
  assert.equal(clean(guide), guide);
  assert.equal(clean(rulesTemplateHtml(org)), rulesTemplateHtml(org));
});

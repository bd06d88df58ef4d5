// The default 政府信息公开指南 and 制度 texts: every element 《条例》第十二条 asks for, filled from the
// organization's data (escaped), the periods and fees from the rules coded elsewhere, no placeholder left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guideTemplateHtml, type GuideFacts } from './guide-template.js';
import { RULES_HEADINGS, rulesTemplateHtml } from './rules-template.js';
import { testOrganization } from '../orgs/test-support.js';

const ORG = testOrganization({
  id: 'edu',
  name: '示例区教育局',
  creditCode: '11999901MB0000012X',
  address: '示例区人民路12号',
  postcode: '999001',
  phone: '0999-88000012',
  officeHours: '工作日 8:30—17:30',
  officeName: '区教育局政府信息公开工作机构',
  officeAddress: '示例区人民路12号3楼',
  officePhone: '0999-88010012',
  officeFax: '0999-88020012',
  officeEmail: 'gk12@example.gov.cn',
});

const facts = (over: Partial<GuideFacts> = {}): GuideFacts => ({
  org: ORG,
  links: {
    column: '/o',
    guide: '/o/guide',
    rules: '/o/rules',
    statutory: '/o/statutory',
    annualReports: '/o/annual-reports',
    standardCatalogue: '/o/sc',
    apply: '/o/apply',
    track: '/track',
    search: '/search',
    feed: '/o/feed.atom',
    info: '/o/info',
  },
  categories: [{ name: '规划计划', href: '/o/c/plan' }],
  reviewBody: '示例区人民政府',
  court: '有管辖权的人民法院',
  ...over,
});

/** The text without tags, for reading the sentences. */
const plain = (html: string) => html.replace(/<[^>]+>/g, '');

test('should carry every element of art. 12 and the office contact details from the organization', () => {
  const html = guideTemplateHtml(facts());
  const text = plain(html);
  for (const heading of [
    '一、主动公开',
    '分类和编排体系',
    '获取方式',
    '二、依申请公开',
    '申请方式',
    '申请表',
    '办理时限',
  ]) {
    assert.match(text, new RegExp(heading), heading);
  }
  for (const heading of ['（五）收费', '三、政府信息公开工作机构', '四、监督和救济']) {
    assert.ok(text.includes(heading), heading);
  }
  for (const value of [
    '名称：区教育局政府信息公开工作机构',
    '办公地址：示例区人民路12号3楼',
    '办公时间：工作日 8:30—17:30',
    '联系电话：0999-88010012',
    '传真号码：0999-88020012',
    '电子邮箱：gk12@example.gov.cn',
    '互联网联系方式',
  ]) {
    assert.ok(text.includes(value), value);
  }
  assert.match(html, /<a href="mailto:gk12@example.gov.cn">/);
  assert.match(html, /<a href="\/o\/apply">在线申请<\/a>/);
  assert.match(html, /<a href="\/o\/statutory">法定主动公开内容<\/a>[^<]*下设<a href="\/o\/c\/plan">规划计划<\/a>/);
  assert.match(html, /<a href="\/o\/sc">基层政务公开标准目录<\/a>/);
  assert.match(text, /索引号以本机关的统一社会信用代码（11999901MB0000012X）开头/);
  assert.doesNotMatch(text, /【|请补充|undefined|null/);
});

test('should state the periods of arts. 26, 30 and 33 and the fee bands of 国办函〔2020〕109号', () => {
  const text = plain(guideTemplateHtml(facts()));
  assert.match(text, /形成或者变更之日起20个工作日内予以公开/);
  assert.match(text, /7个工作日内一次性告知申请人作出补正/);
  assert.match(text, /自收到申请之日起20个工作日内予以答复/);
  assert.match(text, /延长的期限最长不超过20个工作日/);
  assert.match(text, /国办函〔2020〕109号/);
  assert.match(text, /累计申请10件以下（含10件）不收费/);
  assert.match(text, /11—30件的部分100元\/件/);
  assert.match(text, /每增加10件，收费标准提高100元\/件（31—40件200元\/件/);
  assert.match(text, /30页以下（含30页）不收费/);
  assert.match(text, /31—100页的部分10元\/页/);
  assert.match(text, /101—200页的部分20元\/页/);
  assert.match(text, /201页以上的部分40元\/页/);
});

test('should name the review body and the court, and fall back to a description when the body is unknown', () => {
  assert.match(plain(guideTemplateHtml(facts())), /60日内，向示例区人民政府申请行政复议/);
  assert.match(plain(guideTemplateHtml(facts())), /6个月内，向有管辖权的人民法院提起行政诉讼/);
  const unknown = plain(guideTemplateHtml(facts({ reviewBody: undefined })));
  assert.match(unknown, /向依法负责复议的行政复议机关申请行政复议/);
  assert.doesNotMatch(unknown, /undefined/);
});

test('should leave out the fax and email ways and lines when the organization has none, and fall back to its address', () => {
  const org = { ...ORG, officeFax: '', officeEmail: '', officeAddress: '', officeName: '' };
  const text = plain(guideTemplateHtml(facts({ org })));
  assert.doesNotMatch(text, /传真申请|传真号码|电子邮件申请|电子邮箱/);
  assert.match(text, /名称：示例区教育局/);
  assert.match(text, /将申请书邮寄至示例区人民路12号（邮政编码999001）/);
});

test('should escape what the organization typed', () => {
  const org = { ...ORG, name: '<script>x</script>局', officeEmail: 'a"b@example.cn' };
  const html = guideTemplateHtml(facts({ org, categories: [{ name: '<b>栏目</b>', href: '/o/c/"x' }] }));
  assert.doesNotMatch(html, /<script>|<b>栏目/);
  assert.match(html, /&lt;script&gt;x&lt;\/script&gt;局/);
  assert.match(html, /href="\/o\/c\/&quot;x"/);
  assert.match(html, /href="mailto:a&quot;b@example.cn"/);
});

test('should write the 制度 page under its four headings, naming the organization and its office, without placeholders', () => {
  const html = rulesTemplateHtml(ORG);
  const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
  assert.deepEqual(
    headings,
    RULES_HEADINGS.map((h, i) => `${['一', '二', '三', '四'][i]}、${h}`),
  );
  const text = plain(html);
  assert.match(text, /示例区教育局建立以下政府信息公开工作制度/);
  assert.match(text, /区教育局政府信息公开工作机构统一受理/);
  assert.match(text, /《中华人民共和国保守国家秘密法》/);
  assert.doesNotMatch(text, /【|请补充|undefined/);
});

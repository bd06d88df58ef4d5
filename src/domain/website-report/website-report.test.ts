import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import type { Actor } from '../policies/actor.js';
import { checkValue, DEFAULT_REPORT_FIELDS, FIELD_GROUPS, parseFieldList, type ReportField } from './fields.js';
import { fillReport, publicationBucket, type ReportFacts } from './fill-rules.js';
import { dueDateOf, filingStatus, isDueMonthDay, mayManageReport, refusalOf, reviewerRefusal } from './report.js';

const field = (unit: ReportField['unit']): ReportField => ({
  id: 'x',
  label: '测试',
  group: '信息发布',
  unit,
  filled: false,
});
const actor = (roles: Actor['roles'], userId = 'u1'): Actor => ({
  userId,
  username: userId,
  displayName: '',
  homeOrgId: 'dept',
  roles,
});

describe('website report fields', () => {
  test('should keep unique ids in the default list, every group known', () => {
    const ids = DEFAULT_REPORT_FIELDS.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const f of DEFAULT_REPORT_FIELDS) assert.ok((FIELD_GROUPS as readonly string[]).includes(f.group), f.id);
    assert.deepEqual(parseFieldList(JSON.parse(JSON.stringify(DEFAULT_REPORT_FIELDS))), {
      ok: true,
      fields: DEFAULT_REPORT_FIELDS,
    });
  });

  test('should name every problem of a stored list', () => {
    const r = parseFieldList([{ id: 'a', label: '甲', group: '信息发布', unit: '条' }, { id: 'a', group: '无' }, 3]);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.ok(r.errors.some((e) => /第2项的 id “a”重复/.test(e)));
    assert.ok(r.errors.some((e) => /第2项缺少名称/.test(e)));
    assert.ok(r.errors.some((e) => /第3项的 id/.test(e)));
    assert.deepEqual(parseFieldList({}), { ok: false, errors: ['栏目列表应为 JSON 数组'] });
  });

  test('should check entered values by unit', () => {
    assert.deepEqual(checkValue(field('条'), ' 012 '), { ok: true, value: '12' });
    assert.equal(checkValue(field('条'), '-1').ok, false);
    assert.equal(checkValue(field('条'), '1.5').ok, false);
    assert.deepEqual(checkValue(field('天'), '2.5'), { ok: true, value: '2.5' });
    assert.equal(checkValue(field('天'), '2.55').ok, false);
    assert.deepEqual(checkValue(field('是/否'), '否'), { ok: true, value: '否' });
    assert.equal(checkValue(field('是/否'), '有').ok, false);
    assert.deepEqual(checkValue(field('条'), '  '), { ok: true, value: '' });
    assert.equal(checkValue(field('文本'), '字'.repeat(501)).ok, false);
  });
});

describe('website report filling', () => {
  test('should put news, profile and other items in their buckets', () => {
    assert.equal(publicationBucket({ kind: 'news', categoryName: '机构职能', categorySlug: 'functions' }), 'news');
    assert.equal(publicationBucket({ kind: 'other', categoryName: '工作动态', categorySlug: 'x' }), 'news');
    assert.equal(publicationBucket({ kind: 'other', categoryName: '机构职能', categorySlug: 'functions' }), 'overview');
    assert.equal(
      publicationBucket({ kind: 'normative', categoryName: '行政规范性文件', categorySlug: 'p' }),
      'catalogue',
    );
  });

  const facts: ReportFacts = {
    year: 2025,
    site: { name: '甲网站', homeUrl: 'http://a.test/', sponsor: '甲局', kindLabel: '部门网站', siteCode: '' },
    scopeLabel: '甲局',
    previous: null,
    publications: [
      { kind: 'news', categoryName: '工作动态', categorySlug: 'n' },
      { kind: 'normative', categoryName: '行政规范性文件', categorySlug: 'p' },
      { kind: 'interpretation', categoryName: '政策解读', categorySlug: 'i' },
    ],
    interpretations: 1,
    hasInteractionColumns: false,
    messages: [],
    applications: { received: 5, closed: 4 },
    security: { checks: 2, found: 3, fixed: 1 },
    accounts: [
      { platform: 'wechat', name: '甲发布', posts: 7 },
      { platform: 'douyin', name: '甲抖音', posts: 2 },
    ],
    today: localDate('2026-01-10'),
  };

  test('should fill the counts with their sources, leaving out what is not recorded', () => {
    const { values, sources } = fillReport(facts);
    assert.equal(values.pub_total, '3');
    assert.equal(values.pub_news, '1');
    assert.equal(values.pub_catalogue, '2');
    assert.equal(values.pub_overview, '0');
    assert.equal(values.security_found, '3');
    assert.equal(values.wechat_posts, '7');
    assert.equal(values.media_other, '甲抖音');
    assert.equal(values.media_any, '是');
    assert.equal(values.site_code, undefined, 'no code registered');
    assert.equal(values.weibo_names, undefined, 'no weibo account');
    assert.equal(values.messages_received, undefined, 'no interaction column: messages are not recorded');
    for (const id of Object.keys(values)) assert.ok(sources[id], id);
  });

  test('should average the days of answered messages', () => {
    const { values } = fillReport({
      ...facts,
      hasInteractionColumns: true,
      messages: [
        { receivedOn: localDate('2025-01-01'), answeredOn: localDate('2025-01-02') },
        { receivedOn: localDate('2025-01-01'), answeredOn: localDate('2025-01-03') },
        { receivedOn: localDate('2025-02-01'), answeredOn: null },
      ],
    });
    assert.deepEqual([values.messages_received, values.messages_done, values.messages_avg_days], ['3', '2', '1.5']);
  });
});

describe('website report workflow and filing', () => {
  test('should allow each move only in its state', () => {
    assert.equal(refusalOf('draft', 'edit'), null);
    assert.match(refusalOf('draft', 'publish') ?? '', /审核/);
    assert.match(refusalOf('reviewed', 'edit') ?? '', /退回/);
    assert.match(refusalOf('published', 'reopen') ?? '', /已发布/);
  });

  test('should refuse the editor as reviewer (编审分离)', () => {
    assert.match(reviewerRefusal({ editedBy: 'u1' }, actor([], 'u1')) ?? '', /编审分离/);
    assert.equal(reviewerRefusal({ editedBy: 'u1' }, actor([], 'u2')), null);
  });

  test('should date the deadline in the next year and tell on time, late, missing and pending', () => {
    const due = dueDateOf(2025);
    assert.equal(due, '2026-01-31');
    assert.equal(filingStatus(localDate('2026-01-31'), due, localDate('2026-03-01')), 'on_time');
    assert.equal(filingStatus(localDate('2026-02-01'), due, localDate('2026-03-01')), 'late');
    assert.equal(filingStatus(null, due, localDate('2026-02-01')), 'missing');
    assert.equal(filingStatus(null, due, localDate('2026-01-31')), 'pending');
    assert.ok(isDueMonthDay('02-28'));
    assert.ok(!isDueMonthDay('02-29'));
    assert.ok(!isDueMonthDay('1-31'));
  });

  test('should let admins and supervisors at or above the site act, and no one else', () => {
    const path = ['root', 'dept'];
    assert.ok(mayManageReport(actor([{ orgId: 'root', role: 'supervisor' }]), path));
    assert.ok(mayManageReport(actor([{ orgId: 'dept', role: 'admin' }]), path));
    assert.ok(!mayManageReport(actor([{ orgId: 'dept', role: 'editor' }]), path));
    assert.ok(!mayManageReport(actor([{ orgId: 'other', role: 'admin' }]), path));
    assert.ok(!mayManageReport(actor([{ orgId: 'root', role: 'admin' }]), []));
  });
});

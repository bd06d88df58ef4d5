import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Organization, OrgKind } from '../orgs/organization.js';
import { cityGovernmentOf, reviewBodyFor } from './review-body.js';
import { testOrganization } from '../orgs/test-support.js';

const org = (id: string, kind: OrgKind, name: string, parentId: string | null): Organization =>
  testOrganization({ id, kind, name, parentId, createdAt: '2025-01-02T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z' });

// The demo district, plus a 派出机构 under the education bureau.
const DEMO = [
  org('root', 'government', '示例区人民政府', null),
  org('edu', 'department', '示例区教育局', 'root'),
  org('town', 'township', '示例区示例镇人民政府', 'root'),
  org('street', 'street', '示例区城关街道办事处', 'root'),
  org('office', 'other', '示例区教育局城东教育管理中心', 'edu'),
];

test('a department, a township, a street and a body under a department name the district government', () => {
  for (const [id, article] of [
    ['edu', /第二十四条第一款第（一）项/],
    ['town', /第二十四条第一款第（二）项/],
    ['street', /第二十四条第一款第（三）项/],
    ['office', /第二十四条第一款第（四）项、第四款/],
  ] as const) {
    const body = reviewBodyFor(DEMO, id);
    assert.equal(body.name, '示例区人民政府', id);
    assert.equal(body.source, 'tree', id);
    assert.match(body.basis, article, id);
  }
});

test('the root government cannot be named from the tree: its setting, or its city read from its name, else none', () => {
  const none = reviewBodyFor(DEMO, 'root');
  assert.equal(none.name, undefined);
  assert.equal(none.source, 'none');
  assert.match(none.basis, /请在告知书设置中填写/);
  assert.deepEqual(
    [reviewBodyFor(DEMO, 'root', ' 示例市人民政府 ').name, reviewBodyFor(DEMO, 'root', '示例市人民政府').source],
    ['示例市人民政府', 'setting'],
  );
  const named = [org('r', 'government', '示例市示例区人民政府', null)];
  assert.deepEqual(reviewBodyFor(named, 'r'), {
    name: '示例市人民政府',
    source: 'root_name',
    basis: '《中华人民共和国行政复议法》第二十四条第一款第（二）项：上一级人民政府（按本机关名称推定）',
  });
});

test('a placeholder saved by older versions never reaches a notice; an own setting wins over the tree', () => {
  for (const placeholder of ['上一级人民政府', '本级人民政府', ' 上级人民政府 ']) {
    assert.equal(reviewBodyFor(DEMO, 'root', placeholder).name, undefined, placeholder);
    assert.equal(reviewBodyFor(DEMO, 'edu', placeholder).name, '示例区人民政府', placeholder);
  }
  // A vertically managed body (行政复议法 art. 27) names its 上一级主管部门 by hand.
  assert.equal(reviewBodyFor(DEMO, 'edu', '示例市教育局').name, '示例市教育局');
  assert.equal(reviewBodyFor(DEMO, 'missing').name, undefined);
});

test('a district government under a city in the tree is reviewed by the city government', () => {
  const tree = [
    org('city', 'government', '示例市人民政府', null),
    org('district', 'government', '示例市示例区人民政府', 'city'),
    org('dept', 'department', '示例市示例区财政局', 'district'),
  ];
  assert.equal(reviewBodyFor(tree, 'district').name, '示例市人民政府');
  assert.equal(reviewBodyFor(tree, 'dept').name, '示例市示例区人民政府');
});

test('the city is read only from a county-level government name that carries it', () => {
  assert.equal(cityGovernmentOf('北京市朝阳区人民政府'), '北京市人民政府');
  assert.equal(cityGovernmentOf('示例自治州示例县人民政府'), '示例自治州人民政府');
  assert.equal(cityGovernmentOf('示例区人民政府'), undefined);
  assert.equal(cityGovernmentOf('示例区教育局'), undefined);
});

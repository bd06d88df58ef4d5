import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ancestry, choicesAlong, orderTree, subtreeIds, wouldCreateCycle, type Organization } from './organization.js';
import { testOrganization } from './test-support.js';

const org = (id: string, parentId: string | null, sortOrder = 0, name = id): Organization =>
  testOrganization({ id, parentId, sortOrder, name });

const orgs = [
  org('dept-b', 'gov', 2),
  org('gov', null),
  org('dept-a', 'gov', 1),
  org('unit', 'dept-a'),
  org('street', 'gov', 3),
];

test('should order the tree depth-first, root first, siblings by sort order', () => {
  const tree = orderTree(orgs);
  assert.deepEqual(
    tree.map((o) => `${o.depth}:${o.id}`),
    ['0:gov', '1:dept-a', '2:unit', '1:dept-b', '1:street'],
  );
  assert.deepEqual(tree[2]?.path, ['gov', 'dept-a', 'unit']);
});

test('should give the ancestry from the root down', () => {
  assert.deepEqual(ancestry(orgs, 'unit'), ['gov', 'dept-a', 'unit']);
  assert.deepEqual(ancestry(orgs, 'nope'), []);
});

test('should refuse moves that make an organization its own ancestor', () => {
  assert.equal(wouldCreateCycle(orgs, 'gov', 'unit'), true);
  assert.equal(wouldCreateCycle(orgs, 'dept-a', 'dept-a'), true);
  assert.equal(wouldCreateCycle(orgs, 'dept-a', 'unit'), true);
  assert.equal(wouldCreateCycle(orgs, 'unit', 'dept-b'), false);
  assert.equal(wouldCreateCycle(orgs, 'dept-b', null), false);
});

test('should list a subtree', () => {
  assert.deepEqual([...subtreeIds(orgs, 'dept-a')].sort(), ['dept-a', 'unit']);
  assert.equal(subtreeIds(orgs, 'gov').size, 5);
});

test('should offer every organization of a small tree, and a large tree opened along the chosen one', () => {
  const tree = orderTree([
    ...orgs,
    org('unit-child', 'unit'),
    org('unit-sibling', 'dept-a', 5),
    org('street-child', 'street'),
  ]);
  const ids = (chosen?: string, max = 3) =>
    choicesAlong(
      tree,
      tree.find((o) => o.id === chosen),
      max,
    ).map((o) => o.id);
  assert.deepEqual(
    ids(undefined, 100),
    tree.map((o) => o.id),
  );
  assert.deepEqual(ids(), ['gov', 'dept-a', 'dept-b', 'street']);
  assert.deepEqual(ids('dept-a'), ['gov', 'dept-a', 'unit', 'unit-sibling', 'dept-b', 'street']);
  assert.deepEqual(ids('unit'), ['gov', 'dept-a', 'unit', 'unit-child', 'unit-sibling', 'dept-b', 'street']);
  assert.deepEqual(ids('street'), ['gov', 'dept-a', 'dept-b', 'street', 'street-child']);
});

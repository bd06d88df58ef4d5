// Nesting the flat organization list for the tree drawn as nested lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { descendantCount, nest, type Nested } from './tree.js';

const n = (id: string, parentId: string | null) => ({ id, parentId });
const shape = (items: Nested<{ id: string }>[]): unknown => items.map((i) => [i.node.id, shape(i.children)]);

test('should nest the list by parent, keeping the order of siblings, with orphans as roots', () => {
  const tree = nest([n('gov', null), n('b', 'gov'), n('a', 'gov'), n('a1', 'a'), n('lost', 'retired-parent')]);
  assert.deepEqual(shape(tree), [
    [
      'gov',
      [
        ['b', []],
        ['a', [['a1', []]]],
      ],
    ],
    ['lost', []],
  ]);
  assert.equal(descendantCount(tree[0]!), 3);
  assert.equal(descendantCount(tree[1]!), 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplate, paragraphApplies, placeholdersOf, renderTemplate } from './notice-template.js';

test('renderTemplate fills known placeholders, tolerating spaces inside the braces', () => {
  const r = renderTemplate('{{name}}：请于{{ dueOn }}前补正。', { name: '张三', dueOn: '2025年3月4日' });
  assert.deepEqual(r, { text: '张三：请于2025年3月4日前补正。', unknown: [], missing: [], malformed: [] });
});

test('renderTemplate reports unknown, missing and malformed placeholders and leaves them in place', () => {
  const r = renderTemplate('{{name}}{{nmae}}{{dueOn}}{{ 1x }}{{dueOn}} }} {{', { name: '张三', dueOn: undefined });
  assert.deepEqual(r.unknown, ['nmae']);
  assert.deepEqual(r.missing, ['dueOn']);
  assert.deepEqual(r.malformed, ['{{ 1x }}', '}}', '{{']);
  assert.equal(r.text, '张三{{nmae}}{{dueOn}}{{ 1x }}{{dueOn}} }} {{');
  assert.deepEqual(renderTemplate('{{a}}', { a: '  ' }).missing, [], 'whitespace is a value; builders blank it');
  assert.deepEqual(renderTemplate('{{a}}', { a: '' }).missing, ['a']);
});

test('placeholdersOf lists names once, in order', () => {
  assert.deepEqual(placeholdersOf('{{b}}{{a}}{{ b }}{{ 1 }}'), ['b', 'a']);
});

test('conditional paragraphs: when keeps on a value, unless on its absence', () => {
  const values = { reasons: '涉及个人隐私', provision: undefined };
  assert.equal(paragraphApplies('x', values), true);
  assert.equal(paragraphApplies({ when: 'reasons', text: '' }, values), true);
  assert.equal(paragraphApplies({ when: 'provision', text: '' }, values), false);
  assert.equal(paragraphApplies({ unless: 'provision', text: '' }, values), true);
  assert.equal(paragraphApplies({ unless: 'reasons', text: '' }, values), false);
});

test('checkTemplate: empty title, no paragraphs, unknown names and conditions, required names', () => {
  const issues = checkTemplate(
    { title: ' ', addressee: '{{who}}：', paragraphs: [] },
    ['name', 'remedies'],
    ['remedies'],
  );
  assert.deepEqual(issues.map((i) => i.code).sort(), [
    'empty_title',
    'no_paragraphs',
    'required_placeholder_absent',
    'unknown_placeholder',
  ]);
  const cond = checkTemplate(
    { title: 't', addressee: '', paragraphs: [{ when: 'nope', text: '{{remedies}}' }] },
    ['remedies'],
    ['remedies'],
  );
  assert.deepEqual(
    cond.map((i) => [i.code, i.where]),
    [['unknown_condition', 'paragraph 1']],
  );
  assert.deepEqual(
    checkTemplate(
      { title: 't', addressee: '{{name}}', paragraphs: ['{{remedies}}'] },
      ['name', 'remedies'],
      ['remedies'],
    ),
    [],
  );
});

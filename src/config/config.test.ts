// Unit tests of the configuration: what GONGKAI_DEMO_DATA makes the first start create.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.js';

test('GONGKAI_DEMO_DATA: the demo with its content by default, its organizations only, or one root', () => {
  const demo = (value?: string) => loadConfig(value === undefined ? {} : { GONGKAI_DEMO_DATA: value }).demoData;
  assert.equal(demo(), 'full');
  assert.equal(demo(''), 'full');
  for (const v of ['1', 'true', 'yes']) assert.equal(demo(v), 'full', v);
  assert.equal(demo('orgs'), 'orgs');
  for (const v of ['0', 'false', 'no']) assert.equal(demo(v), 'none', v);
  assert.throws(() => demo('some'), /GONGKAI_DEMO_DATA/);
});

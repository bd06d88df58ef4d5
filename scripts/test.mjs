#!/usr/bin/env node
// Runs the test suite with node:test + tsx. Node 20 neither expands globs nor discovers .ts files,
// so this script lists them. Usage: node scripts/test.mjs [unit|integration|e2e|security|all] [filter]
// `security` is the attack and fault suite (test/security); `all` runs it too.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compiledEntry } from '../bin/compiled.js';

const tier = process.argv[2] ?? 'all';
const filter = process.argv[3];
const roots = {
  unit: ['src'],
  integration: ['test/integration'],
  e2e: ['test/e2e'],
  security: ['test/security'],
  all: ['src', 'test'],
}[tier];
if (!roots) {
  console.error(`unknown tier ${tier}`);
  process.exit(2);
}
const files = [];
const walk = (dir) => {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.test\.tsx?$/.test(name)) files.push(relative(process.cwd(), p));
  }
};
roots.forEach(walk);
const selected = filter ? files.filter((f) => f.includes(filter)) : files;
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
selected.sort();
// Tests that start `bin/gongkai.js` find its compiled build ready (bin/compiled.js) instead of racing to make it.
if (!(await compiledEntry())) process.stderr.write('note: tests that start bin/gongkai.js run the sources\n');
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...selected],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', NODE_ENV: 'test' } },
);
process.exit(res.status ?? 1);

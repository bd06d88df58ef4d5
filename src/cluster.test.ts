import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseWorkers, restartDelayMs, DEFAULT_BACKOFF, SERVER_NODE_FLAGS, workerExecArgv } from './cluster.js';

test('--workers takes an integer from 1 to 64', () => {
  assert.equal(parseWorkers('2'), 2);
  assert.equal(parseWorkers(' 8 '), 8);
  assert.equal(parseWorkers('64'), 64);
  for (const bad of ['0', '65', '-1', '1.5', 'two', '', '1e2']) assert.equal(parseWorkers(bad), null, bad);
});

test('a dying worker is restarted after a doubling delay, capped', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7].map((n) => restartDelayMs(n)),
    [1000, 2000, 4000, 8000, 16000, 30000, 30000],
  );
  assert.equal(restartDelayMs(1000), DEFAULT_BACKOFF.maxMs);
  assert.equal(restartDelayMs(0), DEFAULT_BACKOFF.baseMs);
  assert.equal(restartDelayMs(3, { baseMs: 10, maxMs: 1000, stableMs: 1 }), 40);
});

test('workers start with the server V8 options unless the primary set its own', () => {
  assert.deepEqual(workerExecArgv([]), [...SERVER_NODE_FLAGS]);
  assert.deepEqual(workerExecArgv(['--enable-source-maps']), ['--enable-source-maps', ...SERVER_NODE_FLAGS]);
  assert.deepEqual(workerExecArgv(['--max-semi-space-size=16']), [
    '--max-semi-space-size=16',
    ...SERVER_NODE_FLAGS.filter((f) => !f.startsWith('--max-semi-space-size=')),
  ]);
  assert.deepEqual(workerExecArgv(['--max-old-space-size=4096']), [
    '--max-old-space-size=4096',
    ...SERVER_NODE_FLAGS.filter((f) => !f.startsWith('--max-old-space-size=')),
  ]);
});

test('npm start runs the server with the same V8 options', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.equal(pkg.scripts.start, `node ${SERVER_NODE_FLAGS.join(' ')} bin/gongkai.js serve`);
});

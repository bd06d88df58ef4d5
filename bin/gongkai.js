#!/usr/bin/env node
// The `gongkai` command. Runs JavaScript compiled from the TypeScript sources on first use (bin/compiled.js), or
// the sources themselves through tsx when compiling is switched off or fails; either way no build step is needed.
import { fileURLToPath } from 'node:url';
import { compiledEntry } from './compiled.js';

// The compiled files link their source maps: `node --enable-source-maps` makes stack traces name the TypeScript
// lines, at ~25 MB of resident memory (off by default).
let entry = await compiledEntry();
if (!entry) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  entry = '../src/cli-main.ts';
}
const { gongkai, processIo } = await import(entry);
const code = await gongkai(process.argv.slice(2), process.env, processIo());
// `serve` keeps running: only exit for the other commands.
if (process.argv[2] !== 'serve' || code !== 0) {
  process.exitCode = code;
}

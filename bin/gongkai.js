#!/usr/bin/env node
// The `gongkai` command. Runs the TypeScript sources through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { gongkai, processIo } = await import('../src/cli-main.ts');
const code = await gongkai(process.argv.slice(2), process.env, processIo());
// `serve` keeps running: only exit for the other commands.
if (process.argv[2] !== 'serve' || code !== 0) {
  process.exitCode = code;
}

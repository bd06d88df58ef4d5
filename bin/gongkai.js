#!/usr/bin/env node
// The `gongkai` command. Runs the TypeScript sources through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli-main.ts');

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../app/errors.js';
import type { CliDeps } from '../deps.js';
import { buildProgram } from '../program.js';

/** `gongkai fee args…` through the program's command tree; its lines, or the error it throws. */
async function fee(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const deps = { out: (line: string) => void lines.push(line) } as Partial<CliDeps> as CliDeps;
  await buildProgram(deps).parseAsync(['fee', ...args], { from: 'user' });
  return lines;
}

describe('gongkai fee', () => {
  it('should print 5500 on the last line for 45 pieces', async () => {
    assert.equal((await fee('--pieces', '45')).at(-1), '5500');
  });

  it('should print 4700 on the last line for 250 pages', async () => {
    assert.equal((await fee('--pages', '250')).at(-1), '4700');
  });

  it('should charge only the pieces above those already counted this month', async () => {
    assert.equal((await fee('--pieces', '45', '--already-charged', '30')).at(-1), '3500');
  });

  it('should refuse both or neither basis with a bilingual error', async () => {
    for (const args of [['--pieces', '45', '--pages', '250'], []]) {
      await assert.rejects(
        fee(...args),
        (e: unknown) =>
          e instanceof AppError && e.code === 'invalid' && /--pieces/.test(e.message) && /其中之一/.test(e.message),
      );
    }
  });

  it('should refuse a count that is not a whole number', async () => {
    await assert.rejects(fee('--pages', '2.5'), AppError);
    await assert.rejects(fee('--pieces', '-1'), Error);
  });
});

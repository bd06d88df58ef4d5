// What every bench reads from its command line, and the runtime options and organization codes they share.
import { creditCodeCheckChar } from '../../src/domain/orgs/credit-code.js';

/** The value after `--name` on the command line, or undefined. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Whether `--name` is on the command line. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** The number after `--name`, or `fallback` when it is missing or not a number. */
export function numberArg(name: string, fallback: number): number {
  return Number(arg(name)) || fallback;
}

/** The runtime options the benches open gongkai with. */
export const RUNTIME_OPTS = { timeZone: 'Asia/Shanghai', sessionIdleMinutes: 30, sessionMaxHours: 12 };

/** A valid credit code for the i-th organization of a bench; `prefix` (10 characters) keeps benches apart. */
export function benchOrgCode(prefix: string, i: number): string {
  const first17 = `${prefix}${String(i).padStart(7, '0')}`;
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

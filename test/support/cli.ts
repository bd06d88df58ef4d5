// Runs the real `gongkai` command (bin/gongkai.js) in a child process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

/** What a CLI run printed and returned. */
export type CliRun = { code: number; stdout: string; stderr: string; lastLine: string };

/** Runs `gongkai args…` with the given environment and standard input. */
export function runGongkai(args: string[], env: Record<string, string>, input = ''): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const stdout = r.stdout ?? '';
  // A process that did not exit by itself (killed, timed out, failed to spawn) says so in stderr,
  // so that a failing assertion shows why.
  const why = r.error ? `\n[spawn error: ${r.error.message}]` : r.signal ? `\n[killed by ${r.signal}]` : '';
  const lines = stdout.trimEnd().split('\n');
  return { code: r.status ?? -1, stdout, stderr: (r.stderr ?? '') + why, lastLine: lines[lines.length - 1] ?? '' };
}

// Benchmark: how fast the `gongkai` command starts (--help, fee) next to `node -e 0` and
// `node --import tsx -e 0`, and `npx gongkai` apart (npx adds its own start); then the server's start time
// and memory after start, against a bare node:http server. Everything is measured in the same run (these
// machines are noisy: read the ratios). Usage: npm run bench [-- --runs 5]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberArg } from './lib/args.js';

const runs = numberArg('runs', 3);
const BIN = fileURLToPath(new URL('../bin/gongkai.js', import.meta.url));
const BASELINE = `require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')`;

type Sample = { startMs: number; rssMiB: number };

async function waitUp(url: string, t0: number): Promise<number> {
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return performance.now() - t0;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

function rssOf(pid: number): Promise<number> {
  return import('node:fs/promises').then(async (fs) => {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  });
}

async function sample(args: string[], port: number, path: string, env: Record<string, string>): Promise<Sample> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  const startMs = await waitUp(`http://127.0.0.1:${port}${path}`, t0);
  await new Promise((r) => setTimeout(r, 300));
  const rssMiB = await rssOf(child.pid ?? 0);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { startMs, rssMiB };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Wall time of one run of a command to its exit, in milliseconds. */
async function timed(command: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, GONGKAI_DATA_DIR: tmpdir() } });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
  return performance.now() - t0;
}

/** The command-line start figures: the median of `runs` runs of each, taken in turns (one warm-up first). */
async function cliStart(): Promise<void> {
  const node = process.execPath;
  const cases: [string, string, string[]][] = [
    ['node -e 0', node, ['-e', '0']],
    ['node --import tsx -e 0', node, ['--import', 'tsx', '-e', '0']],
    ['gongkai --help', node, [BIN, '--help']],
    ['gongkai fee --pieces 45', node, [BIN, 'fee', '--pieces', '45']],
    ['npx gongkai fee --pieces 45', 'npx', ['gongkai', 'fee', '--pieces', '45']],
  ];
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i <= runs; i++) {
    for (const [k, [, command, args]] of cases.entries()) {
      const ms = await timed(command, args);
      if (i > 0) times[k]!.push(ms);
    }
  }
  const base = median(times[0]!);
  for (const [k, [label]] of cases.entries()) {
    const ms = median(times[k]!);
    console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms (${(ms / base).toFixed(1)}× node -e 0)`);
  }
}

async function main(): Promise<void> {
  console.log(`median of ${runs} runs, Node ${process.version}`);
  await cliStart();
  const base: Sample[] = [];
  const first: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    base.push(await sample(['-e', BASELINE], 3901, '/', {}));
    // First start: creates the database, migrates, seeds the calendar and the demo district.
    first.push(await sample([BIN, 'serve'], 3902, '/healthz', { GONGKAI_DATA_DIR: dir }));
    // Later starts: the database exists.
    warm.push(await sample([BIN, 'serve'], 3903, '/healthz', { GONGKAI_DATA_DIR: dir }));
    rmSync(dir, { recursive: true, force: true });
  }
  const b = { start: median(base.map((s) => s.startMs)), rss: median(base.map((s) => s.rssMiB)) };
  const row = (label: string, xs: Sample[]) => {
    const start = median(xs.map((s) => s.startMs));
    const rss = median(xs.map((s) => s.rssMiB));
    console.log(
      `${label.padEnd(34)} start ${start.toFixed(0).padStart(6)} ms (${(start / b.start).toFixed(1)}× baseline)   RSS ${rss.toFixed(1).padStart(6)} MiB (${(rss / b.rss).toFixed(1)}× baseline)`,
    );
  };
  row('baseline: bare node:http server', base);
  row('gongkai serve, first start (SQLite)', first);
  row('gongkai serve, existing database', warm);
}

await main();

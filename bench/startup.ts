// Benchmark: server start time and memory after start, against a bare node:http server measured
// in the same run (these machines are noisy: read the ratios). Usage: npm run bench [-- --runs 5]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
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

async function main(): Promise<void> {
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
  console.log(`median of ${runs} runs, Node ${process.version}`);
  row('baseline: bare node:http server', base);
  row('gongkai serve, first start (SQLite)', first);
  row('gongkai serve, existing database', warm);
}

await main();

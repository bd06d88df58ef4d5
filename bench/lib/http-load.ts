// A small HTTP load generator for the benches (autocannon is not a dependency): `connections`
// keep-alive sockets, each sending its next request when the previous answer is read, for a fixed
// time; plus the baseline server (plain node:http answering a fixed page from memory) and a
// resident-memory sampler for a child process.
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What a load run measured. */
export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  statuses: Record<number, number>;
};

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** A request other than a GET: its method, body and headers. */
export type LoadRequest = { path: string; method?: string; body?: string; headers?: Record<string, string> };

function once(agent: http.Agent, base: URL, next: string | LoadRequest): Promise<{ status: number; bytes: number }> {
  const r = typeof next === 'string' ? { path: next } : next;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: base.hostname, port: base.port, path: r.path, method: r.method ?? 'GET', headers: r.headers },
      (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * Sends requests for `seconds` over `connections` keep-alive sockets.
 * @param next the path of the next request, or the request (called per request)
 * @param ok which statuses count as success (default 200)
 */
export async function runLoad(
  baseUrl: string,
  next: () => string | LoadRequest,
  opts: { connections: number; seconds: number; ok?: (status: number) => boolean; tagOf?: (path: string) => string },
): Promise<LoadResult & { byTag: Record<string, number[]> }> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  const byTag: Record<string, number[]> = {};
  const statuses: Record<number, number> = {};
  let errors = 0;
  let bytes = 0;
  const isOk = opts.ok ?? ((s: number) => s === 200);
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) {
        const request = next();
        const path = typeof request === 'string' ? request : request.path;
        const t = performance.now();
        try {
          const r = await once(agent, base, request);
          const ms = performance.now() - t;
          latencies.push(ms);
          if (opts.tagOf) (byTag[opts.tagOf(path)] ??= []).push(ms);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          bytes += r.bytes;
          if (!isOk(r.status)) errors += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - t0) / 1000;
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    bytes,
    statuses,
    byTag,
  };
}

const BASELINE_SERVER = `
const http = require('node:http');
const size = Number(process.argv[1]);
const page = Buffer.alloc(size, 'a');
http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': size }); res.end(page); })
  .listen(Number(process.argv[2]), '127.0.0.1', () => process.send && process.send('up'));
`;

/** Starts the baseline (plain node:http answering `size` bytes from memory) in a child process. */
export async function startBaseline(size: number, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', BASELINE_SERVER, String(size), String(port)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`baseline server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** Stops a child process and waits for it. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/** Samples a process's resident memory (VmRSS, Linux) every `ms`; `stop()` returns the peak in MB. */
export function sampleRss(pid: number, ms = 200): { stop: () => number; now: () => number } {
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), ms);
  return {
    now: read,
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}

/** Waits until a URL answers 200. */
export async function waitUp(url: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    ) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

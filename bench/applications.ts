// Benchmark: online submissions under 50 concurrent submitters, on SQLite and on PostgreSQL.
// Starts `gongkai serve` in a child process, posts applications to POST /api/v1/applications,
// reports median and p95 against GET /healthz under the same load (the baseline), then counts
// the stored cases to prove no submission was lost.
// Usage: npm run bench:applications [-- --per-client 20] (PostgreSQL via GONGKAI_TEST_PG_URL)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openRuntime } from '../src/main.js';
import type { DbConfig } from '../src/db/connect.js';
import { percentile, waitUp } from './lib/http-load.js';
import { numberArg } from './lib/args.js';

const CLIENTS = 50;
const perClient = numberArg('per-client', 10);
const BIN = fileURLToPath(new URL('../bin/gongkai.js', import.meta.url));
const ROOT = '11999901MB00000012';

const body = (i: number) =>
  JSON.stringify({
    org: ROOT,
    applicant: {
      type: 'natural_person',
      name: `压测申请人${i}`,
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      email: 'bench@example.com',
      address: '示例区人民路1号',
      postcode: '999001',
    },
    description: `压测申请第${i}件：请公开2025年示例区老旧小区改造项目清单`,
    carrier: 'electronic',
    delivery: 'email',
  });

async function load(
  n: number,
  once: (i: number) => Promise<boolean>,
): Promise<{ ms: number[]; failed: number; wallMs: number }> {
  const ms: number[] = [];
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        const ok = await once(i).catch(() => false);
        ms.push(performance.now() - t);
        if (!ok) failed++;
      }
    }),
  );
  return { ms, failed, wallMs: performance.now() - t0 };
}

const NO_INTAKE_LIMITS = {
  GONGKAI_INTAKE_PER_ADDRESS_HOUR: '0',
  GONGKAI_INTAKE_PER_EMAIL_DAY: '0',
  GONGKAI_INTAKE_PER_PHONE_DAY: '0',
  GONGKAI_RECEIPTS_PER_RECIPIENT_DAY: '0',
  GONGKAI_RECEIPTS_PER_HOUR: '0',
};

async function run(label: string, env: Record<string, string>, db: DbConfig, port: number): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    // The bench measures throughput from one address: the intake limits (docs/security/abuse.md) are off.
    env: { ...process.env, ...env, ...NO_INTAKE_LIMITS, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUp(`${base}/healthz`);
    const total = CLIENTS * perClient;
    const baseline = await load(total, async () => (await fetch(`${base}/healthz`)).ok);
    const submit = await load(total, async (i) => {
      const r = await fetch(`${base}/api/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(i),
      });
      await r.arrayBuffer();
      return r.status === 201;
    });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const rt = await openRuntime(db, { timeZone: 'Asia/Shanghai', sessionIdleMinutes: 30, sessionMaxHours: 12 });
    const orgs = (await rt.ctx.repos.orgs.list()).map((o) => o.id);
    const stored = (await rt.ctx.repos.applications.list({ orgIds: orgs }, { limit: 1, offset: 0 })).total;
    await rt.close();
    const b50 = percentile(baseline.ms, 50);
    const line = (name: string, r: typeof submit) =>
      `  ${name.padEnd(26)} median ${percentile(r.ms, 50).toFixed(1).padStart(7)} ms (${(percentile(r.ms, 50) / b50).toFixed(1)}× baseline)  p95 ${percentile(r.ms, 95).toFixed(1).padStart(7)} ms  ${(r.ms.length / (r.wallMs / 1000)).toFixed(0)} req/s  failed ${r.failed}`;
    console.log(`${label}: ${CLIENTS} concurrent clients, ${total} requests each phase`);
    console.log(line('baseline GET /healthz', baseline));
    console.log(line('POST /api/v1/applications', submit));
    console.log(
      `  accepted ${total - submit.failed}, stored ${stored}: ${stored === total - submit.failed ? 'no submission lost' : 'MISMATCH'}`,
    );
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-apps-'));
try {
  await run('SQLite', { GONGKAI_DATA_DIR: dir }, { kind: 'sqlite', file: join(dir, 'gongkai.sqlite') }, 3911);
  const url = process.env.GONGKAI_TEST_PG_URL;
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    try {
      await run(
        'PostgreSQL',
        { GONGKAI_DATA_DIR: dir, DATABASE_URL: url, DATABASE_SCHEMA: schema },
        { kind: 'postgres', url, schema },
        3912,
      );
    } finally {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  } else {
    console.log('PostgreSQL: skipped (set GONGKAI_TEST_PG_URL)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

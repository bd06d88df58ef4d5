// Benchmark of several app processes on one PostgreSQL (docs/deploy.md): a mixed load — 90 % page views
// (publication, category and home pages), 9 % searches, 1 % online applications through the public intake API —
// against `gongkai serve` (one process), `serve --workers 1` and `serve --workers 2`, on the bench:portal data set
// (200 organizations, N items, the PostgreSQL schema `bench_portal_N` that `npm run bench:portal -- --pg-cache`
// keeps; built here when missing). Beside each run's throughput and p95: the CPU the server processes, the load
// generator (this process) and PostgreSQL (the backends of the servers' connections) used, in cores, and what those
// shares predict for a machine with more cores; each server process's RSS after start and at its peak under load.
// With --compare-items M (a second kept schema), the cost of a publication and a category page at N vs M items;
// when M is a multiple of N, that schema is made from N's by copying every item (bench/lib/pg-clone.ts).
// Never part of CI or `npm test`.
//
// Usage: npm run bench:scale [-- --items 20000] [--seconds 10] [--connections 16] [--compare-items 3000000]
//        [--warm 2] [--build-only] [--compare-only]   (PostgreSQL via GONGKAI_TEST_PG_URL; BENCH_SCALE_ITEMS sets
//        the size too; --warm: seconds of the mix before each measurement — the default leaves most page views
//        missing the page cache, 40 fills every worker's cache with the 4,000 pages; --build-only builds the kept
//        schemas and stops; --compare-only measures only the page costs)
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { openRuntime, calendarSeed } from '../src/main.js';
import { bootstrap } from '../src/app/bootstrap.js';
import { openDb, type DbConfig } from '../src/db/connect.js';
import { BENCH_SEARCHES } from './lib/synthetic-text.js';
import { buildBenchData } from './lib/portal-data.js';
import { cloneMultiplied } from './lib/pg-clone.js';
import { runLoad, sampleRss, stopChild, waitUp, type LoadRequest, type LoadResult } from './lib/http-load.js';
import { arg, flag, RUNTIME_OPTS } from './lib/args.js';
import { SERVER_NODE_FLAGS } from '../src/cluster.js';

const ITEMS = Number(arg('items') ?? process.env.BENCH_SCALE_ITEMS ?? 20_000);
const COMPARE = arg('compare-items') === undefined ? undefined : Number(arg('compare-items'));
const SECONDS = Number(arg('seconds') ?? 10);
const WARM = Number(arg('warm') ?? 2);
const CONNECTIONS = Number(arg('connections') ?? 16);
const BIN = fileURLToPath(new URL('../bin/gongkai.js', import.meta.url));
const PORT = 3961;
const CLK_TCK = 100;
const log = (s: string) => console.log(s);

const pgUrl = process.env.GONGKAI_TEST_PG_URL;
if (!pgUrl) {
  console.error('bench:scale needs PostgreSQL: set GONGKAI_TEST_PG_URL');
  process.exit(2);
}
const PG_URL: string = pgUrl;

const schemaOf = (items: number) => `bench_portal_${items}`;

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Whether the kept schema of `items` is complete (bench:portal marks it `bench.ready`). */
async function ready(items: number): Promise<boolean> {
  const h = openDb({ kind: 'postgres', url: PG_URL, schema: schemaOf(items) });
  try {
    return await sql`select 1 from site_setting where key = 'bench.ready'`.execute(h.kysely).then(
      (r) => r.rows.length > 0,
      () => false,
    );
  } finally {
    await h.close();
  }
}

/** Builds the kept schema of `items` through the bulk import path, unless it is complete. */
async function prepare(items: number): Promise<void> {
  if (await ready(items)) {
    log(`  reusing schema ${schemaOf(items)} (${items} items)`);
    return;
  }
  log(`  building schema ${schemaOf(items)} (${items} items)`);
  await admin(`DROP SCHEMA IF EXISTS ${schemaOf(items)} CASCADE`);
  await admin(`CREATE SCHEMA ${schemaOf(items)}`);
  const rt = await openRuntime({ kind: 'postgres', url: PG_URL, schema: schemaOf(items) }, RUNTIME_OPTS);
  try {
    await bootstrap(rt.ctx, calendarSeed, 'none');
    await buildBenchData(rt.ctx, items, log);
  } finally {
    await rt.close();
  }
  await admin(
    `insert into ${schemaOf(items)}.site_setting (key, value_json, updated_at) values ('bench.ready', '"yes"', '${new Date().toISOString()}')`,
  );
}

type Targets = { publications: string[]; categories: string[]; root: string };

/** Random publication pages, category pages with items, and the root organization's credit code. */
async function pickTargets(db: DbConfig): Promise<Targets> {
  const h = openDb(db);
  try {
    const ids = await sql<{ id: string }>`select id from publication order by random() limit 2000`.execute(h.kysely);
    const cats = await sql<{ code: string; category_id: string }>`select distinct o.credit_code as code, v.category_id
      from publication_version v join organization o on o.id = v.org_id limit 2000`.execute(h.kysely);
    const root = await sql<{
      code: string;
    }>`select credit_code as code from organization where parent_id is null limit 1`.execute(h.kysely);
    return {
      publications: ids.rows.map((r) => `/publications/${r.id}`),
      categories: cats.rows.map((r) => `/org/${r.code}/c/${r.category_id}`),
      root: root.rows[0]?.code ?? '',
    };
  } finally {
    await h.close();
  }
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

let submitted = 0;
/** One online application through the public intake API (no token: charged to the limits, switched off here). */
function application(root: string): LoadRequest {
  submitted += 1;
  const body = JSON.stringify({
    org: root,
    applicant: {
      type: 'natural_person',
      name: `压测申请人${submitted}`,
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      email: 'bench@example.com',
      address: '示例区人民路1号',
      postcode: '999001',
    },
    description: `压测申请第${submitted}件：请公开2025年示例区老旧小区改造项目清单`,
    carrier: 'electronic',
    delivery: 'email',
  });
  return { path: '/api/v1/applications', method: 'POST', body, headers: { 'content-type': 'application/json' } };
}

/** The mix: 90 % page views (publication 50, category 30, home 10), 9 % searches, 1 % applications. */
function mixed(t: Targets): () => string | LoadRequest {
  return () => {
    const r = Math.random() * 100;
    if (r < 50) return pick(t.publications);
    if (r < 80) return pick(t.categories);
    if (r < 90) return '/';
    if (r < 99) return pick(BENCH_SEARCHES);
    return application(t.root);
  };
}

/** utime + stime of a process, in clock ticks (0 when it is gone). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** The children of a process (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The PostgreSQL backends serving the given server processes (their pools and job engines name themselves). */
async function backendsOf(serverPids: number[]): Promise<number[]> {
  const names = serverPids.flatMap((p) => [`gongkai-${p}`, `gongkai-jobs-${p}`]);
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('select pid from pg_stat_activity where application_name = any($1)', [
      names,
    ]);
    return r.rows.map((row) => row.pid);
  } finally {
    await c.end();
  }
}

/** CPU ticks of a set of processes since now; @returns a reader given the set at the end (processes come and go) */
function ticksSince(pids: number[]): (now: number[]) => number {
  const start = new Map(pids.map((p) => [p, cpuTicks(p)]));
  return (now) => {
    let sum = 0;
    // A process gone since (a closed backend) reads 0: its ticks since the start are unknown, counted as none.
    for (const p of new Set([...start.keys(), ...now])) sum += Math.max(0, cpuTicks(p) - (start.get(p) ?? 0));
    return sum;
  };
}

type Run = {
  label: string;
  processes: number;
  load: LoadResult;
  cores: { server: number; loadgen: number; postgres: number };
  rss: { start: number[]; peak: number[] };
};

/** Starts a server (`args` after `serve`) on the schema; resolves when every worker listens. */
async function startServer(
  schema: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, BIN, 'serve', ...args], {
    env: {
      ...process.env,
      ...extraEnv,
      DATABASE_URL: PG_URL,
      DATABASE_SCHEMA: schema,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      GONGKAI_DEMO_DATA: 'false',
      // The bench's applicants all come from 127.0.0.1 with one email: the intake limits are switched off.
      GONGKAI_INTAKE_PER_ADDRESS_HOUR: '0',
      GONGKAI_INTAKE_PER_EMAIL_DAY: '0',
      GONGKAI_INTAKE_PER_PHONE_DAY: '0',
      GONGKAI_RECEIPTS_PER_RECIPIENT_DAY: '0',
      GONGKAI_RECEIPTS_PER_HOUR: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const want = args.includes('--workers') ? Number(args[args.indexOf('--workers') + 1]) : 1;
  let listening = 0;
  const up = new Promise<void>((resolve) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      listening += chunk.toString().split('listening on').length - 1;
      if (listening >= want) resolve();
    });
  });
  await Promise.race([up, sleep(180_000)]);
  await waitUp(`http://127.0.0.1:${PORT}/healthz`);
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssOf = (pid: number) => sampleRss(pid).stop();

async function measure(label: string, schema: string, args: string[], targets: Targets): Promise<Run> {
  const child = await startServer(schema, args);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const serverPids = () => [child.pid ?? 0, ...childrenOf(child.pid ?? 0)];
    const workers = args.includes('--workers') ? childrenOf(child.pid ?? 0) : [child.pid ?? 0];
    const startRss = workers.map(rssOf);
    await runLoad(base, mixed(targets), { connections: CONNECTIONS, seconds: WARM, ok: (s) => s < 400 });
    const samplers = workers.map((p) => sampleRss(p));
    const server = ticksSince(serverPids());
    const postgres = ticksSince(await backendsOf(serverPids()));
    const self0 = process.cpuUsage();
    const load = await runLoad(base, mixed(targets), {
      connections: CONNECTIONS,
      seconds: SECONDS,
      ok: (s) => s < 400,
    });
    const self = process.cpuUsage(self0);
    const wall = load.seconds;
    return {
      label,
      processes: workers.length,
      load,
      cores: {
        server: server(serverPids()) / CLK_TCK / wall,
        loadgen: (self.user + self.system) / 1e6 / wall,
        postgres: postgres(await backendsOf(serverPids())) / CLK_TCK / wall,
      },
      rss: { start: startRss, peak: samplers.map((s) => s.stop()) },
    };
  } finally {
    await stopChild(child);
  }
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const pad = (s: string, n: number) => s.padEnd(n);

function report(runs: Run[]): string[] {
  const out = [
    `mixed load (90 % pages, 9 % search, 1 % applications), ${ITEMS.toLocaleString('en')} items, ${CONNECTIONS} connections, ${SECONDS} s after ${WARM} s of warm-up`,
    `  machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} when the report was written (other work on the machine skews every figure)`,
    `  ${pad('server', 22)}${pad('req/s', 9)}${pad('p95', 10)}${pad('errors', 8)}${pad('CPU cores: server', 19)}${pad('load gen.', 11)}${pad('PostgreSQL', 12)}RSS MB after start → peak`,
  ];
  for (const r of runs) {
    const rss = r.rss.start.map((s, i) => `${s.toFixed(0)}→${(r.rss.peak[i] ?? 0).toFixed(0)}`).join(', ');
    out.push(
      `  ${pad(r.label, 22)}${pad(r.load.rps.toFixed(0), 9)}${pad(`${f1(r.load.p95)} ms`, 10)}${pad(String(r.load.errors), 8)}${pad(f2(r.cores.server), 19)}${pad(f2(r.cores.loadgen), 11)}${pad(f2(r.cores.postgres), 12)}${rss}`,
    );
  }
  const one = runs.find((r) => r.label === 'serve --workers 1');
  const two = runs.find((r) => r.label === 'serve --workers 2');
  if (one && two) {
    const gain = two.load.rps / one.load.rps;
    out.push(`  2 workers / 1 worker: ${f2(gain)}× (target ≥ 1.25×) ${gain >= 1.25 ? 'met' : 'MISSED'}`);
  }
  const best = two ?? runs[runs.length - 1];
  if (best) {
    // CPU time per request of each part, from the 2-worker run: what bounds throughput where cores are not shared.
    const perReq = (cores: number) => (cores * 1000) / best.load.rps;
    const app = perReq(best.cores.server);
    const db = perReq(best.cores.postgres);
    const gen = perReq(best.cores.loadgen);
    const used = best.cores.server + best.cores.postgres + best.cores.loadgen;
    out.push(
      `  CPU per request: server ${f2(app)} ms, PostgreSQL ${f2(db)} ms, load generator ${f2(gen)} ms ` +
        `(${f1(used)} of ${availableParallelism()} cores busy)`,
      `  prediction: each app core serves ~${(1000 / app).toFixed(0)} req/s of this mix; each PostgreSQL core ~${(1000 / db).toFixed(0)} req/s;` +
        ` a machine of C cores running app and PostgreSQL (load generated elsewhere) ~${(1000 / (app + db)).toFixed(0)} × C req/s` +
        ` (app workers = C × ${f2(app / (app + db))}, PostgreSQL the rest)`,
    );
  }
  out.push(`  applications submitted: ${submitted}`);
  return out;
}

/** The cost of one page kind at one connection (p50, ms) on a schema. */
async function pageCost(schema: string, targets: Targets): Promise<{ publication: number; category: number }> {
  // Without the page cache: what a page costs to make (a cached page costs the same at any size).
  const child = await startServer(schema, [], { GONGKAI_PAGE_CACHE_MB: '0' });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const cost = async (paths: string[]) => {
      // Every page once first, so that both schemas are measured from memory, not from a cold disk.
      for (let i = 0; i < paths.length; i += 8) {
        await Promise.all(paths.slice(i, i + 8).map(async (p) => (await fetch(base + p)).arrayBuffer()));
      }
      return (await runLoad(base, () => pick(paths), { connections: 1, seconds: SECONDS })).p50;
    };
    return { publication: await cost(targets.publications), category: await cost(targets.categories) };
  } finally {
    await stopChild(child);
  }
}

log(`PostgreSQL (schema ${schemaOf(ITEMS)})`);
await prepare(ITEMS);
if (COMPARE !== undefined && !(await ready(COMPARE))) {
  if (COMPARE > ITEMS && COMPARE % ITEMS === 0) {
    log(`  building schema ${schemaOf(COMPARE)}: ${schemaOf(ITEMS)} with each item ${COMPARE / ITEMS} times`);
    await cloneMultiplied(PG_URL, schemaOf(ITEMS), schemaOf(COMPARE), ITEMS, COMPARE / ITEMS, log);
  } else {
    await prepare(COMPARE);
  }
}
if (flag('build-only')) {
  process.exit(0);
}
const targets = await pickTargets({ kind: 'postgres', url: PG_URL, schema: schemaOf(ITEMS) });
const runs: Run[] = [];
// --compare-only: the page costs alone (the mixed runs are skipped).
for (const [label, args] of flag('compare-only')
  ? []
  : ([
      ['serve', []],
      ['serve --workers 1', ['--workers', '1']],
      ['serve --workers 2', ['--workers', '2']],
    ] as const)) {
  log(`  ${label} …`);
  runs.push(await measure(label, schemaOf(ITEMS), [...args], targets));
}
const lines = report(runs);
if (COMPARE !== undefined) {
  if (await ready(COMPARE)) {
    const other = await pickTargets({ kind: 'postgres', url: PG_URL, schema: schemaOf(COMPARE) });
    const a = await pageCost(schemaOf(ITEMS), targets);
    const b = await pageCost(schemaOf(COMPARE), other);
    lines.push(
      `page cost at one connection (p50): ${ITEMS.toLocaleString('en')} vs ${COMPARE.toLocaleString('en')} items`,
    );
    for (const k of ['publication', 'category'] as const) {
      const ratio = b[k] / a[k];
      lines.push(
        `  ${pad(k, 12)}${f2(a[k])} ms → ${f2(b[k])} ms  (${f2(ratio)}×, target within 20 %) ${Math.abs(ratio - 1) <= 0.2 ? 'met' : 'MISSED'}`,
      );
    }
  } else {
    lines.push(
      `page cost at ${COMPARE.toLocaleString('en')} items: schema ${schemaOf(COMPARE)} not built (npm run bench:portal -- --items ${COMPARE} --pg-cache --only postgres)`,
    );
  }
}
log('');
log(
  `npm run bench:scale -- --items ${ITEMS} --seconds ${SECONDS} --connections ${CONNECTIONS} --warm ${WARM}${COMPARE ? ` --compare-items ${COMPARE}` : ''}`,
);
for (const line of lines) log(line);

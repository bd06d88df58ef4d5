// Benchmark of the public portal — N published items (default 1,000,000) over
// 200 organizations, loaded through the bulk import path, then on loopback the throughput and p95
// latency of the publication page, a category page and the search page (two-character terms, rare
// and common, and ranked queries: bench/lib/synthetic-text.ts), each against plain node:http serving a page of
// the same size from memory, and the server's peak resident memory. SQLite first (database cached in data/bench/,
// keyed by size), then PostgreSQL (GONGKAI_TEST_PG_URL; a fresh schema dropped at the end, unless --pg-cache).
// Never part of CI or `npm test`.
//
// The home, publication and category pages are served by the page cache (docs/page-cache.md): each is requested
// once before it is measured, over a hot set of --hot pages of each kind (default 500); search is not cached.
//
// Usage: npm run bench:portal [-- --items 100000] [--seconds 10] [--connections 8] [--only sqlite|postgres]
//        [--rebuild] [--pg-cache] [--hot 500] [--build-only]   (BENCH_PORTAL_ITEMS sets the size too;
//        --build-only builds the data sets and stops)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { openRuntime, calendarSeed } from '../src/main.js';
import { bootstrap } from '../src/app/bootstrap.js';
import { openDb, type DbConfig } from '../src/db/connect.js';
import { BENCH_SEARCHES, BENCH_TERM_KINDS, BENCH_TERMS, benchSearchPath } from './lib/synthetic-text.js';
import { buildBenchData } from './lib/portal-data.js';
import { runLoad, sampleRss, startBaseline, stopChild, waitUp, percentile, type LoadResult } from './lib/http-load.js';
import { arg, flag, RUNTIME_OPTS } from './lib/args.js';
import { SERVER_NODE_FLAGS } from '../src/cluster.js';

const ITEMS = Number(arg('items') ?? process.env.BENCH_PORTAL_ITEMS ?? 1_000_000);
const SECONDS = Number(arg('seconds') ?? 10);
const CONNECTIONS = Number(arg('connections') ?? 8);
const ONLY = arg('only');
/** Pages of each kind requested (and cached before measuring): the hot set a 64 MB page cache holds. */
const HOT = Number(arg('hot') ?? 500);
const BIN = fileURLToPath(new URL('../bin/gongkai.js', import.meta.url));
const CACHE = resolve('data/bench');
const log = (s: string) => console.log(s);

type Targets = { publications: string[]; categories: string[] };
type Row = { page: string; size: number; base: LoadResult; app: LoadResult };

/** Builds the data set unless a complete one is there; returns whether it was built now. */
async function prepare(db: DbConfig, ready: () => boolean, markReady: () => Promise<void>): Promise<void> {
  if (ready() && !flag('rebuild')) {
    log(`  reusing the database built earlier (${ITEMS} items; --rebuild to build again)`);
    return;
  }
  const rt = await openRuntime(db, RUNTIME_OPTS);
  try {
    await bootstrap(rt.ctx, calendarSeed, 'none');
    const s = await buildBenchData(rt.ctx, ITEMS, log);
    log(
      `  loaded ${ITEMS} items in ${s.toFixed(0)} s (${(ITEMS / s).toFixed(0)} items/s) through the bulk import path`,
    );
  } finally {
    await rt.close();
  }
  await markReady();
}

/** Random publication ids and category pages (with items) to request. */
async function pickTargets(db: DbConfig): Promise<Targets> {
  const h = openDb(db);
  try {
    const ids = await sql<{ id: string }>`select id from publication order by random() limit 2000`.execute(h.kysely);
    const cats = await sql<{
      code: string;
      category_id: string;
      n: number;
    }>`select o.credit_code as code, v.category_id, count(*) as n
      from publication_version v join organization o on o.id = v.org_id group by o.credit_code, v.category_id`.execute(
      h.kysely,
    );
    const categories = cats.rows.flatMap((r) => {
      const pages = Math.max(1, Math.min(50, Math.ceil(Number(r.n) / 20)));
      // Mostly the first page, as visitors browse; some deeper pages.
      return [1, 1, 1, 2, Math.ceil(pages / 2), pages].map(
        (p) => `/org/${r.code}/c/${r.category_id}${p > 1 ? `?page=${p}` : ''}`,
      );
    });
    return { publications: ids.rows.map((r) => `/publications/${r.id}`), categories };
  } finally {
    await h.close();
  }
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const shuffled = <T>(xs: readonly T[]): T[] =>
  xs
    .map((x) => [Math.random(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
type TermKind = (typeof BENCH_TERM_KINDS)[number];
const kindOf = (path: string): TermKind =>
  BENCH_TERM_KINDS.find((k) => BENCH_TERMS[k].some((t) => benchSearchPath(t) === path)) ?? 'common';

async function averageSize(base: string, paths: readonly string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < 20; i++) total += (await (await fetch(base + pick(paths))).arrayBuffer()).byteLength;
  return Math.round(total / 20);
}

/** Requests every page once, so that the page cache holds them before the measurement. */
async function prefill(base: string, paths: readonly string[]): Promise<void> {
  for (let i = 0; i < paths.length; i += 8) {
    await Promise.all(paths.slice(i, i + 8).map(async (p) => (await fetch(base + p)).arrayBuffer()));
  }
}

async function measurePage(base: string, page: string, paths: readonly string[], port: number): Promise<Row> {
  if (page !== 'search' && page !== '/healthz') await prefill(base, paths);
  const size = await averageSize(base, paths);
  const baseline = await startBaseline(size, port);
  let b: LoadResult;
  try {
    await runLoad(baseline.url, () => '/', { connections: CONNECTIONS, seconds: 1 });
    b = await runLoad(baseline.url, () => '/', { connections: CONNECTIONS, seconds: SECONDS });
  } finally {
    await baseline.stop();
  }
  await runLoad(base, () => pick(paths), { connections: CONNECTIONS, seconds: 2 });
  const app = await runLoad(base, () => pick(paths), { connections: CONNECTIONS, seconds: SECONDS });
  return { page, size, base: b, app };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const pad = (s: string, n: number) => s.padEnd(n);

function printTable(
  label: string,
  rows: Row[],
  search1: { all: number[] } & Record<TermKind, number[]>,
  rssMb: number,
): string[] {
  const out = [
    `${label}: ${ITEMS.toLocaleString('en')} items, 200 organizations, ${CONNECTIONS} connections, ${SECONDS} s per phase`,
    `  ${pad('page', 22)}${pad('size', 9)}${pad('baseline req/s', 16)}${pad('p95', 10)}${pad('gongkai req/s', 15)}${pad('p95', 10)}${pad('ratio', 8)}target`,
  ];
  for (const r of rows) {
    const ratio = r.app.rps / r.base.rps;
    const target =
      r.page === 'search'
        ? `≥ 10 %  ${ratio >= 0.1 ? 'met' : 'MISSED'}; p95 < 30 ms (1 conn.)`
        : r.page.startsWith('/healthz')
          ? '(no target: the framework floor)'
          : `≥ 60 %  ${ratio >= 0.6 ? 'met' : 'MISSED'}`;
    const errors = r.app.errors > 0 ? `  (${r.app.errors} errors: ${JSON.stringify(r.app.statuses)})` : '';
    out.push(
      `  ${pad(r.page, 22)}${pad(`${(r.size / 1024).toFixed(1)} KB`, 9)}${pad(r.base.rps.toFixed(0), 16)}${pad(ms(r.base.p95), 10)}${pad(r.app.rps.toFixed(0), 15)}${pad(ms(r.app.p95), 10)}${pad(`${(ratio * 100).toFixed(0)} %`, 8)}${target}${errors}`,
    );
  }
  const p95 = (xs: number[]) => percentile(xs, 95);
  out.push(
    `  search, one connection: p95 ${ms(p95(search1.all))} (${BENCH_TERM_KINDS.map((k) => `${k} ${ms(p95(search1[k]))}`).join(', ')}), p50 ${ms(percentile(search1.all, 50))}  ${p95(search1.all) < 30 ? 'met' : 'MISSED'}`,
  );
  out.push(`  server peak RSS: ${rssMb.toFixed(0)} MB (target < 250 MB) ${rssMb < 250 ? 'met' : 'MISSED'}`);
  out.push(`  home, publication and category pages served from the page cache (${HOT} of each kind, cached first)`);
  return out;
}

async function measure(label: string, env: Record<string, string>, db: DbConfig, port: number): Promise<string[]> {
  const targets = await pickTargets(db);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, BIN, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', GONGKAI_DEMO_DATA: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUp(`${base}/healthz`);
    const rss = sampleRss(child.pid ?? 0);
    const rows: Row[] = [];
    rows.push(await measurePage(base, 'home', ['/'], port + 1));
    rows.push(await measurePage(base, 'publication', targets.publications.slice(0, HOT), port + 1));
    rows.push(await measurePage(base, 'category', shuffled(targets.categories).slice(0, HOT), port + 1));
    rows.push(await measurePage(base, 'search', BENCH_SEARCHES, port + 1));
    // The same server answering its smallest route: what the web stack costs before any page work.
    rows.push(await measurePage(base, '/healthz', ['/healthz'], port + 1));
    const one = await runLoad(base, () => pick(BENCH_SEARCHES), {
      connections: 1,
      seconds: SECONDS,
      tagOf: kindOf,
    });
    const byKind = (k: TermKind) => one.byTag[k] ?? [];
    const search1 = {
      all: BENCH_TERM_KINDS.flatMap(byKind),
      rare: byKind('rare'),
      common: byKind('common'),
      ranked: byKind('ranked'),
    };
    return printTable(label, rows, search1, rss.stop());
  } finally {
    await stopChild(child);
  }
}

async function sqlite(): Promise<string[]> {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `portal-${ITEMS}.sqlite`);
  const marker = `${file}.ready`;
  if (flag('rebuild') || !existsSync(marker)) {
    for (const f of [file, `${file}-wal`, `${file}-shm`, marker]) rmSync(f, { force: true });
  }
  log(`SQLite (${file})`);
  const db: DbConfig = { kind: 'sqlite', file };
  await prepare(
    db,
    () => existsSync(marker),
    async () => writeFileSync(marker, new Date().toISOString()),
  );
  if (flag('build-only')) return [`SQLite: built ${file}`];
  return measure('SQLite', { DATABASE_URL: `sqlite:${file}`, GONGKAI_DATA_DIR: CACHE }, db, 3931);
}

async function admin(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function postgres(url: string): Promise<string[]> {
  const cached = flag('pg-cache');
  const schema = cached ? `bench_portal_${ITEMS}` : `bench_portal_${process.pid}`;
  log(`PostgreSQL (schema ${schema}${cached ? ', kept for later runs' : ', dropped at the end'})`);
  const db: DbConfig = { kind: 'postgres', url, schema };
  let ready = false;
  if (cached && !flag('rebuild')) {
    const h = openDb(db);
    ready = await sql<{ v: string }>`select value_json as v from site_setting where key = 'bench.ready'`
      .execute(h.kysely)
      .then(
        (r) => r.rows.length > 0,
        () => false,
      );
    await h.close();
  }
  if (!ready) {
    await admin(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin(url, `CREATE SCHEMA ${schema}`);
  }
  try {
    await prepare(
      db,
      () => ready,
      async () => {
        const h = openDb(db);
        try {
          if (cached) {
            await sql`insert into site_setting (key, value_json, updated_at) values ('bench.ready', '"yes"', ${new Date().toISOString()})`.execute(
              h.kysely,
            );
          }
        } finally {
          await h.close();
        }
      },
    );
    if (flag('build-only')) return [`PostgreSQL: built schema ${schema}`];
    return await measure(
      'PostgreSQL',
      { DATABASE_URL: url, DATABASE_SCHEMA: schema, GONGKAI_DATA_DIR: CACHE },
      db,
      3941,
    );
  } finally {
    if (!cached) await admin(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

const report: string[] = [];
if (ONLY !== 'postgres') report.push(...(await sqlite()), '');
const pgUrl = process.env.GONGKAI_TEST_PG_URL;
if (ONLY !== 'sqlite') {
  if (pgUrl) report.push(...(await postgres(pgUrl)));
  else report.push('PostgreSQL: skipped (set GONGKAI_TEST_PG_URL)');
}
log('');
log(`npm run bench:portal -- --items ${ITEMS} --seconds ${SECONDS} --connections ${CONNECTIONS}`);
for (const line of report) log(line);

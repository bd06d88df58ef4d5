// Benchmark of the website check on gongkai's own portal: N live items (default 2,000; the issue's figure is
// 10,000) loaded through the bulk import path into the root organization of a fresh SQLite database in a temp
// directory, served by the real server (`gongkai serve`, its own process) on 127.0.0.1. The portal is described as a
// site: its home page and, as columns, the list pages of the root's leaf categories — page 1 of each with its kind,
// and each further page of the pagination as a `static` column (read for content, no freshness of its own) — so
// the check reads every list page and every item page (its content checks) and probes the links of those.
// Each round runs `checkSite` in a child process (like `monitor run`) and then, in another child, plainly fetches
// the same URLs (undici, redirects followed, bodies read, nothing parsed) with the same number of connections.
// Prints pages per second, the peak RSS of each child (getrusage maxRSS) and of the server, and the check/fetch
// ratio (median of the
// per-round ratios, after one warm-up round), with the load average: this machine is shared and noisy.
// Targets: checks cost less than half of the fetch time (ratio ≤ 1.5); the checking process under 200 MB RSS.
// Usage: npm run bench:monitor [-- --count 10000 --runs 3 --connections 2]   (BENCH_CPU_PROF=DIR: CPU profiles)
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import type { DbConfig } from '../src/db/connect.js';
import type { SiteCheckPorts } from '../src/app/monitoring/crawl-ports.js';
import type { ColumnKind } from '../src/domain/monitoring/settings.js';
import type { SiteDescription } from '../src/domain/monitoring/site-description.js';
import { sampleRss, stopChild, waitUp } from './lib/http-load.js';
import { numberArg, RUNTIME_OPTS } from './lib/args.js';

const COUNT = numberArg('count', 2000);
const RUNS = numberArg('runs', 3);
/** Connections to the host, for the check (the crawler's per-host limit) and for the plain fetch. */
const CONNECTIONS = numberArg('connections', 2);
const AS_OF = '2026-12-01';
const PROF_DIR = process.env.BENCH_CPU_PROF;
const BIN = fileURLToPath(new URL('../bin/gongkai.js', import.meta.url));

/** What a child reports. */
type ChildResult = {
  ms: number;
  cpuMs: number;
  requests: number;
  pages: number;
  findings: number;
  links: number;
  maxRssMb: number;
};

/** CPU time (user + system) of this process since `from`, in ms. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** The child that checks: `checkSite` over the site, the URLs it requested written to `urlsFile`. */
async function checkChild(siteFile: string, urlsFile: string): Promise<ChildResult> {
  const site = JSON.parse(readFileSync(siteFile, 'utf8')) as SiteDescription & { budget: number };
  // Only the checker's modules are loaded in this process, as in `monitor run`.
  const { httpCrawler } = await import('../src/adapters/crawler/http-crawler.js');
  const { checkSite } = await import('../src/app/monitoring/check-site.js');
  const urls: string[] = [];
  const make = httpCrawler({ perHostDelayMs: 0, perHostConcurrency: CONNECTIONS });
  const ports: SiteCheckPorts = {
    crawler: (options) => {
      const c = make(options);
      return {
        fetch: (url, want) => {
          urls.push(url);
          return c.fetch(url, want);
        },
        close: () => c.close(),
      };
    },
    readAttachment: async () => '',
    attachmentExtensions: ['.pdf', '.docx', '.xlsx', '.txt'],
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await checkSite(ports, site, { asOf: AS_OF, budget: site.budget, concurrency: CONNECTIONS * 4 });
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  writeFileSync(urlsFile, urls.join('\n'));
  return { ms, cpuMs, requests: urls.length, pages: r.pages, findings: r.findings.length, links: r.links, maxRssMb: 0 };
}

/** The child that fetches the URLs plainly: redirects followed, bodies read, nothing parsed, as many connections. */
async function plainChild(urlsFile: string): Promise<ChildResult> {
  const urls = readFileSync(urlsFile, 'utf8').split('\n').filter(Boolean);
  const agent = new Agent({ connections: CONNECTIONS });
  let next = 0;
  let pages = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = async () => {
    while (next < urls.length) {
      let url = urls[next++] as string;
      // Redirects followed as the crawler follows them (at most 5).
      for (let hop = 0; ; hop++) {
        const res = await request(url, { dispatcher: agent });
        await res.body.arrayBuffer();
        const location = res.headers.location;
        if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string' && hop < 5) {
          url = new URL(location, url).href;
          continue;
        }
        if (res.statusCode < 400) pages++;
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  await agent.close();
  return { ms, cpuMs, requests: urls.length, pages, findings: 0, links: 0, maxRssMb: 0 };
}

/** Runs this file as a child with `args`; resolves with what it reports. */
function child(args: string[]): Promise<ChildResult> {
  const p = fork(fileURLToPath(import.meta.url), [...args, '--connections', String(CONNECTIONS)], {
    // BENCH_CPU_PROF=DIR writes a CPU profile of each child there (node --cpu-prof).
    execArgv: ['--import', 'tsx', ...(PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROF_DIR] : [])],
  });
  return new Promise((ok, ko) => {
    p.once('message', (m) => ok(m as ChildResult));
    p.once('exit', (code) => (code ? ko(new Error(`child ${args[0]} exited with ${code}`)) : undefined));
  });
}

const columnKind = (name: string): ColumnKind =>
  /动态|要闻|新闻/.test(name)
    ? 'news'
    : /通知|公告/.test(name)
      ? 'notice'
      : /政策|文件|规划/.test(name)
        ? 'policy'
        : 'should_update';

/** Loads the items and describes the portal: home page, every list page of the root's leaf categories. */
async function prepare(db: DbConfig, base: string): Promise<{ site: SiteDescription & { budget: number } }> {
  const { openRuntime, calendarSeed } = await import('../src/main.js');
  const { bootstrap } = await import('../src/app/bootstrap.js');
  const { importPublications } = await import('../src/app/publications/import-publications.js');
  const { openDb } = await import('../src/db/connect.js');
  const { CATEGORY_PAGE_SIZE } = await import('../src/app/portal/publications-public.js');
  const { portalUrls } = await import('../src/web/public/portal/portal-urls.js');
  const { sql } = await import('kysely');
  const { benchSource } = await import('./lib/portal-data.js');
  const rt = await openRuntime(db, RUNTIME_OPTS);
  const loaded = await (async () => {
    await bootstrap(rt.ctx, calendarSeed, 'none');
    const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
    if (!root) throw new Error('no root organization');
    const t0 = performance.now();
    const r = await importPublications(rt.ctx, null, benchSource(COUNT, [root.creditCode]), {
      label: `bench-monitor-${COUNT}`,
      batchSize: 2000,
    });
    if (!r.ok) throw new Error(`bench data rejected: ${JSON.stringify(r.errors.slice(0, 3))}`);
    console.log(`  loaded ${COUNT} live items in ${((performance.now() - t0) / 1000).toFixed(0)} s (bulk import)`);
    const cats = (await rt.ctx.repos.categories.list(root.id)).filter((c) => c.kind === 'category' && !c.retiredAt);
    return { rootId: root.id, rootCode: root.creditCode, names: new Map(cats.map((c) => [c.id, c.name])) };
  })().finally(() => rt.close());
  const { rootId, rootCode, names } = loaded;
  const h = openDb(db);
  const counts = await sql<{ category_id: string; n: number }>`select category_id, count(*) as n
      from publication_version where live = 1 and org_id = ${rootId} group by category_id`
    .execute(h.kysely)
    .then((rows) => new Map(rows.rows.map((r) => [r.category_id, Number(r.n)])))
    .finally(() => h.close());
  const columns: SiteDescription['columns'] = [];
  for (const [id, name] of names) {
    const url = base + portalUrls.category(rootCode, id);
    columns.push({ name, url, kind: columnKind(name) });
    const pages = Math.ceil((counts.get(id) ?? 0) / CATEGORY_PAGE_SIZE);
    for (let p = 2; p <= pages; p++) {
      columns.push({ name: `${name}（第${p}页）`, url: `${url}?page=${p}`, kind: 'static' });
    }
  }
  const site = {
    name: '本门户（基准测试）',
    url: `${base}/`,
    kind: 'portal' as const,
    columns,
    // Every list page and item, and the links around them, within the budget.
    budget: COUNT + columns.length + 1000,
  };
  return { site };
}

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-monitor-'));
  const file = join(dir, 'portal.sqlite');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`bench:monitor — gongkai's portal with ${COUNT} live items (SQLite in ${dir})`);
  const { site } = await prepare({ kind: 'sqlite', file }, base);
  const siteFile = join(dir, 'site.json');
  const urlsFile = join(dir, 'urls.txt');
  writeFileSync(siteFile, JSON.stringify(site));
  const server = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${file}`,
      GONGKAI_DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGKAI_DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUp(`${base}/healthz`);
    const serverRss = sampleRss(server.pid ?? 0);
    const loadBefore = load();
    const rounds: { check: ChildResult; plain: ChildResult }[] = [];
    for (let r = -1; r < RUNS; r++) {
      // The check first (it writes the URL list), then the plain fetch of the same URLs. Round -1 warms up.
      const check = await child(['--check', siteFile, urlsFile]);
      const plain = await child(['--plain', urlsFile]);
      const tag = r < 0 ? 'warm-up' : `round ${r + 1}`;
      console.log(
        `  ${tag}: check ${(check.ms / 1000).toFixed(2)} s (${check.requests} requests, ${check.pages} pages), ` +
          `plain ${(plain.ms / 1000).toFixed(2)} s; CPU ${(check.cpuMs / 1000).toFixed(1)} s vs ${(plain.cpuMs / 1000).toFixed(1)} s; ratio ${(check.ms / plain.ms).toFixed(2)}; load ${load()}`,
      );
      if (r >= 0) rounds.push({ check, plain });
    }
    const loadAfter = load();
    const server95 = serverRss.stop();
    const last = rounds[rounds.length - 1]!;
    const rate = (n: number, ms: number) => ((n / ms) * 1000).toFixed(0);
    const checkMs = median(rounds.map((x) => x.check.ms));
    const plainMs = median(rounds.map((x) => x.plain.ms));
    const ratio = median(rounds.map((x) => x.check.ms / x.plain.ms));
    const checkRss = Math.max(...rounds.map((x) => x.check.maxRssMb));
    const plainRss = Math.max(...rounds.map((x) => x.plain.maxRssMb));
    console.log('');
    console.log(`npm run bench:monitor -- --count ${COUNT} --runs ${RUNS} --connections ${CONNECTIONS}`);
    console.log(
      `  machine: ${availableParallelism()} cores, load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after`,
    );
    console.log(
      `  site: home + ${site.columns.length} list pages (${new Set(site.columns.map((c) => c.name.replace(/（第\d+页）$/, ''))).size} ` +
        `categories); ${last.check.requests} requests, ${last.check.pages} pages read, ${last.check.links} links, ` +
        `${last.check.findings} findings`,
    );
    console.log(
      `  check:       ${(checkMs / 1000).toFixed(2)} s, ${rate(last.check.pages, checkMs)} pages/s, ` +
        `${rate(last.check.requests, checkMs)} requests/s; peak RSS ${checkRss.toFixed(0)} MB (target < 200 MB) ` +
        `${checkRss < 200 ? 'met' : 'MISSED'}`,
    );
    console.log(
      `  plain fetch: ${(plainMs / 1000).toFixed(2)} s, ${rate(last.plain.requests, plainMs)} requests/s; ` +
        `peak RSS ${plainRss.toFixed(0)} MB`,
    );
    const kinds = new Map<string, number>();
    for (const u of readFileSync(urlsFile, 'utf8').split('\n')) {
      const path = new URL(u).pathname.replace(/[0-9A-Z]{18}|[0-9a-f-]{20,}|\d+/g, '*');
      kinds.set(path, (kinds.get(path) ?? 0) + 1);
    }
    const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`  requests by path: ${top.map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const checkCpu = median(rounds.map((x) => x.check.cpuMs));
    const plainCpu = median(rounds.map((x) => x.plain.cpuMs));
    console.log(
      `  CPU of the children (median; less noisy than the times): check ${(checkCpu / 1000).toFixed(2)} s ` +
        `(${(checkCpu / last.check.requests).toFixed(2)} ms a request), plain fetch ${(plainCpu / 1000).toFixed(2)} s ` +
        `(${(plainCpu / last.plain.requests).toFixed(2)} ms a request)`,
    );
    console.log(`  server (gongkai serve) peak RSS ${server95.toFixed(0)} MB`);
    console.log(
      `  ratio check/plain fetch (median of ${RUNS} rounds): ${ratio.toFixed(2)} (target ≤ 1.5: checks cost less than ` +
        `half the fetch time) ${ratio <= 1.5 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await stopChild(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

const mode = process.argv.indexOf('--check') > 0 ? 'check' : process.argv.indexOf('--plain') > 0 ? 'plain' : null;
if (mode) {
  const at = process.argv.indexOf(`--${mode}`);
  const [a, b] = [process.argv[at + 1] ?? '', process.argv[at + 2] ?? ''];
  const result = mode === 'check' ? await checkChild(a, b) : await plainChild(a);
  process.send?.({ ...result, maxRssMb: maxRssMb() });
  process.disconnect?.();
} else await main();

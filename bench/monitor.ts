// Benchmark of the website check: crawls a synthetic government site served over loopback by a child process
// (home page, list pages, thousands of article pages with dated items) with checkSite — parsing, dates, content
// rules, dead-link probes — and fetches the same URLs plainly (undici, bodies read, no checks) with the same
// number of connections in the same run. Prints pages per second, the ratio of check time to fetch time, and the
// peak RSS of this process (the server runs apart). Targets: checks cost less than half of the fetch time
// (ratio < 1.5); RSS under 200 MB whatever the site size.
// Usage: npm run bench:monitor [-- --columns 10 --items 500]
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { httpCrawler } from '../src/adapters/crawler/http-crawler.js';
import { checkSite } from '../src/app/monitoring/check-site.js';
import type { SiteCheckPorts } from '../src/app/monitoring/crawl-ports.js';
import type { SiteDescription } from '../src/domain/monitoring/site-description.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) || fallback : fallback;
};
const COLUMNS = arg('--columns', 10);
const ITEMS = arg('--items', 500);
const CONNECTIONS = 2;
const PARAGRAPH = '为深入贯彻落实有关工作部署，示例区各部门认真履行职责，扎实推进各项重点工作，取得了明显成效。'.repeat(
  8,
);

const day = (i: number): string => {
  const d = new Date(Date.UTC(2026, 10, 30) - (i % 200) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** The child: serves the synthetic site and prints its port. */
function serve(): void {
  const page = (title: string, body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<nav class="nav"><ul><li><a href="/">首页</a></li></ul></nav><main>${body}</main></body></html>`;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    let m: RegExpExecArray | null;
    let html: string | null = null;
    if (path === '/') {
      const cols = Array.from({ length: COLUMNS }, (_, c) => `<li><a href="/c${c}/">栏目${c}</a> ${day(c)}</li>`);
      html = page('首页', `<ul>${cols.join('')}</ul>`);
    } else if ((m = /^\/c(\d+)\/$/.exec(path))) {
      const c = Number(m[1]);
      const items = Array.from(
        { length: ITEMS },
        (_, i) => `<li><a href="/c${c}/a${i}.html">信息${i}</a> ${day(i)}</li>`,
      );
      html = page(`栏目${c}`, `<ul>${items.join('')}</ul>`);
    } else if ((m = /^\/c(\d+)\/a(\d+)\.html$/.exec(path))) {
      const [c, i] = [Number(m[1]), Number(m[2])];
      html = page(
        `信息${i}`,
        `<h1>信息${i}</h1><p>发布日期：${day(i)}</p>${`<p>${PARAGRAPH}</p>`.repeat(6)}` +
          `<p><a href="/c${c}/">返回栏目</a> <a href="/c${c}/a${(i + 1) % ITEMS}.html">下一条</a></p>`,
      );
    }
    if (html === null) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
}

/** Peak RSS while `fn` runs (sampled every 20 ms). */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await fn();
    return { value, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/** Plain fetching of the URLs: bodies read, nothing parsed, the same number of connections. */
async function plainFetch(urls: readonly string[]): Promise<void> {
  const agent = new Agent({ connections: CONNECTIONS });
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const res = await request(urls[next++] as string, { dispatcher: agent });
      await res.body.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await agent.close();
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', ...process.argv.slice(2)], {
    execArgv: ['--import', 'tsx'],
  });
  const port = await new Promise<number>((ok) => child.once('message', (p) => ok(Number(p))));
  const base = `http://127.0.0.1:${port}`;
  try {
    const site: SiteDescription = {
      name: '基准测试网站',
      url: `${base}/`,
      kind: 'portal',
      columns: Array.from({ length: COLUMNS }, (_, c) => ({ name: `栏目${c}`, url: `${base}/c${c}/`, kind: 'news' })),
    };
    const urls: string[] = [];
    let inFetch = 0;
    const make = httpCrawler({ perHostDelayMs: 0, perHostConcurrency: CONNECTIONS });
    const ports: SiteCheckPorts = {
      crawler: (options) => {
        const c = make(options);
        return {
          fetch: async (url, want) => {
            urls.push(url);
            const t = performance.now();
            const r = await c.fetch(url, want);
            inFetch += performance.now() - t;
            return r;
          },
          close: () => c.close(),
        };
      },
      readAttachment: async () => '',
      attachmentExtensions: ['.pdf'],
    };
    const budget = 1 + COLUMNS * (ITEMS + 2) + 10;
    // Warm-up (module loading, JIT; the server's too) of both paths before measuring: a full check and a plain fetch.
    await checkSite(ports, site, { asOf: '2026-12-01', budget, concurrency: CONNECTIONS * 2 });
    await plainFetch(urls.splice(0));
    inFetch = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { value: result, peak } = await peakRss(() =>
      checkSite(ports, site, { asOf: '2026-12-01', budget, concurrency: CONNECTIONS * 2 }),
    );
    const checkMs = performance.now() - t0;
    const checkCpu = process.cpuUsage(c0);
    console.log(`time inside crawler.fetch (summed over concurrent requests): ${(inFetch / 1000).toFixed(2)} s`);
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    await plainFetch(urls);
    const fetchMs = performance.now() - t1;
    const fetchCpu = process.cpuUsage(c1);
    const t2 = performance.now();
    const bare = make({ ignoreRobots: false });
    let n = 0;
    const all = [...urls];
    await Promise.all(
      Array.from({ length: CONNECTIONS * 2 }, async () => {
        while (n < all.length) await bare.fetch(all[n++] as string, 'page');
      }),
    );
    await bare.close();
    console.log(`crawler alone (fetch + parse, no rules): ${((performance.now() - t2) / 1000).toFixed(2)} s`);
    const cpu = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1e6).toFixed(2);
    console.log(`CPU of this process: check ${cpu(checkCpu)} s, plain fetch ${cpu(fetchCpu)} s`);
    const rate = (n: number, ms: number) => ((n / ms) * 1000).toFixed(0);
    console.log(`site: ${COLUMNS} columns × ${ITEMS} items; ${urls.length} requests, ${result.pages} pages read`);
    console.log(
      `check: ${(checkMs / 1000).toFixed(2)} s, ${rate(urls.length, checkMs)} requests/s, ${rate(result.pages, checkMs)} pages/s`,
    );
    console.log(
      `plain fetch of the same URLs: ${(fetchMs / 1000).toFixed(2)} s, ${rate(urls.length, fetchMs)} requests/s`,
    );
    console.log(
      `ratio check/fetch: ${(checkMs / fetchMs).toFixed(2)} (target < 1.5: checks cost less than half the fetch time)`,
    );
    console.log(`peak RSS of the checking process: ${(peak / 1024 / 1024).toFixed(0)} MB (target < 200 MB)`);
    console.log(
      `findings: ${result.findings.length}; verdict ${result.summary.verdict}, score ${result.summary.score}`,
    );
  } finally {
    child.kill();
  }
}

if (process.argv.includes('--serve')) serve();
else await main();

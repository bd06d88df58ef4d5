// The website check against a real HTTP site started by the test on 127.0.0.1 (site-fixture.ts): each rule
// fires exactly where it was planted and nowhere else, and `gongkai monitor check` prints the JSON Lines
// contract (one finding a line, then the summary line), the Chinese table, and exits 2 on an invalid file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSite, type SiteCheckResult } from '../../../src/app/monitoring/check-site.js';
import { parseSiteDescription, type SiteDescription } from '../../../src/domain/monitoring/site-description.js';
import { documentReaders, siteCheckPorts } from '../../../src/lazy-adapters.js';
import { runGongkaiInProcess } from '../../support/cli.js';
import { PLANTED_ID_MASKED, SENSITIVE, siteDescription, startFixtureSite, type FixtureSite } from './site-fixture.js';

let site: FixtureSite;
let dir: string;
const ports = siteCheckPorts(documentReaders());

before(async () => {
  site = await startFixtureSite();
  dir = mkdtempSync(join(tmpdir(), 'gongkai-monitor-'));
});
after(async () => {
  await site.close();
});

function described(extra: Record<string, unknown> = {}): SiteDescription {
  const parsed = parseSiteDescription({ ...siteDescription(site.base), ...extra });
  assert.ok(parsed.ok);
  return parsed.site;
}

/** The findings as "rule path column" lines, sorted, the base address left out. */
function where(result: Pick<SiteCheckResult, 'findings'>): string[] {
  return result.findings.map((f) => `${f.rule} ${f.url?.replace(site.base, '') ?? ''} ${f.column ?? '-'}`).sort();
}

const PLANTED_ON_2026_12_01 = [
  'column_empty /leaders/ 领导信息',
  'column_stale /gzdt/ 工作动态',
  'column_stale /notice/ 通知公告',
  'dead_link /missing.html -',
  'dead_link /news/gone.html 要闻动态',
  'dead_link http://nowhere.invalid/doc.html 政策文件',
  'pii /files/list.pdf 要闻动态',
  'sensitive_word /renshi/ 人事信息',
  'spam /news/a1.html 要闻动态',
];

test('each rule fires exactly where it was planted, and nowhere else', async () => {
  const result = await checkSite(ports, described(), { asOf: '2026-12-01' });
  assert.deepEqual([...new Set(where(result))], PLANTED_ON_2026_12_01);

  const byRule = (rule: string) => result.findings.filter((f) => f.rule === rule);
  // Dates in four forms read: 2026-05-08 (年月日) is the notice column's last date; [11-20] under 2026年 and
  // 2026年11月28日 keep the policy and news columns fresh; the GBK column (2026-11-15, 30 days) is fresh.
  assert.equal(byRule('column_stale').find((f) => f.column === '通知公告')?.evidence.lastDate, '2026-05-08');
  assert.equal(byRule('column_stale').find((f) => f.column === '工作动态')?.evidence.undated, 1);
  // Dead links: the home page's counted apart, each naming the page it was on; the .invalid host is a DNS failure.
  const dead = Object.fromEntries(byRule('dead_link').map((f) => [f.url?.replace(site.base, ''), f.evidence]));
  assert.deepEqual(
    { onHome: dead['/missing.html']?.onHome, status: dead['/missing.html']?.status },
    { onHome: true, status: 404 },
  );
  assert.equal(dead['/news/gone.html']?.foundOn, `${site.base}/news/`);
  assert.equal(dead['/news/gone.html']?.onHome, false);
  assert.deepEqual(
    [dead['http://nowhere.invalid/doc.html']?.error, dead['http://nowhere.invalid/doc.html']?.foundOn],
    ['dns', `${site.base}/policy/`],
  );
  // The ID number in the PDF attachment, masked, with the page that links to it; the wrong check digit on the
  // home page is not reported.
  const [pii] = byRule('pii');
  assert.deepEqual(pii?.evidence, {
    kind: 'id_card',
    count: 1,
    masked: PLANTED_ID_MASKED,
    foundOn: `${site.base}/news/a2.html`,
  });
  assert.ok(!JSON.stringify(result).includes('11010519491231002X'), 'the full ID number is never repeated');
  // The wrong official name on the GBK page (decoded) with its suggestion.
  assert.match(String(byRule('sensitive_word')[0]?.evidence.excerpt), new RegExp(SENSITIVE));
  assert.equal(byRule('sensitive_word')[0]?.evidence.suggestion, '人力资源和社会保障');
  // robots.txt forbids /private/: never fetched, not a dead link; mailto: is not fetched either.
  assert.ok(!site.requests.some((p) => p.startsWith('/private/')));
  // Verdict: the spam line is a single-veto item (19号: publishing pornographic/gambling content); the portal's
  // score is 100 − (4 notice + 3 news + 5 empty) − (1 home link + 0.1 × 2 other links).
  assert.deepEqual(result.summary, { verdict: '不合格', score: 86.8, vetoes: ['spam'] });
  assert.equal(result.pages, 15);
  assert.equal(result.links, 15);
});

test('a site run by the checker’s own organization is crawled past robots.txt', async () => {
  const before = site.requests.length;
  const result = await checkSite(ports, described({ org: '11110000000000000X' }), {
    asOf: '2026-12-01',
    ownOrg: '11110000000000000X',
  });
  assert.ok(site.requests.slice(before).includes('/private/secret.html'));
  assert.ok(where(result).includes('dead_link /private/secret.html -'));
});

test('a department site gets the veto verdict only (no score); the page budget bounds the crawl', async () => {
  const before = site.requests.length;
  const result = await checkSite(ports, described({ kind: 'department' }), { asOf: '2026-12-01', budget: 8 });
  assert.equal(result.summary.score, null);
  // robots.txt, the home page, six column pages and one more link.
  assert.equal(site.requests.length - before, 1 + 8);
  // The first link after the columns is the article with the spam line: still a single veto without a score.
  assert.deepEqual(result.summary, { verdict: '不合格', score: null, vetoes: ['spam'] });
});

async function monitor(...args: string[]) {
  const r = await runGongkaiInProcess(['monitor', 'check', ...args], {});
  return { code: r.code, out: r.stdout, err: r.stderr };
}

function siteFile(content: unknown): string {
  const file = join(dir, `site-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

test('monitor check --json: one finding a line with exactly the contract keys, then the summary line; exit 0', async () => {
  const r = await monitor(siteFile(siteDescription(site.base)), '--as-of', '2026-12-01', '--json');
  assert.equal(r.code, 0, r.err);
  const lines = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const summary = lines.pop();
  assert.deepEqual(summary, { summary: true, verdict: '不合格', score: 86.8, vetoes: ['spam'], pages: 15, links: 15 });
  for (const line of lines) {
    const keys = Object.keys(line);
    const expected = ['rule', 'severity', 'url', ...('column' in line ? ['column'] : []), 'message', 'evidence'];
    assert.deepEqual(keys, expected);
    assert.ok(['veto', 'deduction', 'warning'].includes(String(line.severity)));
    assert.equal(typeof line.message, 'string');
  }
  const rows = lines.map((l) => `${String(l.rule)} ${String(l.url).replace(site.base, '')} ${String(l.column ?? '-')}`);
  assert.deepEqual([...new Set(rows)].sort(), PLANTED_ON_2026_12_01);
});

test('monitor check --as-of moves "today": a month later the home page and the news column are stale', async () => {
  const r = await monitor(siteFile(siteDescription(site.base)), '--as-of', '2027-01-01', '--json');
  assert.equal(r.code, 0, r.err);
  const lines = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const home = lines.find((l) => l.rule === 'home_stale');
  assert.deepEqual(
    [home?.severity, home?.url, (home?.evidence as { lastDate?: string }).lastDate],
    ['veto', `${site.base}/`, '2026-11-28'],
  );
  assert.ok(lines.some((l) => l.rule === 'column_stale' && l.column === '要闻动态'));
  const summary = lines.at(-1);
  assert.equal(summary?.verdict, '不合格');
  assert.deepEqual(summary?.vetoes, ['home_stale', 'spam']);
});

test('monitor check without --json prints a Chinese table', async () => {
  const r = await monitor(siteFile(siteDescription(site.base)), '--as-of', '2026-12-01');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /网站：示例区人民政府门户网站/);
  assert.match(r.out, /\[单项否决\] spam/);
  assert.match(r.out, /结论：不合格 {4}得分：86\.8/);
  assert.match(r.out, /所在页面：.*\/news\/a2\.html/);
});

test('an invalid site file or date: a Chinese message on stderr, nothing on stdout, exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [[siteFile('{ not json')], /不是有效的 JSON/],
    [
      [siteFile({ name: '', url: 'ftp://x', columns: [{ name: '栏目', url: 'http://x/', kind: 'blog' }] })],
      /name（网站名称）不能为空[\s\S]*url（首页地址）[\s\S]*columns\[0\]\.kind/,
    ],
    [[join(dir, 'absent.json')], /无法读取网站描述文件/],
    [[siteFile(siteDescription(site.base)), '--as-of', '2026-02-30'], /--as-of 应为 YYYY-MM-DD/],
  ];
  for (const [args, message] of cases) {
    const r = await monitor(...args, '--json');
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
    assert.equal(r.out, '');
  }
});

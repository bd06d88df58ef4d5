import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng, randomFigures, renderReportText } from '../../support/render-report-text.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const RUNNER = join(ROOT, 'test', 'support', 'report-check-runner.ts');
const SEED = join(ROOT, 'test', 'fixtures', 'reports', 'seed', '000_cdd85b7f6af27b20.txt');
const PAGES = join(ROOT, 'test', 'fixtures', 'reports', 'corpus', 'pages');

function run(...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, 'report', 'check', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 60000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

test('--json prints the annual-report JSON of the seed report with its spam finding; exit 0', () => {
  const r = run(SEED, '--json');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 1);
  const report = JSON.parse(lines[0]!);
  assert.equal(report.file, '000_cdd85b7f6af27b20.txt');
  assert.equal(report.year, 2020);
  assert.equal(report.format, '2019');
  assert.equal(report.expectedFormat, '2019');
  assert.equal(report.applications.new.total, 18);
  assert.equal(report.applications['withheld.internal_affairs'].total, 2);
  assert.equal(report.article20.procurement.amount, 78874.11);
  for (const key of ['organization', 'contact', 'sections', 'article20', 'applications', 'reviews', 'findings']) assert.ok(key in report, key);
  assert.deepEqual(report.findings.map((f: { rule: string }) => f.rule), ['spam']);
});

test('--strict exits 1 when an error finding exists and 0 when none does', () => {
  assert.equal(run(SEED, '--strict').code, 1);
  const dir = mkdtempSync(join(tmpdir(), 'report-check-'));
  const clean = join(dir, 'clean.txt');
  writeFileSync(clean, renderReportText(randomFigures(prng(7), '2021'), 2023, 'pipe'));
  const r = run(clean, '--strict', '--json');
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(JSON.parse(r.out).findings, []);
});

test('readable Chinese summary without --json', () => {
  const r = run(SEED);
  assert.equal(r.code, 0);
  assert.match(r.out, /发布机关：淮阴区人民政府办公室/);
  assert.match(r.out, /年度：2020/);
  assert.match(r.out, /\[错误\] spam/);
});

test('a folder: one JSON line per file, totals on stderr, and an HTML summary page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-'));
  const files = readdirSync(PAGES).filter((f) => f.endsWith('.txt')).slice(0, 6);
  mkdirSync(join(dir, 'in'));
  for (const f of files) copyFileSync(join(PAGES, f), join(dir, 'in', f));
  writeFileSync(join(dir, 'in', 'broken.pdf'), 'not a pdf at all');
  const html = join(dir, 'summary.html');
  const r = run(join(dir, 'in'), '--json', '--summary', html);
  assert.equal(r.code, 0, r.err);
  const reports = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(reports.length, files.length + 1);
  assert.match(r.err, /共读取 7 份报告/);
  assert.match(r.err, /含植入广告 2 份/);
  const broken = reports.find((x) => x.file === 'broken.pdf');
  assert.match(broken.findings[0].message, /无法读取文件/);
  const page = readFileSync(html, 'utf8');
  assert.equal((page.match(/<tr/g) ?? []).length, files.length + 2);
  assert.match(page, /年报体检汇总/);
});

test('never another exit status: missing path, binary garbage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-'));
  writeFileSync(join(dir, 'x.txt'), Buffer.from([0, 255, 254, 1, 2, 3, 0xe4, 0xb8]));
  for (const target of [join(dir, 'nope.txt'), join(dir, 'x.txt')]) {
    assert.equal(run(target).code, 0, target);
    assert.equal(run(target, '--strict', '--json').code, 1, target);
  }
});

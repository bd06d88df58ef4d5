// `gongkai report check` (年报体检) on files and folders: the program in-process, and as the real command in a
// child process for its exit statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng, randomFigures, renderReportText } from '../../support/render-report-text.js';
import { runGongkai, runGongkaiInProcess } from '../../support/cli.js';
import {
  APPLICANT_COLUMNS,
  OUTCOME_CODES,
  REVIEW_ROWS,
  type Applications,
} from '../../../src/domain/reports/annual-report.js';
import { renderReportText as renderDomain } from '../../../src/domain/reports/render-text.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SEED = join(ROOT, 'test', 'fixtures', 'reports', 'seed', '000_cdd85b7f6af27b20.txt');
const PAGES = join(ROOT, 'test', 'fixtures', 'reports', 'corpus', 'pages');

/** `gongkai report check args…`, in-process or (spawned) as the command. */
async function run(...args: string[]) {
  const r = await runGongkaiInProcess(['report', 'check', ...args], {});
  return { code: r.code, out: r.stdout, err: r.stderr };
}
function spawned(...args: string[]) {
  const r = runGongkai(['report', 'check', ...args], {});
  return { code: r.code, out: r.stdout, err: r.stderr };
}

test('--json prints the annual-report JSON of the seed report with its spam finding; exit 0', async () => {
  const r = await run(SEED, '--json');
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
  for (const key of ['organization', 'contact', 'sections', 'article20', 'applications', 'reviews', 'findings']) {
    assert.ok(key in report, key);
  }
  assert.deepEqual(
    report.findings.map((f: { rule: string }) => f.rule),
    ['spam'],
  );
});

test('--strict exits 1 when an error finding exists and 0 when none does (the command in a child process)', () => {
  assert.equal(spawned(SEED, '--strict').code, 1);
  const dir = mkdtempSync(join(tmpdir(), 'report-check-'));
  const clean = join(dir, 'clean.txt');
  writeFileSync(clean, renderReportText(randomFigures(prng(7), '2021'), 2023, 'pipe'));
  const r = spawned(clean, '--strict', '--json');
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(JSON.parse(r.out).findings, []);
});

test('readable Chinese summary without --json', async () => {
  const r = await run(SEED);
  assert.equal(r.code, 0);
  assert.match(r.out, /发布机关：淮阴区人民政府办公室/);
  assert.match(r.out, /年度：2020/);
  assert.match(r.out, /\[错误\] spam/);
});

test('a folder: one JSON line per file, totals on stderr, and an HTML summary page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-'));
  const files = readdirSync(PAGES)
    .filter((f) => f.endsWith('.txt'))
    .slice(0, 6);
  mkdirSync(join(dir, 'in'));
  for (const f of files) copyFileSync(join(PAGES, f), join(dir, 'in', f));
  writeFileSync(join(dir, 'in', 'broken.pdf'), 'not a pdf at all');
  const html = join(dir, 'summary.html');
  const r = await run(join(dir, 'in'), '--json', '--summary', html);
  assert.equal(r.code, 0, r.err);
  const reports = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(reports.length, files.length + 1);
  assert.match(r.err, /共读取 7 份报告/);
  assert.match(r.err, /含植入广告 2 份/);
  const broken = reports.find((x) => x.file === 'broken.pdf');
  assert.match(broken.findings[0].message, /无法读取文件/);
  const page = readFileSync(html, 'utf8');
  // One row per report in the ranking and in the figures (docs/report-check.md, "Batch audit").
  assert.equal((page.match(/<tr/g) ?? []).length, 2 * (files.length + 1) + 3);
  assert.match(page, /年报体检汇总/);
});

test('never another exit status: missing path, binary garbage', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-'));
  writeFileSync(join(dir, 'x.txt'), Buffer.from([0, 255, 254, 1, 2, 3, 0xe4, 0xb8]));
  for (const target of [join(dir, 'nope.txt'), join(dir, 'x.txt')]) {
    assert.equal((await run(target)).code, 0, target);
    assert.equal((await run(target, '--strict', '--json')).code, 1, target);
  }
});

// ---- Cross-year rules R6/R7 (docs/report-check.md) ---------------------------------------------

/** Section-三 rows with `n` in the 自然人 column and in 总计, zeros elsewhere. */
const row = (n: number) =>
  Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, c === 'natural_person' || c === 'total' ? n : 0]));

/**
 * A consistent 2021-format report (R1–R5, R8 hold) of one issuer: `carriedOver` from last year,
 * `received` new, `forward` left for next year; the rest disclosed. 行政规范性文件 in force: `inForce`.
 */
function yearReport(
  issuer: string,
  year: number,
  carriedOver: number,
  forward: number,
  normative: { made: number; repealed: number; in_force: number },
) {
  const received = 5;
  const done = received + carriedOver - forward;
  const applications: Applications = { new: row(received), carried_over: row(carriedOver) };
  for (const o of OUTCOME_CODES) applications[o] = row(o === 'disclosed' ? done : 0);
  applications.total = row(done);
  applications.carried_forward = row(forward);
  const reviews = Object.fromEntries(
    REVIEW_ROWS.map((g) => [g, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]),
  );
  const report = {
    format: '2021' as const,
    year,
    organization: { name: issuer },
    sections: { overview: `${year}年，本局认真贯彻落实《条例》。`, problems: '一是公开质量有待提高。', other: '无。' },
    article20: { rules: { made: 0, repealed: 0, in_force: 0 }, normative },
    applications,
    reviews,
  };
  return renderDomain(report, '2021');
}

type CheckRecord = {
  file: string;
  year: number;
  findings: { rule: string; severity: string; message: string; where: { column?: string; previousFile?: string } }[];
};
const jsonLines = (out: string): CheckRecord[] =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CheckRecord);
const byRule = (r: CheckRecord, rule: string) => r.findings.filter((f) => f.rule === rule);

function twoYears(carriedOver2022: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-years-'));
  writeFileSync(
    join(dir, '2021.txt'),
    yearReport('某某县交通运输局', 2021, 0, 2, { made: 1, repealed: 0, in_force: 6 }),
  );
  writeFileSync(
    join(dir, '2022.txt'),
    yearReport('某某县交通运输局', 2022, carriedOver2022, 1, { made: 2, repealed: 1, in_force: 7 }),
  );
  return dir;
}

test("a folder with two years of one issuer: 上年结转 ≠ last year's 结转下年度 is an R6 error on the later year naming the earlier file", async () => {
  const dir = twoYears(3);
  const r = await run(dir, '--json', '--strict');
  assert.equal(r.code, 1, r.err);
  const [y2021, y2022] = jsonLines(r.out);
  assert.equal(y2021!.file, '2021.txt');
  assert.equal(y2022!.file, '2022.txt');
  assert.deepEqual(y2021!.findings, [], 'the earlier year has no previous report in the folder');
  const r6 = byRule(y2022!, 'R6');
  assert.deepEqual(
    r6.map((f) => f.where.column),
    ['natural_person', 'total'],
  );
  for (const f of r6) {
    assert.equal(f.severity, 'error');
    assert.equal(f.where.previousFile, '2021.txt');
    assert.match(f.message, /上年结转为3，上一年度报告（2021\.txt）的结转下年度为2/);
  }
  assert.deepEqual(byRule(y2022!, 'R7'), [], '6 + 2 − 1 = 7');
  assert.deepEqual(
    y2022!.findings.map((f) => f.rule),
    ['R6', 'R6'],
    'nothing else: the report itself adds up',
  );
  assert.match(r.err, /共读取 2 份报告：完整 2 份，有错误 1 份，含植入广告 0 份/);
  // The readable form names the previous file too.
  const text = await run(dir);
  assert.equal(text.code, 0);
  assert.match(text.out, /\[错误\] R6 第三部分“总计”列：上年结转为3.*上一年度报告 2021\.txt/);
});

test('a folder with two years of one issuer that agree: no R6, no R7, exit 0 with --strict', async () => {
  const r = await run(twoYears(2), '--json', '--strict');
  assert.equal(r.code, 0, r.out);
  for (const rec of jsonLines(r.out)) assert.deepEqual(rec.findings, [], rec.file);
  assert.match(r.err, /有错误 0 份/);
});

test('R7 (a warning) when 现行有效件数 does not follow from last year; other issuers and non-consecutive years are not paired', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-years-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(
    join(dir, 'a', '2021.txt'),
    yearReport('某某县交通运输局', 2021, 0, 2, { made: 1, repealed: 0, in_force: 6 }),
  );
  writeFileSync(
    join(dir, 'a', '2022.txt'),
    yearReport('某某县交通运输局', 2022, 2, 1, { made: 2, repealed: 1, in_force: 9 }),
  );
  writeFileSync(
    join(dir, 'other-2022.txt'),
    yearReport('某某县教育局', 2022, 7, 1, { made: 0, repealed: 0, in_force: 1 }),
  );
  writeFileSync(
    join(dir, 'a', '2024.txt'),
    yearReport('某某县交通运输局', 2024, 7, 1, { made: 0, repealed: 0, in_force: 1 }),
  );
  const r = await run(dir, '--json', '--strict');
  assert.equal(r.code, 0, 'R7 is a warning');
  const recs = Object.fromEntries(jsonLines(r.out).map((x) => [x.file, x]));
  const r7 = byRule(recs[join('a', '2022.txt')]!, 'R7');
  assert.equal(r7.length, 1);
  assert.equal(r7[0]!.severity, 'warning');
  assert.equal(r7[0]!.where.previousFile, join('a', '2021.txt'));
  assert.match(r7[0]!.message, /现行有效件数为9，按上年（a\/2021\.txt）6件加本年制发减本年废止应为7/);
  assert.deepEqual(recs['other-2022.txt']!.findings, [], 'another issuer');
  assert.deepEqual(recs[join('a', '2024.txt')]!.findings, [], 'no 2023 report');
});

test("--previous <file> checks a single report against last year's", async () => {
  const dir = twoYears(3);
  const prev = join(dir, '2021.txt');
  const r = await run(join(dir, '2022.txt'), '--previous', prev, '--json', '--strict');
  assert.equal(r.code, 1);
  const [rec] = jsonLines(r.out);
  assert.equal(rec!.file, '2022.txt');
  assert.deepEqual(
    byRule(rec!, 'R6').map((f) => [f.where.column, f.where.previousFile]),
    [
      ['natural_person', prev],
      ['total', prev],
    ],
  );
  assert.equal(r.err, '');
  // Without --previous a single file has nothing to compare with.
  assert.deepEqual(jsonLines((await run(join(dir, '2022.txt'), '--json')).out)[0]!.findings, []);
  // The wrong year is checked anyway (the user named the file), with a note on stderr.
  const wrong = await run(join(dir, '2021.txt'), '--previous', join(dir, '2022.txt'), '--json');
  assert.match(wrong.err, /年度为 2022 年，本报告为 2021 年/);
  // An unreadable previous report is a warning on the record, never another exit status.
  const missing = await run(join(dir, '2022.txt'), '--previous', join(dir, 'nope.txt'), '--json', '--strict');
  assert.equal(missing.code, 0);
  const [m] = jsonLines(missing.out);
  assert.deepEqual(
    m!.findings.map((f) => [f.rule, f.severity]),
    [['missing', 'warning']],
  );
  assert.match(m!.findings[0]!.message, /无法读取上一年度报告/);
});

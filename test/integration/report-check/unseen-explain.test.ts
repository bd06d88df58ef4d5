// `report check --explain` on a synthetic unseen report (test/fixtures/reports/unseen/mixed-2021.txt: flat text,
// 本年新收 digits run together, an outcome row with its blank cells dropped, sections 四 and 五 retitled, prose
// figures in section 一), read figure by figure against its truth file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedReport } from '../../../src/domain/report-check/check-text.js';
import type { FigureSource } from '../../../src/domain/report-check/provenance.js';
import { runGongkaiInProcess } from '../../support/cli.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'reports', 'unseen');
const FILE = join(DIR, 'mixed-2021.txt');
const truth = JSON.parse(readFileSync(join(DIR, 'mixed-2021.truth.json'), 'utf8')) as {
  damaged: { glued: string[]; blank: string[] };
  article20: unknown;
  applications: Record<string, unknown>;
  reviews: unknown;
};

async function check(...args: string[]) {
  const r = await runGongkaiInProcess(['report', 'check', FILE, ...args], {});
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

test('--json --explain: every figure as in the truth file, no finding, and a provenance per figure', async () => {
  const record = JSON.parse((await check('--json', '--explain')).trim()) as CheckedReport;
  assert.deepEqual(record.article20, truth.article20);
  assert.deepEqual(record.applications, truth.applications);
  assert.deepEqual(record.reviews, truth.reviews);
  assert.deepEqual(record.findings, []);
  const p = record.provenance!;
  for (const section of ['article20', 'applications', 'reviews'] as const) {
    const sources = p[section] as Record<string, Record<string, FigureSource>>;
    for (const [row, cols] of Object.entries(record[section] as Record<string, Record<string, unknown>>)) {
      for (const col of Object.keys(cols)) {
        const s = sources[row]![col]!;
        const damaged = [...truth.damaged.glued, ...truth.damaged.blank].includes(row) && section === 'applications';
        assert.equal(s.how, damaged ? 'inferred' : 'text', `${section}.${row}.${col}`);
        assert.equal(typeof s.snippet, 'string');
      }
    }
  }
  assert.equal(p.applications.new!.total!.confidence, 0.85);
  assert.match(p.applications.new!.total!.snippet, /^一、本年新收政府信息公开申请数量 \d+$/);
});

test('--json puts the provenance beside the report, whose figures keep their shape and keys', async () => {
  const record = JSON.parse((await check('--json')).trim()) as CheckedReport;
  assert.deepEqual(record.applications, truth.applications);
  for (const section of ['article20', 'applications', 'reviews'] as const) {
    const figures = record[section] as Record<string, Record<string, unknown>>;
    const sources = record.provenance![section] as Record<string, Record<string, { how: string }>>;
    assert.deepEqual(Object.keys(sources).sort(), Object.keys(figures).sort(), section);
    for (const [row, cells] of Object.entries(sources)) {
      for (const [column, source] of Object.entries(cells)) {
        assert.ok(column in figures[row]!, `${section}.${row}.${column} has a source but no figure`);
        assert.match(source.how, /^(cell|text|inferred)$/);
      }
    }
  }
});

test('--explain prints where each figure came from, in Chinese', async () => {
  const out = await check('--explain');
  assert.match(out, /数字来源：/);
  assert.match(
    out,
    /第三部分“一、本年新收政府信息公开申请数量”：自然人 \d+，.*（推算（按勾稽关系或正文数字确定），置信度 0\.85）/,
  );
  assert.match(out, /第四部分“行政复议”：结果维持 \d+.*（文本（逐个读出），置信度 1）/);
  assert.match(out, / {6}原文：规章 0 1 19/);
  assert.doesNotMatch(await check(), /数字来源/);
});

const STOCK = join(DIR, 'stock-2022.txt');
const STOCK_BEFORE = join(DIR, 'stock-2021.txt');
const stockTruth = JSON.parse(readFileSync(join(DIR, 'stock-2022.truth.json'), 'utf8')) as {
  article20: Record<string, unknown>;
};

test("--previous: last year's 现行有效件数 chooses the split of a run-together 行政规范性文件 row (R7)", async () => {
  const alone = await runGongkaiInProcess(['report', 'check', STOCK, '--json'], {});
  const before = JSON.parse(alone.stdout.trim()) as CheckedReport;
  assert.equal(before.article20.normative, undefined);
  assert.match(before.findings.map((f) => f.message).join('\n'), /行政规范性文件”行数字连在一起，有7种拆分方式/);
  const r = await runGongkaiInProcess(
    ['report', 'check', STOCK, '--previous', STOCK_BEFORE, '--json', '--explain'],
    {},
  );
  assert.equal(r.code, 0, r.stderr);
  const record = JSON.parse(r.stdout.trim()) as CheckedReport;
  assert.deepEqual(record.article20, stockTruth.article20);
  assert.deepEqual(record.findings, [], 'R6/R7 hold and are not reported twice');
  assert.equal(record.file, 'stock-2022.txt');
  assert.deepEqual(record.provenance!.article20.normative!.in_force, {
    how: 'inferred',
    confidence: 0.85,
    snippet: '行政规范性文件 143106',
  });
});

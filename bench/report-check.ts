// Benchmark of 年报体检 (issue 6): reads and checks 1,000 report texts on one core (one thread) and
// prints reports per second, next to baselines measured on the same texts in the same run (merely
// normalising and splitting them into lines; a plain regex scan for numbers), since these
// machines are noisy: read the ratio. Target: at least 500 reports per second.
// Usage: npm run bench:check [-- --runs 5 --count 1000]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReportText } from '../src/domain/report-check/check-text.js';
import { blankPageFurniture, normalizeText } from '../src/domain/report-check/normalize.js';
import { prng, randomFigures, renderReportText, type Shape } from '../test/support/render-report-text.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) || fallback : fallback;
};
const RUNS = arg('--runs', 3);
const COUNT = arg('--count', 1000);
const TARGET = 500;
const FIXTURES = fileURLToPath(new URL('../test/fixtures/reports/', import.meta.url));

/** The corpus texts: page copies, complete reports and the seed report. */
function corpusTexts(): string[] {
  const dirs = ['corpus/pages', 'corpus/complete', 'seed'].map((d) => join(FIXTURES, d));
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(d, f), 'utf8')),
  );
}

/** Half corpus texts repeated, half random valid reports rendered by gongkai in three shapes. */
function buildTexts(count: number): { texts: string[]; corpus: number; rendered: number } {
  const corpus = corpusTexts();
  const texts: string[] = [];
  const half = Math.floor(count / 2);
  for (let i = 0; i < half; i++) texts.push(corpus[i % corpus.length]!);
  const shapes: Shape[] = ['pipe', 'spaces', 'lines'];
  for (let seed = 1; texts.length < count; seed++) {
    const rand = prng(seed);
    const format = rand() < 0.5 ? '2019' : '2021';
    texts.push(renderReportText(randomFigures(rand, format), format === '2021' ? 2022 : 2020, shapes[seed % 3]!));
  }
  return { texts, corpus: half, rendered: count - half };
}

/** Median wall time (ms) of `runs` passes of `fn` over all texts, after one warm-up pass. */
function time(texts: string[], runs: number, fn: (t: string) => number): { ms: number; sink: number } {
  let sink = 0;
  for (const t of texts) sink += fn(t);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const t of texts) sink += fn(t);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, sink };
}

const perSecond = (n: number, ms: number): number => Math.round((n * 1000) / ms);

const { texts, corpus, rendered } = buildTexts(COUNT);
const chars = texts.reduce((n, t) => n + t.length, 0);
const check = time(texts, RUNS, (t) => checkReportText(t).findings.length);
const split = time(texts, RUNS, (t) => blankPageFurniture(normalizeText(t)).split('\n').length);
const scan = time(texts, RUNS, (t) => t.match(/\d+/g)?.length ?? 0);

const rate = perSecond(texts.length, check.ms);
console.log(`年报体检 bench: ${texts.length} texts (${corpus} corpus copies, ${rendered} rendered random reports), ${(chars / 1e6).toFixed(1)} M characters, one thread, median of ${RUNS} runs`);
console.log(`  read + check          ${String(rate).padStart(7)} reports/s  (${(check.ms / texts.length).toFixed(2)} ms per report)`);
console.log(`  baseline: normalise + split into lines  ${String(perSecond(texts.length, split.ms)).padStart(7)} texts/s  → checking costs ${(check.ms / split.ms).toFixed(1)}× normalising`);
console.log(`  baseline: regex scan for numbers        ${String(perSecond(texts.length, scan.ms)).padStart(7)} texts/s  → checking costs ${(check.ms / scan.ms).toFixed(0)}× a scan`);
console.log(`  target ≥ ${TARGET} reports/s: ${rate >= TARGET ? 'met' : 'NOT met'}`);
if (check.sink < 0) console.log(split.sink + scan.sink); // keeps the work observable

// Benchmark of 年报体检: reads and checks 1,000 report texts on one core (one thread) and
// prints reports per second (median of the runs), next to baselines measured on the same texts in
// the same rounds (merely normalising and splitting them into lines; a plain regex scan for
// numbers) and the machine's load average, since these machines are noisy: read the ratio, the
// median of the per-round ratios. Target: at least 500 reports per second.
// Usage: npm run bench:check [-- --runs 5 --count 1000]
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReportText } from '../src/domain/report-check/check-text.js';
import { blankPageFurniture, normalizeText } from '../src/domain/report-check/normalize.js';
import { prng, randomFigures, renderReportText, type Shape } from '../test/support/render-report-text.js';
import { numberArg } from './lib/args.js';

const RUNS = numberArg('runs', 3);
const COUNT = numberArg('count', 1000);
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

type Pass = (t: string) => number;

const PASSES: [name: string, fn: Pass][] = [
  ['check', (t) => checkReportText(t).findings.length],
  ['split', (t) => blankPageFurniture(normalizeText(t)).split('\n').length],
  ['scan', (t) => t.match(/\d+/g)?.length ?? 0],
];

/**
 * Wall times (ms) of `runs` rounds, after one warm-up round; each round times every pass over all
 * texts one after the other, so a round's ratios compare passes run under the same load.
 */
function measure(texts: string[], runs: number): { ms: Record<string, number[]>; sink: number } {
  let sink = 0;
  const ms: Record<string, number[]> = Object.fromEntries(PASSES.map(([name]) => [name, []]));
  for (let r = -1; r < runs; r++) {
    for (const [name, fn] of PASSES) {
      const t0 = performance.now();
      for (const t of texts) sink += fn(t);
      if (r >= 0) ms[name]!.push(performance.now() - t0);
    }
  }
  return { ms, sink };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const perSecond = (n: number, ms: number): number => Math.round((n * 1000) / ms);
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const { texts, corpus, rendered } = buildTexts(COUNT);
const chars = texts.reduce((n, t) => n + t.length, 0);
const loadBefore = load();
const { ms, sink } = measure(texts, RUNS);
const loadAfter = load();
const check = median(ms.check!);
const ratio = (base: string): number => median(ms.check!.map((c, i) => c / ms[base]![i]!));
const rate = perSecond(texts.length, check);
const range = (xs: number[]): string =>
  `${perSecond(texts.length, Math.max(...xs))}–${perSecond(texts.length, Math.min(...xs))}`;

console.log(
  `年报体检 bench: ${texts.length} texts (${corpus} corpus copies, ${rendered} rendered random reports), ${(chars / 1e6).toFixed(1)} M characters, one thread, median of ${RUNS} runs`,
);
console.log(
  `  machine: ${availableParallelism()} cores, load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after`,
);
console.log(
  `  read + check          ${String(rate).padStart(7)} reports/s  (${(check / texts.length).toFixed(2)} ms per report; runs ${range(ms.check!)}/s)`,
);
console.log(
  `  baseline: normalise + split into lines  ${String(perSecond(texts.length, median(ms.split!))).padStart(7)} texts/s  → checking costs ${ratio('split').toFixed(1)}× normalising`,
);
console.log(
  `  baseline: regex scan for numbers        ${String(perSecond(texts.length, median(ms.scan!))).padStart(7)} texts/s  → checking costs ${ratio('scan').toFixed(0)}× a scan`,
);
console.log(`  target ≥ ${TARGET} reports/s: ${rate >= TARGET ? 'met' : 'NOT met'}`);
if (sink < 0) console.log(sink); // keeps the work observable

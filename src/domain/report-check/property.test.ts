import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReport } from '../reports/check-report.js';
import { checkReportText } from './check-text.js';
// Texts come from the product renderer (src/domain/reports/render-text.ts) through the shape helper.
import { prng, randomFigures, renderReportText, type Shape } from '../../../test/support/render-report-text.js';

const SHAPES: Shape[] = ['pipe', 'spaces', 'lines'];

test('random valid reports rendered to text read back with the same figures', () => {
  for (let seed = 1; seed <= 60; seed++) {
    const rand = prng(seed);
    const format = rand() < 0.5 ? '2019' : '2021';
    const figures = randomFigures(rand, format);
    assert.deepEqual(checkReport(figures), [], `seed ${seed}: generated report must be valid`);
    const shape = SHAPES[seed % SHAPES.length]!;
    const year = format === '2021' ? 2022 : 2020;
    const read = checkReportText(renderReportText(figures, year, shape));
    const ctx = `seed ${seed} (${format}, ${shape})`;
    assert.equal(read.format, format, ctx);
    assert.equal(read.year, year, ctx);
    assert.equal(read.organization.name, '某某区人民政府', ctx);
    assert.deepEqual(read.applications, figures.applications, ctx);
    assert.deepEqual(read.reviews, figures.reviews, ctx);
    assert.deepEqual(read.article20, figures.article20, ctx);
    assert.deepEqual(read.findings, [], ctx);
  }
});

/** Every figure read must be a number printed in the text (digits of a cell, possibly run together). */
function figuresIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) figuresIn(v, out);
  return out;
}

function damage(text: string, rand: () => number): string {
  const kind = Math.floor(rand() * 4);
  if (kind === 0) return text.slice(0, Math.floor(rand() * text.length));
  if (kind === 1) return text.replace(/[ \n]+/g, () => [' ', '\n', '  ', '\t', ''][Math.floor(rand() * 5)]!);
  if (kind === 2) return text.replace(/\| (\d+) \|/g, (m) => (rand() < 0.2 ? '| |' : m));
  return text.replace(/\d+/g, (m) => (rand() < 0.1 ? '' : m)).slice(Math.floor(rand() * 200));
}

test('random damage never crashes the reader and never invents a figure', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const rand = prng(1000 + seed);
    const format = rand() < 0.5 ? '2019' : '2021';
    const text = damage(renderReportText(randomFigures(rand, format), 2022, SHAPES[seed % 3]!), rand);
    const read = checkReportText(text);
    const digits = text.replace(/[^\d.\-+]+/g, ' ');
    for (const v of figuresIn({ a: read.applications, b: read.reviews, c: read.article20 })) {
      const printed = String(Math.abs(v));
      assert.ok(v === 0 || digits.includes(printed), `seed ${seed}: ${v} is not in the text`);
    }
  }
});

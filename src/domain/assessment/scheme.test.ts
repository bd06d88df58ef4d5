// The scoring of an assessment scheme: share and count indicators, no data (无数据) under both rules, grade bands,
// competition ranks; a scheme's content checked before it is saved; a table's rows with their adjustments.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPUTED_INDICATORS, DEFAULT_SCHEME, gradeOf, ranks, scoreIndicator, type IndicatorDef } from './scheme.js';
import { schemeErrors, scoreUnits } from './result-table.js';

const share: IndicatorDef = { id: 's', name: '比例', mode: 'computed', valueKind: 'share', max: 15, formula: 'x' };
const count: IndicatorDef = {
  id: 'c',
  name: '件数',
  mode: 'computed',
  valueKind: 'count',
  max: 10,
  perItem: 4,
  formula: 'x',
};

describe('scoreIndicator', () => {
  test('should score a share as share × max, kept between 0 and 1', () => {
    assert.deepEqual(scoreIndicator(share, 0.8, 'full'), { score: 12, value: 0.8, max: 15 });
    assert.equal(scoreIndicator(share, 1 / 3, 'full').score, 5);
    assert.equal(scoreIndicator(share, 1.2, 'full').score, 15);
  });

  test('should take k points per item from a count, floored at 0', () => {
    assert.equal(scoreIndicator(count, 0, 'full').score, 10);
    assert.equal(scoreIndicator(count, 2, 'full').score, 2);
    assert.equal(scoreIndicator(count, 3, 'full').score, 0);
  });

  test('should take no points without data, or all of them when the scheme says so', () => {
    assert.deepEqual(scoreIndicator(count, null, 'full'), { score: 10, value: null, max: 10 });
    assert.deepEqual(scoreIndicator(share, null, 'zero'), { score: 0, value: null, max: 15 });
  });
});

describe('grades and ranks', () => {
  test('should give the best band a total reaches', () => {
    assert.equal(gradeOf(90, DEFAULT_SCHEME.grades), '优秀');
    assert.equal(gradeOf(89.99, DEFAULT_SCHEME.grades), '良好');
    assert.equal(gradeOf(60, DEFAULT_SCHEME.grades), '合格');
    assert.equal(gradeOf(59, DEFAULT_SCHEME.grades), '不合格');
  });

  test('should rank by competition (1, 2, 2, 4)', () => {
    assert.deepEqual(ranks([90, 80, 80, 70]), [1, 2, 2, 4]);
  });
});

describe('the default scheme', () => {
  test('should hold every computed indicator once, worth 100 points, with its formula in words', () => {
    assert.deepEqual(
      DEFAULT_SCHEME.indicators.map((i) => i.id),
      [...COMPUTED_INDICATORS],
    );
    assert.equal(
      DEFAULT_SCHEME.indicators.reduce((s, i) => s + i.max, 0),
      100,
    );
    assert.deepEqual(schemeErrors(DEFAULT_SCHEME), {});
  });
});

describe('schemeErrors', () => {
  test('should name every error at once', () => {
    const errors = schemeErrors({
      noData: 'full',
      grades: [...DEFAULT_SCHEME.grades].reverse(),
      indicators: [
        { ...share, max: 0 },
        { ...share, name: ' ' },
        { ...count, perItem: 0 },
        { ...count, id: '1x', mode: 'computed', measure: undefined },
      ],
    });
    assert.deepEqual(Object.keys(errors).sort(), [
      'grades',
      'indicators.0.max',
      'indicators.0.measure',
      'indicators.1.id',
      'indicators.1.measure',
      'indicators.1.name',
      'indicators.2.measure',
      'indicators.2.perItem',
      'indicators.3.id',
      'indicators.3.measure',
    ]);
  });
});

describe('scoreUnits', () => {
  const def = { ...DEFAULT_SCHEME, indicators: [share, count] };

  test('should add an indicator’s adjustment within its max and a total’s to the total, then rank and grade', () => {
    const lines = scoreUnits(def, [
      { values: { s: 1, c: 0 }, adjustments: [{ indicatorId: 'c', points: 5 }] },
      {
        values: { s: 0.5, c: 1 },
        adjustments: [
          { indicatorId: 's', points: -10 },
          { indicatorId: null, points: 2 },
        ],
      },
      { values: { s: null, c: null }, adjustments: [] },
    ]);
    assert.deepEqual(
      lines.map((l) => [l.items.s?.score, l.items.c?.score, l.total, l.rank]),
      [
        [15, 10, 25, 1],
        [0, 6, 8, 3],
        [15, 10, 25, 1],
      ],
    );
    assert.equal(lines[1]?.grade, '不合格');
  });
});

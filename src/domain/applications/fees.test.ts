import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../core/domain-error.js';
import { feeByPages, feeByPieces, pageBreakdown, pageRate, pieceBreakdown, pieceRate } from './fees.js';

describe('the per-piece fee (按件计收, progressive over the month)', () => {
  const table: [number, number][] = [
    [0, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [45, 5500], // worked example (fees.ts): 10×0 + 20×100 + 10×200 + 5×300
    [50, 7000],
    [51, 7400],
  ];
  for (const [pieces, yuan] of table) {
    it(`should charge ${yuan} yuan for ${pieces} pieces in a month`, () => {
      assert.equal(feeByPieces(pieces), yuan);
    });
  }

  it('should charge only the pieces above those already counted this month', () => {
    assert.equal(feeByPieces(45, 30), 3500);
    assert.equal(feeByPieces(45, 30) + feeByPieces(30), feeByPieces(45));
    assert.equal(feeByPieces(12, 12), 0);
  });

  it('should read the bands as 31–40 → 200, 41–50 → 300, 51–60 → 400', () => {
    assert.deepEqual([30, 31, 40, 41, 50, 51, 60, 61].map(pieceRate), [100, 200, 200, 300, 300, 400, 400, 500]);
  });

  it('should give the lines of the fee notice', () => {
    assert.deepEqual(
      pieceBreakdown(45).lines.map((l) => [l.from, l.to, l.rate, l.amount]),
      [
        [1, 10, 0, 0],
        [11, 30, 100, 2000],
        [31, 40, 200, 2000],
        [41, 45, 300, 1500],
      ],
    );
  });

  it('should refuse fractional, negative or inconsistent counts', () => {
    assert.throws(() => feeByPieces(1.5), DomainError);
    assert.throws(() => feeByPieces(-1), DomainError);
    assert.throws(() => feeByPieces(10, 11), /不能大于/);
  });
});

describe('the per-page fee (按量计收)', () => {
  const table: [number, number][] = [
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700], // worked example (fees.ts): 30×0 + 70×10 + 100×20 + 50×40
  ];
  for (const [pages, yuan] of table) {
    it(`should charge ${yuan} yuan for ${pages} pages`, () => {
      assert.equal(feeByPages(pages), yuan);
    });
  }

  it('should use the rates 0 / 10 / 20 / 40', () => {
    assert.deepEqual([30, 31, 100, 101, 200, 201].map(pageRate), [0, 10, 10, 20, 20, 40]);
    assert.equal(pageBreakdown(250).lines.length, 4);
  });

  it('should refuse a fractional page count', () => {
    assert.throws(() => feeByPages(2.5), DomainError);
  });
});

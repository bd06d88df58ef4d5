// 信息处理费 (information processing fee): the progressive standards of 《政府信息公开信息处理费管理办法》
// (国办函〔2020〕109号, its fee-standard tables), art. 42 of the Regulation.
//
// Both standards are 超额累进 — progressive over the excess, like income-tax bands: each unit is
// charged at the rate of the band it falls in. Amounts are whole yuan.
//
// Per piece (按件计收, measures art. 4): per applicant, per natural month, cumulative.
//   pieces 1–10 free; 11–30 at 100 yuan; from 31 on, bands of 10 pieces, each band 100 yuan/piece
//   more than the one before. Read as bands: 31–40 → 200, 41–50 → 300, 51–60 → 400, …
//   Worked example: 45 pieces = 10×0 + 20×100 + 10×200 + 5×300 = 5,500.
// Per volume (按量计收, measures art. 5): per application, counted in pages.
//   pages 1–30 free; 31–100 at 10; 101–200 at 20; 201 and up at 40.
//   Worked example: 250 pages = 30×0 + 70×10 + 100×20 + 50×40 = 4,700.
// An application is charged on one basis, never both (measures art. 3).

import { DomainError } from '../core/domain-error.js';

/** Error code for a negative, fractional or inconsistent quantity. */
export const INVALID_FEE_QUANTITY = 'invalid_fee_quantity';

/** The two bases (measures art. 3). */
export type FeeBasis = 'pieces' | 'pages';

/** One line of a fee notice: `count` units from `from` to `to` at `rate` yuan. */
export type FeeLine = { from: number; to: number; count: number; rate: number; amount: number };

/** A computed fee with its band-by-band breakdown, for the 收费通知书. */
export type FeeBreakdown = { basis: FeeBasis; quantity: number; lines: FeeLine[]; amount: number };

/** Units a basis leaves free. */
export const FREE_PIECES = 10;
export const FREE_PAGES = 30;

/** Largest quantity accepted: far above any real month, and keeps the band loop short. */
export const MAX_FEE_QUANTITY = 100_000;

/**
 * The per-piece rate of the n-th piece in the applicant's month.
 * @param n 1-based ordinal of the piece within the natural month
 * @returns yuan for that piece
 */
export function pieceRate(n: number): number {
  if (n <= FREE_PIECES) {
    return 0;
  }
  if (n <= 30) {
    return 100;
  }
  return 100 * (2 + Math.floor((n - 31) / 10));
}

/**
 * The per-page rate of the n-th page of an application.
 * @param n 1-based ordinal of the page
 * @returns yuan for that page
 */
export function pageRate(n: number): number {
  if (n <= FREE_PAGES) {
    return 0;
  }
  if (n <= 100) {
    return 10;
  }
  return n <= 200 ? 20 : 40;
}

/**
 * Fee for the pieces of one application, progressive over the applicant's monthly cumulative count.
 * @param totalPiecesThisMonth the applicant's pieces this natural month to this organization, this application included
 * @param alreadyChargedPieces pieces of the same month already counted on earlier applications (default 0)
 * @returns yuan for pieces alreadyChargedPieces+1 … totalPiecesThisMonth
 * @throws DomainError `invalid_fee_quantity` when a count is not a whole number or already > total
 */
export function feeByPieces(totalPiecesThisMonth: number, alreadyChargedPieces = 0): number {
  return pieceBreakdown(totalPiecesThisMonth, alreadyChargedPieces).amount;
}

/**
 * Fee for an application charged by volume.
 * @param pages the number of pages provided
 * @returns yuan
 * @throws DomainError `invalid_fee_quantity` when pages is not a whole number
 */
export function feeByPages(pages: number): number {
  return pageBreakdown(pages).amount;
}

/**
 * {@link feeByPieces} with the band lines a fee notice states ("收费依据、标准、金额").
 * @param totalPiecesThisMonth as for feeByPieces
 * @param alreadyChargedPieces as for feeByPieces
 * @returns the breakdown
 */
export function pieceBreakdown(totalPiecesThisMonth: number, alreadyChargedPieces = 0): FeeBreakdown {
  assertQuantity(totalPiecesThisMonth, '件数');
  assertQuantity(alreadyChargedPieces, '本月已计件数');
  if (alreadyChargedPieces > totalPiecesThisMonth) {
    throw new DomainError(
      INVALID_FEE_QUANTITY,
      `本月已计件数（${alreadyChargedPieces}）不能大于本月累计件数（${totalPiecesThisMonth}）`,
    );
  }
  const lines = bandLines(alreadyChargedPieces + 1, totalPiecesThisMonth, pieceRate);
  return { basis: 'pieces', quantity: totalPiecesThisMonth - alreadyChargedPieces, lines, amount: sum(lines) };
}

/**
 * {@link feeByPages} with its band lines.
 * @param pages the number of pages
 * @returns the breakdown
 */
export function pageBreakdown(pages: number): FeeBreakdown {
  assertQuantity(pages, '页数');
  const lines = bandLines(1, pages, pageRate);
  return { basis: 'pages', quantity: pages, lines, amount: sum(lines) };
}

/** Groups units first…last into runs of equal rate. */
function bandLines(first: number, last: number, rate: (n: number) => number): FeeLine[] {
  const lines: FeeLine[] = [];
  for (let n = first; n <= last; n += 1) {
    const r = rate(n);
    const current = lines.at(-1);
    if (current !== undefined && current.rate === r) {
      current.to = n;
      current.count += 1;
      current.amount += r;
    } else {
      lines.push({ from: n, to: n, count: 1, rate: r, amount: r });
    }
  }
  return lines;
}

function sum(lines: readonly FeeLine[]): number {
  return lines.reduce((total, line) => total + line.amount, 0);
}

function assertQuantity(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_FEE_QUANTITY) {
    throw new DomainError(INVALID_FEE_QUANTITY, `${what}必须是 0 到 ${MAX_FEE_QUANTITY} 之间的整数：${n}`);
  }
}

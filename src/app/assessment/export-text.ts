// How the result table of an assessment is put in words and numbers, the same on its page, in its XLSX and PDF and
// in the publication draft: an indicator's value (a share in percent, a count of items, 无数据), a score with at
// most two decimals, the adjustments of a unit, and the grade counts.
import { GRADES, type Grade, type IndicatorDef, type IndicatorScore } from '../../domain/assessment/scheme.js';
import type { Adjustment, ResultRow, ResultTable } from './ports.js';

/** A score with at most two decimals (86.5, 90, 12.25). */
export const scoreText = (n: number): string => String(Math.round(n * 100) / 100);

/** An indicator's value: a share in percent, a count in items, or 无数据. */
export function valueText(def: Pick<IndicatorDef, 'valueKind'>, item: IndicatorScore | undefined): string {
  if (!item || item.value === null) return '无数据';
  if (def.valueKind === 'share') return `${scoreText(item.value * 100)}%`;
  return `${scoreText(item.value)}项`;
}

/** The adjustments of a unit touching an indicator (`null`: the total). */
export const adjustmentsOf = (row: ResultRow, indicatorId: string | null): Adjustment[] =>
  row.adjustments.filter((a) => a.indicatorId === indicatorId);

/** An adjustment in words: “调整 +2分（理由）”. */
export const adjustmentText = (a: Pick<Adjustment, 'points' | 'reason'>): string =>
  `调整${a.points > 0 ? '+' : ''}${scoreText(a.points)}分（${a.reason}）`;

/** How many units earned each grade, best first. */
export function gradeCounts(table: Pick<ResultTable, 'rows'>): { grade: Grade; count: number }[] {
  return GRADES.map((grade) => ({ grade, count: table.rows.filter((r) => r.grade === grade).length }));
}

/** The full points of a scheme. */
export const fullPoints = (table: Pick<ResultTable, 'def'>): number =>
  table.def.indicators.reduce((s, i) => s + i.max, 0);

const GRADE_COLOURS: Readonly<Record<Grade, string>> = {
  优秀: '#1b5e20',
  良好: '#2e7d32',
  合格: '#8d6e00',
  不合格: '#b71c1c',
};

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A bar chart of how many units earned each grade, as SVG (the result page and the PDF): labelled bars, the
 * counts written above them, a title and description for screen readers. Colours are presentation attributes
 * (no style attribute: the pages' CSP forbids inline styles).
 */
export function gradeChartSvg(table: Pick<ResultTable, 'rows' | 'year'>): string {
  const counts = gradeCounts(table);
  const [w, h, top, bottom] = [480, 200, 28, 32];
  const most = Math.max(1, ...counts.map((c) => c.count));
  const slot = w / counts.length;
  const bars = counts.map((c, i) => {
    const bh = ((h - top - bottom) * c.count) / most;
    const x = i * slot + slot * 0.2;
    const y = h - bottom - bh;
    return (
      `<rect x="${x}" y="${y}" width="${slot * 0.6}" height="${bh}" fill="${GRADE_COLOURS[c.grade]}"/>` +
      `<text x="${x + slot * 0.3}" y="${y - 6}" text-anchor="middle" font-size="14" fill="#222">${c.count}</text>` +
      `<text x="${x + slot * 0.3}" y="${h - 10}" text-anchor="middle" font-size="14" fill="#222">${c.grade}</text>`
    );
  });
  const desc = counts.map((c) => `${c.grade}${c.count}个`).join('，');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" ` +
    `aria-labelledby="grade-chart-title grade-chart-desc">` +
    `<title id="grade-chart-title">${xml(`${table.year}年度考核等级分布`)}</title>` +
    `<desc id="grade-chart-desc">${xml(desc)}</desc>` +
    `<line x1="0" y1="${h - bottom}" x2="${w}" y2="${h - bottom}" stroke="#666"/>` +
    bars.join('') +
    '</svg>'
  );
}

// The monitoring trend over the last 12 months (sites checked and sites failing per month) and its chart as
// hand-written SVG, like the annual report's charts: role="img", a <title> and a <desc> stating every number.
import { escapeXml, niceMax } from '../reports/charts.js';

/** One month of the trend: sites checked that month (their last result) and how many of them failed. */
export type TrendPoint = { month: string; checked: number; failed: number };

/** The 12 months ending with the month of `today` (YYYY-MM), oldest first. */
export function lastTwelveMonths(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Per month, each site's last verdict that month: checked and failed counts.
 * @param results finished site results (finishedOn as YYYY-MM-DD)
 */
export function monthlyTrend(
  months: readonly string[],
  results: readonly { siteId: string; finishedOn: string; verdict: string }[],
): TrendPoint[] {
  return months.map((month) => {
    const last = new Map<string, string>();
    for (const r of results) if (r.finishedOn.startsWith(month)) last.set(r.siteId, r.verdict);
    return { month, checked: last.size, failed: [...last.values()].filter((v) => v === '不合格').length };
  });
}

/** The trend as grouped bars (checked, failed) per month. */
export function trendChartSvg(points: readonly TrendPoint[], idPrefix = 'trend'): string {
  const W = 640;
  const H = 220;
  const left = 36;
  const bottom = 30;
  const top = 12;
  const max = niceMax(Math.max(1, ...points.map((p) => p.checked)));
  const slot = (W - left - 8) / Math.max(points.length, 1);
  const bar = Math.max(4, slot / 3);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const bars = points
    .map((p, i) => {
      const x = left + i * slot + slot / 6;
      const rect = (v: number, dx: number, cls: string) =>
        `<rect class="${cls}" x="${(x + dx).toFixed(1)}" y="${y(v).toFixed(1)}" width="${bar.toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}"/>`;
      const label = `<text x="${(x + bar).toFixed(1)}" y="${H - 10}" text-anchor="middle" font-size="11">${escapeXml(p.month.slice(5))}</text>`;
      return rect(p.checked, 0, 'bar-checked') + rect(p.failed, bar, 'bar-failed') + label;
    })
    .join('');
  const desc = points.map((p) => `${p.month}：监测${p.checked}个网站，不合格${p.failed}个`).join('；');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" class="chart">`,
    `<title id="${idPrefix}-title">近12个月网站监测情况</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(desc)}</desc>`,
    `<line x1="${left}" y1="${y(0)}" x2="${W - 8}" y2="${y(0)}" class="axis"/>`,
    `<text x="4" y="${y(max) + 4}" font-size="11">${max}</text>`,
    bars,
    '</svg>',
  ].join('');
}

/**
 * Test helper: renders report figures as published text in the shapes the checker meets, over the
 * product renderer (src/domain/reports/render-text.ts): its pipe rows as on the seed page, or the
 * same cells space-separated (PDF text) or one cell per line, so property tests can read them back.
 */
import {
  APPLICANT_COLUMNS,
  REVIEW_ROWS,
  applicationRows,
  type ReportFigures,
  type ReportFormat,
} from '../../src/domain/reports/annual-report.js';
import { renderReportText as renderDomain } from '../../src/domain/reports/render-text.js';
import { seeded } from '../../src/domain/reports/test-support.js';

export type Shape = 'pipe' | 'spaces' | 'lines';

/** Re-shapes the renderer's pipe rows (lines ending in `|`); prose lines are kept. */
export function reshape(text: string, shape: Shape): string {
  if (shape === 'pipe') return text;
  return text
    .split('\n')
    .map((line) => {
      if (!line.endsWith('|')) return line;
      const cells = line.replace(/\s*\|$/, '').split(' | ');
      return shape === 'spaces' ? cells.join('    ') : cells.map((c) => `${c} |`).join('\n');
    })
    .join('\n');
}

/** Renders a complete report with the figures in `r` (a fixed issuer and narrative). */
export function renderReportText(r: ReportFigures & { format: ReportFormat }, year: number, shape: Shape): string {
  const report = {
    ...r,
    year,
    organization: { name: '某某区人民政府' },
    sections: { overview: `${year}年，我区认真贯彻落实《条例》。`, problems: '一是公开质量有待提高。', other: '无。' },
  };
  return reshape(renderDomain(report, r.format), shape);
}

/** A random consistent report (R1–R5 and R8 hold). */
export function randomFigures(rand: () => number, format: ReportFormat): ReportFigures & { format: ReportFormat } {
  const n = (max: number) => Math.floor(rand() * (max + 1));
  const applications: ReportFigures['applications'] = {};
  const rows = applicationRows(format);
  const outcomes = rows.filter((x) => !['new', 'carried_over', 'total', 'carried_forward'].includes(x));
  const parts = (vals: number[]) =>
    Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, i < 6 ? vals[i]! : vals.reduce((a, b) => a + b, 0)]));
  const sumRows: number[] = [0, 0, 0, 0, 0, 0];
  for (const o of outcomes) {
    const v = [n(rand() < 0.3 ? 40 : 3), n(2), 0, n(1), 0, n(1)].map((x) => (rand() < 0.5 ? 0 : x));
    v.forEach((x, i) => (sumRows[i]! += x));
    applications[o] = parts(v);
  }
  const forward = sumRows.map(() => n(2));
  const carried = sumRows.map((s, i) => Math.min(s + forward[i]!, n(3)));
  applications.new = parts(sumRows.map((s, i) => s + forward[i]! - carried[i]!));
  applications.carried_over = parts(carried);
  applications.total = parts(sumRows);
  applications.carried_forward = parts(forward);
  const reviews: ReportFigures['reviews'] = {};
  for (const g of REVIEW_ROWS) {
    const v = [n(5), n(3), n(2), n(2)];
    reviews[g] = { upheld: v[0]!, corrected: v[1]!, other: v[2]!, pending: v[3]!, total: v.reduce((a, b) => a + b, 0) };
  }
  const article20: ReportFigures['article20'] =
    format === '2021'
      ? {
          rules: { made: n(2), repealed: n(2), in_force: n(20) },
          normative: { made: n(9), repealed: n(9), in_force: n(90) },
          licensing: { decisions: n(99999) },
          penalties: { decisions: n(9999) },
          enforcement: { decisions: n(999) },
          fees: { amount: n(99999) / 100 },
        }
      : {
          rules: { new_made: n(2), new_published: n(2), total_published: n(20) },
          normative: { new_made: n(9), new_published: n(9), total_published: n(90) },
          licensing: { previous_items: n(500), change: n(40) - 20, decisions: n(99999) },
          other_services: { previous_items: n(500), change: n(10), decisions: n(9999) },
          penalties: { previous_items: n(5000), change: n(90) - 45, decisions: n(9999) },
          enforcement: { previous_items: n(300), change: n(6) - 3, decisions: n(999) },
          fees: { previous_items: n(30), change: n(4) - 2 },
          procurement: { projects: n(600), amount: n(9999999) / 100, unit: '万元' },
        };
  return { format, article20, applications, reviews };
}

/** A small deterministic PRNG (mulberry32) so failures can be replayed from the seed. */
export const prng = seeded;

/**
 * Test helper: renders report figures as published text in the shapes the checker meets
 * (pipe rows as on the seed page, space-separated PDF text, one cell per line), so that
 * property tests can read them back. Not the product renderer (issue 5).
 */
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  applicationRows,
  type ReportFigures,
  type ReportFormat,
} from '../../src/domain/reports/annual-report.js';
import { APPLICATION_ROW_LABELS, SECTION_TITLES, article20Tables } from '../../src/domain/reports/labels.js';

export type Shape = 'pipe' | 'spaces' | 'lines';

function row(cells: string[], shape: Shape): string {
  if (shape === 'pipe') return `${cells.join(' | ')} |`;
  if (shape === 'spaces') return cells.join('    ');
  return cells.map((c) => `${c} |`).join('\n');
}

const show = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Renders a complete report with the figures in `r`. */
export function renderReportText(r: ReportFigures & { format: ReportFormat }, year: number, shape: Shape): string {
  const out: string[] = [`某某区人民政府${year}年政府信息公开工作年度报告`, SECTION_TITLES.overview, `${year}年，我区认真贯彻落实《条例》。`, SECTION_TITLES.article20];
  for (const t of article20Tables(r.format)) {
    out.push(row([t.caption], shape), row(t.header, shape));
    for (const { code, label } of t.rows) {
      const e = r.article20[code] ?? {};
      out.push(row([label, ...t.columns.map((c) => (c === 'amount' && e.unit ? `${show(e[c])}${e.unit}` : show(e[c])))], shape));
    }
  }
  out.push(SECTION_TITLES.applications, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', row(['申请人情况'], shape));
  out.push(row(['自然人', '法人或其他组织', '总计'], shape), row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], shape));
  for (const code of applicationRows(r.format)) {
    const cells = r.applications[code] ?? {};
    out.push(row([APPLICATION_ROW_LABELS[code], ...APPLICANT_COLUMNS.map((c) => show(cells[c]))], shape));
  }
  out.push(SECTION_TITLES.reviews, row(['行政复议', '行政诉讼'], shape), row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], shape));
  out.push(row(REVIEW_ROWS.flatMap((g) => REVIEW_COLUMNS.map((c) => show(r.reviews[g]?.[c]))), shape));
  out.push(SECTION_TITLES.problems, '一是公开质量有待提高。', SECTION_TITLES.other, '无。');
  return out.join('\n');
}

/** A random consistent report (R1–R5 and R8 hold). */
export function randomFigures(rand: () => number, format: ReportFormat): ReportFigures & { format: ReportFormat } {
  const n = (max: number) => Math.floor(rand() * (max + 1));
  const applications: ReportFigures['applications'] = {};
  const rows = applicationRows(format);
  const outcomes = rows.filter((x) => !['new', 'carried_over', 'total', 'carried_forward'].includes(x));
  const parts = (vals: number[]) => Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, i < 6 ? vals[i]! : vals.reduce((a, b) => a + b, 0)]));
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
      ? { rules: { made: n(2), repealed: n(2), in_force: n(20) }, normative: { made: n(9), repealed: n(9), in_force: n(90) }, licensing: { decisions: n(99999) }, penalties: { decisions: n(9999) }, enforcement: { decisions: n(999) }, fees: { amount: n(99999) / 100 } }
      : { rules: { new_made: n(2), new_published: n(2), total_published: n(20) }, normative: { new_made: n(9), new_published: n(9), total_published: n(90) }, licensing: { previous_items: n(500), change: n(40) - 20, decisions: n(99999) }, other_services: { previous_items: n(500), change: n(10), decisions: n(9999) }, penalties: { previous_items: n(5000), change: n(90) - 45, decisions: n(9999) }, enforcement: { previous_items: n(300), change: n(6) - 3, decisions: n(999) }, fees: { previous_items: n(30), change: n(4) - 2 }, procurement: { projects: n(600), amount: n(9999999) / 100, unit: '万元' } };
  return { format, article20, applications, reviews };
}

/** A small deterministic PRNG (mulberry32) so failures can be replayed from the seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

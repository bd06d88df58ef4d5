/**
 * The rollup (汇总, GLOSSARY): one report over a subtree of organizations, every cell the sum of
 * the units' cells. Counts stay integers; amounts keep their decimals. A cell blank (null) or
 * absent in every unit stays blank; otherwise blanks count as 0 (as the checks count them).
 *
 * Units of another format are mapped between the formats: the 2019 其他处理 row ↔ the sum of the
 * 2021 （六）1–3 rows (a 2019 row rolled into a 2021 report lands in （六）3 其他); section-二
 * columns the target format does not have are left out.
 */
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  applicationRows,
  formatForYear,
  type AnnualReport,
  type ApplicationRow,
  type Applications,
  type Article20,
  type Article20Entry,
  type Cell,
  type ReportFormat,
  type Reviews,
} from './annual-report.js';
import { article20Tables } from './labels.js';

export type RollupMeta = {
  year: number;
  organization: AnnualReport['organization'];
  contact: AnnualReport['contact'];
  /** Defaults to the format the year requires, else the first report's. */
  format?: ReportFormat;
};

const OTHER_ROWS = ['other.correction_lapsed', 'other.fee_unpaid', 'other.other'] as const;

/** Sums cells; null when every value is null or absent. Rounded to 6 places so amounts do not drift (0.1 + 0.2). */
export function sumCells(values: readonly (Cell | undefined)[]): Cell {
  let seen = false;
  let s = 0;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    seen = true;
    s += v;
  }
  return seen ? Math.round(s * 1e6) / 1e6 : null;
}

/** A unit's section-三 cell as the target format reads it (the 2019 其他处理 row is the 2021 （六）1–3). */
function appValue(
  report: AnnualReport,
  target: ReportFormat,
  row: ApplicationRow,
  col: (typeof APPLICANT_COLUMNS)[number],
): Cell | undefined {
  const apps = report.applications ?? {};
  if (target === '2019' && row === 'other' && !apps.other) {
    return sumCells(OTHER_ROWS.map((r) => apps[r]?.[col]));
  }
  if (target === '2021' && row === 'other.other' && apps.other) {
    return sumCells([apps['other.other']?.[col], apps.other[col]]);
  }
  return apps[row]?.[col];
}

function rollupApplications(reports: readonly AnnualReport[], format: ReportFormat): Applications {
  const out: Applications = {};
  for (const row of applicationRows(format)) {
    out[row] = Object.fromEntries(
      APPLICANT_COLUMNS.map((c) => [c, sumCells(reports.map((r) => appValue(r, format, row, c)))]),
    );
  }
  return out;
}

function rollupReviews(reports: readonly AnnualReport[]): Reviews {
  const out: Reviews = {};
  for (const row of REVIEW_ROWS) {
    out[row] = Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, sumCells(reports.map((r) => r.reviews?.[row]?.[c]))]));
  }
  return out;
}

/** 元 and 万元 are the units reports use for the 2019 采购总金额; other units are kept as written. */
const YUAN_PER_UNIT: Record<string, number> = { 元: 1, 万元: 10_000 };

/** The procurement amounts of all units in one unit: their common unit, else 万元 when all are 元/万元. */
function procurementAmount(entries: readonly (Article20Entry | undefined)[]): { amount: Cell; unit?: string } {
  const withAmount = entries.filter((e): e is Article20Entry => typeof e?.amount === 'number');
  const units = new Set(withAmount.map((e) => e.unit ?? ''));
  if (units.size <= 1) {
    const [unit] = [...units];
    return { amount: sumCells(entries.map((e) => e?.amount)), ...(unit ? { unit } : {}) };
  }
  if ([...units].every((u) => u in YUAN_PER_UNIT)) {
    const amount = sumCells(withAmount.map((e) => (e.amount! * YUAN_PER_UNIT[e.unit!]!) / YUAN_PER_UNIT['万元']!));
    return { amount, unit: '万元' };
  }
  return { amount: sumCells(entries.map((e) => e?.amount)), unit: [...units].filter((u) => u !== '').join('/') };
}

function rollupArticle20(reports: readonly AnnualReport[], format: ReportFormat): Article20 {
  const out: Article20 = {};
  for (const table of article20Tables(format)) {
    for (const { code } of table.rows) {
      const entries = reports.map((r) => r.article20?.[code]);
      const entry: Article20Entry = {};
      for (const col of table.columns) entry[col] = sumCells(entries.map((e) => e?.[col]));
      if (code === 'procurement') Object.assign(entry, procurementAmount(entries));
      out[code] = entry;
    }
  }
  return out;
}

/** Sums every cell of the units' reports into one report of `meta` (narrative sections left blank). */
export function rollupReports(reports: readonly AnnualReport[], meta: RollupMeta): AnnualReport {
  const format = meta.format ?? formatForYear(meta.year) ?? reports[0]?.format ?? '2021';
  return {
    format,
    year: meta.year,
    organization: { ...meta.organization },
    contact: { ...meta.contact },
    sections: { overview: null, problems: null, other: null },
    article20: rollupArticle20(reports, format),
    applications: rollupApplications(reports, format),
    reviews: rollupReviews(reports),
  };
}

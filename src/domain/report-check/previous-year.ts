/**
 * The cross-year rules across a set of checked reports (R6/R7): each report is paired
 * with last year's report of the same issuer, and R6/R7 are run on the pair. Pure.
 *
 * Same issuer: the same 统一社会信用代码 when both reports state one; otherwise the same issuer
 * name after normalising (spaces, punctuation and brackets removed, letters upper-cased; the text
 * is already in simplified, half-width form). Two different credit codes are two issuers whatever
 * the names say. A report without a year or an issuer is never paired.
 */
import { crossYearFindings } from '../reports/check-report.js';
import { finding, type Finding } from '../reports/finding.js';
import type { CheckedReport } from './check-text.js';

type Identity = Pick<CheckedReport, 'organization'>;

/** An issuer name reduced for comparison: no spaces, punctuation or brackets; NFKC; upper case. */
export function normalizeIssuerName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toUpperCase();
}

/** Whether two reports were issued by the same body (credit code first, then the normalised name). */
export function sameIssuer(a: Identity, b: Identity): boolean {
  const codeA = a.organization.creditCode?.trim().toUpperCase();
  const codeB = b.organization.creditCode?.trim().toUpperCase();
  if (codeA && codeB) return codeA === codeB;
  const nameA = a.organization.name ? normalizeIssuerName(a.organization.name) : '';
  const nameB = b.organization.name ? normalizeIssuerName(b.organization.name) : '';
  return nameA !== '' && nameA === nameB;
}

/** Ranks candidates for last year's report: one with 结转下年度 figures, then a complete copy, then list order. */
function preference(r: CheckedReport): number {
  return (r.applications.carried_forward ? 2 : 0) + (r.complete ? 1 : 0);
}

/**
 * For each report, last year's report of the same issuer among `reports` (index-aligned; null when
 * there is none). When several copies of last year's report are present (e.g. the PDF and a text
 * copy) the one with the most to compare is taken, the first listed among equals.
 */
export function findPreviousReports(reports: readonly CheckedReport[]): (CheckedReport | null)[] {
  return reports.map((r) => {
    if (r.year === null) return null;
    let best: CheckedReport | null = null;
    for (const c of reports) {
      if (c === r || c.year !== r.year - 1 || !sameIssuer(r, c)) continue;
      if (!best || preference(c) > preference(best)) best = c;
    }
    return best;
  });
}

/** R6/R7 of `report` against `previous`; `where.previousFile` names the previous report's file. */
export function previousYearFindings(report: CheckedReport, previous: CheckedReport): Finding[] {
  return crossYearFindings(report, previous, previous.file);
}

/**
 * Adds the R6/R7 findings of every report that has last year's report among `reports` (mutates the
 * reports' `findings`, appending). Returns the pairs made, as [this year, last year].
 */
export function addPreviousYearFindings(reports: readonly CheckedReport[]): [CheckedReport, CheckedReport][] {
  const previous = findPreviousReports(reports);
  const pairs: [CheckedReport, CheckedReport][] = [];
  reports.forEach((r, i) => {
    const p = previous[i];
    if (p) pairs.push([r, p]);
  });
  // Computed from figures only, so adding findings to one report cannot change another's.
  for (const [r, p] of pairs) r.findings.push(...previousYearFindings(r, p));
  return pairs;
}

/**
 * A report checked against a previous report named explicitly (`--previous`): R6/R7, or a `missing`
 * warning when the previous report has neither 结转下年度 nor 现行有效件数 figures to compare.
 */
export function explicitPreviousFindings(report: CheckedReport, previous: CheckedReport): Finding[] {
  const file = previous.file;
  const hasForward = previous.applications.carried_forward !== undefined;
  const hasStock = ['rules', 'normative'].some(
    (r) => previous.article20[r as 'rules' | 'normative']?.in_force !== undefined,
  );
  if (!hasForward && !hasStock) {
    const named = file !== undefined ? `（${file}）` : '';
    return [
      finding(
        'missing',
        'warning',
        `上一年度报告${named}中没有读到结转下年度或现行有效件数，未做跨年度核对（R6、R7）`,
        {
          ...(file !== undefined ? { previousFile: file } : {}),
        },
      ),
    ];
  }
  return previousYearFindings(report, previous);
}

/** The `missing` warning for a previous report that could not be read at all. */
export function unreadablePreviousFinding(file: string, why: string): Finding {
  return finding('missing', 'warning', `无法读取上一年度报告（${file}）：${why}；未做跨年度核对（R6、R7）`, {
    previousFile: file,
  });
}

// The reports of every unit of a subtree for one year, computed in batches (one tally query and one
// register query per year for all units, one publications query per unit): the frozen snapshot of a
// submitted or published report, else the live draft figures; last year's report of each for R6/R7.
import type { ReportData } from './report-context.js';
import type { OrgNode } from '../../domain/orgs/organization.js';
import { formatForYear, type AnnualReport } from '../../domain/reports/annual-report.js';
import { checkReport } from '../../domain/reports/check-report.js';
import type { Finding } from '../../domain/reports/finding.js';
import type { ReportState } from '../../domain/reports/report-policy.js';
import { annualPublicationCounts } from '../../domain/publications/annual-counts.js';
import { summarizeReviews } from '../../domain/reviews/review-case.js';
import { reviewCountingRule } from '../reviews/review-counting.js';
import type { StoredReport } from './ports.js';
import { composeLive, type LiveInputs } from './report-compute.js';

/** One unit's report of the year as the overview and the rollup use it. */
export type UnitReport = {
  org: OrgNode;
  state: ReportState | 'missing';
  /** The frozen snapshot (submitted, published), else the figures computed now (narrative as saved). */
  report: AnnualReport;
  previous: AnnualReport | null;
  findings: Finding[];
};

/** Live inputs of many organizations for a year, batched. */
async function liveInputs(
  repos: ReportData,
  orgIds: readonly string[],
  year: number,
): Promise<Map<string, LiveInputs>> {
  const out = new Map<string, LiveInputs>();
  if (orgIds.length === 0) return out;
  const rule = await reviewCountingRule(repos);
  const [tallies, cases] = await Promise.all([
    repos.reportFacts.tally(orgIds, year),
    repos.reviews.list({ orgIds, countedIn: { year, rule } }),
  ]);
  for (const id of orgIds) {
    const facts = await repos.publications.facts(id, year);
    out.set(id, {
      tally: tallies.get(id) ?? [],
      reviews: summarizeReviews(
        cases.filter((c) => c.orgId === id),
        year,
        rule,
      ),
      reviewCounting: rule,
      publications: annualPublicationCounts(facts, year),
    });
  }
  return out;
}

const frozen = (s: StoredReport | undefined): AnnualReport | undefined =>
  s && s.state !== 'draft' && s.snapshot ? s.snapshot : undefined;

/**
 * Every unit's report of `year` with its findings (R1–R8; R6/R7 against last year's published
 * report, else last year's figures computed now).
 * @param units the organizations, in the order wanted back
 */
export async function unitReports(repos: ReportData, units: readonly OrgNode[], year: number): Promise<UnitReport[]> {
  const ids = units.map((u) => u.id);
  const hasPrevious = formatForYear(year - 1) !== null;
  const [stored, storedBefore] = await Promise.all([
    repos.annualReports.forYear(ids, year),
    hasPrevious ? repos.annualReports.forYear(ids, year - 1) : Promise.resolve([]),
  ]);
  const now = new Map(stored.map((s) => [s.orgId, s]));
  const before = new Map(storedBefore.map((s) => [s.orgId, s]));
  const publishedBefore = (id: string) =>
    before.get(id)?.state === 'published' ? (before.get(id)?.snapshot ?? undefined) : undefined;
  const live = await liveInputs(
    repos,
    ids.filter((id) => !frozen(now.get(id))),
    year,
  );
  const livePrevious = hasPrevious
    ? await liveInputs(
        repos,
        ids.filter((id) => !publishedBefore(id)),
        year - 1,
      )
    : new Map<string, LiveInputs>();
  return units.map((org) => {
    const s = now.get(org.id);
    // live covers every unfrozen unit
    const report = frozen(s) ?? composeLive(org, year, live.get(org.id)!, s, s?.sections ?? {});
    const lastInputs = livePrevious.get(org.id);
    const previous =
      publishedBefore(org.id) ?? (lastInputs ? composeLive(org, year - 1, lastInputs, before.get(org.id), {}) : null);
    return { org, state: s?.state ?? 'missing', report, previous, findings: checkReport(report, { previous }) };
  });
}

// Computing an organization's report from the recorded work: section 三
// from the SQL tally, section 四 from the review register, section 二 (一) from the publications,
// the other section-二 cells from the stored figures; last year's report for R6/R7 and the narrative.
import type { ReportData } from './report-context.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { AnnualReport } from '../../domain/reports/annual-report.js';
import { formatForYear } from '../../domain/reports/annual-report.js';
import { composeReport, type ApplicationTally } from '../../domain/reports/compute.js';
import { draftSections, type NarrativeDraft, type SupervisionFacts } from '../../domain/reports/narrative.js';
import { loadSupervisionFacts } from './report-supervision.js';
import { annualPublicationCounts, type AnnualPublicationCounts } from '../../domain/publications/annual-counts.js';
import { summarizeReviews, type ReviewCountingRule, type ReviewSummary } from '../../domain/reviews/review-case.js';
import { reviewCountingRule } from '../reviews/review-counting.js';
import type { StoredReport } from './ports.js';

/** The published organization header of a report: its name, credit code and the disclosure office's contact. */
export function reportHeader(org: Organization): Pick<AnnualReport, 'organization' | 'contact'> {
  return {
    organization: { name: org.name, creditCode: org.creditCode || null },
    contact: {
      address: org.officeAddress || org.address || null,
      postcode: org.postcode || null,
      phone: org.officePhone || org.phone || null,
    },
  };
}

/** What a live report is computed from, besides the stored record (with the section 四 counting rule used). */
export type LiveInputs = {
  tally: ApplicationTally[];
  reviews: ReviewSummary;
  reviewCounting: ReviewCountingRule;
  publications: AnnualPublicationCounts;
};

/**
 * Loads the inputs of one organization's live report (the counting rule, then one tally query, one register
 * query, one publications query).
 */
export async function loadLiveInputs(repos: ReportData, orgId: string, year: number): Promise<LiveInputs> {
  const rule = await reviewCountingRule(repos);
  const [tallies, cases, facts] = await Promise.all([
    repos.reportFacts.tally([orgId], year),
    repos.reviews.list({ orgIds: [orgId], countedIn: { year, rule } }),
    repos.publications.facts(orgId, year),
  ]);
  return {
    tally: tallies.get(orgId) ?? [],
    reviews: summarizeReviews(cases, year, rule),
    reviewCounting: rule,
    publications: annualPublicationCounts(facts, year),
  };
}

/** The report from its inputs, the stored figures and the given narrative. */
export function composeLive(
  org: Organization,
  year: number,
  inputs: LiveInputs,
  stored: StoredReport | undefined,
  sections: Partial<AnnualReport['sections']>,
): AnnualReport {
  return composeReport({
    year,
    ...(stored ? { format: stored.format } : {}),
    ...reportHeader(org),
    tally: inputs.tally,
    reviews: inputs.reviews,
    publications: inputs.publications,
    manual: stored?.figures ?? {},
    sections,
  });
}

/**
 * Last year's report for R6/R7 and the year-on-year phrases: its published snapshot if there is
 * one, else its figures computed now from the same data (null before 2019: no format covers it).
 */
export async function previousReport(
  repos: ReportData,
  org: Organization,
  year: number,
): Promise<{ report: AnnualReport | null; problems: string | null }> {
  const last = year - 1;
  if (formatForYear(last) === null) return { report: null, problems: null };
  const stored = await repos.annualReports.get(org.id, last);
  if (stored?.state === 'published' && stored.snapshot) {
    return { report: stored.snapshot, problems: stored.snapshot.sections.problems ?? null };
  }
  const report = composeLive(org, last, await loadLiveInputs(repos, org.id, last), stored, {});
  return { report, problems: stored?.sections.problems ?? null };
}

/**
 * The narrative's facts of the year that the figures do not hold: fees (section 六), notices issued, and the
 * supervision records (平台建设, 监督保障, a government's 考核、社会评议和责任追究结果).
 */
export type NarrativeFacts = {
  fees: { notices: number; chargedYuan: number; collectedYuan: number };
  noticesIssued: number;
  supervision: SupervisionFacts;
};

/** Loads the narrative's facts (queries independent of the figures: start them early). */
export async function loadNarrativeFacts(repos: ReportData, org: Organization, year: number): Promise<NarrativeFacts> {
  const [fees, noticesIssued, supervision] = await Promise.all([
    repos.reportFacts.fees(org.id, year),
    repos.reportFacts.noticesIssued(org.id, year),
    loadSupervisionFacts(repos, org, year),
  ]);
  return { fees, noticesIssued, supervision };
}

/** Drafts the narrative sections from the data (domain/reports/narrative.ts). */
export function draftNarrative(
  report: AnnualReport,
  inputs: LiveInputs,
  previous: { report: AnnualReport | null; problems: string | null },
  facts: NarrativeFacts,
): NarrativeDraft {
  return draftSections({
    report,
    previous: previous.report,
    publications: inputs.publications,
    reviewCounting: inputs.reviewCounting,
    noticesIssued: facts.noticesIssued,
    fees: facts.fees,
    previousProblems: previous.problems,
    supervision: facts.supervision,
  });
}

/**
 * A live draft: the figures computed now, the saved narrative and, where none is saved, the drafted
 * text. The queries for this year, for last year and for the narrative run side by side (PostgreSQL
 * answers them on separate connections of the pool).
 */
export async function computeDraft(
  repos: ReportData,
  org: Organization,
  year: number,
  stored: StoredReport | undefined,
): Promise<{ report: AnnualReport; previous: AnnualReport | null; drafted: NarrativeDraft }> {
  const [inputs, previous, facts] = await Promise.all([
    loadLiveInputs(repos, org.id, year),
    previousReport(repos, org, year),
    loadNarrativeFacts(repos, org, year),
  ]);
  const figuresOnly = composeLive(org, year, inputs, stored, {});
  const drafted = draftNarrative(figuresOnly, inputs, previous, facts);
  const saved = stored?.sections ?? {};
  const sections = {
    overview: saved.overview ?? drafted.overview,
    problems: saved.problems ?? drafted.problems,
    other: saved.other ?? drafted.other,
  };
  return { report: { ...figuresOnly, sections }, previous: previous.report, drafted };
}

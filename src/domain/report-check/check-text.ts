/**
 * 年报体检 (docs/report-check.md): reads a published annual report as text and returns the annual-report JSON
 * (the generator's keys, docs/annual-report.schema.json) with findings. Pure: no I/O, clock or environment.
 */
import { formatForYear, type AnnualReport, type ReportFigures, type ReportFormat } from '../reports/annual-report.js';
import { checkReport } from '../reports/check-report.js';
import type { Finding } from '../reports/finding.js';
import type { SectionKey } from '../reports/labels.js';
import { readApplications, type ApplicationsRead } from './applications-reader.js';
import { readArticle20, type Article20Read } from './article20-reader.js';
import { findContact, findCreditCode, findIssuer, findYear } from './meta.js';
import { blankPageFurniture, normalizeText } from './normalize.js';
import { proseFigures, proseFindings } from './prose.js';
import type { Provenance } from './provenance.js';
import { readReviews, type ReviewsRead } from './reviews-reader.js';
import { findLayout, type Layout, type Span } from './sections.js';
import { spamFindings } from './spam.js';
import { completenessFindings, formatFindings } from './structure.js';

/** What the checker says about one report (JSON Lines record of `report check --json`). */
export interface CheckedReport extends Omit<AnnualReport, 'format' | 'year'> {
  file?: string;
  format: ReportFormat | null;
  year: number | null;
  expectedFormat: ReportFormat | null;
  /** The whole report is in the text (section 六 reached). */
  complete: boolean;
  /** Injected spam was found: the copy was tampered with. */
  tampered: boolean;
  findings: Finding[];
  /**
   * How each figure was read (provenance.ts), with the same section/row/column keys as the
   * figures; present only when asked for (`explain`), so the report JSON keeps its shape.
   */
  provenance?: Provenance;
}

export interface CheckTextOptions {
  file?: string;
  /** Last year's report of the same body, for R6/R7. */
  previous?: ReportFigures | null;
  /** The file last year's report was read from, named in the R6/R7 findings. */
  previousFile?: string;
  /** Add `provenance` to the result. */
  explain?: boolean;
  /**
   * Last year's figures for reading only: the stock identity R7 then chooses between readings of
   * section-二 rows (docs/report-check.md, class 4 and 5); no R6/R7 finding is added for them.
   */
  lastYear?: ReportFigures | null;
}

function sectionText(text: string, layout: Layout, key: SectionKey): string | null {
  const h = layout.headings[key];
  if (!h) return null;
  const next = Object.values(layout.headings)
    .filter((o) => o && o.start > h.start)
    .reduce((m, o) => Math.min(m, o!.start), text.length);
  const body = text
    .slice(h.end, next)
    .replace(/[ \t]+\n/g, '\n')
    .trim();
  return body.length > 0 ? body : null;
}

function formatOf(a20: Article20Read, apps: ApplicationsRead): ReportFormat | null {
  if (a20.format) return a20.format;
  if (Object.keys(apps.applications).some((r) => r.startsWith('other.'))) return '2021';
  if (apps.applications.other) return '2019';
  return null;
}

function proseSpans(layout: Layout): Span[] {
  const spans: Span[] = [];
  const h = layout.headings;
  const next = (pos: number) =>
    Object.values(h).reduce((m, o) => (o && o.start > pos ? Math.min(m, o.start) : m), Infinity);
  if (h.overview) {
    spans.push({ start: h.overview.end, end: Math.min(next(h.overview.start), layout.article20?.start ?? Infinity) });
  }
  if (h.applications && layout.applications && layout.applications.start > h.applications.end) {
    spans.push({ start: h.applications.end, end: layout.applications.start });
  }
  return spans.filter((s) => Number.isFinite(s.end));
}

// Fresh objects per call: the returned report holds them, and a caller may add to it.
const emptyA20 = (): Article20Read => ({
  article20: {},
  format: null,
  rowsSeen: [],
  captions: 0,
  sources: {},
  findings: [],
});
const emptyApps = (): ApplicationsRead => ({
  applications: {},
  labelsSeen: [],
  offsets: {},
  sources: {},
  findings: [],
});
const emptyReviews = (): ReviewsRead => ({ reviews: {}, found: false, sources: {}, findings: [] });

/** Reads and checks one report text. Never throws on any input string. */
export function checkReportText(raw: string, options: CheckTextOptions = {}): CheckedReport {
  const normalized = normalizeText(raw);
  const text = blankPageFurniture(normalized);
  const layout = findLayout(text);
  const prose = proseFigures(text, proseSpans(layout));
  const evidence = { previous: options.previous ?? options.lastYear ?? null, prose };
  const a20 = layout.article20 ? readArticle20(text, layout.article20, evidence) : emptyA20();
  const apps = layout.applications ? readApplications(text, layout.applications, prose) : emptyApps();
  const reviews = layout.reviews ? readReviews(text, layout.reviews, prose) : emptyReviews();
  const year = findYear(normalized);
  const expectedFormat = formatForYear(year);
  const format = formatOf(a20, apps);
  const figures: ReportFigures = {
    format,
    article20: a20.article20,
    applications: apps.applications,
    reviews: reviews.reviews,
  };
  const structure = {
    layout,
    year,
    format,
    expectedFormat,
    applications: apps.applications,
    appLabelsSeen: apps.labelsSeen,
    reviewsFound: reviews.found,
    article20Rows: Object.keys(a20.article20).length,
    textLength: raw.length,
  };
  const spam = spamFindings(text).map((f) => ({
    ...f,
    where: { ...f.where, excerpt: raw.slice(f.where.offset, (f.where.offset ?? 0) + (f.where.length ?? 0)) },
  }));
  const findings = [
    ...spam,
    ...formatFindings(structure),
    ...completenessFindings(structure),
    ...a20.findings,
    ...apps.findings,
    ...reviews.findings,
    ...checkReport(figures, {
      previous: options.previous ?? null,
      ...(options.previousFile !== undefined ? { previousFile: options.previousFile } : {}),
    }),
    ...proseFindings(prose, apps.applications, reviews.reviews),
  ];
  return {
    ...(options.file !== undefined ? { file: options.file } : {}),
    format,
    year,
    expectedFormat,
    organization: { name: findIssuer(text), creditCode: findCreditCode(text) },
    contact: findContact(text),
    sections: {
      overview: sectionText(text, layout, 'overview'),
      problems: sectionText(text, layout, 'problems'),
      other: sectionText(text, layout, 'other'),
    },
    article20: a20.article20,
    applications: apps.applications,
    reviews: reviews.reviews,
    complete: Boolean(layout.headings.other),
    tampered: spam.length > 0,
    findings,
    ...(options.explain
      ? { provenance: { article20: a20.sources, applications: apps.sources, reviews: reviews.sources } }
      : {}),
  };
}

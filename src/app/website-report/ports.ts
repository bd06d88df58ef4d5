// Ports of the 政府网站工作年度报表 (国办函〔2018〕12号): the stored reports, the records the filling counts, and the
// writers of its XLSX and PDF (src/adapters/documents/website-report-*.ts, wired in src/lazy-adapters.ts).
import type { LocalDate } from '../../domain/core/local-date.js';
import type { ReportState, WebsiteReport } from '../../domain/website-report/report.js';
import type { ReportField } from '../../domain/website-report/fields.js';

/** Storage of the reports and the counts the filling reads. Organization scopes are id lists. */
export interface WebsiteReportRepository {
  byId(id: string): Promise<WebsiteReport | undefined>;
  bySiteYear(siteId: string, year: number): Promise<WebsiteReport | undefined>;
  /** Reports by year (and state), by site. */
  list(filter: { year?: number; siteId?: string; states?: readonly ReportState[] }): Promise<WebsiteReport[]>;
  insert(report: WebsiteReport): Promise<void>;
  update(id: string, patch: Partial<Omit<WebsiteReport, 'id' | 'siteId' | 'year' | 'createdAt'>>): Promise<void>;

  /** Items of the organizations first published in the year, live now (not withdrawn), with their column. */
  publicationsOfYear(
    orgIds: readonly string[],
    year: number,
  ): Promise<{ kind: string; categoryName: string; categorySlug: string }[]>;
  /** Information requests of the organizations received in the year, and those of them closed. */
  applicationsOfYear(orgIds: readonly string[], year: number): Promise<{ received: number; closed: number }>;
  /** Messages of the site's columns received in the year. */
  messagesOfYear(siteId: string, year: number): Promise<{ receivedOn: LocalDate; answeredOn: LocalDate | null }[]>;
  /**
   * Completed checks of the site as of a day in the year; findings (not dismissed) first seen in the year; findings
   * (not dismissed) closed in the year.
   */
  securityOfYear(siteId: string, year: number): Promise<{ checks: number; found: number; fixed: number }>;
  /** Accounts of the organizations not cancelled, with their posts in the year, by platform and name. */
  accountsOfYear(orgIds: readonly string[], year: number): Promise<{ platform: string; name: string; posts: number }[]>;
}

/** Repositories of the module. */
export type WebsiteReportRepos = { websiteReports: WebsiteReportRepository };

/** A report as its documents show it: the header and the fields by group with their values. */
export type WebsiteReportDocument = {
  title: string;
  siteName: string;
  year: number;
  stateLabel: string;
  fields: readonly (ReportField & { value: string; source: string | null })[];
  /** The line under the table: the field list's status and when it was filed. */
  note: string;
};

/** Writes a report as XLSX and PDF. */
export interface WebsiteReportDocuments {
  xlsx(doc: WebsiteReportDocument): Promise<Uint8Array>;
  pdf(doc: WebsiteReportDocument): Promise<Uint8Array>;
}

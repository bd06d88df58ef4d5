// Ports of the report features: what their use cases need from storage and the document adapters.
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import type { ApplicationTally, ManualArticle20 } from '../../domain/reports/compute.js';
import type { NarrativeKey } from '../../domain/reports/labels.js';
import type { ReportState } from '../../domain/reports/report-policy.js';
import type { CorrectionNote } from '../../domain/reports/report-correction.js';
import type { ReportSummary } from '../../domain/report-check/summary.js';

/**
 * Reads an uploaded report document (plain text, HTML, DOCX or PDF, told apart by name and
 * content) into the plain text the checker reads. Implemented by `documentToText` in
 * src/adapters/documents/read-document.ts; may reject on a damaged file.
 */
export type DocumentReader = (name: string, bytes: Uint8Array) => Promise<string>;

/** Renders a report as an office document (src/adapters/documents/report-*.ts). */
export type ReportDocumentRenderers = {
  docx: (report: AnnualReport, format: ReportFormat, opts?: { charts?: string[] }) => Promise<Uint8Array>;
  xlsx: (report: AnnualReport, format: ReportFormat) => Promise<Uint8Array>;
  pdf: (
    report: AnnualReport,
    format: ReportFormat,
    opts?: { charts?: string[]; fontFile?: string },
  ) => Promise<Uint8Array>;
};

/** Writes the batch audit of `report check` (its reports ranked, their figures side by side) as an XLSX workbook. */
export type ReportSummaryXlsx = (summary: ReportSummary) => Promise<Uint8Array>;

/** Where a typed section-二 figure came from (kept per cell). */
export type FigureSource = { source: 'manual' | 'csv'; note: string; by: string | null; at: string };

/** An annual-report record as stored. */
export type StoredReport = {
  id: string;
  orgId: string;
  year: number;
  format: ReportFormat;
  state: ReportState;
  /** Saved narrative; an absent key shows the text drafted from the data. */
  sections: Partial<Record<NarrativeKey, string>>;
  /** The section-二 cells typed in or imported (by row and column, as `composeReport` takes them). */
  figures: ManualArticle20;
  sources: Record<string, FigureSource>;
  /** The frozen report once submitted (and as published); null for a draft. */
  snapshot: AnnualReport | null;
  returnedReason: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** 索引号: given at the first publication, kept across corrections and withdrawals. */
  indexNo: string | null;
  /** The number of versions published so far (0 before the first publication). */
  version: number;
  /** When the correction of the published report under way began; null when none is. */
  correctingSince: string | null;
  /** The last withdrawal from the portal (cleared when the report is published again). */
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
};

/** One published version of a report: what the portal showed, from when, and its 更正说明 (version 2 on). */
export type StoredReportVersion = {
  reportId: string;
  version: number;
  snapshot: AnnualReport;
  publishedAt: string;
  publishedBy: string;
  correction: CorrectionNote | null;
  /** When a withdrawal took it off the portal; null while it is public. */
  withdrawnAt: string | null;
};

/** Annual-report records and the internal deadlines. */
export interface AnnualReportRepository {
  get(orgId: string, year: number): Promise<StoredReport | undefined>;
  /** The records of these organizations for a year (any state). */
  forYear(orgIds: readonly string[], year: number): Promise<StoredReport[]>;
  /** Inserts or replaces the record of (orgId, year). */
  save(report: StoredReport): Promise<void>;
  /** The published reports of an organization (their current snapshots and version numbers), newest year first. */
  published(
    orgId: string,
  ): Promise<{ year: number; format: ReportFormat; publishedAt: string; version: number; report: AnnualReport }[]>;
  /** The published versions of a report, oldest first. */
  versions(reportId: string): Promise<StoredReportVersion[]>;
  addVersion(version: StoredReportVersion): Promise<void>;
  /** Marks every version of the report still public as withdrawn at `at`. */
  withdrawVersions(reportId: string, at: string): Promise<void>;
  /** Whether a report already holds this 索引号. */
  indexNoTaken(indexNo: string): Promise<boolean>;
  /** Internal due dates ('MM-DD' of the following year) by organization, for those that have one. */
  internalDues(): Promise<Map<string, string>>;
  setInternalDue(orgId: string, monthDay: string | null, at: string): Promise<void>;
}

/** Fee notices of a year: how many were issued, the amount they charged and the amount paid (yuan). */
export type FeeFacts = { notices: number; chargedYuan: number; collectedYuan: number };

/** Aggregates over the recorded work that the report is computed from. */
export interface ReportFactsRepository {
  /** Section 三 tally (the counting rule of `tallyApplications`, in SQL) of each organization for a year. */
  tally(orgIds: readonly string[], year: number): Promise<Map<string, ApplicationTally[]>>;
  /**
   * Fee notices issued in the year (by service date) and payments recorded in the year, of one organization's cases.
   */
  fees(orgId: string, year: number): Promise<FeeFacts>;
  /** Notices (告知书) of every kind issued in the year for the organization's cases. */
  noticesIssued(orgId: string, year: number): Promise<number>;
}

/** Repositories of the annual report. */
export type ReportRepos = { annualReports: AnnualReportRepository; reportFacts: ReportFactsRepository };

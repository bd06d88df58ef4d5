// The application context: every module's repositories and adapters, composed. src/main.ts builds one;
// use cases take the part they use (a module's own context type, or a Pick of this one), so that a
// use-case test can hand in a small fake. Nothing in src/app/*/ports.ts imports this file.
import type { PasswordJudge } from '../domain/users/password-policy.js';
import type { AuditRepos, Clock, Crypto, Mailer, UnitOfWork } from './ports.js';
import type { ApplicationRepos, DocumentRenderer } from './applications/ports.js';
import type { TextFileWriter } from './audit/ports.js';
import type { AuthRepos, PasswordHasher } from './auth/ports.js';
import type { CalendarChangedStep, CalendarRepos } from './calendar/ports.js';
import type { FileRepos } from './files/ports.js';
import type { MailRepos } from './mail/ports.js';
import type { FeedReader, MediaRepos } from './media/ports.js';
import type { CounterRepos } from './numbering/ports.js';
import type { OrgRepos } from './orgs/ports.js';
import type { ArchiveRepos, PackageWriterFactory } from './publications/archive-ports.js';
import type { BulkRepos } from './publications/bulk-ports.js';
import type { HtmlSanitizer, PublicationRepos, WordBodyReader } from './publications/ports.js';
import type { DocumentReader, ReportDocumentRenderers, ReportRepos } from './reports/ports.js';
import type { HtmlReader } from './documents/ports.js';
import type { PortalUrls } from './portal/ports.js';
import type { PageChangeFeed } from './portal/page-tags.js';
import type { ReviewRepos } from './reviews/ports.js';
import type { SearchRepos } from './search/ports.js';
import type { SettingsRepos } from './settings/ports.js';
import type { SystemRepos } from './system/ports.js';
import type { CatalogueSheetIO, StandardCatalogueRepos } from './standard-catalogue/ports.js';
import type { ThrottleRepos } from './throttle/ports.js';
import type { AbuseLimits } from './throttle/limits.js';
import type { HandoverStep, UserRepos } from './users/ports.js';
import type { JobEngine } from './jobs/ports.js';
import type { LetterRenderer, MonitoringRepos } from './monitoring/ports.js';
import type { WebsiteReportDocuments, WebsiteReportRepos } from './website-report/ports.js';
import type { TrainingRepos } from './training/ports.js';
import type { OversightRepos } from './oversight/ports.js';
import type { AssessmentDocumentRenderers } from './assessment/export.js';
import type { AssessmentRepos } from './assessment/ports.js';

/** Every repository, bound to one transaction or to the plain connection. */
export type Repos = OrgRepos &
  UserRepos &
  AuthRepos &
  AuditRepos &
  CalendarRepos &
  SettingsRepos &
  FileRepos &
  CounterRepos &
  MailRepos &
  ApplicationRepos &
  ReviewRepos &
  SearchRepos &
  StandardCatalogueRepos &
  PublicationRepos &
  ArchiveRepos &
  BulkRepos &
  ReportRepos &
  ThrottleRepos &
  SystemRepos &
  MediaRepos &
  MonitoringRepos &
  WebsiteReportRepos &
  TrainingRepos &
  OversightRepos &
  AssessmentRepos;

/** Deployment settings the use cases read. */
export type AppSettings = {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** The lifetime of a new API token unless its owner chooses another, in days (GONGKAI_API_TOKEN_DAYS). */
  apiTokenDays: number;
  dialect: 'sqlite' | 'postgres';
  /** The limits against abuse of the public forms and the login (app/throttle/limits.ts). */
  limits: AbuseLimits;
};

/** Everything a use case may use. Built once in src/main.ts; every field is required. */
export type AppContext = {
  uow: UnitOfWork<Repos>;
  repos: Repos;
  clock: Clock;
  crypto: Crypto;
  hasher: PasswordHasher;
  passwordJudge: PasswordJudge;
  /** null when no SMTP server is configured: messages wait in the outbox. */
  mailer: Mailer | null;
  sanitizer: HtmlSanitizer;
  /** The notice (告知书) DOCX. */
  renderer: DocumentRenderer;
  /** Plain text, tables and links of HTML (publication bodies, report pages). */
  htmlReader: HtmlReader;
  /** Where the portal serves a page (app/ names pages by id; the web layer knows their addresses). */
  portalUrls: PortalUrls;
  /** Text of uploaded report documents (TXT, HTML, DOCX, PDF) for the report checker. */
  documentReader: DocumentReader;
  /** A Word document (DOCX) as a publication's body: HTML and images, read off the main thread. */
  wordBody: WordBodyReader;
  /** The annual report as DOCX, XLSX and PDF. */
  reportDocuments: ReportDocumentRenderers;
  /** Standard-catalogue workbooks (XLSX). */
  catalogueSheets: CatalogueSheetIO;
  /** RSS/Atom feeds of 政务新媒体 accounts. */
  feedReader: FeedReader;
  /** The art. 25 archive package (ZIP). */
  packageWriter: PackageWriterFactory;
  /** The 提醒函 of website monitoring as DOCX. */
  letterRenderer: LetterRenderer;
  /** The 政府网站工作年度报表 as XLSX and PDF. */
  websiteReportDocuments: WebsiteReportDocuments;
  /** The assessment's result table as XLSX and PDF. */
  assessmentDocuments: AssessmentDocumentRenderers;
  /** The job engine running the background work (app/jobs/background-jobs.ts); started only by a server. */
  jobs: JobEngine;
  /** Files outside the database: the audit chain's anchors (GONGKAI_AUDIT_ANCHOR_DIR). */
  textFiles: TextFileWriter;
  handoverSteps: HandoverStep<Repos>[];
  calendarChangedSteps: CalendarChangedStep<Repos>[];
  /** Committed changes as page tags (the page cache listens; the database layer reports every commit). */
  pageChanges: PageChangeFeed;
  settings: AppSettings;
};

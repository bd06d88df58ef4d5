// Ports: what the use cases need from the outside world. Implemented in src/db and src/adapters.
import type { AuditEntry, AuditInput } from '../domain/audit/audit-entry.js';
import type { Organization, OrganizationFields } from '../domain/orgs/organization.js';
import type { RoleGrant } from '../domain/users/roles.js';
import type { User, UserStatus, UserWithRoles } from '../domain/users/user.js';
import type { PasswordJudge } from '../domain/users/password-policy.js';
import type {
  ApplicantType,
  ApplicationEvent,
  ApplicationSnapshot,
  ApplicationState,
  Channel,
  Outcome,
} from '../domain/applications/application.js';
import type { NoticeDocument } from '../domain/notices/notice.js';
import type { ReviewRepository } from './reviews/ports.js';
import type { SearchIndex } from './search/ports.js';
import type { CatalogueRepository } from './catalogue/ports.js';
import type { CategoryRepository, PublicationRepository } from './publications/ports.js';
import type { PublicationArchiveReader, ReassessmentRepository } from './publications/archive-ports.js';
import type { PublicationBulkWriter } from './publications/bulk-ports.js';
import type { AnnualReportRepository, ReportFactsRepository } from './reports/ports.js';

/** Organizations. Nothing is hard-deleted: retiring keeps the row for reports and the audit trail. */
export interface OrganizationRepository {
  list(opts?: { includeRetired?: boolean }): Promise<Organization[]>;
  byId(id: string): Promise<Organization | undefined>;
  byCreditCode(code: string): Promise<Organization | undefined>;
  insert(org: Organization): Promise<void>;
  update(id: string, fields: OrganizationFields, at: string): Promise<void>;
  move(id: string, parentId: string | null, sortOrder: number, at: string): Promise<void>;
  setRetired(id: string, retiredAt: string | null, at: string): Promise<void>;
  /**
   * A token that changes whenever an organization changes (any process), or undefined where none is kept (in
   * transactions).
   */
  changeToken?(): Promise<string | undefined>;
}

/** A new account. */
export type NewUser = Omit<User, 'failedAttempts' | 'lockedUntil' | 'lastLoginAt' | 'replacedBy' | 'email'> & {
  email?: string;
  passwordHash: string;
};

/** Accounts and their role grants. */
export interface UserRepository {
  byId(id: string): Promise<UserWithRoles | undefined>;
  byUsername(username: string): Promise<UserWithRoles | undefined>;
  passwordHash(userId: string): Promise<string | undefined>;
  list(filter?: { orgIds?: readonly string[]; status?: UserStatus; query?: string }): Promise<UserWithRoles[]>;
  insert(user: NewUser): Promise<void>;
  updateProfile(id: string, fields: { displayName: string; orgId: string; email: string }, at: string): Promise<void>;
  setPassword(id: string, hash: string, mustChange: boolean, at: string): Promise<void>;
  setLoginState(
    id: string,
    state: { failedAttempts: number; lockedUntil: string | null; lastLoginAt?: string },
    at: string,
  ): Promise<void>;
  setStatus(id: string, status: UserStatus, replacedBy: string | null, at: string): Promise<void>;
  setRoles(id: string, roles: readonly RoleGrant[], at: string): Promise<void>;
}

/** A stored login session (the cookie holds the token; only its hash is stored). */
export type SessionRecord = {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
};

/** Login sessions. */
export interface SessionRepository {
  insert(s: SessionRecord): Promise<void>;
  byHash(idHash: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, lastSeenAt: string, idleExpiresAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string, exceptHash?: string): Promise<number>;
  purgeExpired(nowIso: string): Promise<number>;
}

/** API tokens for the JSON API (bearer tokens; only hashes are stored). */
export interface ApiTokenRepository {
  insert(t: { id: string; userId: string; tokenHash: string; label: string; createdAt: string }): Promise<void>;
  userIdByHash(tokenHash: string): Promise<string | undefined>;
  touch(tokenHash: string, at: string): Promise<void>;
  revokeForUser(userId: string, at: string): Promise<number>;
}

/** Filter for browsing the audit trail. */
export type AuditFilter = {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  orgIds?: readonly string[];
  from?: string;
  to?: string;
};

/** The append-only, hash-chained audit trail. */
export interface AuditLog {
  /** Appends one entry in the current transaction; serialises concurrent appenders. */
  append(input: AuditInput, at: string): Promise<AuditEntry>;
  list(filter: AuditFilter, page: { limit: number; beforeSeq?: number }): Promise<AuditEntry[]>;
  /** Entries with seq > afterSeq in sequence order, at most `limit`. */
  batch(afterSeq: number, limit: number): Promise<AuditEntry[]>;
  head(): Promise<{ lastSeq: number; lastHash: string }>;
}

/** One day of the official schedule. */
export type CalendarDayRow = { date: string; kind: 'holiday' | 'workday'; name: string; source: string };
/** An admin's local override. */
export type CalendarOverrideRow = {
  date: string;
  isWorking: boolean;
  reason: string;
  createdBy: string | null;
  createdAt: string;
};

/** The working-day calendar tables. */
export interface CalendarRepository {
  days(range?: { from: string; to: string }): Promise<CalendarDayRow[]>;
  /** A cheap fingerprint that changes whenever years, days or overrides change (for caching). */
  version(): Promise<string>;
  years(): Promise<{ year: number; source: string; loadedAt: string }[]>;
  overrides(): Promise<CalendarOverrideRow[]>;
  /** Replaces the schedule of the given years with `days`, and marks them published. */
  replaceYears(years: readonly number[], days: readonly CalendarDayRow[], source: string, at: string): Promise<void>;
  setOverride(o: CalendarOverrideRow): Promise<void>;
  removeOverride(date: string): Promise<void>;
}

/** Site-wide administrative settings (footer marks and the like), as JSON values. */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, at: string): Promise<void>;
}

/** Every repository, bound to one transaction or to the plain connection. */
export type Repos = {
  orgs: OrganizationRepository;
  users: UserRepository;
  sessions: SessionRepository;
  tokens: ApiTokenRepository;
  audit: AuditLog;
  calendar: CalendarRepository;
  settings: SettingsRepository;
  applications: ApplicationRepository;
  files: FileStore;
  notices: NoticeRepository;
  counters: Counters;
  outbox: OutboxRepository;
  reviews: ReviewRepository;
  search: SearchIndex;
  catalogue: CatalogueRepository;
  categories: CategoryRepository;
  publications: PublicationRepository;
  publicationArchive: PublicationArchiveReader;
  reassessments: ReassessmentRepository;
  publicationBulk: PublicationBulkWriter;
  annualReports: AnnualReportRepository;
  reportFacts: ReportFactsRepository;
};

/** Runs a function in one database transaction: all of it is written, or none of it. */
export interface UnitOfWork {
  run<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
}

/** The clock. Instants are ISO-8601 UTC text; the legal day is in the office's time zone. */
export interface Clock {
  nowIso(): string;
  nowMs(): number;
  /** Today's date ('YYYY-MM-DD') in the office's time zone. */
  today(): string;
}

/** Password hashing (argon2id). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Randomness and digests. */
export interface Crypto {
  newId(): string;
  randomToken(bytes?: number): string;
  sha256(text: string): string;
}

/**
 * A module's part of a handover (交接): moves the user's open work to another user inside the
 * handover transaction and returns how many items it moved. Later capabilities register one each.
 */
export type HandoverStep = {
  label: string;
  run: (repos: Repos, fromUserId: string, toUserId: string, at: string) => Promise<number>;
};

/**
 * A module's reaction to a calendar change (a year's schedule loaded, an override set): e.g.
 * recomputing provisional (暂定) deadlines. Runs inside the change's transaction.
 */
export type CalendarChangedStep = {
  label: string;
  run: (repos: Repos, at: string) => Promise<number>;
};

/** Cleans untrusted rich text (publication bodies) down to an allow-list of tags and attributes. */
export interface HtmlSanitizer {
  /** The input with everything outside the allow-list removed (scripts with their content). */
  html(input: string): string;
}

/** Everything a use case may use. Built once in src/main.ts. */
export type AppContext = {
  uow: UnitOfWork;
  repos: Repos;
  clock: Clock;
  hasher: PasswordHasher;
  crypto: Crypto;
  passwordJudge: PasswordJudge;
  handoverSteps: HandoverStep[];
  calendarChangedSteps: CalendarChangedStep[];
  renderer: DocumentRenderer;
  sanitizer: HtmlSanitizer;
  /** null when no SMTP server is configured: messages wait in the outbox. */
  mailer: Mailer | null;
  settings: { sessionIdleMinutes: number; sessionMaxHours: number; dialect: 'sqlite' | 'postgres' };
};

/** Database maintenance operations behind the CLI (`db migrate`, `backup`, `restore`). */
export interface Maintenance {
  migrate(): Promise<string[]>;
  /** Writes a consistent snapshot of every table; returns the number of rows written. */
  backup(file: string, onProgress?: (table: string, rows: number) => void): Promise<number>;
  /** Replaces every table's content with a snapshot, in one transaction. */
  restore(file: string, onProgress?: (table: string, rows: number) => void): Promise<number>;
}

/** A case in lists: no personal data beyond the name and a masked document number. */
export type ApplicationSummary = {
  id: string;
  orgId: string;
  trackingCode: string;
  channel: Channel;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantName: string;
  idNumber: string;
  state: ApplicationState;
  handlerId: string | null;
  outcome: Outcome | null;
  dueOn: string | null;
  closedOn: string | null;
  description: string;
};

/** Filters of the case lists. */
export type ApplicationFilter = {
  orgIds: readonly string[];
  /** Also cases assigned to this user, whatever their organization (协办 handlers). */
  alsoHandlerId?: string;
  states?: readonly ApplicationState[];
  handlerId?: string;
  open?: boolean;
  dueOnOrBefore?: string;
  query?: string;
  receivedFrom?: string;
  receivedTo?: string;
};

/** A new case as inserted. */
export type NewApplication = Omit<ApplicationSnapshot, 'events'> & {
  submissionKey: string | null;
  proofFileId: string | null;
};

/** Disclosure applications and their event ledgers. */
export interface ApplicationRepository {
  insert(app: NewApplication, at: string): Promise<void>;
  byId(id: string): Promise<(ApplicationSnapshot & { proofFileId: string | null }) | undefined>;
  idByTrackingCode(code: string): Promise<string | undefined>;
  idBySubmissionKey(key: string): Promise<string | undefined>;
  update(
    id: string,
    patch: Partial<Omit<ApplicationSnapshot, 'id' | 'events' | 'applicant' | 'request'>>,
    at: string,
  ): Promise<void>;
  appendEvent(id: string, event: ApplicationEvent): Promise<void>;
  replaceEvents(id: string, events: readonly ApplicationEvent[]): Promise<void>;
  list(
    filter: ApplicationFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: ApplicationSummary[]; total: number }>;
  /** Applications from the same applicant (by document number) to an organization received in [from, to]. */
  byApplicant(orgId: string, idNumber: string, from: string, to: string): Promise<ApplicationSummary[]>;
  /** Ids of open cases whose stored due dates may depend on the calendar. */
  openIds(): Promise<string[]>;
}

/** Uploaded files, stored by content hash. */
export interface FileStore {
  put(content: Uint8Array, mime: string, at: string): Promise<string>;
  get(id: string): Promise<{ mime: string; content: Uint8Array } | undefined>;
}

/** A stored notice (告知书). */
export type NoticeRecord = {
  id: string;
  applicationId: string;
  kind: string;
  docNo: string;
  issuedOn: string;
  body: unknown;
  servedOn: string | null;
  serviceMethod: string | null;
  serviceRef: string | null;
  createdAt: string;
};

/** Notices and their service (送达). */
export interface NoticeRepository {
  insert(n: NoticeRecord): Promise<void>;
  byId(id: string): Promise<NoticeRecord | undefined>;
  forApplication(applicationId: string): Promise<NoticeRecord[]>;
  recordService(id: string, service: { servedOn: string; method: string; ref: string }): Promise<void>;
}

/** Named counters (document-number serials), incremented inside the caller's transaction. */
export interface Counters {
  next(key: string): Promise<number>;
}

/** Office documents generated from structured notices. */
export interface DocumentRenderer {
  /** A DOCX of a notice (告知书), with the seal image when given (PNG bytes). */
  noticeDocx(doc: NoticeDocument, seal?: Uint8Array): Promise<Uint8Array>;
}

/** A message waiting in the outbox. */
export type OutboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  refId: string | null;
  attempts: number;
};

/**
 * The email outbox: written inside a change's transaction, sent after commit (never holding a transaction across I/O).
 */
export interface OutboxRepository {
  enqueue(
    m: { id: string; to: string; subject: string; text: string; kind: string; refId: string | null },
    at: string,
  ): Promise<void>;
  due(nowIso: string, limit: number): Promise<OutboxMessage[]>;
  markSent(id: string, at: string): Promise<void>;
  markFailed(id: string, error: string, nextAttemptAt: string): Promise<void>;
  pending(): Promise<number>;
}

/** Sends one email (SMTP adapter). */
export interface Mailer {
  send(m: { to: string; subject: string; text: string }): Promise<void>;
}

// Ports of website monitoring (监督保障): the registry of sites and columns, runs and their per-site results,
// findings matched from run to run, 整改 tasks and 提醒函 — and the site checker (the crawler and the checks, built
// apart: src/app/monitoring/check-site.ts) the runs call.
import type { LocalDate } from '../../domain/core/local-date.js';
import type { MonitorFinding, MonitorSummary, Severity, MonitorRule } from '../../domain/monitoring/finding.js';
import type {
  ColumnFields,
  MonitoredColumn,
  MonitoredSite,
  SiteFields,
} from '../../domain/monitoring-registry/registry.js';
import type { Confirmation, FindingStatus, TaskState } from '../../domain/monitoring-registry/follow-up.js';
import type { LetterDocument } from '../../domain/monitoring-registry/letter.js';
import type { AuditRepos, Clock, Crypto, UnitOfWork } from '../ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { CalendarRepos } from '../calendar/ports.js';
import type { SettingsRepos } from '../settings/ports.js';
import type { CounterRepos } from '../numbering/ports.js';
import type { MailRepos } from '../mail/ports.js';
import type { PublicationRepos } from '../publications/ports.js';

/** What the checker reports while it crawls: pages fetched so far and the budget (or best guess) of the run. */
export type CheckProgress = { pages: number; total: number | null; url?: string };

/** What checking one site produced. */
export type SiteCheckResult = { findings: MonitorFinding[]; summary: MonitorSummary; pages: number; links: number };

/**
 * Crawls one registered site and runs the website checks (国办秘函〔2019〕19号) on it as of a day. Implemented by the
 * crawler module (src/app/monitoring/check-site.ts); the composition root wires it. `onProgress` may throw
 * {@link RunCancelled} to stop the crawl when the run was cancelled.
 */
export interface SiteChecker {
  check(site: MonitoredSite, asOf: LocalDate, onProgress?: (p: CheckProgress) => void): Promise<SiteCheckResult>;
}

/** Thrown (by the run, through the checker's progress callback) when a run is cancelled. */
export class RunCancelled extends Error {
  constructor() {
    super('monitoring run cancelled');
    this.name = 'RunCancelled';
  }
}

/** A message of an interaction column. */
export type InteractionMessageRecord = {
  id: string;
  columnId: string;
  receivedOn: LocalDate;
  answeredOn: LocalDate | null;
  subject: string;
  createdAt: string;
};

/** One availability probe of a registered site's home page (probedAt: ISO instant). */
export type ProbeRecord = {
  id: string;
  siteId: string;
  probedAt: string;
  ok: boolean;
  status: number | null;
  error: string | null;
};

/** A run's state. */
export type RunState = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** A monitoring run of one site (siteId) or of all registered sites (siteId null). */
export type MonitorRun = {
  id: string;
  siteId: string | null;
  state: RunState;
  asOf: LocalDate;
  cancelRequested: boolean;
  requestedBy: string | null;
  requestedLabel: string;
  sitesTotal: number;
  sitesDone: number;
  pages: number;
  links: number;
  findings: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** One site's result in a run. */
export type RunSiteResult = {
  runId: string;
  siteId: string;
  verdict: MonitorSummary['verdict'];
  score: number | null;
  vetoes: MonitorRule[];
  findings: number;
  pages: number;
  links: number;
  finishedAt: string;
};

/** A stored finding. */
export type StoredFinding = {
  id: string;
  siteId: string;
  key: string;
  rule: MonitorRule;
  severity: Severity;
  url: string | null;
  column: string | null;
  message: string;
  evidence: MonitorFinding['evidence'];
  confirmation: Confirmation;
  decidedBy: string | null;
  decidedAt: string | null;
  dismissReason: string | null;
  status: FindingStatus;
  firstRunId: string;
  lastRunId: string;
  closedRunId: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  closedAt: string | null;
};

/** A 整改 task. */
export type MonitorTask = {
  id: string;
  findingId: string;
  orgId: string;
  state: TaskState;
  dueOn: LocalDate;
  reopened: number;
  fixNote: string | null;
  fixedBy: string | null;
  fixedAt: string | null;
  closedAt: string | null;
  letterId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A 提醒函's state: issued (numbered), sent by email, delivered (marked by hand), closed (all findings closed). */
export type LetterState = 'issued' | 'sent' | 'delivered' | 'closed';

/** A 提醒函. */
export type MonitorLetter = {
  id: string;
  orgId: string;
  docNo: string;
  deadlineOn: LocalDate;
  state: LetterState;
  recipientEmail: string | null;
  createdBy: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  closedAt: string | null;
};

/** Filters of the findings list. */
export type FindingFilter = {
  siteId?: string;
  status?: FindingStatus;
  confirmation?: Confirmation;
  orgIds?: readonly string[];
};

/** Filters of the task list. */
export type TaskFilter = { orgIds?: readonly string[]; states?: readonly TaskState[]; letterId?: string };

/** Storage of the monitoring module. */
export interface MonitoringRepository {
  sites(): Promise<MonitoredSite[]>;
  siteById(id: string): Promise<MonitoredSite | undefined>;
  siteByName(name: string): Promise<MonitoredSite | undefined>;
  ownPortal(): Promise<MonitoredSite | undefined>;
  insertSite(site: Omit<MonitoredSite, 'columns'>): Promise<void>;
  updateSite(id: string, fields: SiteFields, at: string): Promise<void>;
  /** Replaces the site's columns (kept ids stay: interaction messages follow their column). */
  replaceColumns(siteId: string, columns: readonly MonitoredColumn[]): Promise<void>;
  insertMessages(messages: readonly InteractionMessageRecord[]): Promise<void>;
  /** Messages of the site's columns, by column then received date. */
  messagesOfSite(siteId: string): Promise<InteractionMessageRecord[]>;
  /** Records one availability probe of a site's home page. */
  insertProbe(probe: ProbeRecord): Promise<void>;
  /** The site's probes at or after the instant, oldest first. */
  probesSince(siteId: string, since: string): Promise<ProbeRecord[]>;
  /** Deletes probes older than the instant; returns how many. */
  pruneProbes(before: string): Promise<number>;

  insertRun(run: MonitorRun): Promise<void>;
  runById(id: string): Promise<MonitorRun | undefined>;
  /** Moves a queued run to running; false when another worker took it first (a run runs once). */
  claimRun(id: string, at: string): Promise<boolean>;
  updateRun(id: string, patch: Partial<Omit<MonitorRun, 'id' | 'siteId' | 'createdAt'>>): Promise<void>;
  /** Newest first. */
  runs(opts: { siteId?: string; limit: number }): Promise<MonitorRun[]>;
  insertRunSite(result: RunSiteResult): Promise<void>;
  runSites(runId: string): Promise<RunSiteResult[]>;
  /** Every site result finished on or after `since` (ISO instant), oldest first (the dashboard's trend). */
  siteResultsSince(since: string): Promise<RunSiteResult[]>;

  /** The site's open findings (any confirmation). */
  openFindings(siteId: string): Promise<StoredFinding[]>;
  insertFinding(f: StoredFinding): Promise<void>;
  updateFinding(id: string, patch: Partial<Omit<StoredFinding, 'id' | 'siteId' | 'key'>>): Promise<void>;
  findingById(id: string): Promise<StoredFinding | undefined>;
  /** Newest seen first. */
  findings(filter: FindingFilter, limit: number): Promise<StoredFinding[]>;

  insertTask(t: MonitorTask): Promise<void>;
  taskById(id: string): Promise<MonitorTask | undefined>;
  taskOfFinding(findingId: string): Promise<MonitorTask | undefined>;
  updateTask(id: string, patch: Partial<Omit<MonitorTask, 'id' | 'findingId' | 'createdAt'>>): Promise<void>;
  /** By due date. */
  tasks(filter: TaskFilter): Promise<MonitorTask[]>;

  insertLetter(l: MonitorLetter): Promise<void>;
  letterById(id: string): Promise<MonitorLetter | undefined>;
  updateLetter(id: string, patch: Partial<Omit<MonitorLetter, 'id' | 'orgId' | 'docNo' | 'createdAt'>>): Promise<void>;
  /** Newest first. */
  letters(filter: { orgIds?: readonly string[]; states?: readonly LetterState[] }): Promise<MonitorLetter[]>;
}

/** Repositories of the monitoring module. */
export type MonitoringRepos = { monitoring: MonitoringRepository };

/** What the monitoring use cases read. */
export type MonitoringReadContext = {
  repos: MonitoringRepos & OrgRepos & CalendarRepos & SettingsRepos;
  clock: Clock;
};

/** What the monitoring use cases that write use. */
export type MonitoringContext = MonitoringReadContext & {
  uow: UnitOfWork<MonitoringRepos & AuditRepos & OrgRepos & CalendarRepos & SettingsRepos & CounterRepos & MailRepos>;
  crypto: Crypto;
};

/** What registering gongkai's own portal reads: its catalogue. */
export type OwnPortalContext = MonitoringContext & { repos: PublicationRepos };

/** Writes a 提醒函 as DOCX in the GB/T 9704 layout of the notices (src/lazy-adapters.ts wires the notice writer). */
export interface LetterRenderer {
  letterDocx(doc: LetterDocument): Promise<Uint8Array>;
}

export type { ColumnFields, SiteFields };

// Ports of 依申请公开: applications and their ledgers, notices (告知书) and their service, the notice DOCX and PDF.

import type { ThrottleRepos } from '../throttle/ports.js';
import type {
  ApplicantType,
  ApplicationEvent,
  ApplicationSnapshot,
  ApplicationState,
  Channel,
  Outcome,
} from '../../domain/applications/application.js';
import type { NoticeDocument } from '../../domain/notices/notice.js';
import type { ProposedCorrection } from '../../domain/applications/online-correction.js';
import type { AuditRepos, Clock, Crypto, UnitOfWork } from '../ports.js';
import type { CalendarRepos } from '../calendar/ports.js';
import type { FileRepos } from '../files/ports.js';
import type { MailRepos } from '../mail/ports.js';
import type { CounterRepos } from '../numbering/ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { SettingsRepos } from '../settings/ports.js';
import type { UserRepos } from '../users/ports.js';

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
  dueOnOrAfter?: string;
  /** Only cases whose last extension request (`request_extension`) is still unanswered. */
  extensionRequested?: boolean;
  /** Only cases whose correction or payment period ended before this day (waiting_until < it). */
  waitingEndedBefore?: string;
  query?: string;
  /**
   * Where `query` may match the applicant's name: only cases of these organizations or assigned to this user (those
   * whose applicants the searcher sees), so a search cannot tell who applied where (docs/security/privacy.md).
   * Absent: everywhere (the CLI and system).
   */
  nameSearch?: { orgIds: readonly string[]; handlerId: string };
  receivedFrom?: string;
  receivedTo?: string;
};

/** A new case as inserted. */
export type NewApplication = Omit<ApplicationSnapshot, 'events'> & {
  submissionKey: string | null;
  /** SHA-256 of the canonical body sent with the key (null without a key). */
  submissionHash: string | null;
  proofFileId: string | null;
};

/** Disclosure applications and their event ledgers. */
export interface ApplicationRepository {
  insert(app: NewApplication, at: string): Promise<void>;
  byId(id: string): Promise<(ApplicationSnapshot & { proofFileId: string | null }) | undefined>;
  idByTrackingCode(code: string): Promise<string | undefined>;
  /** The case a submission key made, with the hash of the body it came with (null for cases before it was kept). */
  bySubmissionKey(key: string): Promise<{ id: string; submissionHash: string | null } | undefined>;
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

/**
 * An attachment of a case's reply (the information provided, redacted where partly disclosed). `sha256` is the
 * content's hash (also the stored file's id); `round` the drafting round it was uploaded in.
 */
export type ReplyFileRecord = {
  id: string;
  applicationId: string;
  fileId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  round: number;
  uploadedBy: string | null;
  uploadedAt: string;
};

/** The attachments of replies. */
export interface ReplyFileRepository {
  insert(f: ReplyFileRecord): Promise<void>;
  /** A case's attachments in upload order. */
  forApplication(applicationId: string): Promise<ReplyFileRecord[]>;
  remove(id: string): Promise<void>;
}

/** The draft 答复告知书 stored at a `draft_reply` (its event's seq); the body is a NoticeDocument without a number. */
export type ReplyDraftRecord = { applicationId: string; seq: number; body: unknown; createdAt: string };

/** The draft reply notices. */
export interface ReplyDraftRepository {
  insert(d: ReplyDraftRecord): Promise<void>;
  /** The draft of the latest draft_reply, if any. */
  latest(applicationId: string): Promise<ReplyDraftRecord | undefined>;
}

/** Corrections sent online from the applicant's page (补正, art. 30), proposed to the handler. */
export interface CorrectionRepository {
  insert(p: ProposedCorrection): Promise<void>;
  byId(id: string): Promise<ProposedCorrection | undefined>;
  /** The case's proposals, newest first; at most one is pending (a new one supersedes it). */
  forApplication(applicationId: string): Promise<ProposedCorrection[]>;
  /** Marks the case's pending proposal superseded by a later one. */
  supersede(applicationId: string, at: string): Promise<void>;
  /**
   * Marks a pending proposal accepted by the `receive_correction` event `eventSeq`.
   * @returns false when it is no longer pending (accepted or superseded meanwhile): nothing changed
   */
  accept(id: string, eventSeq: number, at: string): Promise<boolean>;
}

/** Office documents generated from structured notices. */
export interface DocumentRenderer {
  /** A DOCX of a notice (告知书), with the seal image when given (PNG bytes). */
  noticeDocx(doc: NoticeDocument, seal?: Uint8Array): Promise<Uint8Array>;
  /** A PDF of a notice, made like the annual report's PDF (the embedded CJK font). */
  noticePdf(doc: NoticeDocument): Promise<Uint8Array>;
}

/** Repositories of 依申请公开. */
export type ApplicationRepos = {
  applications: ApplicationRepository;
  notices: NoticeRepository;
  replyFiles: ReplyFileRepository;
  replyDrafts: ReplyDraftRepository;
  corrections: CorrectionRepository;
};

/** The repositories the application use cases read and write: their own and those they consult. */
export type ApplicationUseCaseRepos = ApplicationRepos &
  OrgRepos &
  UserRepos &
  CalendarRepos &
  FileRepos &
  SettingsRepos &
  MailRepos &
  CounterRepos &
  ThrottleRepos &
  AuditRepos;

/** What the application use cases take (src/app/context.ts's AppContext is one). */
export type ApplicationContext = {
  uow: UnitOfWork<ApplicationUseCaseRepos>;
  repos: ApplicationUseCaseRepos;
  clock: Clock;
  crypto: Crypto;
  /** The notice (告知书) DOCX. */
  renderer: DocumentRenderer;
};

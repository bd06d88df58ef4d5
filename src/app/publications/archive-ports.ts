// Ports of the archive export package (art. 25), the dashboard warnings and the art. 18
// re-assessment record: repository reads over publications and versions, the re-assessment
// register, and the package (ZIP) writer.
import type { LocalDate } from '../../domain/core/local-date.js';
import type { Disclosure, PublicationState, WithheldGround } from '../../domain/publications/publication.js';
import type { ExportVersionStamp } from '../../domain/publications/export-manifest.js';
import type { ReassessmentDecision } from '../../domain/publications/reassessment.js';
import type { LiveVersion } from './ports.js';

/** A publication that may belong in an export: its versions' stamps (no fields) and its withdrawal. */
export type ExportCandidate = {
  id: string;
  orgId: string;
  /** The instant of 撤稿 while the item is withdrawn, or null. */
  withdrawnAt: string | null;
  /** The instants of every 撤稿 in its ledger (an item withdrawn, revised and published again had one too). */
  withdrawals: string[];
  versions: ExportVersionStamp[];
};

/** Which items an export considers. */
export type ExportCandidateFilter = {
  orgIds: readonly string[];
  /** Last day of the period: items first published after it are not candidates. */
  to: LocalDate;
};

/** A 行政规范性文件 live on the portal without a live interpretation. */
export type UninterpretedItem = {
  id: string;
  orgId: string;
  indexNo: string;
  title: string;
  docNo: string;
  publishedOn: LocalDate;
};

/** Reads for the export package and the dashboard warnings (no writes). */
export interface PublicationArchiveReader {
  /**
   * Publications of the organizations first published on or before `to`, with the stamps of all
   * their versions (the domain picks the one to pack and drops 依申请公开 / 不予公开 versions).
   */
  exportCandidates(filter: ExportCandidateFilter): Promise<ExportCandidate[]>;
  /** The frozen fields of the given versions, keyed `${id}#${version}`. */
  versionFields(keys: readonly { id: string; version: number }[]): Promise<Map<string, LiveVersion['fields']>>;
  /** Live 行政规范性文件 with no live 政策解读 pointing at them, oldest first, and how many there are. */
  uninterpreted(orgIds: readonly string[], limit: number): Promise<{ items: UninterpretedItem[]; total: number }>;
}

/** One recorded re-assessment of a 不予公开 item (art. 18). */
export type ReassessmentRecord = {
  id: string;
  publicationId: string;
  orgId: string;
  /** The day the assessment was made. */
  assessedOn: LocalDate;
  decision: ReassessmentDecision;
  disclosureBefore: Disclosure;
  disclosureAfter: Disclosure;
  /** The ground kept (keep_withheld), else null. */
  withheldGround: WithheldGround | null;
  reason: string;
  /** The next due date (keep_withheld), else null. */
  nextDueOn: LocalDate | null;
  actorId: string | null;
  actorLabel: string;
  recordedAt: string;
};

/** What a re-assessment changes on the publication's working copy. */
export type ReassessmentPatch = {
  disclosure: Disclosure;
  withheldGround: WithheldGround | null;
  reassessOn: LocalDate | null;
  /** Set when the decision opens a revision of a published item (back to draft). */
  state?: PublicationState;
};

/** The re-assessment register and the columns it changes. */
export interface ReassessmentRepository {
  insert(r: ReassessmentRecord): Promise<void>;
  /** The item's re-assessments, newest first. */
  forPublication(publicationId: string): Promise<ReassessmentRecord[]>;
  /** Applies a decision to the working copy (disclosure, ground, next due date, optionally the state). */
  apply(publicationId: string, patch: ReassessmentPatch, at: string): Promise<void>;
}

/** Writes a package (ZIP) entry by entry to a sink; only the directory is kept in memory. */
export interface PackageWriter {
  /**
   * Adds one file.
   * @param path entry path inside the package (`/`-separated, UTF-8)
   * @param opts.compress false for content that is already compressed (DOCX, XLSX, images)
   * @param opts.modifiedAt ISO instant stamped on the entry (default: the writer's start time)
   * @throws Error on a duplicate path
   */
  add(path: string, content: Uint8Array, opts?: { compress?: boolean; modifiedAt?: string }): Promise<void>;
  /** Writes the central directory; the package is complete after this. */
  finish(): Promise<{ entries: number; bytes: number }>;
}

/** Builds a package writer over a sink that receives the bytes in order (and may apply back-pressure). */
export type PackageWriterFactory = (
  sink: (chunk: Uint8Array) => Promise<void>,
  opts?: { modifiedAt?: string },
) => PackageWriter;

/** Repositories of the archive package and the re-assessment register. */
export type ArchiveRepos = { publicationArchive: PublicationArchiveReader; reassessments: ReassessmentRepository };

// Ports of the proactive-disclosure module: the catalogue's categories and the publications.
import type { CategoryKind } from '../../domain/publications/catalogue.js';
import type { PublicationFact } from '../../domain/publications/annual-counts.js';
import type {
  PublicationFields,
  PublicationKind,
  PublicationState,
  ReviewEntry,
  Validity,
} from '../../domain/publications/publication.js';
import type { PublicationPatch } from '../../domain/publications/transitions.js';
import type { LocalDate } from '../../domain/core/local-date.js';

/** A node of an organization's catalogue. */
export type Category = {
  id: string;
  orgId: string;
  parentId: string | null;
  slug: string;
  name: string;
  sortOrder: number;
  kind: CategoryKind;
  statutoryKey: string | null;
  retiredAt: string | null;
};

/** Catalogue nodes. Nothing is hard-deleted: retiring keeps items filed under it readable. */
export interface CategoryRepository {
  list(orgId: string, opts?: { includeRetired?: boolean }): Promise<Category[]>;
  byId(id: string): Promise<Category | undefined>;
  bySlug(orgId: string, slug: string): Promise<Category | undefined>;
  insert(c: Category, at: string): Promise<void>;
  update(
    id: string,
    fields: { name?: string; sortOrder?: number; parentId?: string | null },
    at: string,
  ): Promise<void>;
  setRetired(id: string, retiredAt: string | null, at: string): Promise<void>;
}

/** An attachment as stored with a publication. */
export type PublicationAttachment = { fileId: string; name: string; mime: string; size: number };

/** A publication as stored: fields, state, ledger and attachments. */
export type PublicationRecord = PublicationFields & {
  id: string;
  orgId: string;
  indexNo: string;
  state: PublicationState;
  reviewLevel: number | null;
  scheduledAt: string | null;
  currentVersion: number | null;
  publishedOn: LocalDate | null;
  reassessOn: LocalDate | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  attachments: PublicationAttachment[];
  reviews: ReviewEntry[];
};

/** A publication in lists. */
export type PublicationSummary = {
  id: string;
  orgId: string;
  categoryId: string;
  indexNo: string;
  title: string;
  kind: PublicationKind;
  docNo: string;
  writtenOn: LocalDate;
  publishedOn: LocalDate | null;
  state: PublicationState;
  disclosure: PublicationFields['disclosure'];
  currentVersion: number | null;
  major: boolean;
  updatedAt: string;
  validity: Validity;
  validityOn: LocalDate | null;
  /** Set while the item is withdrawn (also during a revision after withdrawal). */
  withdrawnAt: string | null;
};

/** Filters of the back-office list. */
export type PublicationFilter = {
  orgIds: readonly string[];
  states?: readonly PublicationState[];
  categoryId?: string;
  kind?: PublicationKind;
  query?: string;
  /** Items awaiting this review level (submitted/in_review). */
  reviewLevel?: number;
};

/** The frozen live copy of a published version (what the portal shows while a revision runs). */
export type LiveVersion = {
  version: number;
  publishedAt: string;
  fields: PublicationFields & { indexNo: string; publishedOn: LocalDate | null; attachments: PublicationAttachment[] };
};

/** A published version as recorded, without its body: the version history and the art. 26 clock read it. */
export type VersionRecord = {
  version: number;
  /** When it went live (ISO instant). */
  publishedAt: string;
  publishedBy: string | null;
  title: string;
  validity: Validity;
};

/** Filters of the portal's live lists (every filter optional; `orgIds` absent means every organization). */
export type LiveFilter = {
  orgIds?: readonly string[];
  /**
   * Organizations left out (the retired ones, for lists over every organization: cheaper than naming all the others).
   */
  excludeOrgIds?: readonly string[];
  categoryIds?: readonly string[];
  kind?: PublicationKind;
  year?: number;
};

/** A live 主动公开 item: its id, organization and live version. */
export type LiveItem = { id: string; orgId: string; live: LiveVersion };

/**
 * A live 主动公开 item as the portal's lists show it: the columns copied out of its live version, without
 * reading the frozen record (its body, attachments and other fields).
 */
export type LiveSummary = {
  id: string;
  orgId: string;
  categoryId: string;
  indexNo: string;
  title: string;
  docNo: string;
  kind: PublicationKind;
  publisher: string;
  summary: string;
  publishedOn: LocalDate | null;
  /** When the live version went up (ISO instant). */
  publishedAt: string;
};

/** A page of the live set. */
export type LivePage = {
  limit: number;
  offset: number;
  /**
   * Count at most this many items (`capped` when there are more); 0: do not count (the caller knows the
   * total); absent: count them all.
   */
  countCap?: number;
};

/** Publications, their ledgers, attachments and versions. */
export interface PublicationRepository {
  insert(p: Omit<PublicationRecord, 'reviews'>): Promise<void>;
  byId(id: string): Promise<PublicationRecord | undefined>;
  idByIndexNo(indexNo: string): Promise<string | undefined>;
  /** Replaces the descriptive fields; `reassessOn` is the art. 18 date of a 不予公开 item (null otherwise). */
  updateFields(id: string, fields: PublicationFields, reassessOn: LocalDate | null, at: string): Promise<void>;
  updateState(id: string, patch: PublicationPatch, at: string): Promise<void>;
  setAttachments(id: string, attachments: readonly PublicationAttachment[]): Promise<void>;
  appendReview(id: string, entry: ReviewEntry): Promise<void>;
  insertVersion(id: string, v: LiveVersion, by: string | null): Promise<void>;
  liveVersion(id: string): Promise<LiveVersion | undefined>;
  /** The live version of an item with its organization, or undefined (never published, withdrawn). */
  liveItem(id: string): Promise<LiveItem | undefined>;
  /**
   * Live 主动公开 items (the current version of a published, not withdrawn item, read from the
   * frozen live copy so a revision in progress changes nothing), newest first (published_on desc, id desc).
   */
  listLive(filter: LiveFilter, page: LivePage): Promise<{ items: LiveItem[]; total: number; capped?: boolean }>;
  /** The same items, page and count as `listLive`, with the list columns only (no frozen record read). */
  listLiveSummaries(
    filter: LiveFilter,
    page: LivePage,
  ): Promise<{ items: LiveSummary[]; total: number; capped?: boolean }>;
  /** The newest live items' ids and 发布日期 only, newest first (the sitemap: no frozen fields read). */
  liveDates(filter: LiveFilter, limit: number): Promise<{ id: string; publishedOn: string }[]>;
  /**
   * The live items just newer and just older than a live item of the same organization in its category, in
   * the portal's order (published_on desc, id desc): the publication page's 上一篇 / 下一篇.
   */
  liveNeighbours(
    orgId: string,
    categoryId: string,
    at: { id: string; publishedOn: string },
  ): Promise<{ newer: LiveSummary | undefined; older: LiveSummary | undefined }>;
  /** The number of live 主动公开 items per category of an organization (by the live category). */
  liveCategoryCounts(orgId: string): Promise<Map<string, number>>;
  /** The live 主动公开 interpretations whose live version explains the publication, newest first. */
  interpretationsOf(publicationId: string): Promise<LiveItem[]>;
  /** The ids of the live 主动公开 items whose live version lists the file. */
  attachmentOwners(fileId: string): Promise<string[]>;
  list(
    filter: PublicationFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: PublicationSummary[]; total: number }>;
  /**
   * The recorded changes of each item (art. 26 变更): the ledger rows that opened a revision (修订新版本, 撤稿后修订),
   * and the art. 18 re-assessments that opened a 不予公开 item to 主动公开; with their instants, any order.
   */
  changeInstants(ids: readonly string[]): Promise<Map<string, { at: string; kind: 'revision' | 'disclosure' }[]>>;
  /** The published versions of each item, oldest first (items never published are absent). */
  versions(ids: readonly string[]): Promise<Map<string, VersionRecord[]>>;
  /** Scheduled items whose time has come (scheduled_at ≤ now). */
  dueForRelease(now: string): Promise<string[]>;
  /** 不予公开 items whose re-assessment date is on or before `today` (art. 18). */
  reassessmentDue(orgIds: readonly string[], today: LocalDate): Promise<PublicationSummary[]>;
  /** One fact per publication of the organization published or written by the year's end. */
  facts(orgId: string, year: number): Promise<PublicationFact[]>;
}

/** Cleans untrusted rich text (publication bodies) down to an allow-list of tags and attributes. */
export interface HtmlSanitizer {
  /** The input with everything outside the allow-list removed (scripts with their content). */
  html(input: string): string;
}

/** An image of a Word document, as the document holds it (its type as declared there: sniff before trusting). */
export type WordImage = { contentType: string; content: Uint8Array; alt: string };

/**
 * A Word document's body as HTML: headings (Word's 标题 1, 标题 2… / Heading 1, 2…) as h2, h3…, paragraphs,
 * tables and lists; each image an `<img src="word-image:N">` naming `images[N]`. Unsanitised: the caller
 * sanitises it.
 */
export type WordBody = { html: string; images: WordImage[] };

/**
 * Reads an untrusted DOCX into its body, off the main thread and under the document limits
 * (docs/security/documents.md).
 * @throws DocumentRefused past a limit, or when the file is not a DOCX ('not_docx')
 */
export type WordBodyReader = (bytes: Uint8Array) => Promise<WordBody>;

/** Repositories of the catalogue's categories and the publications. */
export type PublicationRepos = { categories: CategoryRepository; publications: PublicationRepository };

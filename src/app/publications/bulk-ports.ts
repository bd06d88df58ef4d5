// Port of the publications import's bulk writes (`gongkai publications import`, bench:portal):
// published items with their live versions, ledger rows and search documents in multi-row inserts.
import type { ReviewEntry } from '../../domain/publications/publication.js';
import type { SearchDocument } from '../search/ports.js';
import type { LiveVersion, PublicationRecord } from './ports.js';

/** One already-published item as an import stores it: state `published` at version 1. */
export type ImportedPublication = {
  record: Omit<PublicationRecord, 'reviews' | 'attachments'>;
  /** Version 1, the live copy the portal shows. */
  live: LiveVersion;
  /** The item's one ledger row (how it came in). */
  review: ReviewEntry;
  /** Its search-index entry (fed in the same transaction, so it is found at once). */
  search: SearchDocument;
};

/** Bulk reads and writes of the import, in the caller's transaction. */
export interface PublicationBulkWriter {
  /** Which of these 索引号 are taken already. */
  existingIndexNos(indexNos: readonly string[]): Promise<Set<string>>;
  /** The ids of the items with these 索引号 (absent ones are left out). */
  idsByIndexNo(indexNos: readonly string[]): Promise<Map<string, string>>;
  /** Inserts the items, their live versions, ledger rows and search documents (batched multi-row inserts). */
  insertPublished(items: readonly ImportedPublication[]): Promise<void>;
  /** Raises a counter to at least `value`; never lowers it. */
  raiseCounter(key: string, value: number): Promise<void>;
  /** Refreshes the database's query-planner statistics after a large load. */
  refreshStatistics(): Promise<void>;
}

/** Repositories of the bulk import. */
export type BulkRepos = { publicationBulk: PublicationBulkWriter };

// Ports of the 社会评议 and 责任追究 records.
import type { OversightDetails, OversightKind, OversightRecord } from '../../domain/oversight/oversight.js';

/** Filters of the records; visibility is the `orgIds` list (holding organizations), applied in SQL. */
export type OversightFilter = { orgIds: readonly string[]; year?: number; kind?: OversightKind };

/** 社会评议 and 责任追究 records. */
export interface OversightRepository {
  insert(r: OversightRecord): Promise<void>;
  update(id: string, details: OversightDetails, at: string): Promise<void>;
  delete(id: string): Promise<void>;
  byId(id: string): Promise<OversightRecord | undefined>;
  /** Records matching the filter, newest first. */
  list(filter: OversightFilter): Promise<OversightRecord[]>;
}

/** Repositories of the oversight records. */
export type OversightRepos = { oversight: OversightRepository };

// Ports every module shares: the unit of work, the clock, randomness and digests, the audit trail and
// the mailer. Each module declares its own repositories and adapters in its own ports.ts; src/app/context.ts
// composes them into the context that src/main.ts builds.
import type { AuditEntry, AuditInput } from '../domain/audit/audit-entry.js';
import type { LocalDate } from '../domain/core/local-date.js';

/**
 * Runs a function in one database transaction: all of it is written, or none of it. `R` is the set of
 * repositories the caller needs (bound to the transaction); a use case names only what it uses.
 */
export interface UnitOfWork<R> {
  run<T>(fn: (repos: R) => Promise<T>): Promise<T>;
}

/** The clock. Instants are ISO-8601 UTC text; the legal day is in the office's time zone. */
export interface Clock {
  nowIso(): string;
  nowMs(): number;
  /** Today's date in the office's time zone. */
  today(): LocalDate;
  /** The date an instant (ISO-8601) falls on in the office's time zone: the office's day, not UTC's. */
  dateOf(instant: string): LocalDate;
}

/** Randomness, digests and the server's signatures. */
export interface Crypto {
  newId(): string;
  randomToken(bytes?: number): string;
  sha256(text: string): string;
  /** HMAC-SHA256 of the text under the server's secret key (GONGKAI_SECRET), base64url. */
  sign(text: string): string;
  /** Whether two secrets are equal, compared in constant time (their lengths are not revealed either). */
  equal(a: string, b: string): boolean;
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
  /**
   * What the back office calls the entries' objects and people: an application by its 查询码, a publication by
   * its title, an organization, category or key area by its name, a review case by its case number, an account
   * by its display name. Keys of `subjects` are `entityType:entityId`; objects of other types are absent.
   */
  names(refs: readonly { entityType: string; entityId: string }[], userIds: readonly string[]): Promise<AuditNames>;
}

/** Display names for audit entries (see AuditLog.names). */
export type AuditNames = { subjects: Map<string, string>; people: Map<string, string> };

/** Repositories holding the audit trail. */
export type AuditRepos = { audit: AuditLog };

/** Sends one email (SMTP adapter). */
export interface Mailer {
  send(m: { to: string; subject: string; text: string }): Promise<void>;
}

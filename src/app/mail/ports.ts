// Ports of the email outbox.

/** A message waiting in the outbox. */
export type OutboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  refId: string | null;
  attempts: number;
  createdAt: string;
};

/** Queued: never tried yet; failed: tried and refused at least once, tried again at `nextAttemptAt`. */
export type OutboxState = 'queued' | 'failed';

/** A message not yet sent, as the back office lists it (without its body). */
export type OutboxEntry = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
};

/**
 * The email outbox: written inside a change's transaction, sent after commit (never holding a transaction across I/O).
 */
export interface OutboxRepository {
  enqueue(
    m: { id: string; to: string; subject: string; text: string; kind: string; refId: string | null },
    at: string,
  ): Promise<void>;
  /** The messages due to be sent (read only: use `claim` to send them). */
  due(nowIso: string, limit: number): Promise<OutboxMessage[]>;
  /**
   * Takes up to `limit` due messages that no live claim holds, oldest first, for `claimer` until `leaseUntil`:
   * one atomic statement (PostgreSQL skips rows another transaction is claiming: `FOR UPDATE SKIP LOCKED`), so a
   * message is handed to one claimer only. A claim outlives a crash by its lease at most.
   */
  claim(claimer: string, nowIso: string, leaseUntil: string, limit: number): Promise<OutboxMessage[]>;
  /** Records the message sent (by its claimer: the claim is kept as who sent it). */
  markSent(id: string, at: string): Promise<void>;
  /** Records a failed attempt and releases the claim: the message is taken again from `nextAttemptAt`. */
  markFailed(id: string, error: string, nextAttemptAt: string): Promise<void>;
  pending(): Promise<number>;
  /** Unsent messages, oldest first: all, or only those never tried (queued) or tried and refused (failed). */
  unsent(filter: { state?: OutboxState }, limit: number): Promise<OutboxEntry[]>;
  /** An unsent message (undefined once sent, or when there is none). */
  unsentById(id: string): Promise<OutboxEntry | undefined>;
  /** Makes an unsent message due at `at` (the next run sends it); false when it is sent or missing. */
  retryAt(id: string, at: string): Promise<boolean>;
}

/** Repositories of the outbox. */
export type MailRepos = { outbox: OutboxRepository };

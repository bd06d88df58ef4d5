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
}

/** Repositories of the outbox. */
export type MailRepos = { outbox: OutboxRepository };

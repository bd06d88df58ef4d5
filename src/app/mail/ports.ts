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

/** Repositories of the outbox. */
export type MailRepos = { outbox: OutboxRepository };

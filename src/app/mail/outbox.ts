// Email: messages are queued in the outbox inside the change's transaction and sent after commit,
// with retries, so a slow or failing mail server never blocks or undoes the work.
import type { Clock, Mailer } from '../ports.js';
import type { MailRepos } from './ports.js';

/** Queues one message (call inside the transaction of the change it reports). */
export async function enqueueMail(
  repos: MailRepos,
  newId: () => string,
  m: { to: string; subject: string; text: string; kind: string; refId?: string | null },
  at: string,
): Promise<void> {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(m.to)) return;
  await repos.outbox.enqueue(
    { id: newId(), to: m.to, subject: m.subject, text: m.text, kind: m.kind, refId: m.refId ?? null },
    at,
  );
}

/** Retry delays after a failed attempt: 1 min, 5 min, 30 min, 2 h, then every 12 h. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];

/**
 * Sends the messages that are due, one at a time, outside any transaction.
 * @returns how many were sent and how many failed (they are retried later)
 */
export async function flushOutbox(
  ctx: { repos: MailRepos; clock: Clock; mailer: Mailer | null },
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  if (!ctx.mailer) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (const m of await ctx.repos.outbox.due(ctx.clock.nowIso(), limit)) {
    try {
      await ctx.mailer.send({ to: m.to, subject: m.subject, text: m.text });
      await ctx.repos.outbox.markSent(m.id, ctx.clock.nowIso());
      sent += 1;
    } catch (e) {
      const minutes = BACKOFF_MINUTES[Math.min(m.attempts, BACKOFF_MINUTES.length - 1)] ?? 720;
      await ctx.repos.outbox.markFailed(
        m.id,
        e instanceof Error ? e.message : String(e),
        new Date(ctx.clock.nowMs() + minutes * 60_000).toISOString(),
      );
      failed += 1;
    }
  }
  return { sent, failed };
}

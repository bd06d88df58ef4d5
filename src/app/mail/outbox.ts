// Email: messages are queued in the outbox inside the change's transaction and sent after commit,
// with retries, so a slow or failing mail server never blocks or undoes the work.
import type { Clock, Mailer } from '../ports.js';
import type { MailRepos, OutboxMessage } from './ports.js';

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

/** Messages taken at a time: a claim never holds more than the few being sent. */
const BATCH = 10;
/** How long a claim holds before another process may take the message: far longer than one send takes. */
const LEASE_MS = 10 * 60_000;

/**
 * Sends the messages that are due, outside any transaction, a few at a time: each batch is first claimed for
 * `claimer` (see OutboxRepository.claim), so processes flushing at once, or a run that outlasts the interval
 * and the next one, never send a message twice.
 * @param opts.claimer who sends (the process; shown as the sender of each message)
 * @param opts.limit at most this many messages in one run
 * @returns how many were sent and how many failed (they are retried later)
 */
export async function flushOutbox(
  ctx: { repos: MailRepos; clock: Clock; mailer: Mailer | null },
  opts: { claimer?: string; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  if (!ctx.mailer) return { sent: 0, failed: 0 };
  const { claimer = 'gongkai', limit = 200 } = opts;
  let sent = 0;
  let failed = 0;
  while (sent + failed < limit) {
    const now = ctx.clock.nowIso();
    const lease = new Date(ctx.clock.nowMs() + LEASE_MS).toISOString();
    const batch = await ctx.repos.outbox.claim(claimer, now, lease, Math.min(BATCH, limit - sent - failed));
    if (batch.length === 0) break;
    for (const m of batch) {
      if (await sendOne(ctx, ctx.mailer, m)) sent += 1;
      else failed += 1;
    }
  }
  return { sent, failed };
}

/** Sends one claimed message and records the outcome; false when it failed (retried after a delay). */
async function sendOne(ctx: { repos: MailRepos; clock: Clock }, mailer: Mailer, m: OutboxMessage): Promise<boolean> {
  try {
    await mailer.send({ to: m.to, subject: m.subject, text: m.text });
    await ctx.repos.outbox.markSent(m.id, ctx.clock.nowIso());
    return true;
  } catch (e) {
    const minutes = BACKOFF_MINUTES[Math.min(m.attempts, BACKOFF_MINUTES.length - 1)] ?? 720;
    await ctx.repos.outbox.markFailed(
      m.id,
      e instanceof Error ? e.message : String(e),
      new Date(ctx.clock.nowMs() + minutes * 60_000).toISOString(),
    );
    return false;
  }
}

// Reading new posts from the feeds (RSS/Atom) of running accounts that have one. An entry without a readable date is
// left out (an undated post does not count as an update); one already recorded (same time and title) is skipped.
import type { Actor } from '../../domain/policies/actor.js';
import { accountKey, RUNNING_STATUSES } from '../../domain/monitoring/accounts.js';
import { auditBy } from '../actors.js';
import type { FeedReader, MediaContext } from './ports.js';
import { mayMedia } from './manage-accounts.js';

/** What reading one account's feed did, or why it failed. */
export type FeedPoll = { account: string; inserted: number; duplicates: number; undated: number; error?: string };

/**
 * Reads the feed of every running account with a feed URL that the actor keeps (all for the CLI and jobs), each on
 * its own: one feed failing does not stop the others.
 */
export async function pollFeeds(
  ctx: MediaContext & { feedReader: FeedReader },
  actor: Actor | null,
): Promise<FeedPoll[]> {
  const [orgs, accounts] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    ctx.repos.media.accounts(),
  ]);
  const due = accounts.filter(
    (a) => a.feedUrl !== '' && RUNNING_STATUSES.has(a.status) && mayMedia(actor, 'media.write', orgs, a.orgId),
  );
  const latest = `${ctx.clock.today()}T23:59`;
  const out: FeedPoll[] = [];
  for (const a of due) {
    const poll: FeedPoll = { account: accountKey(a), inserted: 0, duplicates: 0, undated: 0 };
    out.push(poll);
    const entries = await ctx.feedReader.read(a.feedUrl).catch((e: unknown) => {
      poll.error = e instanceof Error ? e.message : String(e);
      return [];
    });
    const dated = entries.filter((e) => e.postedAt !== '' && e.postedAt <= latest);
    poll.undated = entries.length - dated.length;
    if (dated.length === 0) continue;
    const now = ctx.clock.nowIso();
    await ctx.uow.run(async (r) => {
      for (const e of dated) {
        const post = { id: ctx.crypto.newId(), accountId: a.id, postedAt: e.postedAt, title: e.title.slice(0, 500) };
        const added = await r.media.insertPost({
          ...post,
          url: e.url,
          comments: 0,
          answered: 0,
          source: 'feed',
          createdAt: now,
        });
        if (added) poll.inserted += 1;
        else poll.duplicates += 1;
      }
      if (poll.inserted === 0) return;
      await r.audit.append(
        auditBy(actor, {
          action: 'media.feed_read',
          entityType: 'media_account',
          entityId: a.id,
          orgId: a.orgId,
          before: null,
          after: { feedUrl: a.feedUrl, inserted: poll.inserted },
        }),
        now,
      );
    });
  }
  return out;
}

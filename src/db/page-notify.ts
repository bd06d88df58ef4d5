// Page changes between processes on PostgreSQL: each process keeps one connection that LISTENs on the schema's
// channel; the change-tracking wrapper (db/page-changes.ts) NOTIFYs the tags of every committed transaction on it.
// A process whose listening connection drops cannot know what it missed: it reports everything changed (its page
// cache empties), serves no cached page until it listens again, and reconnects.
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import { SITE_TAG, type PageTag } from '../app/portal/page-tags.js';
import type { ChangeHub } from './page-changes.js';
import { describe } from './faults.js';

/** NOTIFY payloads are limited to 8000 bytes; a longer list of tags becomes "everything". */
const MAX_PAYLOAD = 7900;
/** Wait before listening again after the connection dropped. */
const RECONNECT_MS = 1000;

/** The channel of a schema's page changes (identifier-safe: processes of other schemas never hear it). */
export const channelOf = (schema: string): string =>
  `gongkai_pages_${schema.replace(/[^a-z0-9_]/gi, '_')}`.slice(0, 63);

/** The payload of a change: who sent it (its own process ignores the echo) and the tags. */
type Payload = { from: string; tags: readonly PageTag[] };

/** The NOTIFY statement of a committed change (run inside the transaction, delivered at its commit). */
export function notifyStatement(channel: string, from: string): (tags: readonly PageTag[]) => CompiledQuery {
  return (tags) => {
    let payload = JSON.stringify({ from, tags } satisfies Payload);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ from, tags: [SITE_TAG] });
    return CompiledQuery.raw('select pg_notify($1, $2)', [channel, payload]);
  };
}

/** A running listener. */
export type Listener = { close: () => Promise<void> };

/**
 * Listens for page changes of other processes and feeds them to the hub; keeps the hub's `live` true only while
 * listening. Call once per process and database.
 * @param from this process's sender id (its own notifications are skipped: they were told locally)
 */
export function listenForPageChanges(
  hub: ChangeHub,
  opts: { url: string; channel: string; from: string; applicationName?: string },
): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const lost = (why: string) => {
    if (closed) return;
    if (hub.live()) console.error(`页面缓存通知连接中断 / page-change listener lost: ${why}`);
    hub.setLive(false);
    hub.emit([SITE_TAG]);
    const c = client;
    client = null;
    c?.removeAllListeners();
    c?.on('error', () => undefined);
    void c?.end().catch(() => undefined);
    if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        void connect();
      }, RECONNECT_MS);
      timer.unref();
    }
  };
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({
      connectionString: opts.url,
      application_name: opts.applicationName ?? `gongkai-pages-${process.pid}`,
    });
    client = c;
    c.on('error', (e) => lost(describe(e)));
    c.on('end', () => lost('connection ended'));
    c.on('notification', (n) => {
      if (n.channel !== opts.channel) return;
      try {
        const p = JSON.parse(n.payload ?? '') as Payload;
        if (p.from !== opts.from) hub.emit(p.tags);
      } catch {
        hub.emit([SITE_TAG]);
      }
    });
    try {
      await c.connect();
      // Listening alone keeps no process alive (a server is kept by its HTTP socket; a test or a command that
      // forgets to close its database still exits).
      (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      await c.query(`LISTEN "${opts.channel}"`);
      if (closed || client !== c) return;
      // Whatever was committed while nobody listened is unknown: start from an empty cache.
      hub.emit([SITE_TAG]);
      hub.setLive(true);
    } catch (e) {
      lost(describe(e));
    }
  };
  void connect();
  return {
    close: async () => {
      closed = true;
      hub.setLive(false);
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      c?.removeAllListeners();
      c?.on('error', () => undefined);
      await c?.end().catch(() => undefined);
    },
  };
}
